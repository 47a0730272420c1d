from datetime import date, datetime

from odoo import fields
from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.activity_report_checks import FigureChecks

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingActivityReport(FigureChecks, TrainingCommon):
    def _report(self, date_from, date_to, offices=None, user=None):
        report = (
            self.env["omiopi.activity.report"]
            .with_user(user or self.coordinator)
            .create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "office_ids": [(6, 0, (offices or self.organiser).ids)],
                }
            )
        )
        report.action_compute()
        return report

    @staticmethod
    def _figures(report):
        return {
            line.name: line
            for line in report.line_ids
            if line.section_code == "training"
        }

    def test_training_section(self):
        enrolments = self._apply(0) | self._apply(1)
        enrolments.action_select()
        self._attend(enrolments[0], 4)
        self._end_edition()
        enrolments[0].with_user(self.trainer_tech).action_complete()
        today = fields.Date.today()
        report = self._report(date(today.year, 1, 1), date(today.year, 12, 31))
        figures = self._figures(report)
        applications = figures["Training applications"]
        self.assertEqual(
            (applications.total, applications.female, applications.male), (2, 1, 1)
        )
        self.assertEqual(figures["Certificates issued"].total, 1)
        self.assertEqual(figures["Workshops held"].total, 0)
        self.assertEqual(figures["Spanish learners"].total, 0)
        # four sessions of two hours
        self.assertEqual(figures["Hours of training"].total, 8)
        self.assertFiguresOpenWhatTheyCount(report, "training")

    # ------------------------------------------------------------------
    # A year of training, as seed 000 publishes it
    # ------------------------------------------------------------------

    def _edition(self, course_type, sessions, area=None, modality="in_person"):
        course = self.env["omiopi.training.course"].create(
            {
                "name": f"{course_type} course",
                "course_type": course_type,
                "hours": 10,
                "modality": modality,
                "area_id": area and area.id,
            }
        )
        edition = self.env["omiopi.training.edition"].create(
            {
                "name": f"{course_type} edition",
                "course_id": course.id,
                "office_id": self.organiser.id,
                "date_start": min(start for start, _hours in sessions).date(),
                "date_end": max(start for start, _hours in sessions).date(),
                "capacity": 10,
                "state": "open",
                "user_id": self.trainer_tech.id,
            }
        )
        edition.modality = modality
        self.env["omiopi.training.session"].create(
            [
                {"edition_id": edition.id, "date_start": start, "duration": hours}
                for start, hours in sessions
            ]
        )
        return edition

    def _attendance(self, edition, persons_by_session):
        """persons_by_session: for each session in order, the indexes of the
        persons present."""
        enrolments = {}
        for n in sorted({n for present in persons_by_session for n in present}):
            enrolments[n] = self.env["omiopi.training.enrolment"].create(
                {
                    "edition_id": edition.id,
                    "partner_id": self.persons[n].id,
                    "case_id": self.cases[n].id,
                }
            )
            enrolments[n].action_select()
        sessions = edition.session_ids.sorted("date_start")
        for session, present in zip(sessions, persons_by_session, strict=True):
            self.env["omiopi.training.attendance"].create(
                [
                    {
                        "session_id": session.id,
                        "enrolment_id": enrolments[n].id,
                        "present": True,
                    }
                    for n in present
                ]
            )

    def test_a_year_of_training(self):
        """2025 for the training office: persons 0 and 2 are women, 1 and 3
        men (see common)."""
        ref = self.env.ref
        employment = ref("omiopi_case.area_employment")
        reception = ref("omiopi_case.area_reception")

        def at(month, day, hour=10):
            return datetime(2025, month, day, hour)

        cv = self._edition(
            "workshop", [(at(3, 3), 2), (at(3, 10), 2), (at(4, 7), 2)], employment
        )
        self._attendance(cv, [[0, 1], [0, 2], [1]])
        welcome = self._edition("workshop", [(at(5, 5), 3)], reception)
        self._attendance(welcome, [[0, 2, 3]])
        day = self._edition("professional_day", [(at(6, 12), 4)], reception)
        self._attendance(day, [[2, 3]])
        online = self._edition(
            "sector_course", [(at(9, 1), 5), (at(9, 8), 5)], modality="online"
        )
        self._attendance(online, [[0, 1], [1]])
        youth = self._edition("youth_group", [(at(10, 1), 3), (at(10, 8), 3)])
        self._attendance(youth, [[3], [3]])
        spanish = self._edition(
            "spanish", [(at(2, 3), 2), (at(2, 10), 2), (at(3, 3), 2)]
        )
        # February: persons 0 and 1; March: 0, 1 and 2.
        self._attendance(spanish, [[0, 1], [0], [0, 1, 2]])
        # A workshop of 2024 is not counted.
        old = self._edition("workshop", [(datetime(2024, 11, 4, 10), 2)], employment)
        self._attendance(old, [[0]])

        report = self._report(date(2025, 1, 1), date(2025, 12, 31))
        figures = self._figures(report)

        def values(name):
            line = figures[name]
            return (line.total, line.female, line.male)

        # Workshops and attendees, and by area with the share of women.
        self.assertEqual(figures["Workshops held"].total, 2)
        self.assertEqual(values("Workshop attendees"), (8, 5, 3))
        self.assertEqual(figures[f"Workshops held: {employment.name}"].total, 1)
        attendees = figures[f"Workshop attendees: {employment.name}"]
        self.assertEqual((attendees.total, attendees.female), (5, 3))
        self.assertAlmostEqual(attendees.female_ratio, 0.6)
        self.assertEqual(values(f"Workshop attendees: {reception.name}"), (3, 2, 1))
        # Professional days with their participants.
        self.assertEqual(figures["Professional days held"].total, 1)
        self.assertEqual(values("Professional day participants"), (2, 1, 1))
        # Online courses and their participants (persons, once each).
        self.assertEqual(figures["Online courses held"].total, 1)
        self.assertEqual(values("Online course participants"), (2, 1, 1))
        # Sessions and hours of training; the youth group's hours.
        self.assertEqual(figures["Training sessions held"].total, 12)
        self.assertEqual(figures["Hours of training"].total, 35)
        self.assertEqual(figures["Youth employment group: hours of training"].total, 6)
        # Spanish learners by gender, and their monthly average: 2 in
        # February, 3 in March.
        self.assertEqual(values("Spanish learners"), (3, 2, 1))
        average = figures["Spanish learners, monthly average"]
        self.assertAlmostEqual(average.total, 2.5)
        self.assertEqual((average.female, average.male), (2, 1))
        self.env["res.lang"]._activate_lang("es_ES")
        self.assertEqual(average.with_context(lang="es_ES").total_display, "2,5")
        self.assertFiguresOpenWhatTheyCount(report, "training")
        # The month table of the workbook: learners each month, as dates.
        rows = {
            row[0]: row[1]
            for _label, table in report._breakdowns(average)
            for row in table
        }
        self.assertEqual(rows, {date(2025, 2, 1): 2, date(2025, 3, 1): 3})
