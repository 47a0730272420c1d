from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestEligibility(ReferralCommon):
    def _omiopi_referral(self, person, reasons, steps_done=0):
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.omiopi.id,
                "user_id": self.om_tech.id,
            }
        )
        for n in range(steps_done):
            self.env["omiopi.itinerary.step"].create(
                {
                    "case_id": case.id,
                    "name": f"Step {n}",
                    "area_id": self.area_legal.id,
                    "state": "done",
                }
            )
        return self._referral(
            user=self.om_tech, case=case, receiving=self.agency, reasons=reasons
        )

    def test_time_in_spain(self):
        self.assertEqual(self._referral().eligibility_state, "eligible")
        newcomer = self._person("Newcomer", self.agency, months_in_spain=10)
        case = self.env["omiopi.case"].create(
            {
                "partner_id": newcomer.id,
                "office_id": self.agency.id,
                "user_id": self.ae_tech.id,
            }
        )
        referral = self._referral(case=case)
        self.assertEqual(referral.eligibility_state, "not_met")
        self.assertIn("At least 2 years in Spain", referral.eligibility_html)
        self.assertIn("text-danger", referral.eligibility_html)

    def test_experience_and_studies(self):
        reason = self.ref("omiopi_referral.reason_experience_studies")
        person = self._person("Cook", self.omiopi)
        person.omiopi_experience_ids = [
            (0, 0, {"name": "Cook", "in_spain": True, "months": 18})
        ]
        person.omiopi_education_level_id = self.ref(
            "omiopi_case.education_level_university"
        )
        referral = self._omiopi_referral(person, reason)
        self.assertEqual(referral.eligibility_state, "eligible")
        person.omiopi_education_level_id = self.ref(
            "omiopi_case.education_level_primary"
        )
        self.assertEqual(referral.eligibility_state, "not_met")
        no_studies = self.ref("omiopi_referral.reason_experience_no_studies")
        referral.reason_ids = no_studies
        self.assertEqual(referral.eligibility_state, "eligible")

    def test_completed_interventions(self):
        reason = self.ref("omiopi_referral.reason_interventions")
        person = self._person("Itinerary", self.omiopi)
        self.assertEqual(
            self._omiopi_referral(person, reason, 4).eligibility_state, "not_met"
        )
        other = self._person("Itinerary done", self.omiopi)
        self.assertEqual(
            self._omiopi_referral(other, reason, 5).eligibility_state, "eligible"
        )

    def test_unknown_data_is_shown_as_unknown(self):
        person = self._person("Unknown", self.agency)
        person.omiopi_arrival_date = False
        case = self.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": self.agency.id,
                "user_id": self.ae_tech.id,
            }
        )
        referral = self._referral(case=case)
        self.assertEqual(referral.eligibility_state, "not_met")
        self.assertIn("text-muted", referral.eligibility_html)

    def test_criteria_are_configuration(self):
        criterion = self.ref("omiopi_referral.criterion_arraigo_two_years")
        criterion.min_value = 36
        self.assertEqual(self._referral().eligibility_state, "not_met")
        criterion.active = False
        self.assertEqual(self._referral().eligibility_state, "eligible")

    def test_the_ten_enabling_situations_of_the_pilot(self):
        reasons = self.env["omiopi.referral.reason"].search([("code", "!=", False)])
        codes = {r.code: r.direction for r in reasons}
        self.assertEqual(
            sum(1 for d in codes.values() if d == "ae_to_omiopi"), 4, codes
        )
        self.assertEqual(
            sum(1 for d in codes.values() if d == "omiopi_to_ae"), 6, codes
        )

    def test_names_in_the_eligibility_table_are_escaped(self):
        self.reason_arraigo.name = "<script>alert(1)</script>"
        html = str(self._referral().eligibility_html)
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)
