import base64
import csv
import io
from datetime import date
from pathlib import Path

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReferralCommon

SAMPLE = Path(__file__).parent / "data" / "pilot_referrals.csv"


@tagged("post_install", "-at_install")
class TestImport(ReferralCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Office = cls.env["omiopi.office"]
        cls.norte = Office.search(
            [("name", "=", "Oficina Norte")], limit=1
        ) or Office.create({"name": "Oficina Norte", "code": "IMPN"})

    def _import(self, content=None, filename="pilot.csv", **values):
        wizard = (
            self.env["omiopi.referral.import.wizard"]
            .with_user(self.coordinator)
            .create(
                {
                    "file": base64.b64encode(content or SAMPLE.read_bytes()),
                    "filename": filename,
                    "referring_office_id": self.agency.id,
                    "receiving_office_id": self.omiopi.id,
                    "reason_ids": [(6, 0, self.reason_arraigo.ids)],
                    **values,
                }
            )
        )
        wizard.action_import()
        return wizard

    def _lines(self, wizard):
        return {line.row: line for line in wizard.line_ids}

    def test_valid_rows_become_persons_cases_and_referrals(self):
        wizard = self._import()
        lines = self._lines(wizard)
        self.assertEqual(
            [lines[r].status for r in sorted(lines)],
            ["created", "created", "refused", "refused", "created"],
        )
        self.assertEqual((wizard.created_count, wizard.refused_count), (3, 2))
        self.assertIn("control letter", lines[4].message)
        self.assertIn("no name", lines[5].message)

        referral = lines[2].referral_id
        person = referral.partner_id
        self.assertEqual(person.name, "María Fernanda Gil Torres")
        self.assertEqual(person.mobile, "+34 612 34 56 78")
        self.assertEqual(person.phone, "+34 913 45 67 89")
        self.assertEqual(person.email, "maria.gil@example.com")
        self.assertEqual(person.nationality_id.code, "VE")
        self.assertEqual(person.omiopi_document_number, "X1234567L")
        self.assertEqual(person.id_numbers.valid_until, date(2027, 3, 12))
        self.assertEqual(
            {
                (line.language_id.code, line.level)
                for line in person.omiopi_language_ids
            },
            {("es", "native"), ("en", "b1")},
        )
        self.assertEqual(person.omiopi_driving_licence_ids.mapped("code"), ["b"])
        self.assertEqual(person.omiopi_permit_ids.mapped("code"), ["food_handler"])
        self.assertEqual(
            set(person.omiopi_experience_ids.mapped("name")), {"Camarera", "Limpieza"}
        )
        self.assertEqual(person.omiopi_training_ids.hours, 30)
        self.assertEqual(person.omiopi_education_level_id.code, "upper_secondary")
        self.assertEqual(person.omiopi_computer_level, "1")
        self.assertEqual(person.omiopi_employment_status, "unemployed")
        self.assertEqual(referral.case_id.office_id, self.agency)
        self.assertEqual(referral.receiving_office_id, self.omiopi)
        self.assertEqual(referral.stage_id, self.stage_draft)
        self.assertEqual(referral.referrer_email, "cvidal@example.org")
        self.assertEqual(referral.observations, "Busca contrato para arraigo")

        # the referrer's office, when the form names it
        self.assertEqual(lines[3].referral_id.case_id.office_id, self.norte)
        # the fifth row is the same person (same NIE): matched, not duplicated
        self.assertEqual(lines[6].partner_id, person)
        self.assertIn("found by document", lines[6].message)
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("id_numbers.name", "=", "X1234567L")]
            ),
            1,
        )

    def test_importing_the_same_file_twice_creates_nothing(self):
        self._import()
        before = self.env["omiopi.referral"].search_count([])
        persons = self.env["res.partner"].search_count(
            [("omiopi_is_person", "=", True)]
        )
        wizard = self._import()
        self.assertEqual(self.env["omiopi.referral"].search_count([]), before)
        self.assertEqual(
            self.env["res.partner"].search_count([("omiopi_is_person", "=", True)]),
            persons,
        )
        self.assertEqual((wizard.created_count, wizard.matched_count), (0, 3))

    def test_all_or_nothing(self):
        before = self.env["omiopi.referral"].search_count([])
        wizard = self._import(all_or_nothing=True)
        self.assertEqual(self.env["omiopi.referral"].search_count([]), before)
        self.assertEqual(
            self.env["res.partner"].search_count([("name", "=", "Juan Pablo Rojas")]), 0
        )
        statuses = {line.row: line.status for line in wizard.line_ids}
        self.assertEqual(statuses[2], "not_imported")
        self.assertEqual(statuses[4], "refused")
        # a clean file goes in whole
        rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
        clean = io.StringIO()
        csv.writer(clean).writerows([rows[0], rows[1], rows[2]])
        wizard = self._import(clean.getvalue().encode(), all_or_nothing=True)
        self.assertEqual(wizard.created_count, 2)

    def test_xlsx_export_of_the_form(self):
        rows = list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"))))
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        content = io.BytesIO()
        book.save(content)
        wizard = self._import(content.getvalue(), filename="pilot.xlsx")
        self.assertEqual((wizard.created_count, wizard.refused_count), (3, 2))

    def test_a_file_that_is_not_the_form(self):
        with self.assertRaisesRegex(UserError, "not the referral form"):
            self._import(b"a,b,c\n1,2,3\n")

    def test_technicians_cannot_import(self):
        with self.assertRaises(AccessError):
            self.env["omiopi.referral.import.wizard"].with_user(self.ae_tech).create(
                {
                    "file": base64.b64encode(SAMPLE.read_bytes()),
                    "referring_office_id": self.agency.id,
                    "receiving_office_id": self.omiopi.id,
                }
            )
