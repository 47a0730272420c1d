from datetime import datetime, time

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTrainingTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_ES")
        cls.env["ir.module.module"].search(
            [("name", "in", ("omiopi_case", "omiopi_training"))]
        )._update_translations(filter_lang=["es_ES"])
        office = cls.env["omiopi.office"].create(
            {"name": "Oficina formación", "code": "TOURF"}
        )
        technician = new_test_user(
            cls.env,
            login="tour_trainer",
            groups="omiopi_case.group_omiopi_technician",
            lang="es_ES",
            name="Tour Trainer",
        )
        technician.omiopi_office_ids = office
        course = cls.env["omiopi.training.course"].create(
            {"name": "Taller de prueba", "course_type": "workshop", "hours": 2}
        )
        today = fields.Date.today()
        cls.edition = cls.env["omiopi.training.edition"].create(
            {
                "name": "Taller de prueba - edición",
                "course_id": course.id,
                "office_id": office.id,
                "date_start": today,
                "date_end": today,
                "capacity": 1,
                "min_attendance": 100,
                "state": "open",
                "user_id": technician.id,
            }
        )
        cls.env["omiopi.training.session"].create(
            {
                "edition_id": cls.edition.id,
                "date_start": datetime.combine(today, time(10)),
                "duration": 2,
            }
        )
        for name in ("Persona Uno", "Persona Dos"):
            cls.env["res.partner"].create(
                {"name": name, "omiopi_is_person": True, "omiopi_office_id": office.id}
            )

    def test_enrol_attend_and_certify(self):
        self.start_tour(
            f"/odoo/action-omiopi_training.omiopi_training_edition_action/{self.edition.id}",
            "omiopi_training_tour",
            login="tour_trainer",
        )
        enrolments = self.edition.enrolment_ids
        states = {e.partner_id.name: e.state for e in enrolments}
        self.assertEqual(states, {"Persona Uno": "completed", "Persona Dos": "waiting"})
        certificate = enrolments.certificate_id
        # Reports render as HTML under --test-enable; the PDF itself is
        # checked in test_enrolment with force_report_rendering.
        self.assertEqual(certificate.attachment_id.res_id, certificate.id)

    def test_certificate_pdf_renders(self):
        person = self.env["res.partner"].search([("name", "=", "Persona Uno")])
        enrolment = self.env["omiopi.training.enrolment"].create(
            {"edition_id": self.edition.id, "partner_id": person.id}
        )
        certificate = self.env["omiopi.training.certificate"].create(
            {
                "enrolment_id": enrolment.id,
                "hours": 2,
                "date_start": self.edition.date_start,
                "date_end": self.edition.date_end,
            }
        )
        certificate.with_context(force_report_rendering=True)._store_pdf()
        self.assertTrue(certificate.attachment_id.raw.startswith(b"%PDF"))
        self.assertEqual(certificate.attachment_id.mimetype, "application/pdf")
