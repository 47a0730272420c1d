from odoo.tests import tagged

from .tour_common import OmiopiTourCase


@tagged("post_install", "-at_install", "omiopi_guide")
class TestAdministratorJourney(OmiopiTourCase):
    """The omiopi administrator (gestor, no Odoo administrator) adds a
    technician with her role and office."""

    def test_administrator_adds_a_technician(self):
        self.run_journey("omiopi_journey_administrator", "gestor")
        user = self.env["res.users"].search(
            [("login", "=", "ines.navarro@example.org")]
        )
        self.assertEqual(user.omiopi_role, "technician")
        self.assertEqual(
            user.omiopi_office_ids, self.env.ref("omiopi_case.office_norte_demo")
        )
        self.assertEqual(
            user.action_id.id, self.env.ref("omiopi_case.omiopi_case_action_home").id
        )
        self.assertEqual(user.notification_type, "inbox")
        self.assertFalse(user.has_group("base.group_erp_manager"))


@tagged("post_install", "-at_install", "omiopi_guide")
class TestPhoneJourney(OmiopiTourCase):
    """A technician registers a person and logs an attention on a phone."""

    browser_size = "390x844"
    touch_enabled = True

    def test_intake_on_a_phone(self):
        self.run_journey(
            "omiopi_journey_phone",
            "tecnico.sur",
            url="/odoo/action-omiopi_case.res_partner_action_omiopi",
        )
        person = self.env["res.partner"].search([("name", "=", "Fátima Zahra Ouali")])
        self.assertEqual(
            person.omiopi_office_id, self.env.ref("omiopi_case.office_sur_demo")
        )
        self.assertEqual(
            person.omiopi_case_ids.attention_ids.summary,
            "Registro en el punto del barrio",
        )


@tagged("post_install", "-at_install")
class TestCvJourney(OmiopiTourCase):
    """A technician attaches the CV made from a person's data."""

    def test_cv_from_the_persons_data(self):
        self.run_journey(
            "omiopi_journey_cv",
            "tecnico.sur",
            url="/odoo/action-omiopi_case.res_partner_action_omiopi",
        )
        person = self.env.ref("omiopi_case.person_02_demo")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", person.id)]
        )
        self.assertEqual(attachment.name, "CV Yoselin Gómez Páez.pdf")


@tagged("post_install", "-at_install")
class TestMediationJourney(OmiopiTourCase):
    """A technician books an Arabic mediator for an appointment."""

    def test_book_an_arabic_mediator(self):
        self.run_journey(
            "omiopi_journey_mediation",
            "tecnico.norte",
            url="/odoo/action-omiopi_case.omiopi_language_service_action",
        )
        service = self.env["omiopi.language.service"].search(
            [("name", "=", "Cita con la trabajadora social")]
        )
        self.assertEqual(service.language_id, self.env.ref("omiopi_case.language_ar"))
        self.assertEqual(
            service.mediator_id, self.env.ref("omiopi_case.mediator_amina_demo")
        )
        self.assertTrue(service.calendar_event_id)
        self.assertIn(
            self.env.ref("omiopi_case.user_tecnico_norte_demo").partner_id,
            service.calendar_event_id.partner_ids,
        )


@tagged("post_install", "-at_install")
class TestFieldPhoneJourney(OmiopiTourCase):
    """A technician registers two people at a field session on a phone."""

    browser_size = "390x844"
    touch_enabled = True

    def test_two_people_registered_at_the_point(self):
        session = self.env.ref("omiopi_case.field_session_ventilla_3_demo")
        self.run_journey(
            "omiopi_journey_field_phone",
            "tecnico.norte",
            url=f"/odoo/action-omiopi_case.omiopi_field_session_action/{session.id}",
        )
        registrations = session.registration_ids
        self.assertEqual(
            sorted(registrations.mapped("name")),
            ["Fatou Ndiaye Sarr", "Jhon Jairo Ríos"],
        )
        for registration in registrations:
            person = registration.partner_id
            self.assertTrue(person.omiopi_to_complete)
            self.assertEqual(person.omiopi_office_id, session.office_id)
            self.assertEqual(person.omiopi_consent_state, "given")
            self.assertEqual(
                registration.user_id,
                self.env.ref("omiopi_case.user_tecnico_norte_demo"),
            )
        self.assertEqual(
            registrations.filtered(
                lambda r: r.name == "Fatou Ndiaye Sarr"
            ).nationality_id,
            self.env.ref("base.sn"),
        )


@tagged("post_install", "-at_install")
class TestFieldCompleteJourney(OmiopiTourCase):
    """Back at the office, a technician completes a person registered at a
    field point."""

    def test_a_registration_completed_at_the_office(self):
        self.run_journey(
            "omiopi_journey_field_complete",
            "tecnico.norte",
            url="/odoo/action-omiopi_case.omiopi_field_registration_action",
        )
        registration = self.env.ref("omiopi_case.field_registration_03_demo")
        self.assertEqual(registration.state, "completed")
        self.assertEqual(registration.partner_id.gender, "male")
        self.assertFalse(registration.partner_id.omiopi_to_complete)
