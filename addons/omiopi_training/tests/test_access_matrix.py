from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.omiopi_case.tests.access_matrix_common import AccessMatrixChecks


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixChecks, TransactionCase):
    """Every model of omiopi_training x every role x read/write/create/delete."""

    ACCESS_MODULE = "omiopi_training"
    # fmt: off
    #                                             none  tech  head  coord admin portal
    ACCESS_MATRIX = {
        "omiopi.training.attendance":         "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.training.certificate":        "-     r     r     r     rwcd  -",
        "omiopi.training.course":             "-     r     r     r     rwcd  -",
        "omiopi.training.edition":            "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.training.enrolment":          "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.training.enrolment.wizard":   "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.training.learner.report":     "-     r     r     r     r     -",
        "omiopi.training.module":             "-     r     r     r     rwcd  -",
        "omiopi.training.reason":             "-     r     r     r     rwcd  -",
        "omiopi.training.session":            "-     rwcd  rwcd  rwcd  rwcd  -",
    }
    # fmt: on
