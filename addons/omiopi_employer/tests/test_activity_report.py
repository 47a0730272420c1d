from datetime import date

from odoo import fields
from odoo.tests import tagged

from odoo.addons.omiopi_case.tests.activity_report_checks import FigureChecks

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestEmployerActivityReport(FigureChecks, EmployerCommon):
    def _figures(self, user, offices):
        today = fields.Date.today()
        report = (
            self.env["omiopi.activity.report"]
            .with_user(user)
            .create(
                {
                    "date_from": date(today.year, 1, 1),
                    "date_to": date(today.year, 12, 31),
                    "office_ids": [(6, 0, offices.ids)],
                }
            )
        )
        report.action_compute()
        self.assertFiguresOpenWhatTheyCount(report, "employment")
        return {
            line.name: line
            for line in report.line_ids
            if line.section_code == "employment"
        }

    def test_employment_section(self):
        # Two companies prospected by the agency, one by the office.
        for name, office in (
            ("Test Logistics", self.agency),
            ("Test Cleaning", self.agency),
            ("Test Catering", self.office),
        ):
            self.env["crm.lead"].create(
                {
                    "name": name,
                    "type": "opportunity",
                    "team_id": self.env.ref("omiopi_employer.crm_team_prospection").id,
                    "omiopi_office_id": office.id,
                }
            )
        candidacy = self._propose(self.fit)
        candidacy.action_send()
        candidacy.action_hire()
        figures = self._figures(self.coordinator, self.office | self.agency)
        self.assertEqual(figures["Companies prospected"].total, 3)
        self.assertEqual(figures["Companies prospected per office"].total, 1.5)
        action = figures["Companies prospected"].action_open_records()
        self.assertEqual(
            action["views"][0][0],
            self.env.ref("omiopi_employer.crm_lead_view_list_omiopi_pipeline").id,
        )
        self.assertEqual(figures["Job offers"].total, 1)
        self.assertEqual(figures["Vacancies"].total, 1)
        candidacies = figures["Candidacies"]
        self.assertEqual((candidacies.total, candidacies.female), (1, 1))
        insertions = figures["Job insertions"]
        self.assertEqual((insertions.total, insertions.female), (1, 1))
        self.assertEqual(
            self.env["omiopi.job.insertion"].search(
                insertions.action_open_records()["domain"]
            ),
            candidacy.insertion_id,
        )

    def test_technicians_get_the_figures_they_may_read(self):
        figures = self._figures(self.tech, self.office)
        self.assertNotIn("Companies prospected", figures)
        self.assertIn("Job insertions", figures)
