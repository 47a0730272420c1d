from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestAccess(EmployerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.candidacy = cls.env["omiopi.job.candidacy"].create(
            {"offer_id": cls.offer.id, "partner_id": cls.fit.id}
        )
        cls.elsewhere_candidacy = cls.env["omiopi.job.candidacy"].create(
            {"offer_id": cls.offer.id, "partner_id": cls.elsewhere.id}
        )

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_prospector_sees_the_employment_side_only(self):
        fit = self.fit.with_user(self.prospector)
        # Skills and experience, yes.
        self.assertEqual(fit.omiopi_language_ids.level, "c1")
        self.assertEqual(fit.omiopi_experience_ids.months, 8)
        self.assertTrue(fit.omiopi_can_work)
        # Legal situation, legal notes and disability: never.
        for field in (
            "omiopi_legal_situation_id",
            "omiopi_legal_notes",
            "omiopi_disability",
            "omiopi_disability_notes",
        ):
            with self.assertRaises(AccessError, msg=field):
                fit.read([field])
        # Nor the case file.
        with self.assertRaises(AccessError):
            self.fit_case.with_user(self.prospector).read(["name"])
        # Nor may they change the person.
        with self.assertRaises(AccessError):
            fit.write({"omiopi_availability": "immediate"})

    def test_prospector_sees_persons_of_their_offices_and_their_candidates(self):
        persons = self.fit | self.partial | self.elsewhere | self.closed
        # Fit and partial were referred to the agency; elsewhere is a
        # candidate to the agency's offer; closed is nothing of theirs.
        self.assertEqual(
            self._visible(self.prospector, persons),
            self.fit | self.partial | self.elsewhere,
        )
        self.assertFalse(self._visible(self.other_prospector, persons - self.elsewhere))

    def test_candidacies_per_role(self):
        both = self.candidacy | self.elsewhere_candidacy
        self.assertEqual(self._visible(self.prospector, both), both)
        self.assertEqual(self._visible(self.tech, both), self.candidacy)
        self.assertEqual(self._visible(self.other_tech, both), self.elsewhere_candidacy)
        self.assertEqual(self._visible(self.coordinator, both), both)
        with self.assertRaises(AccessError):
            self.candidacy.with_user(self.other_tech).read(["state"])
        with self.assertRaises(AccessError):
            self.candidacy.with_user(self.internal).read(["state"])
        with self.assertRaises(AccessError):
            self.candidacy.with_user(self.prospector).unlink()
        self.candidacy.with_user(self.manager).unlink()

    def test_offers_per_role(self):
        # Every omiopi user reads offers; only the agency's prospectors change them.
        self.assertEqual(self.offer.with_user(self.tech).name, "Warehouse operative")
        with self.assertRaises(AccessError):
            self.offer.with_user(self.tech).write({"vacancies": 3})
        with self.assertRaises(AccessError):
            self.offer.with_user(self.other_prospector).write({"vacancies": 3})
        self.offer.with_user(self.prospector).write({"vacancies": 3})
        self.offer.with_user(self.coordinator).write({"vacancies": 4})
        with self.assertRaises(AccessError):
            self.offer.with_user(self.internal).read(["name"])
        with self.assertRaises(AccessError):
            self.env["omiopi.job.offer"].with_user(self.tech).create(
                {
                    "name": "X",
                    "partner_id": self.company.id,
                    "office_id": self.office.id,
                }
            )

    def test_insertions_per_role(self):
        self.candidacy.action_send()
        self.candidacy.action_hire()
        insertion = self.candidacy.insertion_id
        for user in (self.prospector, self.tech, self.coordinator):
            self.assertEqual(self._visible(user, insertion), insertion, user.login)
        for user in (self.other_tech, self.other_prospector):
            self.assertFalse(self._visible(user, insertion), user.login)
        with self.assertRaises(AccessError):
            insertion.with_user(self.internal).read(["position"])

    def test_prospector_hires_without_the_right_to_change_the_case(self):
        candidacy = self.candidacy.with_user(self.prospector)
        candidacy.action_send()
        candidacy.action_hire()
        self.assertEqual(self.fit_case.insertion_count, 1)
        self.assertEqual(self.fit_case.step_ids.state, "done")
