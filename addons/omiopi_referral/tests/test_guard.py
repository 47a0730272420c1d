from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.omiopi_case.tests.figures_common import StoredFigureChecks
from odoo.addons.omiopi_case.tests.guard_common import GuardChecks

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralGuard(GuardChecks, ReferralCommon):
    """What users may set on the referral add-on's records: the generated
    checks of omiopi.guard.mixin, and the holes reported."""

    GUARD_MODULE = "omiopi_referral"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_person = cls._person("Otra Persona", cls.other)
        cls.other_case = cls.env["omiopi.case"].create(
            {
                "partner_id": cls.other_person.id,
                "office_id": cls.other.id,
                "user_id": cls.other_tech.id,
            }
        )
        cls.portal = new_test_user(cls.env, "ref_guard_portal", "base.group_portal")
        cls.program = cls.env["omiopi.program"].create(
            {
                "name": "Guard programme",
                "target_count": 10,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        cls.target = cls.env["omiopi.program.target"].create(
            {
                "program_id": cls.program.id,
                "reason_id": cls.reason_arraigo.id,
                "target_min": 2,
            }
        )

    def setUp(self):
        super().setUp()
        self.draft = self._referral()
        self.other_referral = self._referral(
            user=self.other_tech, case=self.other_case, receiving=self.agency
        )

    def _guard_owner(self, model):
        if model == "omiopi.program" or model == "omiopi.program.target":
            return self.coordinator
        return self.ae_tech

    def _guard_roles(self):
        return {
            "receiving_office": self.om_tech,
            "other_office": self.other_tech,
            "section_head": self.ae_head,
            "coordinator": self.coordinator,
            "portal": self.portal,
        }

    def _guard_fixtures(self):
        criterion = self.reason_arraigo.criterion_ids[:1]
        self.draft.with_user(self.ae_tech).action_submit()
        referral = self._referral()
        return {
            "omiopi.program": self.program,
            "omiopi.program.target": self.target,
            "omiopi.referral": referral,
            "omiopi.referral.criterion": criterion,
            "omiopi.referral.decision": self.draft.decision_ids[:1],
            "omiopi.referral.outcome": self.outcome_job,
            "omiopi.referral.reason": self.reason_arraigo,
            "omiopi.referral.refuse.reason": self.refuse_profile,
            "omiopi.referral.stage": self.stage_draft,
            "omiopi.referral.stage.log": self.draft.stage_log_ids[:1],
            "omiopi.case": self.case,
            "res.partner": self.person,
        }

    def _guard_targets(self):
        return {
            "res.partner": self.person | self.other_person,
            "omiopi.case": self.case | self.other_case,
            "omiopi.referral": self.draft | self.other_referral,
            "omiopi.office": self.agency | self.omiopi | self.other,
            "res.users": self.ae_tech | self.other_tech,
        }

    # ------------------------------------------------------------------
    # The holes reported
    # ------------------------------------------------------------------

    def test_a_referral_is_about_the_person_of_its_case_file(self):
        with self.assertRaises(AccessError):
            self._referral(partner_id=self.other_person.id)
        shared = self._person("Persona Compartida", self.agency)
        with self.assertRaises(ValidationError):
            self._referral(partner_id=shared.id)

    def test_stage_and_offices_are_not_written_by_hand(self):
        referral = self.draft.with_user(self.ae_tech)
        for values in (
            {"stage_type": "in_progress"},
            {"referring_office_id": self.omiopi.id},
            {"shared_with_receiver": True},
            {"outcome_note": "Hired"},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                referral.write(values)

    def test_the_eligibility_of_an_unreadable_person_is_not_computed(self):
        """A closed referral no longer shows the receiving office whether its
        person meets a criterion."""
        referral = self._accepted_referral()
        referral.with_user(self.om_tech)._close(self.outcome_job, "Done")
        referral = referral.with_user(self.om_tech)
        referral.invalidate_recordset()
        self.assertFalse(referral.eligibility_html)
        self.assertFalse(referral.person_readable)


@tagged("post_install", "-at_install")
class TestReferralFigures(StoredFigureChecks, ReferralCommon):
    """The referral add-on keeps no stored figure counted over lines; a new
    one fails here until it is listed and tested."""

    FIGURES_MODULE = "omiopi_referral"
    STORED_FIGURES = {}
