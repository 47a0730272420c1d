from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

# Every role of the suite, with the group that makes it. The prospector comes
# with omiopi_employer: its column is checked where that add-on is installed.
ROLES = {
    "none": "base.group_user",  # an internal user without an omiopi group
    "tech": "omiopi_case.group_omiopi_technician",
    "head": "omiopi_case.group_omiopi_section_head",
    "coord": "omiopi_case.group_omiopi_coordinator",
    "prosp": "omiopi_employer.group_omiopi_prospector",
    "admin": "omiopi_case.group_omiopi_manager",
    "portal": "base.group_portal",
}

# What each role may do on each model of the suite (access rights):
# r read, w write, c create, d delete, - nothing. The record rules narrow
# this down to records: test_access.py's MATRIX (a record of office A for
# each role, including a technician of office B) and each add-on's access
# tests.
# The suite-wide table lives here, in the add-on every other one depends on,
# and is checked for the models installed: with every add-on installed (as
# `make test` does) it covers all of them, and a model missing from it fails.
# fmt: off
#                                          none  tech  head  coord prosp admin portal
ACCESS_MATRIX = {
    # omiopi_case
    "omiopi.access.log":                  "-     -     -     -     -     r     -",
    "omiopi.activity.report":             "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.activity.report.line":        "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.anonymise.wizard":            "-     -     -     -     -     rwcd  -",
    "omiopi.area":                        "-     r     r     r     -     rwcd  -",
    "omiopi.attention":                   "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.case":                        "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.case.checklist.line":         "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.case.close.reason":           "-     r     r     r     -     rwcd  -",
    "omiopi.case.close.wizard":           "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.case.household":              "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.case.need":                   "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.checklist.item":              "-     r     r     r     -     rwcd  -",
    "omiopi.consent":                     "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.district":                    "-     r     r     r     r     rwcd  -",
    "omiopi.field.point":                 "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.field.registration":          "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.field.session":               "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.driving.licence":             "-     r     r     r     r     rwcd  -",
    "omiopi.education.level":             "-     r     r     r     r     rwcd  -",
    "omiopi.language":                    "-     r     r     r     r     rwcd  -",
    "omiopi.language.service":            "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.mediator":                    "-     r     r     r     -     rwcd  -",
    "omiopi.itinerary.step":              "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.legal.situation":             "-     r     r     r     -     rwcd  -",
    "omiopi.need.dimension":              "-     r     r     r     -     rwcd  -",
    "omiopi.office":                      "-     r     r     r     r     rwcd  -",
    "omiopi.permit":                      "-     r     r     r     r     rwcd  -",
    "omiopi.person.experience":           "-     rwcd  rwcd  rwcd  r     rwcd  -",
    "omiopi.person.language":             "-     rwcd  rwcd  rwcd  r     rwcd  -",
    "omiopi.person.training":             "-     rwcd  rwcd  rwcd  r     rwcd  -",
    # omiopi_coordination
    "omiopi.coordination.agreement":      "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.coordination.meeting":        "-     rwc   rwc   rwc   -     rwcd  -",
    "omiopi.coordination.table":          "-     rwc   rwc   rwc   -     rwcd  -",
    # omiopi_referral: decisions and the stage log are written by the
    # referral's own methods only, so nobody writes them directly.
    "omiopi.program":                     "-     r     r     rwc   -     rwcd  -",
    "omiopi.program.target":              "-     r     r     rwc   -     rwcd  -",
    "omiopi.referral":                    "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.referral.criterion":          "-     r     r     r     -     rwcd  -",
    "omiopi.referral.decision":           "-     r     r     r     -     r     -",
    "omiopi.referral.decision.wizard":    "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.referral.import.line":        "-     -     -     rwcd  -     rwcd  -",
    "omiopi.referral.import.wizard":      "-     -     -     rwcd  -     rwcd  -",
    "omiopi.referral.outcome":            "-     r     r     r     -     rwcd  -",
    "omiopi.referral.reason":             "-     r     r     r     -     rwcd  -",
    "omiopi.referral.refuse.reason":      "-     r     r     r     -     rwcd  -",
    "omiopi.referral.report.wizard":      "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.referral.stage":              "-     r     r     r     -     rwcd  -",
    "omiopi.referral.stage.log":          "-     r     r     r     -     r     -",
    # omiopi_training
    "omiopi.training.attendance":         "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.training.certificate":        "-     r     r     r     r     rwcd  -",
    "omiopi.training.course":             "-     r     r     r     r     rwcd  -",
    "omiopi.training.edition":            "-     rwc   rwc   rwc   r     rwcd  -",
    "omiopi.training.enrolment":          "-     rwc   rwc   rwc   r     rwcd  -",
    "omiopi.training.enrolment.wizard":   "-     rwcd  rwcd  rwcd  -     rwcd  -",
    "omiopi.training.learner.report":     "-     r     r     r     -     r     -",
    "omiopi.training.module":             "-     r     r     r     -     rwcd  -",
    "omiopi.training.reason":             "-     r     r     r     -     rwcd  -",
    "omiopi.training.session":            "-     rwcd  rwcd  rwcd  -     rwcd  -",
    # omiopi_employer: sectors and closing reasons label the companies of the
    # CRM, which every internal user may read; they hold nothing personal.
    "omiopi.employer.sector":             "r     r     r     r     r     rwcd  -",
    "omiopi.job.candidacy":               "-     rwc   rwc   rwc   rwc   rwcd  -",
    "omiopi.job.candidacy.reason":        "r     r     r     r     r     rwcd  -",
    "omiopi.job.insertion":               "-     rwc   rwc   rwc   rwc   rwcd  -",
    "omiopi.job.offer":                   "-     r     r     rwc   rwc   rwcd  -",
    "omiopi.job.offer.language":          "-     r     r     rwcd  rwcd  rwcd  -",
    "omiopi.job.offer.match":             "-     rwcd  rwcd  rwcd  rwcd  rwcd  -",
    "omiopi.job.offer.match.line":        "-     rwcd  rwcd  rwcd  rwcd  rwcd  -",
}

