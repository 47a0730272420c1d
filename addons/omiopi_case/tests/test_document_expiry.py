from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestDocumentExpiry(OmiopiCaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.activity_type = cls.env.ref(
            "omiopi_case.mail_activity_type_document_expiry"
        )
        cls.env["ir.config_parameter"].set_param("omiopi_case.document_expiry_days", 30)
        cls.Number = cls.env["res.partner.id_number"]
        # Documents that exist already (demo data, if any) are not ours to alert.
        for number in cls.Number.search([("omiopi_expiry_pending", "=", True)]):
            number.omiopi_expiry_notified_until = number.valid_until

    def _number(self, partner, days, category=None):
        return self.Number.create(
            {
                "partner_id": partner.id,
                "category_id": (category or self.cat_passport).id,
                "name": f"P{partner.id}{days}",
                "valid_until": self.today + timedelta(days=days),
            }
        )

    def _activities(self, case):
        return case.activity_ids.filtered(
            lambda a: a.activity_type_id == self.activity_type
        )

    def _run(self):
        return self.Number._cron_omiopi_notify_expiry()

    def test_expiring_document_alerts_the_case_owner_once(self):
        number = self._number(self.person_a, 10)
        self.assertIn(number, self._run())
        activity = self._activities(self.case_a)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.tech_a)
        self.assertIn(number.name, activity.summary)
        self.assertEqual(number.omiopi_expiry_notified_until, number.valid_until)
        # a second run does not alert again
        self.assertFalse(self._run())
        self.assertEqual(len(self._activities(self.case_a)), 1)

    def test_renewed_document_is_alerted_again(self):
        number = self._number(self.person_a, 10)
        self._run()
        number.valid_until = self.today + timedelta(days=20)
        self._run()
        self.assertEqual(len(self._activities(self.case_a)), 2)

    def test_far_expiry_and_disabled_types_are_not_alerted(self):
        self._number(self.person_a, 200)
        self.cat_passport.omiopi_expiry_alert = False
        self._number(self.person_a, 5)
        self.assertFalse(self._run())
        self.assertFalse(self._activities(self.case_a))

    def test_configured_number_of_days_is_used(self):
        self._number(self.person_a, 45)
        self.assertFalse(self._run())
        self.env["ir.config_parameter"].set_param(
            "omiopi_case.document_expiry_days", 60
        )
        self.assertTrue(self._run())

    def test_person_without_open_case_waits_for_one(self):
        person = self._person("No Case Yet", self.office_b)
        number = self._number(person, 10)
        self.assertFalse(self._run())
        self.assertTrue(number.omiopi_expiry_pending)
        case = self._case(person, self.office_b, self.tech_b)
        self.assertIn(number, self._run())
        self.assertEqual(self._activities(case).user_id, self.tech_b)

    def test_every_open_case_of_the_person_is_alerted(self):
        case_b = self._case(self.person_a, self.office_b, self.tech_b)
        self._number(self.person_a, 3)
        self._run()
        self.assertEqual(len(self._activities(self.case_a)), 1)
        self.assertEqual(self._activities(case_b).user_id, self.tech_b)

    def test_batches(self):
        for n in range(3):
            person = self._person(f"Batch {n}", self.office_a)
            self._case(person, self.office_a, self.tech_a)
            self._number(person, 10)
        first = self.Number._cron_omiopi_notify_expiry(batch_size=2)
        second = self.Number._cron_omiopi_notify_expiry(batch_size=2)
        self.assertEqual((len(first), len(second)), (2, 1))
        self.assertFalse(first & second)
