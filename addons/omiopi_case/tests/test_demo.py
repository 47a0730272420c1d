from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """`make run`'s demo is the journeys' fixture: as rich as real life
    (the tests run on a database with the demo loaded)."""

    def _persons(self):
        return self.env["res.partner"].search([("omiopi_is_person", "=", True)])

    def test_persons_are_recorded_as_in_real_life(self):
        persons = self._persons()
        self.assertGreaterEqual(len(persons), 30)
        for field in (
            "omiopi_language_ids",
            "id_numbers",
            "omiopi_consent_ids",
            "omiopi_experience_ids",
            "omiopi_training_ids",
            "omiopi_education_level_id",
            "omiopi_legal_situation_id",
        ):
            with self.subTest(field=field):
                recorded = persons.filtered(field)
                self.assertGreaterEqual(len(recorded), len(persons) // 3)
        self.assertTrue(self.env["omiopi.case.household"].search_count([]))

    def test_case_files_in_every_state(self):
        states = {
            state for (state,) in self.env["omiopi.case"]._read_group([], ["state"])
        }
        self.assertEqual(states, {"intake", "active", "follow_up", "closed"})

    def test_every_agency_has_its_section_head(self):
        offices = self.env["omiopi.office"].search([("office_type", "=", "ae_agency")])
        self.assertGreaterEqual(len(offices), 8)
        for office in offices:
            with self.subTest(office=office.name):
                self.assertEqual(office.manager_id.omiopi_role, "section_head")

    def test_suite_users_are_notified_in_the_application(self):
        users = self.env["res.users"].search([("omiopi_role", "!=", False)])
        self.assertTrue(users)
        self.assertEqual(set(users.mapped("notification_type")), {"inbox"})

    def test_no_email_waits_for_a_mail_server(self):
        self.assertFalse(
            self.env["mail.mail"].search([("state", "in", ("outgoing", "exception"))])
        )

    def test_the_city_is_the_company(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Ayuntamiento de Madrid")
        self.assertEqual(company.currency_id, self.env.ref("base.EUR"))
        self.assertTrue(company.logo)