# fmt: on

OPERATIONS = (("r", "read"), ("w", "write"), ("c", "create"), ("d", "unlink"))


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    """Every omiopi model x every role x read/write/create/delete, against the
    tables above."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_a = cls.env["omiopi.office"].create(
            {"name": "Matrix office A", "code": "MXA"}
        )
        cls.users = {}
        for role, group in ROLES.items():
            if not cls.env.ref(group, raise_if_not_found=False):
                continue
            user = new_test_user(cls.env, login=f"matrix_{role}", groups=group)
            if role in ("tech", "head", "prosp"):
                user.omiopi_office_ids = cls.office_a
            cls.users[role] = user

    def _expected(self, row):
        return dict(zip(ROLES, row.split(), strict=True))

    def test_every_model_of_the_suite_is_in_the_table(self):
        models = {
            name
            for name in self.env.registry
            if name.startswith("omiopi.") and not self.env[name]._abstract
        }
        self.assertFalse(
            sorted(models - set(ACCESS_MATRIX)),
            "models of the suite missing from ACCESS_MATRIX",
        )

    def test_access_rights_of_every_role_on_every_model(self):
        wrong = []
        checked = 0
        for model, row in ACCESS_MATRIX.items():
            if model not in self.env:
                continue  # its add-on is not installed
            for role, expected in self._expected(row).items():
                if role not in self.users:
                    continue
                Model = self.env[model].with_user(self.users[role])
                actual = "".join(
                    letter for letter, op in OPERATIONS if Model.has_access(op)
                )
                checked += 1
                if (actual or "-") != expected:
                    wrong.append(
                        f"{model} / {role}: expected {expected}, got {actual or '-'}"
                    )
        self.assertFalse(wrong, "\n".join(wrong))
        self.assertGreater(checked, 100)

    def test_no_access_right_of_the_suite_is_left_without_a_group(self):
        rows = self.env["ir.model.access"].search(
            [("model_id.model", "=like", "omiopi.%"), ("group_id", "=", False)]
        )
        self.assertFalse(rows.mapped("name"))

    def test_wizards_are_private_to_their_creator(self):
        # Odoo 18 does not keep transient records private by itself: a
        # wizard holding figures, spreadsheet rows or ranked persons would be
        # readable (and printable by URL) by any user with the access right.
        wizards = [
            name
            for name in self.env.registry
            if name.startswith("omiopi.") and self.env[name]._transient
        ]
        self.assertTrue(wizards)
        for name in wizards:
            rules = self.env["ir.rule"].search(
                [("model_id.model", "=", name), ("global", "=", True)]
            )
            self.assertIn(
                "[('create_uid', '=', user.id)]",
                rules.mapped("domain_force"),
                f"{name} has no rule keeping it to its creator",
            )
