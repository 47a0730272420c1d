from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from odoo.addons.omiopi_case.tests.http_common import OmiopiHttpMixin


@tagged("post_install", "-at_install")
class TestTrainingHttpSecurity(OmiopiHttpMixin, HttpCase):
    """Through the web client's routes, a technician of another office can
    neither read an enrolment nor print or download a person's certificate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.office = Office.create({"name": "HTTP training office", "code": "HTT"})
        cls.other = Office.create({"name": "HTTP other office", "code": "HTO"})
        group = "omiopi_case.group_omiopi_technician"
        cls.tech = new_test_user(cls.env, login="http_trainer", groups=group)
        cls.tech.omiopi_office_ids = cls.office
        cls.outsider = new_test_user(cls.env, login="http_outsider", groups=group)
        cls.outsider.omiopi_office_ids = cls.other
        course = cls.env["omiopi.training.course"].create(
            {"name": "HTTP workshop", "course_type": "workshop", "hours": 2}
        )
        edition = cls.env["omiopi.training.edition"].create(
            {
                "name": "HTTP workshop edition",
                "course_id": course.id,
                "office_id": cls.office.id,
                "date_start": fields.Date.today(),
                "date_end": fields.Date.today(),
                "state": "open",
                "capacity": 5,
                "user_id": cls.tech.id,
            }
        )
        person = cls.env["res.partner"].create(
            {
                "name": "Certificada Secreta",
                "omiopi_is_person": True,
                "omiopi_office_id": cls.office.id,
            }
        )
        cls.enrolment = cls.env["omiopi.training.enrolment"].create(
            {"edition_id": edition.id, "partner_id": person.id}
        )
        cls.certificate = cls.env["omiopi.training.certificate"].create(
            {
                "enrolment_id": cls.enrolment.id,
                "hours": 2,
                "date_start": edition.date_start,
                "date_end": edition.date_end,
            }
        )
        if not cls.certificate.attachment_id:
            cls.certificate._store_pdf()

    def test_certificate_report_url_is_refused_to_another_office(self):
        url = f"/report/pdf/omiopi_training.report_certificate/{self.certificate.id}"
        refused = self.assert_url_refused_then_served(
            url, "http_outsider", "http_trainer"
        )
        self.assertNotIn(b"Certificada Secreta", refused.content)

    def test_stored_certificate_is_not_served_to_another_office(self):
        url = f"/web/content/{self.certificate.attachment_id.id}?download=true"
        self.assert_url_refused_then_served(url, "http_outsider", "http_trainer")

    def test_enrolments_are_not_read_over_rpc_by_another_office(self):
        self.authenticate("http_outsider", "http_outsider")
        found = self.make_jsonrpc_request(
            "/web/dataset/call_kw/omiopi.training.enrolment/search_read",
            {
                "model": "omiopi.training.enrolment",
                "method": "search_read",
                "args": [[("id", "=", self.enrolment.id)]],
                "kwargs": {"fields": ["partner_id"]},
            },
        )
        self.assertEqual(found, [])
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/omiopi.training.enrolment/web_read",
                {
                    "model": "omiopi.training.enrolment",
                    "method": "web_read",
                    "args": [self.enrolment.ids],
                    "kwargs": {"specification": {"partner_id": {}}},
                },
            )
