from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.omiopi_employer.tests.common import EmployerCommon


@tagged("post_install", "-at_install")
class TestProspectorTraining(EmployerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        course = cls.env["omiopi.training.course"].create(
            {"name": "Forklift test", "course_type": "sector_course", "hours": 20}
        )
        today = fields.Date.today()
        edition = cls.env["omiopi.training.edition"].create(
            {
                "name": "Forklift test edition",
                "course_id": course.id,
                "office_id": cls.office.id,
                "date_start": today,
                "date_end": today,
                "capacity": 5,
                "state": "open",
            }
        )
        Enrolment = cls.env["omiopi.training.enrolment"]
        cls.fit_enrolment = Enrolment.create(
            {"edition_id": edition.id, "partner_id": cls.fit.id}
        )
        cls.closed_enrolment = Enrolment.create(
            {"edition_id": edition.id, "partner_id": cls.closed.id}
        )

    def test_prospector_reads_the_training_of_their_persons_only(self):
        enrolments = self.fit_enrolment | self.closed_enrolment
        visible = enrolments.with_user(self.prospector).search(
            [("id", "in", enrolments.ids)]
        )
        self.assertEqual(visible, self.fit_enrolment)
        self.assertEqual(
            self.fit.with_user(self.prospector).omiopi_enrolment_ids, self.fit_enrolment
        )
        self.assertEqual(
            self.fit_enrolment.with_user(self.prospector).course_id.name,
            "Forklift test",
        )
        with self.assertRaises(AccessError):
            self.closed_enrolment.with_user(self.prospector).read(["state"])
        with self.assertRaises(AccessError):
            self.fit_enrolment.with_user(self.prospector).write({"reason_note": "x"})
        # The candidate profile opens with the training page.
        view = self.env.ref("omiopi_employer.res_partner_view_form_candidate")
        arch = (
            self.env["res.partner"]
            .with_user(self.prospector)
            .get_views([(view.id, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("omiopi_certificate_ids", arch)
