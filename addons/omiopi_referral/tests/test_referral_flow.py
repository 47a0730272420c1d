import base64

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralFlow(ReferralCommon):
    def test_pilot_path_from_the_employment_agency(self):
        referral = self._referral()
        self.assertEqual(referral.stage_id, self.stage_draft)
        self.assertEqual(referral.direction, "ae_to_omiopi")
        self.assertEqual(referral.referrer_email, "ref_ae_tech@example.org")
        self.assertIn(self.ae_tech.partner_id, referral.message_partner_ids)

        referral.with_user(self.ae_tech).action_submit()
        self.assertEqual(referral.stage_id, self.stage_head)
        self.assertTrue(referral.date_submitted)
        head_activity = referral.activity_ids.filtered(
            lambda a: a.user_id == self.ae_head
        )
        self.assertTrue(head_activity, "the section head gets an activity to decide")

        self._approve(referral, self.ae_head, comment="Meets the profile")
        self.assertEqual(referral.stage_id, self.stage_coordinator)
        self.assertFalse(
            referral.activity_ids.filtered(lambda a: a.user_id == self.ae_head)
        )

        with self.assertRaisesRegex(ValidationError, "target area"):
            self._approve(referral, self.coordinator)
        self._approve(referral, self.coordinator, area=self.area_legal)
        self.assertEqual(referral.stage_id, self.stage_acceptance)
        self.assertEqual(referral.target_area_id, self.area_legal)
        self.assertTrue(referral.shared_with_receiver)

        self._approve(referral, self.om_tech, comment="We take it")
        self.assertEqual(referral.stage_id, self.stage_followup)
        self.assertTrue(referral.date_accepted)
        self.assertIn(self.omiopi, self.case.access_office_ids)

        referral.with_user(self.om_tech)._close(self.outcome_job, "Hired")
        referral.invalidate_recordset()
        self.assertEqual(referral.stage_id, self.stage_closed)
        self.assertNotIn(self.omiopi, self.case.access_office_ids)

        # the referring technician sees what came of it
        mine = (
            self.env["omiopi.referral"]
            .with_user(self.ae_tech)
            .search([("user_id", "=", self.ae_tech.id)])
        )
        self.assertIn(referral, mine)
        seen = referral.with_user(self.ae_tech)
        self.assertEqual(seen.outcome_id, self.outcome_job)
        self.assertEqual(
            seen.decision_ids.mapped("decision"),
            ["submitted", "approved", "approved", "approved", "closed"],
        )
        self.assertEqual(
            seen.decision_ids.filtered(lambda d: d.stage_id == self.stage_head).comment,
            "Meets the profile",
        )
        self.assertEqual(
            seen.stage_log_ids.mapped("stage_id"),
            self.stage_draft
            | self.stage_head
            | self.stage_coordinator
            | self.stage_acceptance
            | self.stage_followup
            | self.stage_closed,
        )

    def test_referrals_created_together_are_numbered_in_order(self):
        """An import creates referrals by the hundred: numbered in a block,
        as one by one, each with its stage log."""
        first = self._referral()
        Referral = self.env["omiopi.referral"].with_user(self.ae_tech)
        together = Referral.create(
            [
                {
                    "partner_id": self.case.partner_id.id,
                    "case_id": self.case.id,
                    "receiving_office_id": self.omiopi.id,
                }
                for _n in range(3)
            ]
        )
        after = self._referral()
        numbers = [int(r.name.rsplit("/", 1)[1]) for r in first | together | after]
        start = numbers[0]
        self.assertEqual(numbers, list(range(start, start + 5)))
        self.assertRegex(first.name, r"^DER/\d{4}/\d{5}$")
        for referral in together:
            self.assertEqual(len(referral.stage_log_ids), 1)
            self.assertEqual(referral.stage_log_ids.stage_id, referral.stage_id)

    def test_referrals_from_an_omiopi_office_skip_the_section_head(self):
        person = self._person("Recent Arrival", self.omiopi, months_in_spain=3)
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.omiopi.id,
                "user_id": self.om_tech.id,
            }
        )
        referral = self._referral(
            user=self.om_tech,
            case=case,
            receiving=self.agency,
            reasons=self.reason_recent,
        )
        self.assertEqual(referral.direction, "omiopi_to_ae")
        referral.with_user(self.om_tech).action_submit()
        self.assertEqual(referral.stage_id, self.stage_coordinator)

    def test_stage_conditions_are_configuration(self):
        self.stage_head.condition = "[('direction', '=', 'other')]"
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        self.assertEqual(referral.stage_id, self.stage_coordinator)

    def test_no_consent_no_submission(self):
        person = self._person("No Consent", self.agency, consent=False)
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.agency.id,
                "user_id": self.ae_tech.id,
            }
        )
        referral = self._referral(case=case)
        with self.assertRaisesRegex(UserError, "consent"):
            referral.with_user(self.ae_tech).action_submit()
        # a consent limited to the registering office does not allow it either
        self.env["omiopi.consent"].create({"partner_id": person.id, "scope": "office"})
        with self.assertRaisesRegex(UserError, "consent"):
            referral.with_user(self.ae_tech).action_submit()
        network = self.env["omiopi.consent"].create({"partner_id": person.id})
        network.action_withdraw()
        with self.assertRaisesRegex(UserError, "consent"):
            referral.with_user(self.ae_tech).action_submit()
        self.env["omiopi.consent"].create({"partner_id": person.id})
        referral.with_user(self.ae_tech).action_submit()
        self.assertEqual(referral.stage_id, self.stage_head)

    def test_submission_needs_reason_and_referrer_email(self):
        referral = self._referral(reasons=self.env["omiopi.referral.reason"])
        with self.assertRaisesRegex(ValidationError, "enabling situation"):
            referral.with_user(self.ae_tech).action_submit()
        referral = self._referral(referrer_email=False)
        referral.referrer_email = False
        with self.assertRaisesRegex(ValidationError, "email"):
            referral.with_user(self.ae_tech).action_submit()

    def test_reason_of_the_other_direction_is_refused(self):
        referral = self._referral(reasons=self.reason_recent)
        with self.assertRaisesRegex(ValidationError, "not an enabling situation"):
            referral.with_user(self.ae_tech).action_submit()

    def test_dni_holders_are_excluded_on_submission(self):
        person = self._person("Con DNI", self.agency, situation="spanish")
        self.env["res.partner.id_number"].create(
            {
                "partner_id": person.id,
                "category_id": self.ref("omiopi_case.id_category_dni").id,
                "name": "12345678Z",
            }
        )
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.agency.id,
                "user_id": self.ae_tech.id,
            }
        )
        referral = self._referral(case=case)
        self.assertEqual(referral.eligibility_state, "excluded")
        referral.with_user(self.ae_tech).action_submit()
        self.assertEqual(referral.stage_id, self.stage_refused)
        self.assertEqual(
            referral.refuse_reason_id, self.ref("omiopi_referral.refuse_reason_dni")
        )
        self.assertTrue(referral.is_excluded)
        self.assertTrue(
            referral.date_submitted, "excluded referrals count as submitted"
        )

    def test_irregular_situation_is_excluded(self):
        person = self._person("Irregular", self.agency, situation="irregular")
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.agency.id,
                "user_id": self.ae_tech.id,
            }
        )
        referral = self._referral(case=case)
        referral.with_user(self.ae_tech).action_submit()
        self.assertEqual(
            referral.refuse_reason_id,
            self.ref("omiopi_referral.refuse_reason_irregular"),
        )

    def test_refusal_needs_reason_and_comment_and_is_logged(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        with self.assertRaisesRegex(ValidationError, "reason and a comment"):
            referral.with_user(self.ae_head)._decide(
                False, "", refuse_reason=self.refuse_profile
            )
        self._refuse(referral, self.ae_head, comment="Does not meet the profile")
        self.assertEqual(referral.stage_id, self.stage_refused)
        self.assertEqual(referral.refuse_comment, "Does not meet the profile")
        decision = referral.decision_ids.filtered(lambda d: d.decision == "refused")
        self.assertEqual(decision.user_id, self.ae_head)
        self.assertEqual(decision.stage_id, self.stage_head)
        self.assertIn(
            "Does not meet the profile",
            "".join(referral.message_ids.mapped("body")),
        )
        # the referrer corrects it and sends it again
        referral.with_user(self.ae_tech).action_reset_draft()
        self.assertEqual(referral.stage_id, self.stage_draft)
        self.assertFalse(referral.refuse_reason_id)

    def test_wizard_decisions(self):
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        action = (
            referral.with_user(self.ae_head)
            .with_context(omiopi_decision="approve")
            .action_open_decision()
        )
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.ae_head)
            .with_context(**action["context"])
            .create({"comment": "Yes"})
        )
        wizard.action_confirm()
        self.assertEqual(referral.stage_id, self.stage_coordinator)
        wizard = (
            self.env["omiopi.referral.decision.wizard"]
            .with_user(self.coordinator)
            .create(
                {
                    "referral_id": referral.id,
                    "decision": "refuse",
                    "refuse_reason_id": self.refuse_profile.id,
                    "comment": "No",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(referral.stage_id, self.stage_refused)

    def test_close_needs_an_outcome_and_the_receiving_side(self):
        referral = self._accepted_referral()
        with self.assertRaises(UserError):
            referral.with_user(self.ae_tech)._close(self.outcome_job, "")
        with self.assertRaisesRegex(ValidationError, "outcome"):
            referral.with_user(self.coordinator)._close(
                self.env["omiopi.referral.outcome"], ""
            )
        referral.with_user(self.coordinator)._close(self.outcome_job, "")
        self.assertEqual(referral.stage_id, self.stage_closed)

    def test_receiving_service_opens_its_own_case(self):
        referral = self._accepted_referral()
        action = referral.with_user(self.om_tech).action_open_receiving_case()
        case = self.env["omiopi.case"].browse(action["res_id"])
        self.assertEqual(case.office_id, self.omiopi)
        self.assertEqual(case.partner_id, self.person)
        self.assertEqual(case.area_ids, self.area_legal)
        with self.assertRaises(UserError):
            referral.with_user(self.ae_tech).action_open_receiving_case()

    def test_draft_referral_can_be_deleted_submitted_cannot(self):
        draft = self._referral()
        draft.with_user(self.ae_tech).unlink()
        referral = self._referral()
        referral.with_user(self.ae_tech).action_submit()
        with self.assertRaises(UserError):
            referral.with_user(self.ae_tech).unlink()


@tagged("post_install", "-at_install")
class TestReferralCv(ReferralCommon):
    """The CV box: filled with the CV made from the person's data when the
    referrer attached none, kept when they did."""

    def test_submission_fills_an_empty_cv(self):
        referral = self._referral()
        self.assertFalse(referral.cv)
        referral.with_user(self.ae_tech).action_submit()
        self.assertTrue(referral.cv)
        self.assertEqual(referral.cv_name, f"CV {referral.name}.pdf")

    def test_an_attached_cv_is_kept(self):
        referral = self._referral(cv=base64.b64encode(b"%PDF-1.4 own"), cv_name="a.pdf")
        referral.with_user(self.ae_tech).action_fill_cv()
        referral.with_user(self.ae_tech).action_submit()
        self.assertEqual(base64.b64decode(referral.cv), b"%PDF-1.4 own")
        self.assertEqual(referral.cv_name, "a.pdf")
