from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.omiopi_case.tests.figures_common import StoredFigureChecks
from odoo.addons.omiopi_case.tests.guard_common import GuardChecks

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingGuard(GuardChecks, TrainingCommon):
    """What users may set on the training add-on's records."""

    GUARD_MODULE = "omiopi_training"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_person = cls.env["res.partner"].create(
            {
                "name": "Persona de otra oficina",
                "omiopi_is_person": True,
                "omiopi_office_id": cls.other.id,
            }
        )
        cls.other_case = cls.env["omiopi.case"].create(
            {"partner_id": cls.other_person.id, "office_id": cls.other.id}
        )
        cls.portal = new_test_user(cls.env, "tr_guard_portal", "base.group_portal")

    def setUp(self):
        super().setUp()
        self.enrolment = self._apply(0)
        self.enrolment.action_select()
        self._attend(self.enrolment, 4)
        self._end_edition()
        self.enrolment.action_complete()

    def _guard_owner(self, model):
        if model in ("omiopi.training.enrolment", "omiopi.case", "res.partner"):
            return self.tech
        return self.trainer_tech

    def _guard_roles(self):
        return {
            "other_office": self.other_tech,
            "coordinator": self.coordinator,
            "internal": self.internal,
            "portal": self.portal,
        }

    def _guard_fixtures(self):
        return {
            "omiopi.training.course": self.course,
            "omiopi.training.module": self.env["omiopi.training.module"].create(
                {"course_id": self.course.id, "name": "Higiene", "hours": 4}
            ),
            "omiopi.training.reason": self.env["omiopi.training.reason"].search(
                [], limit=1
            ),
            "omiopi.training.edition": self.edition,
            "omiopi.training.session": self.sessions[0],
            "omiopi.training.enrolment": self._apply(1),
            "omiopi.training.attendance": self.enrolment.attendance_ids[:1],
            "omiopi.training.certificate": self.enrolment.certificate_id,
            "omiopi.case": self.cases[0],
            "res.partner": self.persons[0],
        }

    def _guard_targets(self):
        return {
            "res.partner": self.persons[2] | self.other_person,
            "omiopi.case": self.cases[2] | self.other_case,
            "omiopi.office": self.office | self.other,
        }

    def test_seats_and_selection_are_not_written_by_hand(self):
        enrolment = self._apply(1).with_user(self.trainer_tech)
        for values in (
            {"state": "selected"},
            {"waiting_position": 1},
            {"requirement_override": True},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                enrolment.write(values)
        with self.assertRaises(AccessError):
            self.edition.with_user(self.trainer_tech).write({"seats_taken": 0})

    def test_an_application_is_for_a_person_the_user_reads(self):
        with self.assertRaises(AccessError):
            self.env["omiopi.training.enrolment"].with_user(self.tech).create(
                {"edition_id": self.edition.id, "partner_id": self.other_person.id}
            )


@tagged("post_install", "-at_install")
class TestTrainingFigures(StoredFigureChecks, TrainingCommon):
    """Seats and attendance are the same whoever triggers their computation:
    a technician of another office selecting their person made the seats
    "1 taken" with nine seated, and the class could then be overbooked."""

    FIGURES_MODULE = "omiopi_training"
    STORED_FIGURES = {
        "omiopi.training.edition.seats_taken": "test_seats",
        "omiopi.training.edition.seats_available": "test_seats",
        "omiopi.training.edition.waiting_count": "test_seats",
        "omiopi.training.edition.applied_count": "test_seats",
        "omiopi.training.enrolment.attendance_rate": "test_attendance_rate",
    }

    def test_seats(self):
        Partner = self.env["res.partner"]
        self.edition.capacity = 10
        seated = self.env["omiopi.training.enrolment"]
        for n in range(9):
            person = Partner.create(
                {
                    "name": f"Seated {n}",
                    "omiopi_is_person": True,
                    "omiopi_office_id": self.organiser.id,
                }
            )
            seated |= self.env["omiopi.training.enrolment"].create(
                {"edition_id": self.edition.id, "partner_id": person.id}
            )
        seated.action_select()
        # the person's technician, of another office, sees only their own
        self.edition.with_user(self.tech).mapped("enrolment_ids")
        mine = self._apply(0)
        mine.with_user(self.tech).action_select()
        stored = self.assert_figures_as_recomputed(
            self.edition, "seats_taken", "seats_available", "applied_count"
        )
        self.assertEqual(stored["seats_taken"], [10])
        self.assertEqual(stored["seats_available"], [0])
        # full: the next one waits
        other = self._apply(1)
        with self.assertRaisesRegex(UserError, "full"):
            other.with_user(self.tech).action_select()

    def test_attendance_rate(self):
        enrolment = self._apply(0)
        enrolment.action_select()
        enrolment.with_user(self.tech).mapped("attendance_ids")
        self.sessions[0].with_user(self.trainer_tech).action_take_attendance()
        self.sessions[0].attendance_ids.with_user(self.trainer_tech).write(
            {"present": True}
        )
        stored = self.assert_figures_as_recomputed(enrolment, "attendance_rate")
        self.assertEqual(stored["attendance_rate"], [25.0])
