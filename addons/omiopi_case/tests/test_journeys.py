from odoo.tests import tagged

from .tour_common import OmiopiTourCase


@tagged("post_install", "-at_install")
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


@tagged("post_install", "-at_install")
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
