from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.omiopi_case.tests.access_matrix_common import AccessMatrixChecks


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixChecks, TransactionCase):
    """Every model of omiopi_referral x every role x read/write/create/delete.

    Decisions and the stage log are written by the referral's own methods
    only, so nobody writes them directly."""

    ACCESS_MODULE = "omiopi_referral"
    # fmt: off
    #                                             none  tech  head  coord admin portal
    ACCESS_MATRIX = {
        "omiopi.program":                     "-     r     r     rwc   rwcd  -",
        "omiopi.program.target":              "-     r     r     rwc   rwcd  -",
        "omiopi.referral":                    "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.referral.criterion":          "-     r     r     r     rwcd  -",
        "omiopi.referral.decision":           "-     r     r     r     r     -",
        "omiopi.referral.decision.wizard":    "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.referral.import.line":        "-     -     -     rwcd  rwcd  -",
        "omiopi.referral.import.wizard":      "-     -     -     rwcd  rwcd  -",
        "omiopi.referral.outcome":            "-     r     r     r     rwcd  -",
        "omiopi.referral.reason":             "-     r     r     r     rwcd  -",
        "omiopi.referral.refuse.reason":      "-     r     r     r     rwcd  -",
        "omiopi.referral.report.wizard":      "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.referral.stage":              "-     r     r     r     rwcd  -",
        "omiopi.referral.stage.log":          "-     r     r     r     r     -",
    }
    # fmt: on
