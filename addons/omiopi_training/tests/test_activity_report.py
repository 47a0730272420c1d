from datetime import date

from odoo import fields
from odoo.tests import tagged

from .common import TrainingCommon


@tagged("post_install", "-at_install")
class TestTrainingActivityReport(TrainingCommon):
    def test_training_section(self):
        enrolments = self._apply(0) | self._apply(1)
        enrolments.action_select()
        self._attend(enrolments[0], 4)
        self._end_edition()
        enrolments[0].with_user(self.trainer_tech).action_complete()
        today = fields.Date.today()
        report = (
            self.env["omiopi.activity.report"]
            .with_user(self.coordinator)
            .create(
                {
                    "date_from": date(today.year, 1, 1),
                    "date_to": date(today.year, 12, 31),
                    "office_ids": [(6, 0, self.organiser.ids)],
                }
            )
        )
        report.action_compute()
        figures = {
            line.name: line
            for line in report.line_ids
            if line.section_code == "training"
        }
        applications = figures["Training applications"]
        self.assertEqual(
            (applications.total, applications.female, applications.male), (2, 1, 1)
        )
        self.assertEqual(figures["Certificates issued"].total, 1)
        self.assertEqual(figures["Workshop sessions held"].total, 0)
        self.assertEqual(figures["Spanish learners"].total, 0)
