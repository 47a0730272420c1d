from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestLanguageService(OmiopiCaseCommon):
    """Translations, interpretations and cultural mediations: the person's
    language proposed, a mediator who speaks it, the booking in the
    calendar, each office its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.arabic = env.ref("omiopi_case.language_ar")
        cls.person_a.omiopi_language_ids = [
            (
                0,
                0,
                {
                    "language_id": env.ref("omiopi_case.language_es").id,
                    "level": "a2",
                    "sequence": 1,
                },
            ),
            (0, 0, {"language_id": cls.arabic.id, "level": "native", "sequence": 2}),
        ]
        Mediator = env["omiopi.mediator"]
        # Only this test's mediators (the demo has its own).
        Mediator.search([]).active = False
        cls.other_office_mediator = Mediator.create(
            {
                "name": "A Mediadora de B",
                "language_ids": [(6, 0, cls.arabic.ids)],
                "office_ids": [(6, 0, cls.office_b.ids)],
            }
        )
        cls.mediator = Mediator.create(
            {
                "name": "B Mediadora",
                "language_ids": [(6, 0, cls.arabic.ids)],
                "user_id": cls.tech_b.id,
            }
        )

    def _mediation(self, user=None):
        form = Form(self.env["omiopi.language.service"].with_user(user or self.tech_a))
        form.service_type = "mediation"
        form.name = "Cita en el centro de salud"
        form.partner_id = self.person_a
        form.appointment = datetime(2026, 12, 1, 9, 30)
        form.minutes = 45
        return form

    def test_the_persons_language_and_a_mediator_who_speaks_it(self):
        form = self._mediation()
        # Her own language, not the host country's, though Spanish comes first.
        self.assertEqual(form.language_id, self.arabic)
        # One who serves office A (the other one serves office B only).
        self.assertEqual(form.mediator_id, self.mediator)
        service = form.save()
        self.assertEqual(service.office_id, self.office_a)

    def test_booking_puts_a_private_event_in_both_calendars(self):
        service = self._mediation().save()
        service.with_user(self.tech_a).action_book()
        event = service.calendar_event_id
        self.assertEqual(event.privacy, "private")
        self.assertEqual(
            event.partner_ids, self.tech_a.partner_id | self.tech_b.partner_id
        )
        self.assertEqual(event.duration, 0.75)
        self.assertEqual((event.res_model, event.res_id), (service._name, service.id))
        with self.assertRaises(UserError):
            service.with_user(self.tech_a).action_book()

    def test_booking_needs_a_mediator_and_a_time(self):
        form = self._mediation()
        form.appointment = False
        service = form.save()
        with self.assertRaises(UserError):
            service.with_user(self.tech_a).action_book()

    def test_each_office_its_own(self):
        service = self._mediation().save()
        with self.assertRaises(AccessError):
            service.with_user(self.tech_b).read(["name"])
        # The office is set when recorded: not moved to another office.
        with self.assertRaises(AccessError):
            service.with_user(self.tech_a).write({"office_id": self.office_b.id})
        # A person of another office cannot be named.
        person_b = self._person("Bruno Otro", self.office_b)
        with self.assertRaises(AccessError):
            service.with_user(self.tech_a).write({"partner_id": person_b.id})
