from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.omiopi_referral.tests.common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralToTraining(ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        course = cls.env["omiopi.training.course"].create(
            {"name": "Forklift test", "course_type": "sector_course", "hours": 20}
        )
        today = fields.Date.today()
        cls.edition = cls.env["omiopi.training.edition"].create(
            {
                "name": "Forklift test edition",
                "course_id": course.id,
                "office_id": cls.omiopi.id,
                "date_start": today,
                "date_end": today,
                "capacity": 5,
                "state": "open",
            }
        )

    def _accepted_for(self, area):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        self._approve(referral, self.ae_head)
        self._approve(referral, self.coordinator, area=area)
        self._approve(referral, self.om_tech)
        return referral

    def test_accepted_referral_to_training_becomes_an_application(self):
        referral = self._accepted_for(self.env.ref("omiopi_case.area_training"))
        self.assertEqual(referral.stage_type, "in_progress")
        self.assertTrue(referral.can_apply_training)
        action = referral.with_user(self.om_tech).action_apply_training()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.om_tech)
            .with_context(**action["context"])
        )
        form.edition_id = self.edition
        enrolment = form.save()
        self.assertEqual(enrolment.partner_id, referral.partner_id)
        self.assertEqual(enrolment.referral_id, referral)
        self.assertEqual(enrolment.state, "applied")
        self.assertEqual(referral.enrolment_count, 1)
        self.assertEqual(
            self.env["omiopi.training.enrolment"].search(
                referral.action_view_enrolments()["domain"]
            ),
            enrolment,
        )

    def test_other_areas_and_open_referrals_do_not(self):
        referral = self._accepted_for(self.env.ref("omiopi_case.area_legal"))
        self.assertFalse(referral.can_apply_training)
        with self.assertRaisesRegex(UserError, "training area"):
            referral.action_apply_training()
        draft = self._referral()
        self.assertFalse(draft.can_apply_training)

    def test_application_is_about_the_referred_person(self):
        referral = self._accepted_for(self.env.ref("omiopi_case.area_training"))
        other = self.env["res.partner"].create(
            {
                "name": "Someone else",
                "omiopi_is_person": True,
                "omiopi_office_id": self.omiopi.id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "is not about"):
            self.env["omiopi.training.enrolment"].create(
                {
                    "edition_id": self.edition.id,
                    "partner_id": other.id,
                    "referral_id": referral.id,
                }
            )
