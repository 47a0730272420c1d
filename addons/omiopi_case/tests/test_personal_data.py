import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OmiopiCaseCommon


@tagged("post_install", "-at_install")
class TestPersonalDataExport(OmiopiCaseCommon):
    def _workbook(self, person, user):
        action = person.with_user(user).action_omiopi_export_personal_data()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(action["report_name"], person.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def _values(self, sheet):
        return [cell.value for row in sheet.iter_rows() for cell in row if cell.value]

    def test_everything_held_about_the_person(self):
        person = self.person_a
        person.write(
            {
                "phone": "+34 600 111 222",
                "omiopi_legal_situation_id": self.env.ref(
                    "omiopi_case.legal_situation_residence_work"
                ).id,
                "id_numbers": [
                    (0, 0, {"category_id": self.cat_passport.id, "name": "PX123456"})
                ],
            }
        )
        self.env["omiopi.attention"].create(
            {
                "case_id": self.case_a.id,
                "area_id": self.area_legal.id,
                "summary": "Residence renewal",
            }
        )
        self.case_a.message_post(body="Called the person about the renewal")
        self.env["ir.attachment"].create(
            {
                "name": "residence-card.pdf",
                "datas": base64.b64encode(b"%PDF-1.4"),
                "res_model": "omiopi.case",
                "res_id": self.case_a.id,
            }
        )
        workbook = self._workbook(person, self.coordinator)
        self.assertEqual(workbook.sheetnames[0], "Person")
        for sheet in ("Identity documents", "Case files", "Attentions", "Messages"):
            self.assertIn(sheet, workbook.sheetnames)
        person_values = self._values(workbook["Person"])
        self.assertIn("Amina Test", person_values)
        self.assertIn(person.phone, person_values)
        self.assertIn(
            self.env.ref("omiopi_case.legal_situation_residence_work").name,
            person_values,
        )
        self.assertIn("PX123456", self._values(workbook["Identity documents"]))
        self.assertIn("Residence renewal", self._values(workbook["Attentions"]))
        self.assertTrue(
            any(
                "Called the person" in str(value)
                for value in self._values(workbook["Messages"])
            )
        )
        self.assertIn("residence-card.pdf", self._values(workbook["Attachments"]))
        # The export is noted on the person.
        self.assertIn("right of access", "".join(person.message_ids.mapped("body")))

    def test_only_coordinators_export(self):
        with self.assertRaises(AccessError):
            self.person_a.with_user(self.tech_a).action_omiopi_export_personal_data()
        company = self.env["res.partner"].create({"name": "A company"})
        with self.assertRaises(UserError):
            company.with_user(self.coordinator).action_omiopi_export_personal_data()
