from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.omiopi_case.tests.guard_common import GuardChecks
from odoo.addons.omiopi_referral.tests.common import ReferralCommon


@tagged("post_install", "-at_install")
class TestReferralTrainingGuard(GuardChecks, ReferralCommon):
    """The link from an application to its referral: set when the receiving
    office applies, to a referral it may read, never changed afterwards."""

    GUARD_MODULE = "omiopi_referral_training"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        course = cls.env["omiopi.training.course"].create(
            {"name": "Guard course", "course_type": "sector_course", "hours": 20}
        )
        today = fields.Date.today()
        cls.edition = cls.env["omiopi.training.edition"].create(
            {
                "name": "Guard edition",
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

    def setUp(self):
        super().setUp()
        self.referral = self._accepted_for(self.env.ref("omiopi_case.area_training"))
        self.enrolment = (
            self.env["omiopi.training.enrolment"]
            .with_user(self.om_tech)
            .create(
                {
                    "edition_id": self.edition.id,
                    "partner_id": self.person.id,
                    "referral_id": self.referral.id,
                }
            )
        )
        other_case = self.env["omiopi.case"].create(
            {
                "partner_id": self._person("Otra", self.other).id,
                "office_id": self.other.id,
            }
        )
        self.other_referral = self._referral(
            user=self.other_tech, case=other_case, receiving=self.agency
        )

    def _guard_owner(self, model):
        return self.om_tech

    def _guard_roles(self):
        return {
            "referring_office": self.ae_tech,
            "other_office": self.other_tech,
            "coordinator": self.coordinator,
            "portal": new_test_user(self.env, "rt_portal", "base.group_portal"),
        }

    def _guard_fixtures(self):
        return {
            "omiopi.training.enrolment": self.enrolment,
            "omiopi.referral": self.referral,
        }

    def _guard_targets(self):
        return {"omiopi.referral": self.referral | self.other_referral}

    def test_the_referral_of_an_application_does_not_change(self):
        with self.assertRaises(AccessError):
            self.enrolment.write({"referral_id": False})
