from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEmployerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_ES")
        cls.env["ir.module.module"].search(
            [("name", "in", ("omiopi_case", "omiopi_employer", "crm"))]
        )._update_translations(filter_lang=["es_ES"])
        office = cls.env["omiopi.office"].create(
            {"name": "Agencia de prueba", "code": "TOURE"}
        )
        cls.prospector = new_test_user(
            cls.env,
            login="tour_prospector",
            groups="omiopi_employer.group_omiopi_prospector",
            lang="es_ES",
            name="Tour Prospector",
        )
        cls.technician = new_test_user(
            cls.env,
            login="tour_employment_tech",
            groups="omiopi_case.group_omiopi_technician",
            lang="es_ES",
            name="Tour Technician",
        )
        (cls.prospector | cls.technician).omiopi_office_ids = office
        company = cls.env["res.partner"].create(
            {"name": "Hostelería Tour SL", "is_company": True}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Colaboración Hostelería Tour",
                "type": "opportunity",
                "team_id": cls.env.ref("omiopi_employer.crm_team_prospection").id,
                "partner_id": company.id,
                "user_id": cls.prospector.id,
                "omiopi_office_id": office.id,
            }
        )
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Candidata Tour",
                "omiopi_is_person": True,
                "omiopi_office_id": office.id,
                "omiopi_legal_situation_id": cls.env.ref(
                    "omiopi_case.legal_situation_residence_work"
                ).id,
            }
        )
        cls.case = cls.env["omiopi.case"].create(
            {
                "partner_id": cls.person.id,
                "office_id": office.id,
                "user_id": cls.technician.id,
            }
        )

    def test_prospection_to_hire(self):
        self.start_tour(
            f"/odoo/action-omiopi_employer.omiopi_prospection_action/{self.lead.id}",
            "omiopi_employer_prospection_tour",
            login="tour_prospector",
        )
        self.assertEqual(
            self.lead.stage_id, self.env.ref("omiopi_employer.crm_stage_meeting")
        )
        offer = self.lead.omiopi_job_offer_ids
        self.assertEqual(offer.name, "Camarero/a de sala")
        self.assertEqual(offer.candidacy_ids.partner_id, self.person)
        self.assertEqual(offer.candidacy_ids.state, "hired")
        self.assertEqual(self.case.insertion_ids.position, "Camarero/a de sala")
        # The hire shows on the person's case file, for the technician.
        self.start_tour(
            f"/odoo/action-omiopi_case.omiopi_case_action/{self.case.id}",
            "omiopi_employer_case_tour",
            login="tour_employment_tech",
        )
