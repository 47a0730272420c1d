from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestAudit(OmiopiCaseCommon):
    """Who opened and who changed a sensitive record is recorded, and only
    administrators read the records of it."""

    def _entries(self, records):
        return self.env["omiopi.access.log"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )

    def test_opening_a_case_file_is_logged(self):
        self.case_a.with_user(self.tech_a).web_read({"name": {}, "state": {}})
        entry = self._entries(self.case_a)
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.user_id, self.tech_a)
        self.assertEqual(entry.operation, "read")
        self.assertEqual(
            entry.with_user(self.manager).record_name, self.case_a.display_name
        )
        self.assertEqual(entry.with_user(self.manager).model_name, "Case file")

    def test_lists_are_not_logged_one_record_at_a_time(self):
        self.env["omiopi.case"].with_user(self.tech_a).web_search_read(
            [("id", "=", self.case_a.id)], {"name": {}}
        )
        self.assertFalse(self._entries(self.case_a))

    def test_opening_a_person_is_logged_a_company_is_not(self):
        company = self.env["res.partner"].create(
            {"name": "Test company", "is_company": True}
        )
        (self.person_a | company).with_user(self.tech_a).web_read({"name": {}})
        self.assertEqual(self._entries(self.person_a).user_id, self.tech_a)
        self.assertFalse(self._entries(company))

    def test_personal_data_export_is_logged(self):
        self.person_a.with_user(self.coordinator).action_omiopi_export_personal_data()
        entry = self._entries(self.person_a)
        self.assertEqual(entry.operation, "export")
        self.assertEqual(entry.user_id, self.coordinator)

    def test_only_administrators_read_the_access_log_and_nobody_changes_it(self):
        self.case_a.with_user(self.tech_a).web_read({"name": {}})
        entry = self._entries(self.case_a)
        for user in (self.tech_a, self.head_a, self.coordinator, self.internal):
            with self.assertRaises(AccessError):
                entry.with_user(user).read(["user_id"])
        self.assertEqual(
            entry.with_user(self.manager).read(["user_id"])[0]["user_id"][0],
            self.tech_a.id,
        )
        with self.assertRaises(AccessError):
            entry.with_user(self.manager).write({"user_id": self.manager.id})
        with self.assertRaises(AccessError):
            entry.with_user(self.manager).unlink()
        with self.assertRaises(AccessError):
            self.env["omiopi.access.log"].with_user(self.manager).create(
                {
                    "user_id": self.tech_b.id,
                    "res_model": "omiopi.case",
                    "res_id": self.case_a.id,
                    "operation": "read",
                }
            )

    def _changes(self, records):
        return self.env["auditlog.log"].search(
            [
                ("model_id.model", "=", records._name),
                ("res_id", "in", records.ids),
                ("method", "=", "write"),
            ]
        )

    def test_changes_to_case_files_and_persons_are_logged(self):
        self.case_a.with_user(self.tech_a).write({"priority": "1"})
        log = self._changes(self.case_a)
        self.assertEqual(log.user_id, self.tech_a)
        line = log.line_ids.filtered(lambda line: line.field_name == "priority")
        self.assertEqual(line.new_value, "1")

        self.person_a.with_user(self.tech_a).write(
            {"omiopi_legal_notes": "Asylum claim filed"}
        )
        log = self._changes(self.person_a)
        self.assertEqual(log.user_id, self.tech_a)
        self.assertIn(
            "Asylum claim filed",
            log.line_ids.filtered(
                lambda line: line.field_name == "omiopi_legal_notes"
            ).new_value,
        )

    def _creation_lines(self, record):
        log = self.env["auditlog.log"].search(
            [
                ("model_id.model", "=", record._name),
                ("res_id", "=", record.id),
                ("method", "=", "create"),
            ]
        )
        self.assertEqual(len(log), 1)
        return log, {
            line.field_name: (
                line.field_id.name,
                line.field_description,
                line.new_value,
                line.new_value_text,
                line.old_value,
            )
            for line in log.line_ids
        }

    def test_records_created_together_are_logged_as_one_by_one(self):
        """An import creates persons by the hundred: their logs and lines are
        written together, with what a record created alone gets."""
        Partner = self.env["res.partner"].with_user(self.tech_a)
        values = [
            {
                "name": f"Logged {n}",
                "omiopi_is_person": True,
                "omiopi_office_id": self.office_a.id,
                "email": "logged@example.org",
                # what the rows' text format escapes
                "street": "Calle\tMayor \\ 1\nBajo",
            }
            for n in range(3)
        ]
        alone = Partner.create(values[0])
        together = Partner.create(values[1:])
        alone_log, alone_lines = self._creation_lines(alone)
        self.assertEqual(alone_lines.pop("name")[2], "Logged 0")
        for person in together:
            log, lines = self._creation_lines(person)
            self.assertEqual(lines.pop("name")[2], person.name)
            self.assertEqual(lines, alone_lines)
            self.assertEqual(log.name, person.display_name)
            for fname in (
                "user_id",
                "model_id",
                "model_name",
                "model_model",
                "log_type",
            ):
                self.assertEqual(log[fname], alone_log[fname], fname)
        self.assertEqual(alone_lines["email"][2], "logged@example.org")
        self.assertEqual(alone_lines["email"][1], "Email")
        self.assertEqual(alone_lines["street"][2], "Calle\tMayor \\ 1\nBajo")
        self.assertEqual(together[1].street, "Calle\tMayor \\ 1\nBajo")

    def test_identity_documents_changes_are_logged(self):
        number = self.env["res.partner.id_number"].create(
            {
                "partner_id": self.person_a.id,
                "category_id": self.cat_passport.id,
                "name": "XK1234567",
            }
        )
        number.with_user(self.tech_a).write({"name": "XK7654321"})
        log = self._changes(number)
        self.assertEqual(log.user_id, self.tech_a)

    def test_administrators_read_the_changes_technicians_do_not(self):
        self.case_a.with_user(self.tech_a).write({"priority": "1"})
        log = self._changes(self.case_a)
        self.assertTrue(log.with_user(self.manager).line_ids)
        with self.assertRaises(AccessError):
            log.with_user(self.tech_a).read(["user_id"])

    def test_administrators_open_the_changes_screen(self):
        """The menu's action, as its list asks for it: its domain once read
        ir.model, which the suite's administrators may not read."""
        self.case_a.with_user(self.tech_a).write({"priority": "1"})
        action = self.env.ref("omiopi_case.auditlog_log_action_omiopi")
        result = (
            self.env["auditlog.log"]
            .with_user(self.manager)
            .web_search_read(
                safe_eval(action.domain or "[]"),
                {"name": {}, "model_id": {"fields": {"display_name": {}}}},
            )
        )
        changes = self._changes(self.case_a)
        self.assertTrue(changes)
        self.assertTrue(set(changes.ids) <= {r["id"] for r in result["records"]})

    # ------------------------------------------------------------------
    # Every read of a sensitive field, whatever the entry point
    # ------------------------------------------------------------------

    def _count(self, records):
        return len(self._entries(records))

    def test_every_entry_point_logs_a_read_of_sensitive_fields(self):
        self.tech_a.groups_id |= self.env.ref("base.group_allow_export")
        Partner = self.env["res.partner"].with_user(self.tech_a)
        person = self.person_a.with_user(self.tech_a)
        domain = [("id", "=", self.person_a.id)]
        sensitive = "omiopi_legal_situation_id"
        calls = {
            "read": lambda: person.read([sensitive]),
            "search_read": lambda: Partner.search_read(domain, [sensitive]),
            "web_read": lambda: person.web_read({sensitive: {}}),
            "web_search_read": lambda: Partner.web_search_read(domain, {sensitive: {}}),
            "export": lambda: person.export_data([sensitive]),
            "export through a relation": lambda: self.case_a.with_user(
                self.tech_a
            ).export_data(["partner_id/omiopi_disability"]),
        }
        for entry_point, call in calls.items():
            with self.subTest(entry_point=entry_point):
                before = self._count(self.person_a) + self._count(self.case_a)
                call()
                after = self._count(self.person_a) + self._count(self.case_a)
                self.assertEqual(after, before + 1)

    def test_a_list_without_sensitive_fields_logs_nothing(self):
        self.env["res.partner"].with_user(self.tech_a).web_search_read(
            [("id", "=", self.person_a.id)], {"name": {}, "email": {}}
        )
        self.env["res.partner"].with_user(self.tech_a).search_read(
            [("id", "=", self.person_a.id)], ["name"]
        )
        self.assertFalse(self._entries(self.person_a))

    def test_no_context_key_turns_the_log_off(self):
        person = self.person_a.with_user(self.tech_a).with_context(
            omiopi_listing=True, tracking_disable=True, mail_notrack=True
        )
        person.web_read({"name": {}})
        person.read(["omiopi_disability"])
        self.assertEqual(self._count(self.person_a), 2)

    def test_reading_an_identity_document_is_logged(self):
        number = self.env["res.partner.id_number"].create(
            {
                "partner_id": self.person_a.id,
                "category_id": self.cat_nie.id,
                "name": "Y7654321G",
            }
        )
        number.with_user(self.tech_a).read(["name"])
        self.assertEqual(self._entries(number).user_id, self.tech_a)
        number.with_user(self.tech_a).read(["valid_until"])
        self.assertEqual(len(self._entries(number)), 1)
