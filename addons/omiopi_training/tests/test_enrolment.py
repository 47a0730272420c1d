from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestEnrolment(TrainingCommon):
    def test_edition_moves_through_its_states_by_its_buttons(self):
        """An edition has no table of moves: its buttons move it (the
        workflow mixin allows every move to a model without a table)."""
        edition = self.edition.with_user(self.trainer_tech)
        edition.action_start()
        self.assertEqual(edition.state, "in_progress")
        edition.action_finish()
        self.assertEqual(edition.state, "done")

    def test_capacity_and_waiting_list(self):
        first, second, third = (self._apply(n) for n in range(3))
        (first | second).action_select()
        self.assertEqual(self.edition.seats_available, 0)
        with self.assertRaisesRegex(UserError, "full"):
            third.action_select()
        third.action_waitlist()
        self.assertEqual((third.state, third.waiting_position), ("waiting", 1))
        fourth = self._apply(3)
        fourth.action_waitlist()
        self.assertEqual(fourth.waiting_position, 2)
        # a seat frees: the first of the waiting list moves up
        reason = self.env.ref("omiopi_training.reason_job")
        second._refuse("dropped", reason, "Found a job")
        self.assertEqual(second.state, "dropped")
        self.assertEqual(third.state, "selected")
        self.assertEqual(fourth.state, "waiting")
        self.assertTrue(third.activity_ids, "the case owner is told")

    def test_capacity_holds_against_rpc_writes(self):
        first, second, third = (self._apply(n) for n in range(3))
        (first | second).action_select()
        # a write of the state is refused (omiopi.guard.mixin); the button
        # refuses a full edition
        with self.assertRaisesRegex(AccessError, "cannot be set by hand"):
            third.with_user(self.tech).write({"state": "selected"})
        with self.assertRaisesRegex(UserError, "full"):
            third.with_user(self.tech).action_select()
        with self.assertRaises(UserError):
            third.with_user(self.tech).write({"state": "completed"})
        with self.assertRaises(UserError):
            self.env["omiopi.training.enrolment"].with_user(self.tech).create(
                {
                    "edition_id": self.edition.id,
                    "partner_id": self.persons[3].id,
                    "state": "selected",
                }
            )

    def test_entry_requirements_and_override(self):
        self.course.min_education_level_id = self.env.ref(
            "omiopi_case.education_level_upper_secondary"
        )
        enrolment = self._apply(0)
        self.assertFalse(enrolment.requirements_met)
        self.assertIn("?", str(enrolment.requirements_html))
        with self.assertRaisesRegex(UserError, "entry requirements"):
            enrolment.action_select()
        self.persons[0].omiopi_education_level_id = self.env.ref(
            "omiopi_case.education_level_primary"
        )
        self.assertFalse(enrolment.requirements_met)
        with self.assertRaisesRegex(ValidationError, "why"):
            enrolment.with_user(self.tech)._override("  ")
        enrolment.with_user(self.tech)._override("Experience in a kitchen compensates")
        self.assertTrue(enrolment.requirement_override)
        self.assertEqual(enrolment.override_user_id, self.tech)
        self.assertIn(
            "Experience in a kitchen compensates",
            "".join(enrolment.message_ids.mapped("body")),
        )
        enrolment.action_select()
        self.assertEqual(enrolment.state, "selected")
        other = self._apply(1)
        self.persons[1].omiopi_education_level_id = self.env.ref(
            "omiopi_case.education_level_university"
        )
        self.assertTrue(other.requirements_met)

    def test_override_fields_cannot_be_written_directly(self):
        enrolment = self._apply(0)
        with self.assertRaises(UserError):
            enrolment.with_user(self.tech).write({"requirement_override": True})

    def test_attendance_threshold_and_certificate(self):
        enrolment = self._apply(0)
        enrolment.action_select()
        self._attend(enrolment, 2)
        self.assertEqual(enrolment.state, "attending")
        self.assertEqual(enrolment.attendance_rate, 50)
        self._end_edition()
        with self.assertRaisesRegex(UserError, "needs 75%"):
            enrolment.action_complete()
        self._attend_session(enrolment, self.sessions[2])
        enrolment.with_user(self.trainer_tech).action_complete()
        self.assertEqual(enrolment.state, "completed")
        certificate = enrolment.certificate_id
        self.assertRegex(certificate.name, r"^CERT/\d{4}/\d{5}$")
        # The hours attended (3 sessions of 2 h), not the course's 10.
        self.assertEqual(certificate.hours, 6)
        self.assertEqual(certificate.partner_id, self.persons[0])
        # Odoo renders reports as HTML under --test-enable: the PDF itself is
        # checked in test_tour (an HttpCase, where wkhtmltopdf can fetch the
        # report's assets from the test server).
        self.assertIn(b"Food handler test", certificate.attachment_id.raw)
        self.assertEqual(
            certificate.attachment_id.res_model, "omiopi.training.certificate"
        )

    def test_certificate_waits_for_the_edition_to_end(self):
        enrolment = self._apply(0)
        enrolment.action_select()
        self._attend(enrolment, 4)
        self.edition.date_end = fields.Date.today() + relativedelta(days=1)
        with self.assertRaisesRegex(UserError, "once the edition is over"):
            enrolment.with_user(self.trainer_tech).action_complete()
        self.assertFalse(enrolment.certificate_id)
        self._end_edition()
        enrolment.with_user(self.trainer_tech).action_complete()
        self.assertTrue(enrolment.certificate_id)

    def _attend_session(self, enrolment, session):
        self.env["omiopi.training.attendance"].create(
            {"session_id": session.id, "enrolment_id": enrolment.id, "present": True}
        )

    def test_certificate_numbers_follow_each_other(self):
        enrolments = self._apply(0) | self._apply(1)
        enrolments.action_select()
        for enrolment in enrolments:
            self._attend(enrolment, 4)
        self._end_edition()
        enrolments.action_complete()
        first, second = enrolments.certificate_id.sorted("id").mapped("name")
        self.assertEqual(int(second[-5:]), int(first[-5:]) + 1)

    def test_completion_updates_the_person(self):
        spanish_course = self.course.copy(
            {
                "name": "Spanish B1 test",
                "course_type": "spanish",
                "language_level": "b1",
            }
        )
        self.edition.course_id = spanish_course
        person = self.persons[0]
        spanish = self.env["omiopi.language"].search(
            [("is_spanish", "=", True)], limit=1
        )
        person.omiopi_language_ids = [
            (0, 0, {"language_id": spanish.id, "level": "a2"})
        ]
        enrolment = self._apply(0)
        enrolment.action_select()
        self._attend(enrolment, 4)
        self._end_edition()
        enrolment.with_user(self.trainer_tech).action_complete()
        self.assertEqual(person.omiopi_language_ids.level, "b1")
        self.assertIn(
            self.env.ref("omiopi_case.permit_food_handler"), person.omiopi_permit_ids
        )
        self.assertEqual(person.omiopi_training_ids.name, "Spanish B1 test")
        line = self.cases[0].checklist_line_ids.filtered(
            lambda line: line.item_id == self.checklist_item
        )
        self.assertEqual(line.status, "yes")
        self.assertIn(enrolment.certificate_id, person.omiopi_certificate_ids)

    def test_not_selected_needs_a_reason(self):
        enrolment = self._apply(0)
        with self.assertRaisesRegex(ValidationError, "reason"):
            enrolment._refuse("not_selected", self.env["omiopi.training.reason"], "")
        wizard = self.env["omiopi.training.enrolment.wizard"].create(
            {
                "enrolment_id": enrolment.id,
                "action": "not_selected",
                "reason_id": self.env.ref("omiopi_training.reason_no_places").id,
            }
        )
        wizard.action_confirm()
        self.assertEqual(enrolment.state, "not_selected")

    def test_sessions_are_in_the_calendar(self):
        session = self.sessions[0]
        event = session.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start, session.date_start)
        self.assertEqual(event.res_id, self.edition.id)
        session.duration = 3
        self.assertEqual((event.stop - event.start).total_seconds(), 3 * 3600)

    def test_attendance_sheet_and_learners_per_month(self):
        enrolments = self._apply(0) | self._apply(1)
        enrolments.action_select()
        self.sessions[0].action_take_attendance()
        self.assertEqual(len(self.sessions[0].attendance_ids), 2)
        self.sessions[0].attendance_ids.write({"present": True})
        self.assertEqual(set(enrolments.mapped("state")), {"attending"})
        self.env.flush_all()
        rows = self.env["omiopi.training.learner.report"].search(
            [("partner_id", "in", self.persons.ids)]
        )
        self.assertEqual(len(rows), 2)
        self.assertEqual(set(rows.mapped("gender")), {"female", "male"})

    def test_one_application_per_person_and_edition(self):
        self._apply(0)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._apply(0)
