from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.omiopi_case.tests.access_matrix_common import AccessMatrixChecks


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixChecks, TransactionCase):
    """Every model of omiopi_case x every role x read/write/create/delete."""

    ACCESS_MODULE = "omiopi_case"
    # fmt: off
    #                                             none  tech  head  coord admin portal
    ACCESS_MATRIX = {
        "omiopi.access.log":                  "-     -     -     -     r     -",
        "omiopi.activity.report":             "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.activity.report.line":        "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.anonymise.wizard":            "-     -     -     -     rwcd  -",
        "omiopi.area":                        "-     r     r     r     rwcd  -",
        "omiopi.attention":                   "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.case":                        "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.case.checklist.line":         "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.case.close.reason":           "-     r     r     r     rwcd  -",
        "omiopi.case.close.wizard":           "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.case.household":              "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.case.need":                   "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.checklist.item":              "-     r     r     r     rwcd  -",
        "omiopi.consent":                     "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.district":                    "-     r     r     r     rwcd  -",
        "omiopi.driving.licence":             "-     r     r     r     rwcd  -",
        "omiopi.education.level":             "-     r     r     r     rwcd  -",
        "omiopi.field.point":                 "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.field.registration":          "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.field.session":               "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.itinerary.step":              "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.language":                    "-     r     r     r     rwcd  -",
        "omiopi.language.service":            "-     rwc   rwc   rwc   rwcd  -",
        "omiopi.legal.situation":             "-     r     r     r     rwcd  -",
        "omiopi.mediator":                    "-     r     r     r     rwcd  -",
        "omiopi.need.dimension":              "-     r     r     r     rwcd  -",
        "omiopi.office":                      "-     r     r     r     rwcd  -",
        "omiopi.permit":                      "-     r     r     r     rwcd  -",
        "omiopi.person.experience":           "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.person.language":             "-     rwcd  rwcd  rwcd  rwcd  -",
        "omiopi.person.training":             "-     rwcd  rwcd  rwcd  rwcd  -",
    }
    # fmt: on
