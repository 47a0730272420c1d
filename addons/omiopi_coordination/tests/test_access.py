from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.form_common import FormReadMixin

from .common import CoordinationCommon

# Who reads (r), writes (w), creates (c) and deletes (d) the table, its
# meetings and its agreements: the table is of office A, with a technician
# of office B among its members; office C takes no part.
# fmt: off
#            tech_a  head_a  tech_b  tech_c  coord  manager  internal  portal
MATRIX = {
    "table":     "rwc     rwc     rwc     -       rwc    rwcd     -         -",
    "meeting":   "rwc     rwc     rwc     -       rwc    rwcd     -         -",
    "agreement": "rwc     rwc     rwc     -       rwc    rwcd     -         -",
}
# fmt: on
ROLES = ("tech_a", "head_a", "tech_b", "tech_c", "coordinator", "manager")
ROLES += ("internal", "portal")


@tagged("post_install", "-at_install")
class TestCoordinationAccess(FormReadMixin, CoordinationCommon):
    def _records(self):
        return {
            "table": self.table,
            "meeting": self.meeting,
            "agreement": self._agreement(),
        }

    def _allowed(self, record, user, operation):
        record = record.with_user(user)
        if not record.has_access(operation):
            return False
        if operation == "create":
            return True
        return bool(record._filtered_access(operation))

    def test_access_matrix(self):
        records = self._records()
        wrong = []
        for kind, row in MATRIX.items():
            for role, expected in zip(ROLES, row.split(), strict=True):
                user = getattr(self, role)
                actual = "".join(
                    letter
                    for letter, op in (
                        ("r", "read"),
                        ("w", "write"),
                        ("c", "create"),
                        ("d", "unlink"),
                    )
                    if self._allowed(records[kind], user, op)
                )
                if (actual or "-") != expected:
                    wrong.append(f"{kind} / {role}: expected {expected}, got {actual}")
        self.assertFalse(wrong, "\n".join(wrong))

    def test_other_office_reads_the_form_not_the_case_files(self):
        """The member of office B opens the meeting as the web client does:
        the case file of A is not in it, neither its person's name."""
        values = self.open_form(self.meeting, self.tech_b)
        self.assertEqual([c["id"] for c in values["case_ids"]], self.case_b.ids)
        self.assertNotIn("Amina", str(values))
        # office A reads its own, not B's
        values = self.open_form(self.meeting, self.tech_a)
        self.assertEqual([c["id"] for c in values["case_ids"]], self.case_a.ids)
        self.assertNotIn("Bilal", str(values))
        # the coordinator reads both
        values = self.open_form(self.meeting, self.coordinator)
        self.assertEqual(
            sorted(c["id"] for c in values["case_ids"]),
            sorted((self.case_a | self.case_b).ids),
        )
        # over the ORM too
        meeting = self.meeting.with_user(self.tech_b)
        meeting.invalidate_recordset()
        self.assertEqual(meeting.case_ids, self.case_b)
        with self.assertRaises(AccessError):
            self.case_a.with_user(self.tech_b).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.open_form(self.meeting, self.tech_c)

    def test_a_change_of_the_list_keeps_what_the_user_does_not_see(self):
        meeting = self.meeting.with_user(self.tech_b)
        meeting.write({"case_ids": [(6, 0, [])]})
        self.assertEqual(self.meeting.case_ids, self.case_a)
        meeting.write({"case_ids": [(4, self.case_b.id)]})
        meeting.write({"case_ids": [(3, self.case_b.id)]})
        self.assertEqual(self.meeting.case_ids, self.case_a)
        meeting.write({"case_ids": [(5, 0, 0)]})
        self.assertEqual(self.meeting.case_ids, self.case_a)
        # nor unlink one by one
        meeting.write({"case_ids": [(3, self.case_a.id)]})
        self.assertEqual(self.meeting.case_ids, self.case_a)
        # office A's own change keeps B's
        self.meeting.case_ids |= self.case_b
        self.meeting.with_user(self.tech_a).write({"case_ids": [(6, 0, [])]})
        self.assertEqual(self.meeting.case_ids, self.case_b)

    def test_a_case_file_the_user_does_not_read_cannot_be_linked(self):
        for case in (self.case_a, self.case_c):
            with self.subTest(case=case.name), self.assertRaises(AccessError):
                self.meeting.with_user(self.tech_b).write({"case_ids": [(4, case.id)]})
        with self.assertRaises(AccessError):
            self.env["omiopi.coordination.meeting"].with_user(self.tech_b).create(
                {"table_id": self.table.id, "case_ids": [(6, 0, self.case_c.ids)]}
            )

    def test_only_cases_tables_discuss_case_files(self):
        project = self.env["omiopi.coordination.table"].create(
            {"name": "Project", "level": "project", "office_ids": self.office_a.ids}
        )
        with self.assertRaises(ValidationError):
            self.env["omiopi.coordination.meeting"].with_user(self.tech_a).create(
                {"table_id": project.id, "case_ids": [(6, 0, self.case_a.ids)]}
            )

    def test_nothing_names_the_persons(self):
        """Neither the calendar event nor the chatter nor a display name
        carries the case files discussed or their persons."""
        self.meeting.with_user(self.tech_a).write({"location": "Room 2"})
        self.meeting.with_user(self.tech_a).action_hold()
        event = self.meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.privacy, "private")
        texts = [
            event.name,
            event.description or "",
            event.display_name,
            self.meeting.display_name,
            *self.meeting.message_ids.mapped("body"),
            *self.meeting.message_ids.tracking_value_ids.mapped("new_value_char"),
        ]
        for text in texts:
            for secret in ("Amina", "Bilal", self.case_a.name, self.case_b.name):
                self.assertNotIn(secret, str(text))
        # the event is in the attendees' calendars, not the external ones'
        self.assertEqual(event.partner_ids, (self.tech_a | self.tech_b).partner_id)
        self.assertEqual(self.meeting.contact_ids, self.contact)

    def test_tables_of_other_offices_are_not_listed(self):
        Table = self.env["omiopi.coordination.table"]
        self.assertIn(self.table, Table.with_user(self.tech_b).search([]))
        self.assertNotIn(self.table, Table.with_user(self.tech_c).search([]))
        self.assertIn(self.table, Table.with_user(self.coordinator).search([]))
        with self.assertRaises(AccessError):
            self.table.with_user(self.tech_c).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.tech_c).action_hold()
        with self.assertRaises(AccessError):
            self.table.with_user(self.tech_a).unlink()
        with self.assertRaises(AccessError):
            Table.with_user(self.internal).search([])

    def test_a_meeting_stays_in_its_table(self):
        other = self.env["omiopi.coordination.table"].create(
            {"name": "Other", "level": "case", "office_ids": self.office_a.ids}
        )
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.tech_a).write({"table_id": other.id})
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.tech_a).write({"state": "held"})
