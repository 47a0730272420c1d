from datetime import date

from odoo import fields
from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.activity_report_checks import FigureChecks

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralActivityReport(FigureChecks, ReferralCommon):
    def _report(self):
        """This year's report of the agency, as the coordinator."""
        today = fields.Date.today()
        report = (
            self.env["omiopi.activity.report"]
            .with_user(self.coordinator)
            .create(
                {
                    "date_from": date(today.year, 1, 1),
                    "date_to": date(today.year, 12, 31),
                    "office_ids": [(6, 0, self.agency.ids)],
                }
            )
        )
        report.action_compute()
        return report

    def test_referral_section(self):
        referral = self._accepted_referral()
        report = self._report()
        figures = {
            line.name: line
            for line in report.line_ids
            if line.section_code == "referrals"
        }
        self.assertEqual(figures["Referrals submitted"].total, 1)
        self.assertEqual(figures["Referrals accepted"].total, 1)
        self.assertEqual(figures["Referrals refused"].total, 0)
        direction = dict(
            self.env["omiopi.referral"]
            ._fields["direction"]
            ._description_selection(self.env)
        )[referral.direction]
        self.assertEqual(figures[direction].total, 1)
        self.assertFiguresOpenWhatTheyCount(report, "referrals")

    def test_referrals_after_a_field_registration(self):
        """Seed 004: what followed a field session is counted with its point."""
        point = self.env["omiopi.field.point"].create(
            {"name": "Punto Test", "office_id": self.agency.id}
        )
        session = self.env["omiopi.field.session"].create(
            {"point_id": point.id, "start": fields.Datetime.now()}
        )
        registration = self.env["omiopi.field.registration"].create(
            {
                "session_id": session.id,
                "name": "Ana Referida",
                "request": "Trabajo",
                "consent_given": True,
            }
        )
        self._accepted_referral()
        report = self._report()
        figures = {
            line.name: line.total
            for line in report.line_ids
            if line.section_code == "field_points"
        }
        # The referral's person was not registered at a point.
        self.assertEqual(figures["Referrals after a field registration"], 0)
        # Once she is (the registration made her record), it counts.
        registration.partner_id = self.person
        report = self._report()
        figures = {
            line.name: line.total
            for line in report.line_ids
            if line.section_code == "field_points"
        }
        self.assertEqual(figures["Referrals after a field registration"], 1)
        self.assertFiguresOpenWhatTheyCount(report, "field_points")

    def test_refused_and_excluded_are_counted_apart(self):
        refused = self._referral()
        refused.with_user(self.ae_tech).action_submit()
        # No places: a refusal that is not an exclusion from the programme.
        self._refuse(
            refused,
            self.ae_head,
            self.env.ref("omiopi_referral.refuse_reason_no_places"),
        )
        person = self._person("With DNI", self.agency, situation="spanish")
        self._give_dni(person)
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.agency.id,
                "user_id": self.ae_tech.id,
            }
        )
        excluded = self._referral(case=case)
        excluded.with_user(self.ae_tech).action_submit()
        self.assertTrue(excluded.is_excluded)
        report = self._report()
        figures = {line.name: line for line in report.line_ids}
        self.assertEqual(figures["Referrals refused"].total, 1)
        self.assertEqual(figures["Persons excluded"].total, 1)
        self.assertFiguresOpenWhatTheyCount(report, "referrals")
        # Another programme: nothing.
        report.program_id = self.env["omiopi.program"].create(
            {"name": "Other programme", "date_start": report.date_from}
        )
        report.action_compute()
        submitted = report.line_ids.filtered(
            lambda line: line.name == "Referrals submitted"
        )
        self.assertEqual(submitted.total, 0)
