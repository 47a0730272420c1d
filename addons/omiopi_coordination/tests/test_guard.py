from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.guard_common import GuardChecks

from .common import CoordinationCommon


@tagged("post_install", "-at_install")
class TestCoordinationGuard(GuardChecks, CoordinationCommon):
    """What users may set on the coordination add-on's records."""

    GUARD_MODULE = "omiopi_coordination"

    def _guard_owner(self, model):
        return self.tech_a

    def _guard_roles(self):
        return {
            "member_other_office": self.tech_b,
            "other_office": self.tech_c,
            "coordinator": self.coordinator,
            "internal": self.internal,
            "portal": self.portal,
        }

    def _guard_fixtures(self):
        return {
            "omiopi.coordination.table": self.table,
            "omiopi.coordination.meeting": self.meeting,
            "omiopi.coordination.agreement": self._agreement(),
        }

    def _guard_targets(self):
        other_table = self.env["omiopi.coordination.table"].create(
            {"name": "Table C", "level": "case", "office_ids": self.office_c.ids}
        )
        return {
            "res.partner": self.person_a | self.person_c | self.contact,
            "omiopi.case": self.case_a | self.case_b | self.case_c,
            "omiopi.office": self.office_a | self.office_c,
            "omiopi.coordination.table": self.table | other_table,
            "omiopi.coordination.meeting": self.meeting
            | self.env["omiopi.coordination.meeting"].create(
                {"table_id": other_table.id}
            ),
        }

    def test_a_table_links_no_person_served(self):
        """Institutions and their people only: a person served, even one
        the user reads, is no external participant (the table is seen by
        other offices)."""
        with self.assertRaises(AccessError):
            self.table.with_user(self.tech_c).write(
                {"contact_ids": [(4, self.person_c.id)]}
            )
        for model, record in (
            ("table", self.table),
            ("meeting", self.meeting),
        ):
            for field in ("contact_ids", "institution_ids"):
                if field not in record._fields:
                    continue
                with (
                    self.subTest(model=model, field=field),
                    self.assertRaises(ValidationError),
                ):
                    record.with_user(self.tech_a).write(
                        {field: [(4, self.person_a.id)]}
                    )
