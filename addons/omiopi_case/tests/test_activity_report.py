import io
from datetime import date

import openpyxl

from odoo.tests import Form, tagged

from .activity_report_checks import FigureChecks
from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install", "omiopi_standalone")
class TestActivityReport(FigureChecks, OmiopiCaseCommon):
    """A year of office A counted by hand: three case files opened in 2025
    (two women, one man), one opened in 2024 whose person came back in 2025,
    four attentions to three persons, one itinerary with a completed step;
    office B has one case file of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Case = cls.env["omiopi.case"]

        def case(name, gender, opened, office=None):
            office = office or cls.office_a
            person = cls._person(name, office, gender=gender)
            return Case.create(
                {
                    "partner_id": person.id,
                    "office_id": office.id,
                    "date_open": opened,
                }
            )

        cls.ana = case("Ana Year", "female", "2025-02-01")
        cls.bea = case("Bea Year", "female", "2025-06-01")
        cls.carl = case("Carl Year", "male", "2025-09-01")
        cls.dana = case("Dana Before", False, "2024-05-01")
        cls.elsewhere = case("Eva Elsewhere", "female", "2025-03-01", cls.office_b)
        # The case file created in the common set-up opens today: make sure
        # it is outside the period.
        cls.case_a.date_open = "2026-01-02"

        def attention(case_file, when):
            cls.env["omiopi.attention"].create(
                {
                    "case_id": case_file.id,
                    "area_id": cls.area_legal.id,
                    "summary": "Follow-up",
                    "date": when,
                }
            )

        attention(cls.ana, "2025-02-03 10:00:00")
        attention(cls.ana, "2025-05-03 10:00:00")
        attention(cls.carl, "2025-09-02 10:00:00")
        attention(cls.dana, "2025-03-03 10:00:00")
        attention(cls.dana, "2024-06-03 10:00:00")
        cls.ana.step_ids = [
            (
                0,
                0,
                {
                    "name": "CV",
                    "area_id": cls.area_employment.id,
                    "state": "done",
                    "date_done": "2025-04-01",
                },
            )
        ]

        # The language service of the year: two texts of office A (1,200 and
        # 350 words), three calls (12.5 + 20 + 7.25 minutes), one call of
        # 2024 and one text of office B left out.
        def service(kind, when, office, words=0, minutes=0.0):
            cls.env["omiopi.language.service"].create(
                {
                    "name": "Service",
                    "service_type": kind,
                    "date": when,
                    "office_id": office.id,
                    "language_id": cls.env.ref("omiopi_case.language_ar").id,
                    "words": words,
                    "minutes": minutes,
                }
            )

        service("translation", "2025-02-10", cls.office_a, words=1200)
        service("translation", "2025-07-10", cls.office_a, words=350)
        service("translation", "2025-07-10", cls.office_b, words=900)
        service("interpretation", "2025-03-01", cls.office_a, minutes=12.5)
        service("interpretation", "2025-04-01", cls.office_a, minutes=20)
        service("interpretation", "2025-11-01", cls.office_a, minutes=7.25)
        service("interpretation", "2024-11-01", cls.office_a, minutes=30)

    def _report(self, user, offices=None):
        form = Form(self.env["omiopi.activity.report"].with_user(user))
        form.date_from = date(2025, 1, 1)
        form.date_to = date(2025, 12, 31)
        for office in offices or []:
            form.office_ids.add(office)
        report = form.save()
        report.action_compute()
        return report

    def _figures(self, report, section="cases"):
        return {
            line.name: line for line in report.line_ids if line.section_code == section
        }

    def test_figures_of_a_year_and_an_office(self):
        report = self._report(self.coordinator, [self.office_a])
        figures = self._figures(report)
        opened = figures["Case files opened"]
        self.assertEqual(
            (opened.total, opened.female, opened.male, opened.unknown_gender),
            (3, 2, 1, 0),
        )
        self.assertAlmostEqual(opened.female_ratio, 2 / 3)
        served = figures["People served"]
        self.assertEqual(
            (served.total, served.female, served.male, served.unknown_gender),
            (3, 1, 1, 1),
        )
        attentions = figures["Attentions"]
        self.assertEqual((attentions.total, attentions.female), (4, 2))
        self.assertEqual(figures["Individual itineraries"].total, 1)
        done = figures["Interventions completed"]
        self.assertEqual((done.total, done.gender_split), (1, False))

    def test_translation_and_interpretation(self):
        report = self._report(self.coordinator, [self.office_a])
        figures = self._figures(report, "languages")
        self.assertEqual(figures["Texts translated"].total, 2)
        self.assertEqual(figures["Words translated"].total, 1550)
        self.assertEqual(figures["Interpretation calls"].total, 3)
        self.assertAlmostEqual(figures["Minutes of interpretation"].total, 39.75)
        self.env["res.lang"]._activate_lang("es_ES")
        minutes = figures["Minutes of interpretation"].with_context(lang="es_ES")
        minutes.invalidate_recordset(["total_display"])
        self.assertEqual(minutes.total_display, "39,75")
        # Office B's technician counts office B's text only.
        figures = self._figures(self._report(self.tech_b), "languages")
        self.assertEqual(figures["Words translated"].total, 900)

    def test_every_figure_opens_exactly_what_it_counts(self):
        for user, offices in (
            (self.coordinator, [self.office_a]),
            (self.coordinator, []),
            (self.tech_b, []),
        ):
            self.assertFiguresOpenWhatTheyCount(self._report(user, offices))
        # The persons served open as persons, once each.
        report = self._report(self.coordinator, [self.office_a])
        action = self._figures(report)["People served"].action_open_records()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(
            self.env["res.partner"].search(action["domain"]),
            self.ana.partner_id | self.carl.partner_id | self.dana.partner_id,
        )

    def test_each_figure_opens_the_records_behind_it(self):
        report = self._report(self.coordinator, [self.office_a])
        opened = self._figures(report)["Case files opened"]
        action = opened.action_open_records()
        self.assertEqual(action["res_model"], "omiopi.case")
        cases = self.env["omiopi.case"].search(action["domain"])
        self.assertEqual(cases, self.ana | self.bea | self.carl)
        # Same figure as the case files' pivot for the same period and office.
        groups = self.env["omiopi.case"]._read_group(
            [
                ("date_open", ">=", "2025-01-01"),
                ("date_open", "<=", "2025-12-31"),
                ("office_id", "=", self.office_a.id),
            ],
            ["gender"],
            ["__count"],
        )
        self.assertEqual(dict(groups), {"female": 2, "male": 1})

    def test_figures_follow_the_users_rights(self):
        # Office B's technician, with no office chosen, counts office B only.
        report = self._report(self.tech_b)
        self.assertEqual(self._figures(report)["Case files opened"].total, 1)
        self.assertFalse(
            report.line_ids.with_user(self.tech_a).search(
                [("id", "in", report.line_ids.ids)]
            )
        )

    def test_workbook(self):
        report = self._report(self.coordinator, [self.office_a])
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            ._render_xlsx("omiopi_case.activity_report_xlsx", report.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            workbook.sheetnames[:2], ["Summary", "Case files and attentions"]
        )
        summary = workbook["Summary"]
        self.assertEqual(summary.freeze_panes, "B4")
        self.assertEqual(
            [c.value for c in summary[3]],
            ["Figure", "Total", "Women", "Men", "Other", "Not recorded", "% women"],
        )
        rows = {
            row[0].value: [c.value for c in row[1:7]]
            for row in summary.iter_rows(min_row=4)
            if row[0].value
        }
        self.assertEqual(rows["Case files opened"][:5], [3, 2, 1, 0, 0])
        self.assertAlmostEqual(rows["Case files opened"][5], 2 / 3)
        self.assertEqual(rows["People served"][:5], [3, 1, 1, 0, 1])
        section = workbook["Case files and attentions"]
        titles = [row[0].value for row in section.iter_rows() if row[0].value]
        self.assertIn("Case files opened - Age band", titles)
        self.assertIn("Attentions - Area", titles)
        # The area split of the attentions: one area, four attentions.
        index = titles.index("Attentions - Area")
        area_rows = [
            [c.value for c in row]
            for row in section.iter_rows()
            if row[0].value == self.area_legal.name
        ]
        self.assertTrue(index)
        self.assertEqual(area_rows[0][1:3], [4, 2])
