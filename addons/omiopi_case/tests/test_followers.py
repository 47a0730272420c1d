from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..tools.followers import follow_responsibles, subscribe
from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestFollowers(OmiopiCaseCommon):
    """The suite's subscriptions (tools.followers), written by the thousand,
    against mail's own message_subscribe() on a case file of reference."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        persons = [cls._person(f"Follower {n}", cls.office_a) for n in range(4)]
        cls.reference, *cases = (
            cls._case(person, cls.office_a, cls.tech_a) for person in persons
        )
        cls.cases = cls.reference.browse([case.id for case in cases])

    def _follower(self, record, partner):
        return self.env["mail.followers"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("partner_id", "=", partner.id),
            ]
        )

    def test_responsibles_follow_as_mail_makes_them_follow(self):
        self.reference.message_subscribe(partner_ids=self.tech_a.partner_id.ids)
        expected = self._follower(self.reference, self.tech_a.partner_id)
        self.assertTrue(expected.subtype_ids)
        # read before: the subscription must not leave them out of date
        self.assertNotIn(self.tech_a.partner_id, self.cases.message_partner_ids)
        follow_responsibles(self.cases)
        for case in self.cases:
            follower = self._follower(case, self.tech_a.partner_id)
            self.assertEqual(len(follower), 1)
            self.assertEqual(follower.subtype_ids, expected.subtype_ids)
            self.assertIn(self.tech_a.partner_id, case.message_partner_ids)
            self.assertTrue(case.with_user(self.tech_a).message_is_follower)

    def test_an_external_partner_gets_the_external_subtypes(self):
        portal = self.portal.partner_id
        self.reference.message_subscribe(partner_ids=portal.ids)
        expected = self._follower(self.reference, portal)
        subscribe(self.cases, portal)
        for case in self.cases:
            self.assertEqual(
                self._follower(case, portal).subtype_ids, expected.subtype_ids
            )

    def test_existing_followers_are_left_as_they_are(self):
        case = self.cases[0]
        partner = self.tech_a.partner_id
        note = self.env.ref("mail.mt_note")
        case.message_subscribe(partner_ids=partner.ids, subtype_ids=note.ids)
        subscribe(self.cases, partner)
        self.assertEqual(self._follower(case, partner).subtype_ids, note)
        for other in self.cases[1:]:
            self.assertEqual(len(self._follower(other, partner)), 1)
        # all followed already: nothing written, not even for "the model"
        subscribe(self.cases, partner)
        followers = self.env["mail.followers"].search(
            [("res_model", "=", "omiopi.case"), ("partner_id", "=", partner.id)]
        )
        self.assertEqual(sorted(followers.mapped("res_id")), sorted(self.cases.ids))

    def test_an_archived_partner_follows_nothing(self):
        partner = self.env["res.partner"].create({"name": "Archived", "active": False})
        subscribe(self.cases, partner)
        self.assertFalse(self._follower(self.cases[0], partner))

    def test_access_is_checked_as_mail_checks_it(self):
        cases = self.cases.with_user(self.tech_b)
        # following what one may not read: nothing, as message_subscribe()
        subscribe(cases, self.tech_b.partner_id)
        self.assertFalse(self._follower(self.cases[0], self.tech_b.partner_id))
        # making someone else follow what one may not change: refused
        with self.assertRaises(AccessError):
            subscribe(cases, self.tech_a.partner_id)
        self.assertFalse(self._follower(self.cases[0], self.tech_a.partner_id))
