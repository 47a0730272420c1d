from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.omiopi_case.tests.access_matrix_common import AccessMatrixChecks


@tagged("post_install", "-at_install")
class TestProspectorTrainingAccessMatrix(AccessMatrixChecks, TransactionCase):
    """The prospector's column on omiopi_training's models, which this add-on
    opens: courses, editions, enrolments and certificates are read to present
    a candidate; sessions, attendance and the rest stay closed."""

    ROLES = {"prosp": "omiopi_employer.group_omiopi_prospector"}
    ACCESS_DEFAULT = "-"
    ACCESS_DEFAULT_MODULES = ("omiopi_training",)
    ACCESS_MATRIX = {
        "omiopi.training.certificate": "r",
        "omiopi.training.course": "r",
        "omiopi.training.edition": "r",
        "omiopi.training.enrolment": "r",
    }
