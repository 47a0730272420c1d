from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.omiopi_case.tests.figures_common import StoredFigureChecks
from odoo.addons.omiopi_case.tests.guard_common import GuardChecks

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestEmployerGuard(GuardChecks, EmployerCommon):
    """What users may set on the employer add-on's records."""

    GUARD_MODULE = "omiopi_employer"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(cls.env, "em_guard_portal", "base.group_portal")
        cls.team = cls.env.ref("omiopi_employer.crm_team_prospection")
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Test Logistics",
                "partner_id": cls.company.id,
                "team_id": cls.team.id,
                "omiopi_office_id": cls.agency.id,
                "user_id": cls.prospector.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.offer.vacancies = 5
        self.candidacy = self._propose(self.fit)
        self.candidacy.action_send()
        self.candidacy.action_hire()

    def _guard_owner(self, model):
        if model in ("omiopi.case", "res.partner"):
            return self.tech
        return self.prospector

    def _guard_roles(self):
        return {
            "technician": self.tech,
            "other_office": self.other_tech,
            "other_prospector": self.other_prospector,
            "coordinator": self.coordinator,
            "portal": self.portal,
        }

    def _guard_fixtures(self):
        return {
            "crm.lead": self.lead,
            "omiopi.employer.sector": self.env["omiopi.employer.sector"].search(
                [], limit=1
            ),
            "omiopi.job.candidacy": self._propose(self.partial),
            "omiopi.job.candidacy.reason": self.env.ref(
                "omiopi_employer.candidacy_reason_found_job"
            ),
            "omiopi.job.insertion": self.candidacy.insertion_id,
            "omiopi.job.offer": self.offer,
            "omiopi.job.offer.language": self.offer.language_ids[:1],
            "omiopi.case": self.fit_case,
            "res.partner": self.fit,
        }

    def _guard_targets(self):
        return {
            "res.partner": self.fit | self.elsewhere,
            "omiopi.case": self.fit_case | self.elsewhere_case,
            "omiopi.job.offer": self.offer,
            "omiopi.office": self.agency | self.other,
        }

    def test_a_prospector_proposes_only_persons_they_read(self):
        with self.assertRaises(AccessError):
            self._propose(self.elsewhere)
        # and learns nothing about who cannot be proposed, nor why
        with self.assertRaises(ValidationError) as refusal:
            self._propose(self.irregular)
        self.assertNotRegex(str(refusal.exception), "(?i)legal|irregular|situation")

    def test_a_prospector_reads_no_legal_situation_derived_flag(self):
        Partner = self.env["res.partner"].with_user(self.prospector)
        for fname in ("omiopi_is_regular", "omiopi_can_work", "omiopi_search_text"):
            with self.subTest(field=fname):
                with self.assertRaises(AccessError):
                    self.fit.with_user(self.prospector).read([fname])
                with self.assertRaises(AccessError):
                    Partner.search([(fname, "!=", False)])
                with self.assertRaises(AccessError):
                    Partner.read_group([], [fname], [fname])

    def test_a_candidacy_moves_only_through_its_buttons(self):
        candidacy = self._propose(self.partial)
        for values in ({"state": "hired"}, {"date_sent": "2026-01-01"}, {"score": 9}):
            with self.subTest(values=values), self.assertRaises(AccessError):
                candidacy.write(values)
        self.assertEqual(candidacy.state, "proposed")


@tagged("post_install", "-at_install")
class TestEmployerFigures(StoredFigureChecks, EmployerCommon):
    """Whether a person has an open case file, and the insertions of a case
    file, are the same whoever triggers their computation."""

    FIGURES_MODULE = "omiopi_employer"
    STORED_FIGURES = {
        "res.partner.omiopi_has_open_case": "test_open_case_flag",
        "omiopi.case.insertion_count": "test_insertions_of_a_case",
        "omiopi.case.has_insertion": "test_insertions_of_a_case",
    }

    def test_open_case_flag(self):
        """A person with case files in two offices: closing one, as a
        technician who sees only that one, leaves the person with an open
        case file."""
        second = self.env["omiopi.case"].create(
            {"partner_id": self.elsewhere.id, "office_id": self.office.id}
        )
        self.elsewhere.with_user(self.tech).mapped("omiopi_case_ids")
        second.with_user(self.tech)._do_close(
            self.env.ref("omiopi_case.close_reason_objectives")
        )
        stored = self.assert_figures_as_recomputed(
            self.elsewhere, "omiopi_has_open_case"
        )
        self.assertEqual(stored["omiopi_has_open_case"], [True])

    def test_insertions_of_a_case(self):
        self.fit_case.with_user(self.tech).mapped("insertion_ids")
        candidacy = self._propose(self.fit)
        candidacy.action_send()
        candidacy.action_hire()
        stored = self.assert_figures_as_recomputed(
            self.fit_case, "insertion_count", "has_insertion"
        )
        self.assertEqual(stored["insertion_count"], [1])
