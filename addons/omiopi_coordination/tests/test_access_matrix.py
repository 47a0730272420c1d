from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.omiopi_case.tests.access_matrix_common import AccessMatrixChecks


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixChecks, TransactionCase):
    """Every model of omiopi_coordination x every role x read/write/create/delete."""

    ACCESS_MODULE = "omiopi_coordination"
    # fmt: off
    #                                             none  tech  head  coord admin portal
    ACCESS_MATRIX = {
        "omiopi.coordination.agreement":      "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.coordination.meeting":        "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.coordination.table":          "-     rwc   rwc   rwc   rwcd  -",
    }
    # fmt: on
