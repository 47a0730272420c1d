from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTechnicianTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_ES")
        cls.env["ir.module.module"].search(
            [("name", "=", "omiopi_case")]
        )._update_translations(filter_lang=["es_ES"])
        office = cls.env["omiopi.office"].create(
            {"name": "Tour office", "code": "TOUR"}
        )
        cls.technician = new_test_user(
            cls.env,
            login="tour_technician",
            groups="omiopi_case.group_omiopi_technician",
            lang="es_ES",
            name="Tour Technician",
        )
        cls.technician.omiopi_office_ids = office
        cls.office = office

    def test_technician_registers_a_person_and_logs_an_attention(self):
        self.start_tour("/odoo", "omiopi_case_technician_tour", login="tour_technician")
        case = self.env["omiopi.case"].search([("office_id", "=", self.office.id)])
        self.assertEqual(case.partner_id.name, "Rosa Elvira Quispe Mamani")
        self.assertEqual(case.partner_id.mobile, "+34 612 34 56 78")
        self.assertEqual(case.user_id, self.technician)
        self.assertEqual(case.attention_ids.summary, "Primera entrevista")
        self.assertEqual(case.attention_count, 1)
