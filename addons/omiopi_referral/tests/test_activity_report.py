from datetime import date

from odoo import fields
from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralActivityReport(ReferralCommon):
    def test_referral_section(self):
        referral = self._accepted_referral()
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
        # Another programme: nothing.
        report.program_id = self.env["omiopi.program"].create(
            {"name": "Other programme", "date_start": date(today.year, 1, 1)}
        )
        report.action_compute()
        submitted = report.line_ids.filtered(
            lambda line: line.name == "Referrals submitted"
        )
        self.assertEqual(submitted.total, 0)
