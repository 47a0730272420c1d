from datetime import date, timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.activity_report_checks import FigureChecks

from .common import CoordinationCommon


@tagged("post_install", "-at_install")
class TestCoordinationActivityReport(FigureChecks, CoordinationCommon):
    def _report(self, user, offices=None):
        today = fields.Date.today()
        report = (
            self.env["omiopi.activity.report"]
            .with_user(user)
            .create(
                {
                    "date_from": date(today.year - 1, 1, 1),
                    "date_to": date(today.year, 12, 31),
                    "office_ids": [(6, 0, offices.ids)] if offices else [],
                }
            )
        )
        report.action_compute()
        return report

    @staticmethod
    def _figures(report):
        return {
            line.name: line.total
            for line in report.line_ids
            if line.section_code == "coordination"
        }

    def test_coordination_section(self):
        self._agreement(name="One")
        done = self._agreement(name="Two")
        self.meeting.action_hold()
        done.action_done()
        project = self.env["omiopi.coordination.table"].create(
            {"name": "Project", "level": "project", "office_ids": self.office_a.ids}
        )
        held = self.env["omiopi.coordination.meeting"].create(
            {"table_id": project.id, "start": self.start - timedelta(days=1)}
        )
        held.action_hold()
        # planned or cancelled meetings are not counted
        self.env["omiopi.coordination.meeting"].create(
            {"table_id": project.id, "start": self.start + timedelta(days=1)}
        )
        report = self._report(self.coordinator, self.office_a)
        figures = self._figures(report)
        self.assertEqual(figures["Coordination meetings held"], 2)
        self.assertEqual(figures["Agreements made"], 2)
        self.assertEqual(figures["Agreements fulfilled"], 1)
        self.assertEqual(figures["Case files discussed in coordination"], 2)
        self.assertFiguresOpenWhatTheyCount(report, "coordination")
        line = report.line_ids.filtered(
            lambda line: line.name == "Coordination meetings held"
        )
        rows = {
            label: [tuple(row[:2]) for row in table]
            for label, table in report._breakdowns(line)
        }
        self.assertIn(("Cases", 1), rows["Level"])
        self.assertIn(("Project", 1), rows["Level"])

    def test_figures_follow_the_users_rights(self):
        """The member of office B counts the meeting and only the case file
        they read."""
        self.meeting.action_hold()
        report = self._report(self.tech_b, self.office_a)
        figures = self._figures(report)
        self.assertEqual(figures["Coordination meetings held"], 1)
        self.assertEqual(figures["Case files discussed in coordination"], 1)
        self.assertFiguresOpenWhatTheyCount(report, "coordination")
        # office C takes no part
        figures = self._figures(self._report(self.tech_c, self.office_a))
        self.assertEqual(figures["Coordination meetings held"], 0)
        self.assertEqual(figures["Case files discussed in coordination"], 0)
