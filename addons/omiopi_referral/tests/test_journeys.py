from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.tour_common import OmiopiTourCase


@tagged("post_install", "-at_install", "omiopi_guide")
class TestReferralJourneys(OmiopiTourCase):
    """Each role's daily work with referrals, in the browser, as the demo
    users on the demo data."""

    def test_technician_intake_and_referral(self):
        self.run_journey("omiopi_journey_technician", "tecnico.norte")
        person = self.env["res.partner"].search([("name", "=", "Nadia Benali")])
        self.assertEqual(person.omiopi_document_number, "Y1234567X")
        self.assertEqual(person.omiopi_consent_state, "given")
        self.assertTrue(person.omiopi_language_ids)
        case = person.omiopi_case_ids
        self.assertEqual(case.office_id, self.env.ref("omiopi_case.office_norte_demo"))
        self.assertEqual(case.attention_count, 1)
        work_permit = case.checklist_line_ids.filtered(
            lambda line: line.item_id.code == "work_permit"
        )
        self.assertEqual(work_permit.status, "yes")
        referral = case.referral_ids
        self.assertEqual(
            referral.stage_id, self.env.ref("omiopi_referral.stage_coordinator")
        )

    def test_section_head_validates(self):
        referral = self.env.ref("omiopi_referral.referral_22_demo")
        self.run_journey("omiopi_journey_section_head", "jefa.tetuan")
        self.assertEqual(
            referral.stage_id, self.env.ref("omiopi_referral.stage_coordinator")
        )

    def test_coordinator_decides_and_reads_the_programme(self):
        referral = self.env.ref("omiopi_referral.referral_23_demo")
        self.run_journey("omiopi_journey_coordinator", "coordinadora")
        self.assertEqual(
            referral.stage_id, self.env.ref("omiopi_referral.stage_acceptance")
        )
        self.assertEqual(
            referral.target_area_id, self.env.ref("omiopi_case.area_employment")
        )

    def test_receiving_office_accepts_and_closes_and_the_referrer_sees_it(self):
        referral = self.env.ref("omiopi_referral.referral_12_demo")
        self.run_journey("omiopi_journey_receiving", "tecnico.norte")
        self.assertEqual(referral.stage_type, "done")
        self.assertEqual(
            referral.outcome_id, self.env.ref("omiopi_referral.outcome_job")
        )
        self.assertTrue(
            self.env["omiopi.case"].search(
                [
                    ("partner_id", "=", referral.partner_id.id),
                    (
                        "office_id",
                        "=",
                        self.env.ref("omiopi_case.office_norte_demo").id,
                    ),
                ]
            )
        )
        self.run_journey("omiopi_journey_referrer_sees_outcome", "tecnico.tetuan")
