from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestCandidacy(EmployerCommon):
    def test_hire_records_the_insertion_and_fills_the_offer(self):
        candidacy = self._propose(self.fit)
        candidacy.action_send()
        self.assertTrue(candidacy.date_sent)
        candidacy.action_interview()
        action = candidacy.action_hire()
        self.assertEqual(candidacy.state, "hired")
        insertion = candidacy.insertion_id
        self.assertEqual(action["res_id"], insertion.id)
        self.assertEqual(insertion.partner_id, self.fit)
        self.assertEqual(insertion.case_id, self.fit_case)
        self.assertEqual(insertion.employer_id, self.company)
        self.assertEqual(insertion.contract_type, "temporary")
        self.assertEqual(insertion.duration_months, 6)
        self.assertEqual(insertion.source, "candidacy")
        # One vacancy, one hire: the offer is filled.
        self.assertEqual(self.offer.state, "filled")
        # It shows on the case file and closes the employment step.
        self.assertEqual(self.fit_case.insertion_ids, insertion)
        self.assertTrue(self.fit_case.has_insertion)
        self.assertEqual(self.fit_case.step_ids.state, "done")
        self.assertIn(
            "Job insertion: Warehouse operative",
            "".join(self.fit_case.message_ids.mapped("body")),
        )

    def test_moves_outside_the_flow_are_refused(self):
        candidacy = self._propose(self.fit)
        with self.assertRaisesRegex(UserError, "cannot go from"):
            candidacy.action_hire()
        with self.assertRaisesRegex(UserError, "starts as proposed"):
            self.env["omiopi.job.candidacy"].create(
                {
                    "offer_id": self.offer.id,
                    "partner_id": self.partial.id,
                    "state": "hired",
                }
            )
        with self.assertRaisesRegex(AccessError, "cannot be set by hand"):
            candidacy.write({"date_sent": "2026-01-01"})
        with self.assertRaisesRegex(AccessError, "cannot be set by hand"):
            candidacy.write({"state": "sent"})
        candidacy.action_send()
        with self.assertRaisesRegex(AccessError, "cannot be set by hand"):
            candidacy.write({"partner_id": self.partial.id})
        candidacy.action_hire()
        candidacy.reason_id = self.env.ref(
            "omiopi_employer.candidacy_reason_availability"
        )
        with self.assertRaisesRegex(UserError, "cannot go from"):
            candidacy.action_withdraw()

    def test_closing_needs_a_reason_of_its_kind(self):
        candidacy = self._propose(self.fit)
        candidacy.action_send()
        with self.assertRaisesRegex(UserError, "Choose a reason"):
            candidacy.action_not_selected()
        candidacy.reason_id = self.env.ref("omiopi_employer.candidacy_reason_found_job")
        with self.assertRaisesRegex(UserError, "Choose a reason"):
            candidacy.action_not_selected()
        candidacy.reason_id = self.env.ref(
            "omiopi_employer.candidacy_reason_other_candidate"
        )
        candidacy.action_not_selected()
        self.assertEqual(candidacy.state, "not_selected")
        self.assertTrue(candidacy.date_decision)
        candidacy.action_reset()
        self.assertEqual(candidacy.state, "proposed")
        self.assertFalse(candidacy.reason_id)

    def test_technician_proposes_and_withdraws_but_does_not_speak_for_the_company(
        self,
    ):
        candidacy = self._propose(self.partial, user=self.tech)
        with self.assertRaisesRegex(AccessError, "Only prospectors"):
            candidacy.action_send()
        candidacy.reason_id = self.env.ref(
            "omiopi_employer.candidacy_reason_availability"
        )
        candidacy.action_withdraw()
        self.assertEqual(candidacy.state, "withdrawn")

    def test_a_candidacy_proposed_by_hand_counts_the_requirements_met(self):
        self.assertEqual(
            (self._propose(self.partial).score, self._propose(self.fit).score_total),
            (1, 3),
        )
        self.assertEqual(self._propose(self.unfit, user=self.tech).score, 0)

    def test_who_may_be_a_candidate(self):
        # The refusal does not say why: it would tell the prospector the
        # person's legal situation.
        with self.assertRaisesRegex(ValidationError, "cannot be proposed") as refusal:
            self._propose(self.irregular)
        self.assertNotRegex(str(refusal.exception), "(?i)legal|work|situation")
        with self.assertRaisesRegex(ValidationError, "cannot be proposed"):
            self._propose(self.company)
        self.offer.action_close()
        with self.assertRaisesRegex(UserError, "is not open"):
            self._propose(self.fit)

    def test_one_candidacy_per_person_and_offer(self):
        self._propose(self.fit)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._propose(self.fit)

    def test_figures_for_the_reports(self):
        candidacy = self._propose(self.fit)
        self.assertEqual(candidacy.gender, "female")
        self.assertIn(candidacy.age_band, ("35_44", "25_34"))
        self.assertEqual(candidacy.case_office_id, self.office)
        self.assertEqual(candidacy.office_id, self.agency)

    def test_candidacies_and_jobs_are_in_the_personal_data_export(self):
        candidacy = self._propose(self.fit)
        candidacy.action_send()
        candidacy.action_hire()
        sections = dict(self.fit._omiopi_personal_data_sections())
        self.assertEqual(sections["Candidacies"], candidacy)
        self.assertEqual(sections["Job insertions"], candidacy.insertion_id)
