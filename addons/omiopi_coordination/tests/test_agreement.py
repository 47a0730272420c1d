from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CoordinationCommon


@tagged("post_install", "-at_install")
class TestCoordinationAgreement(CoordinationCommon):
    def _activity(self, agreement):
        return self.env["mail.activity"].search(
            [("res_model", "=", agreement._name), ("res_id", "=", agreement.id)]
        )

    def test_an_agreement_is_an_activity_of_its_owner(self):
        agreement = self._agreement(owner=self.tech_b, days=10)
        activity = self._activity(agreement)
        self.assertEqual(activity, agreement.activity_id)
        self.assertEqual(activity.user_id, self.tech_b)
        self.assertEqual(
            activity.date_deadline, fields.Date.today() + timedelta(days=10)
        )
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo")
        )
        self.assertEqual(activity.summary, "Call")
        # owner and due date changed: the activity follows
        new_date = fields.Date.today() + timedelta(days=20)
        agreement.with_user(self.tech_a).write(
            {"user_id": self.tech_a.id, "date_deadline": new_date}
        )
        self.assertEqual(activity.user_id, self.tech_a)
        self.assertEqual(activity.date_deadline, new_date)

    def test_the_owner_marks_the_activity_done(self):
        agreement = self._agreement(owner=self.tech_b)
        activity = agreement.activity_id.with_user(self.tech_b)
        activity.action_feedback(feedback="Done by phone")
        self.assertEqual(agreement.state, "done")
        self.assertEqual(agreement.date_done, fields.Date.today())
        self.assertFalse(self._activity(agreement))

    def test_fulfilling_the_agreement_closes_its_activity(self):
        agreement = self._agreement(owner=self.tech_b)
        agreement.with_user(self.tech_a).action_done()
        self.assertEqual(agreement.state, "done")
        self.assertFalse(self._activity(agreement))
        with self.assertRaises(UserError):
            agreement.with_user(self.tech_a).action_done()
        agreement.with_user(self.tech_a).action_reopen()
        self.assertEqual(agreement.state, "open")
        self.assertEqual(self._activity(agreement).user_id, self.tech_b)
        agreement.with_user(self.tech_a).action_cancel()
        self.assertEqual(agreement.state, "cancelled")
        self.assertFalse(self._activity(agreement))

    def test_the_owner_takes_part_in_the_table(self):
        with self.assertRaises(ValidationError):
            self._agreement(owner=self.tech_c)
        # a technician of one of the table's offices may own it
        self._agreement(owner=self.env["res.users"].browse(self.head_a.id))

    def test_status_is_not_written_by_hand(self):
        agreement = self._agreement()
        for values in ({"state": "done"}, {"date_done": fields.Date.today()}):
            with self.subTest(values=values), self.assertRaises(AccessError):
                agreement.with_user(self.tech_a).write(values)
        with self.assertRaises(AccessError):
            self._agreement().with_user(self.tech_a).write(
                {"meeting_id": self.meeting.copy().id}
            )

    def test_follow_up_at_the_next_meeting(self):
        """The next meeting shows the agreements of the earlier ones not
        yet fulfilled; a fulfilled one leaves the list."""
        first = self._agreement(name="First")
        second = self._agreement(name="Second")
        following = (
            self.env["omiopi.coordination.meeting"]
            .with_user(self.tech_b)
            .create(
                {"table_id": self.table.id, "start": self.start + timedelta(days=14)}
            )
        )
        self.assertEqual(following.pending_agreement_ids, first | second)
        self.assertFalse(self.meeting.pending_agreement_ids)
        first.with_user(self.tech_b).action_done()
        following.invalidate_recordset(["pending_agreement_ids"])
        self.assertEqual(following.pending_agreement_ids, second)
        # the attendees come from the table
        self.assertEqual(following.user_ids, self.tech_a | self.tech_b)
        self.assertEqual(following.name, self.table.name)

    def test_meeting_status(self):
        meeting = self.meeting.with_user(self.tech_b)
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        with self.assertRaises(UserError):
            meeting.action_cancel()
        meeting.action_reset()
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        self.assertFalse(self.meeting.calendar_event_id.active)
        meeting.action_reset()
        self.assertTrue(self.meeting.calendar_event_id.active)

    def test_calendar_follows_the_meeting(self):
        meeting = self.meeting.with_user(self.tech_b)
        new_start = self.start + timedelta(days=1)
        meeting.write({"start": new_start, "user_ids": [(3, self.tech_a.id)]})
        event = self.meeting.calendar_event_id
        self.assertEqual(event.start, new_start)
        self.assertEqual(event.partner_ids, self.tech_b.partner_id)
        self.assertEqual(event.res_id, self.meeting.id)
        self.meeting.sudo().unlink()
        self.assertFalse(event.exists())
