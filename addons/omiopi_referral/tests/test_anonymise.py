import base64

from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralAnonymise(ReferralCommon):
    """Anonymising a person erases the free texts and the CV of their
    referrals and decisions, and leaves the referral figures unchanged."""

    def _figures(self):
        Referral = self.env["omiopi.referral"].with_context(active_test=False)
        return {
            groupby: Referral._read_group([], [groupby], ["__count"])
            for groupby in (
                "direction",
                "stage_id",
                "gender",
                "age_band",
                "nationality_id",
            )
        }

    def test_referrals_are_anonymised_and_counted_the_same(self):
        referral = self._referral(
            observations="Ana Referida works nights at Bar Paco",
            cv=base64.b64encode(b"CV of Ana Referida"),
            cv_name="cv-ana-referida.pdf",
        )
        referral.with_user(self.ae_tech).action_submit()
        self._approve(referral, self.ae_head, comment="Ana Referida fits")
        self.case._do_close(self.env.ref("omiopi_case.close_reason_objectives"))
        before = self._figures()
        stage = referral.stage_id
        self.person._omiopi_anonymise(reason="test")
        self.env.invalidate_all()
        self.assertFalse(referral.observations)
        self.assertFalse(referral.cv)
        self.assertFalse(referral.cv_name)
        self.assertFalse(referral.decision_ids.filtered("comment"))
        self.assertEqual(referral.stage_id, stage)
        self.assertEqual(self._figures(), before)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "omiopi.referral"), ("res_id", "=", referral.id)]
            )
        )
        self.assertFalse(
            self.env["mail.message"].search([("body", "ilike", "Ana Referida")])
        )
