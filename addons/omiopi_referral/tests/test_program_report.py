import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import ReferralCommon


@tagged("post_install", "-at_install")
class TestProgramReport(ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.program = cls.env["omiopi.program"].create(
            {
                "name": "Report programme",
                "date_start": today - relativedelta(days=30),
                "date_end": today + relativedelta(days=30),
                "target_count": 10,
                "target_ids": [
                    (
                        0,
                        0,
                        {
                            "reason_id": cls.reason_recent.id,
                            "target_min": 2,
                            "target_max": 3,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "reason_id": cls.reason_arraigo.id,
                            "target_min": 5,
                            "target_max": 7,
                        },
                    ),
                ],
            }
        )
        peru = cls.env.ref("base.pe")
        venezuela = cls.env.ref("base.ve")
        university = cls.env.ref("omiopi_case.education_level_university")
        nothing = cls.env.ref("omiopi_case.education_level_none")
        # three from the OMIOPI office (women, recent arrivals)
        for n in range(3):
            person = cls._person(f"From OMIOPI {n}", cls.omiopi, months_in_spain=3)
            person.write(
                {
                    "gender": "female",
                    "nationality_id": peru.id,
                    "omiopi_education_level_id": nothing.id,
                }
            )
            case = cls.env["omiopi.case"].create(
                {
                    "partner_id": person.id,
                    "office_id": cls.omiopi.id,
                    "user_id": cls.om_tech.id,
                }
            )
            cls._submit(cls.om_tech, case, cls.agency, cls.reason_recent, cls.program)
        # two from the agency (a man and a woman), and one excluded: a DNI holder
        for n, gender in enumerate(("male", "female")):
            person = cls._person(f"From AE {n}", cls.agency)
            person.write(
                {
                    "gender": gender,
                    "nationality_id": venezuela.id,
                    "omiopi_education_level_id": university.id,
                }
            )
            case = cls.env["omiopi.case"].create(
                {
                    "partner_id": person.id,
                    "office_id": cls.agency.id,
                    "user_id": cls.ae_tech.id,
                }
            )
            cls._submit(cls.ae_tech, case, cls.omiopi, cls.reason_arraigo, cls.program)
        person = cls._person("With DNI", cls.agency, situation="spanish")
        person.gender = "male"
        cls._give_dni(person)
        case = cls.env["omiopi.case"].create(
            {
                "partner_id": person.id,
                "office_id": cls.agency.id,
                "user_id": cls.ae_tech.id,
            }
        )
        cls._submit(cls.ae_tech, case, cls.omiopi, cls.reason_arraigo, cls.program)
        # a draft and a referral of another programme do not count
        cls.env["omiopi.referral"].with_user(cls.ae_tech).create(
            {
                "partner_id": cls.person.id,
                "case_id": cls.case.id,
                "receiving_office_id": cls.omiopi.id,
                "program_id": cls.program.id,
                "reason_ids": [(6, 0, cls.reason_arraigo.ids)],
            }
        )
        cls.wizard = cls.env["omiopi.referral.report.wizard"].create(
            {
                "program_id": cls.program.id,
                "date_from": today - relativedelta(days=1),
                "date_to": today,
            }
        )

    @classmethod
    def _submit(cls, user, case, receiving, reason, program):
        referral = (
            cls.env["omiopi.referral"]
            .with_user(user)
            .create(
                {
                    "partner_id": case.partner_id.id,
                    "case_id": case.id,
                    "receiving_office_id": receiving.id,
                    "program_id": program.id,
                    "reason_ids": [(6, 0, reason.ids)],
                }
            )
        )
        referral.with_user(user).action_submit()
        return referral

    def _tables(self):
        return {t["key"]: t for t in self.wizard._report_tables()}

    def test_referrals_by_direction_and_exclusions(self):
        table = self._tables()["direction"]
        rows = dict(map(tuple, table["rows"]))
        self.assertEqual(rows["From an OMIOPI office to the Employment Agency"], 3)
        self.assertEqual(rows["From the Employment Agency to an OMIOPI office"], 3)
        self.assertEqual(rows["Minus the excluded"], -1)
        self.assertEqual(table["total"][1], 5)
        excluded = self._tables()["excluded"]
        self.assertEqual(
            excluded["rows"],
            [[self.env.ref("omiopi_referral.refuse_reason_dni").name, 1]],
        )

    def test_by_gender_studies_and_origin(self):
        tables = self._tables()
        self.assertEqual(
            {row[0]: row[1:] for row in tables["gender"]["rows"]},
            # received (the DNI holder included), then admitted
            {"Female": [4, 66.7, 4, 80.0], "Male": [2, 33.3, 1, 20.0]},
        )
        studies = {row[0]: row[3] for row in tables["studies"]["rows"]}
        self.assertEqual(
            studies, {"No studies": 3, "University degree": 2, "Unknown": 0}
        )
        origin = {row[0]: row[1] for row in tables["origin"]["rows"]}
        self.assertEqual(origin, {"Peru": 3, "Venezuela": 2, "Unknown": 1})

    def test_by_profile_against_target(self):
        rows = {row[0]: row[1:] for row in self._tables()["profile"]["rows"]}
        self.assertEqual(rows[self.reason_recent.name], ["2-3", 3, 3, "Reached"])
        self.assertEqual(rows[self.reason_arraigo.name], ["5-7", 3, 2, "Not reached"])
        self.assertEqual(rows["Others"], ["", 0, 0, ""])
        self.assertEqual(self.program.referral_count, 6)
        self.assertEqual(self.program.excluded_count, 1)
        self.assertAlmostEqual(self.program.progress, 50.0)
        target = self.program.target_ids.filtered(
            lambda t: t.reason_id == self.reason_recent
        )
        self.assertEqual(target.result_count, 3)

    def test_time_in_each_stage(self):
        rows = {row[0]: row[1:] for row in self._tables()["stages"]["rows"]}
        self.assertEqual(rows[self.stage_draft.name][0], 6)
        self.assertEqual(rows[self.stage_coordinator.name][0], 3)
        self.assertEqual(rows[self.stage_head.name][0], 2)

    def test_period_and_offices_filter(self):
        self.wizard.date_to = fields.Date.today() - relativedelta(days=1)
        self.assertEqual(self._tables()["direction"]["total"][1], 0)
        self.wizard.date_to = fields.Date.today()
        self.wizard.office_ids = self.other
        self.assertEqual(self._tables()["direction"]["total"][1], 0)

    def test_report_on_screen(self):
        html = str(self.wizard.report_html)
        self.assertIn("Referrals by direction", html)
        self.assertIn("Total referrals to the programme", html)

    def test_report_writes_figures_as_the_user_language_does(self):
        self.env["res.lang"]._activate_lang("es_ES")
        wizard = self.wizard.with_context(lang="es_ES")
        html = str(wizard.report_html)
        # 4 women of 5 referrals: 80,0 %, not 80.0
        self.assertIn("80,0 %", html)
        self.assertNotIn("80.0", html)

    def test_xlsx_total_target_is_a_number(self):
        self.program.target_count = 12
        report = self.env.ref("omiopi_referral.program_report_xlsx")
        content, _kind = report._render_xlsx(report.report_name, self.wizard.ids, {})
        book = openpyxl.load_workbook(io.BytesIO(content))
        title = self._tables()["profile"]["title"][:31]
        total = list(book[title].iter_rows(values_only=True))[-1]
        self.assertEqual(total[1], 12)
        self.assertEqual(total[2:4], (6, 5))

    def test_xlsx_workbook(self):
        report = self.env.ref("omiopi_referral.program_report_xlsx")
        content, kind = report._render_xlsx(report.report_name, self.wizard.ids, {})
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        titles = [t["title"][:31] for t in self.wizard._report_tables()]
        self.assertEqual(book.sheetnames, titles)
        sheet = book[titles[1]]
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual([c.value for c in sheet[1]], ["Referrals", "Number"])
        values = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2)}
        self.assertEqual(values["Minus the excluded"], -1)
        self.assertEqual(values["Total referrals to the programme"], 5)
        self.assertTrue(sheet.cell(row=sheet.max_row, column=1).font.bold)
        gender = book[titles[3]]
        self.assertEqual(
            [c.value for c in gender[1]],
            ["Gender", "Received", "% of received", "Admitted", "% of admitted"],
        )
        self.assertEqual(gender.cell(row=2, column=3).value, 66.7)
        self.assertGreater(gender.column_dimensions["A"].width, 8)
