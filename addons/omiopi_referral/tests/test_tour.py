from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestReferralTour(HttpCase):
    """The pilot's procedure in the browser, in Spanish: an Employment Agency
    technician refers a person to an OMIOPI office, the section head
    validates, the coordinator approves and sets the area, the receiving
    technician accepts and closes it, and the referrer sees the outcome."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_ES")
        cls.env["ir.module.module"].search(
            [("name", "in", ("omiopi_case", "omiopi_referral"))]
        )._update_translations(filter_lang=["es_ES"])
        Office = cls.env["omiopi.office"]
        agency = Office.create(
            {"name": "Agencia de prueba", "code": "TAG", "office_type": "ae_agency"}
        )
        cls.office = Office.create(
            {"name": "Oficina de acogida", "code": "TOF", "office_type": "omiopi"}
        )
        group = "omiopi_case.group_omiopi_"

        def user(login, role, office=None):
            new = new_test_user(
                cls.env,
                login=login,
                groups=group + role,
                lang="es_ES",
                name=login,
                email=f"{login}@example.org",
            )
            if office:
                new.omiopi_office_ids = office
            return new

        cls.referrer = user("tour_ae_tech", "technician", agency)
        agency.manager_id = user("tour_ae_head", "section_head", agency)
        user("tour_coordinator", "coordinator")
        user("tour_receiver", "technician", cls.office)
        person = cls.env["res.partner"].create(
            {
                "name": "Persona Derivada",
                "omiopi_is_person": True,
                "omiopi_office_id": agency.id,
            }
        )
        cls.env["omiopi.consent"].create({"partner_id": person.id})
        cls.case = cls.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": agency.id,
                "user_id": cls.referrer.id,
            }
        )

    def test_referral_procedure_in_the_browser(self):
        self.start_tour(
            f"/odoo/action-omiopi_case.omiopi_case_action/{self.case.id}",
            "omiopi_referral_refer",
            login="tour_ae_tech",
        )
        referral = self.env["omiopi.referral"].search([("case_id", "=", self.case.id)])
        self.assertEqual(len(referral), 1)
        url = f"/odoo/action-omiopi_referral.omiopi_referral_action/{referral.id}"
        self.start_tour(url, "omiopi_referral_section_head", login="tour_ae_head")
        self.start_tour(url, "omiopi_referral_coordinator", login="tour_coordinator")
        self.start_tour(url, "omiopi_referral_receiving", login="tour_receiver")
        self.start_tour(
            "/odoo/action-omiopi_referral.omiopi_referral_action_mine",
            "omiopi_referral_referrer_sees_outcome",
            login="tour_ae_tech",
        )
        referral.invalidate_recordset()
        self.assertEqual(
            referral.stage_id, self.env.ref("omiopi_referral.stage_closed")
        )
        self.assertEqual(referral.receiving_office_id, self.office)
        self.assertEqual(
            referral.target_area_id, self.env.ref("omiopi_case.area_legal")
        )
        self.assertEqual(
            referral.decision_ids.mapped("comment")[1:4],
            ["Cumple el perfil", "Adelante", "La atendemos"],
        )
