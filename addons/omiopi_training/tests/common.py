from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.omiopi_case.tests.common import OmiopiTestCase


class TrainingCommon(OmiopiTestCase):
    """An office that organises a food-handler course (capacity 2, four
    sessions, 75 % attendance), another office whose persons apply, and a
    user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.organiser = Office.create({"name": "Training office", "code": "TRO"})
        cls.office = Office.create({"name": "Persons office", "code": "TRP"})
        cls.other = Office.create({"name": "Other office", "code": "TRX"})
        group = "omiopi_case.group_omiopi_"
        cls.trainer_tech = cls._user(
            "tr_organiser", group + "technician", cls.organiser
        )
        cls.tech = cls._user("tr_tech", group + "technician", cls.office)
        cls.other_tech = cls._user("tr_other", group + "technician", cls.other)
        cls.coordinator = cls._user("tr_coordinator", group + "coordinator")
        cls.manager = cls._user("tr_manager", group + "manager")
        cls.internal = cls._user("tr_internal", "base.group_user")
        cls.checklist_item = cls.env.ref("omiopi_case.checklist_item_computer")
        cls.course = cls.env["omiopi.training.course"].create(
            {
                "name": "Food handler test",
                "course_type": "sector_course",
                "hours": 10,
                "permit_id": cls.env.ref("omiopi_case.permit_food_handler").id,
                "checklist_item_id": cls.checklist_item.id,
            }
        )
        today = fields.Date.today()
        cls.edition = cls.env["omiopi.training.edition"].create(
            {
                "name": "Food handler test edition",
                "course_id": cls.course.id,
                "office_id": cls.organiser.id,
                "date_start": today,
                "date_end": today + relativedelta(days=10),
                "capacity": 2,
                "min_attendance": 75,
                "state": "open",
                "user_id": cls.trainer_tech.id,
            }
        )
        start = datetime.combine(today, datetime.min.time()) + timedelta(hours=10)
        cls.sessions = cls.env["omiopi.training.session"].create(
            [
                {
                    "edition_id": cls.edition.id,
                    "date_start": start + timedelta(days=n),
                    "duration": 2,
                }
                for n in range(4)
            ]
        )
        cls.persons = cls.env["res.partner"]
        cls.cases = cls.env["omiopi.case"]
        for n in range(4):
            person = cls.env["res.partner"].create(
                {
                    "name": f"Learner {n}",
                    "omiopi_is_person": True,
                    "omiopi_office_id": cls.office.id,
                    "gender": "female" if n % 2 == 0 else "male",
                }
            )
            cls.persons |= person
            cls.cases |= cls.env["omiopi.case"].create(
                {
                    "partner_id": person.id,
                    "office_id": cls.office.id,
                    "user_id": cls.tech.id,
                }
            )

    def _apply(self, n, user=None):
        return (
            self.env["omiopi.training.enrolment"]
            .with_user(user or self.tech)
            .create(
                {
                    "edition_id": self.edition.id,
                    "partner_id": self.persons[n].id,
                    "case_id": self.cases[n].id,
                }
            )
        )

    def _end_edition(self):
        """The edition ends today: its certificates may be issued."""
        self.edition.date_end = fields.Date.today()

    def _attend(self, enrolment, count):
        for session in self.sessions[:count]:
            self.env["omiopi.training.attendance"].create(
                {
                    "session_id": session.id,
                    "enrolment_id": enrolment.id,
                    "present": True,
                }
            )
