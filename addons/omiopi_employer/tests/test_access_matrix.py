from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.omiopi_case.tests.access_matrix_common import (
    ROLES,
    AccessMatrixChecks,
)

PROSPECTOR = "omiopi_employer.group_omiopi_prospector"


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixChecks, TransactionCase):
    """Every model of omiopi_employer x every role (the prospector's column
    included) x read/write/create/delete. Sectors and closing reasons label
    the companies of the CRM, which every internal user may read; they hold
    nothing personal."""

    ACCESS_MODULE = "omiopi_employer"
    ROLES = {**ROLES, "prosp": PROSPECTOR}
    # fmt: off
    #                                         none  tech  head  coord admin portal prosp
    ACCESS_MATRIX = {
        "omiopi.employer.sector":         "r     r     r     r     rwcd  -     r",
        "omiopi.job.candidacy":           "-     rwc   rwc   rwc   rwcd  -     rwc",
        "omiopi.job.candidacy.reason":    "r     r     r     r     rwcd  -     r",
        "omiopi.job.insertion":           "-     rwc   rwc   rwc   rwcd  -     rwc",
        "omiopi.job.offer":               "-     r     r     rwc   rwcd  -     rwc",
        "omiopi.job.offer.language":      "-     r     r     rwcd  rwcd  -     rwcd",
        "omiopi.job.offer.match":         "-     rwcd  rwcd  rwcd  rwcd  -     rwcd",
        "omiopi.job.offer.match.line":    "-     rwcd  rwcd  rwcd  rwcd  -     rwcd",
    }
    # fmt: on


@tagged("post_install", "-at_install")
class TestProspectorAccessMatrix(AccessMatrixChecks, TransactionCase):
    """The prospector's column on omiopi_case's models: the catalogues and the
    person's languages, experience and training that matching reads; nothing
    else of the case work (a model missing here must stay closed)."""

    ROLES = {"prosp": PROSPECTOR}
    ACCESS_DEFAULT = "-"
    ACCESS_DEFAULT_MODULES = ("omiopi_case",)
    ACCESS_MATRIX = {
        "omiopi.district": "r",
        "omiopi.driving.licence": "r",
        "omiopi.education.level": "r",
        "omiopi.language": "r",
        "omiopi.office": "r",
        "omiopi.permit": "r",
        "omiopi.person.experience": "r",
        "omiopi.person.language": "r",
        "omiopi.person.training": "r",
    }
