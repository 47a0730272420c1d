import base64
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestFieldPoint(OmiopiCaseCommon):
    """Field service points (seed 004): sessions in the team's calendar, a
    quick registration that registers the person to be completed at the
    office, the attentions given there, and the point's figures; each
    office its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.point = env["omiopi.field.point"].create(
            {
                "name": "Centro vecinal del barrio",
                "office_id": cls.office_a.id,
                "association_id": env["res.partner"]
                .create({"name": "Asociación vecinal", "is_company": True})
                .id,
            }
        )
        cls.session = env["omiopi.field.session"].create(
            {
                "point_id": cls.point.id,
                "start": fields.Datetime.now() - timedelta(days=2),
                "user_ids": [(6, 0, (cls.tech_a | cls.head_a).ids)],
            }
        )
        cls.morocco = env.ref("base.ma")

    def _register(self, user=None, **values):
        form = Form(
            self.env["omiopi.field.registration"]
            .with_user(user or self.tech_a)
            .with_context(default_session_id=self.session.id),
            view="omiopi_case.omiopi_field_registration_view_form_quick",
        )
        form.name = values.get("name", "Khadija El Amrani")
        form.phone = "+34 612 845 330"
        form.nationality_id = self.morocco
        form.request = "Busca trabajo de limpieza"
        form.consent_given = values.get("consent_given", True)
        if form.consent_given:
            form.consent_evidence = values.get("consent_evidence", "signed_sheet")
        return form.save()

    def test_session_is_in_the_teams_calendar(self):
        event = self.session.calendar_event_id
        self.assertEqual(event.partner_ids, (self.tech_a | self.head_a).partner_id)
        self.assertEqual(
            (event.res_model, event.res_id), (self.session._name, self.session.id)
        )
        later = self.session.start + timedelta(days=7)
        self.session.with_user(self.tech_a).write(
            {"start": later, "stop": later + timedelta(hours=2)}
        )
        self.assertEqual(event.start, later)
        self.session.with_user(self.tech_a).action_cancel()
        self.assertFalse(event.active)
        with self.assertRaises(UserError):
            self.session.with_user(self.tech_a).action_held()
        self.session.with_user(self.tech_a).action_reset()
        self.assertTrue(event.active)

    def test_quick_registration_registers_the_person_to_complete(self):
        registration = self._register()
        person = registration.partner_id
        self.assertTrue(person.omiopi_is_person)
        self.assertEqual(person.omiopi_office_id, self.office_a)
        self.assertEqual(person.nationality_id, self.morocco)
        # Normalised like every phone of the suite.
        self.assertEqual(person.mobile.replace(" ", ""), "+34612845330")
        self.assertTrue(person.omiopi_to_complete)
        self.assertEqual(person.omiopi_consent_state, "given")
        self.assertIn("Centro vecinal del barrio", person.omiopi_consent_ids.note)
        self.assertEqual(registration.state, "to_complete")
        self.assertEqual(registration.point_id, self.point)
        # The office's list of registrations to complete holds it.
        to_complete = (
            self.env["omiopi.field.registration"]
            .with_user(self.head_a)
            .search([("state", "=", "to_complete")])
        )
        self.assertIn(registration, to_complete)

    def test_nobody_is_registered_without_consent_and_its_evidence(self):
        with self.assertRaises(ValidationError):
            self._register(consent_given=False)
        Registration = self.env["omiopi.field.registration"].with_user(self.tech_a)
        values = {
            "session_id": self.session.id,
            "name": "Sin pruebas",
            "request": "Papeles",
            "consent_given": True,
        }
        # The quick form asks for them; a client that skips the form is refused.
        for evidence in ("verbal", "photo"):
            with self.assertRaises(ValidationError):
                Registration.create({**values, "consent_evidence": evidence})
        registration = Registration.create(
            {
                "session_id": self.session.id,
                "name": "Con foto",
                "request": "Papeles",
                "consent_given": True,
                "consent_evidence": "photo",
                "consent_document": base64.b64encode(b"\x89PNG signed sheet"),
                "consent_document_name": "hoja.png",
            }
        )
        self.assertTrue(registration.partner_id.omiopi_consent_ids.document)

    def test_no_registration_at_a_cancelled_session(self):
        self.session.with_user(self.tech_a).action_cancel()
        with self.assertRaises(UserError):
            self._register()

    def test_completed_at_the_office(self):
        registration = self._register()
        person = registration.partner_id.with_user(self.tech_a)
        with self.assertRaises(UserError) as missing:
            person.action_omiopi_complete_registration()
        self.assertIn("Khadija El Amrani", str(missing.exception))
        person.write({"gender": "female", "birthdate_date": "1986-03-14"})
        person.action_omiopi_complete_registration()
        self.assertEqual(registration.state, "completed")
        self.assertEqual(registration.date_completed, fields.Date.today())
        self.assertFalse(person.omiopi_to_complete)

    def test_each_office_its_own(self):
        registration = self._register()
        for record in (self.point, self.session, registration, registration.partner_id):
            with self.assertRaises(AccessError):
                record.with_user(self.tech_b).read(["display_name"])
        # Nobody registers at another office's session, nor completes its people.
        with self.assertRaises(AccessError):
            self._register(user=self.tech_b)
        with self.assertRaises(AccessError):
            registration.with_user(self.tech_b).action_complete()
        # Once registered, the person and the session are the registration's.
        with self.assertRaises(AccessError):
            registration.with_user(self.tech_a).write({"partner_id": self.person_a.id})
        with self.assertRaises(AccessError):
            registration.with_user(self.tech_a).write({"state": "completed"})
        # A point stays with the office that agreed it.
        with self.assertRaises(AccessError):
            self.point.with_user(self.tech_a).write({"office_id": self.office_b.id})

    def test_attentions_at_a_session(self):
        attention = (
            self.env["omiopi.attention"]
            .with_user(self.tech_a)
            .create(
                {
                    "case_id": self.case_a.id,
                    "area_id": self.area_employment.id,
                    "summary": "Ofertas de la zona",
                    "field_session_id": self.session.id,
                    "channel": "field_point",
                }
            )
        )
        self.assertEqual(attention.field_point_id, self.point)
        self.assertEqual(self.session.attention_count, 1)
        person_b = self._person("Bruno Otro", self.office_b)
        case_b = self._case(person_b, self.office_b, self.tech_b)
        # Office B's technician cannot point at office A's session...
        with self.assertRaises(AccessError):
            self.env["omiopi.attention"].with_user(self.tech_b).create(
                {
                    "case_id": case_b.id,
                    "area_id": self.area_employment.id,
                    "summary": "Otra oficina",
                    "field_session_id": self.session.id,
                }
            )
        # ...and a session is counted with its own office's case files only.
        with self.assertRaises(ValidationError):
            self.env["omiopi.attention"].create(
                {
                    "case_id": case_b.id,
                    "area_id": self.area_employment.id,
                    "summary": "Otra oficina",
                    "field_session_id": self.session.id,
                }
            )

    def test_report_of_the_point(self):
        self._register()
        done = self._register(name="Oksana Melnyk")
        done.partner_id.write({"gender": "female", "birthdate_date": "1990-07-21"})
        done.action_complete()
        self.session.with_user(self.tech_a).write({"anonymous_attentions": 4})
        self.session.with_user(self.tech_a).action_held()
        other = self.env["omiopi.field.point"].create(
            {"name": "Otro punto", "office_id": self.office_a.id}
        )
        other_session = self.env["omiopi.field.session"].create(
            {"point_id": other.id, "start": fields.Datetime.now() - timedelta(days=1)}
        )
        other_session.action_held()
        action = self.point.with_user(self.tech_a).action_open_report()
        report = self.env["omiopi.activity.report"].browse(action["res_id"])
        lines = report.line_ids.filtered(lambda l: l.section_code == "field_points")
        figures = {line.name: line.total for line in lines}
        self.assertEqual(figures["Field sessions held"], 1)
        self.assertEqual(figures["People informed at field sessions"], 4)
        self.assertEqual(figures["People registered at field points"], 2)
        self.assertEqual(figures["Registrations completed at the office"], 1)
        # Another office's technician counts none of office A's.
        report_b = (
            self.env["omiopi.activity.report"]
            .with_user(self.tech_b)
            .create(
                {
                    "date_from": datetime.now().date() - timedelta(days=30),
                    "date_to": datetime.now().date(),
                }
            )
        )
        report_b.action_compute()
        lines_b = report_b.line_ids.filtered(lambda l: l.section_code == "field_points")
        self.assertFalse(any(lines_b.mapped("total")))
