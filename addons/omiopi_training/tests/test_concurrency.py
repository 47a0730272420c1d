from psycopg2 import errors as pg_errors

from odoo import api, fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestLastSeat(TransactionCase):
    """Two technicians give the last seat of an edition at the same moment,
    each in a real transaction: one wins, the other is told it is full.

    The test cursor serialises requests, so the data is committed through
    cursors of their own and removed at the end."""

    def _setup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            office = env["omiopi.office"].create(
                {"name": "Seat office", "code": "SEAT"}
            )
            course = env["omiopi.training.course"].create(
                {"name": "Seat course", "course_type": "workshop", "hours": 2}
            )
            today = fields.Date.today()
            edition = env["omiopi.training.edition"].create(
                {
                    "name": "Seat edition",
                    "course_id": course.id,
                    "office_id": office.id,
                    "date_start": today,
                    "date_end": today,
                    "capacity": 1,
                    "state": "open",
                }
            )
            enrolments = env["omiopi.training.enrolment"]
            for n in range(2):
                person = env["res.partner"].create(
                    {
                        "name": f"Seat {n}",
                        "omiopi_is_person": True,
                        "omiopi_office_id": office.id,
                    }
                )
                enrolments |= env["omiopi.training.enrolment"].create(
                    {"edition_id": edition.id, "partner_id": person.id}
                )
            cr.commit()  # pylint: disable=invalid-commit
            return edition.id, enrolments.ids, office.id, course.id

    def _cleanup(self, edition_id, office_id, course_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            edition = env["omiopi.training.edition"].browse(edition_id)
            persons = edition.enrolment_ids.partner_id
            edition.enrolment_ids.unlink()
            edition.unlink()
            env["omiopi.training.course"].browse(course_id).unlink()
            persons.unlink()
            env["omiopi.office"].browse(office_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_two_selections_for_the_last_seat(self):
        edition_id, enrolment_ids, office_id, course_id = self._setup()
        try:
            with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
                env1 = api.Environment(cr1, api.SUPERUSER_ID, {})
                env2 = api.Environment(cr2, api.SUPERUSER_ID, {})
                first = env1["omiopi.training.enrolment"].browse(enrolment_ids[0])
                second = env2["omiopi.training.enrolment"].browse(enrolment_ids[1])
                second.read(["state"])
                first.action_select()
                with self.assertRaises(pg_errors.LockNotAvailable):
                    second.action_select()
                cr2.rollback()
                cr1.commit()
                second.invalidate_recordset()
                second.edition_id.invalidate_recordset()
                with self.assertRaisesRegex(UserError, "full"):
                    second.action_select()
                cr2.rollback()
            with self.registry.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                edition = env["omiopi.training.edition"].browse(edition_id)
                self.assertEqual(edition.seats_taken, 1)
                self.assertEqual(
                    sorted(edition.enrolment_ids.mapped("state")),
                    ["applied", "selected"],
                )
        finally:
            self._cleanup(edition_id, office_id, course_id)
