from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestFollowup(ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls.env["omiopi.program"].create(
            {
                "name": "Follow-up programme",
                "date_start": fields.Date.today(),
                "coordinator_id": cls.coordinator.id,
            }
        )
        cls.activity_type = cls.env.ref(
            "omiopi_referral.mail_activity_type_referral_followup"
        )
        # referrals that exist already (demo data, if any) are not ours
        cls.env["omiopi.referral"].search([]).sudo().write(
            {"last_followup_date": fields.Date.today()}
        )

    def _followups(self, referral):
        return referral.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_type
        )

    def test_one_followup_activity_per_open_referral_per_period(self):
        referral = self._referral(program_id=self.program.id)
        draft = self._referral(program_id=self.program.id)
        referral.with_user(self.ae_tech).action_submit()
        Referral = self.env["omiopi.referral"]
        self.assertIn(referral, Referral._cron_weekly_followup())
        self.assertEqual(self._followups(referral).user_id, self.coordinator)
        self.assertFalse(self._followups(draft), "drafts are not followed up")
        self.assertNotIn(referral, Referral._cron_weekly_followup())
        referral.sudo().last_followup_date = fields.Date.today() - timedelta(days=7)
        self.assertIn(referral, Referral._cron_weekly_followup())
        self.assertEqual(len(self._followups(referral)), 2)

    def test_stalled_referrals(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        Referral = self.env["omiopi.referral"]
        self.assertNotIn(referral, Referral.search([("is_stalled", "=", True)]))
        referral.sudo().date_last_stage_update = fields.Datetime.now() - timedelta(
            days=20
        )
        self.assertIn(referral, Referral.search([("is_stalled", "=", True)]))
        self.env["ir.config_parameter"].set_param("omiopi_referral.stalled_days", 30)
        self.assertNotIn(referral, Referral.search([("is_stalled", "=", True)]))
