from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import EmployerCommon


@tagged("post_install", "-at_install")
class TestInsertion(EmployerCommon):
    def test_job_found_directly(self):
        form = Form(self.env["omiopi.job.insertion"].with_user(self.tech))
        form.partner_id = self.fit
        self.assertEqual(form.case_id, self.fit_case)
        form.employer_id = self.company
        form.position = "Shop assistant"
        form.contract_type = "indefinite"
        form.date_start = "2026-03-01"
        insertion = form.save()
        self.assertEqual(insertion.source, "direct")
        self.assertEqual(insertion.office_id, self.office)
        self.assertFalse(insertion.date_end)
        self.assertEqual(self.fit_case.insertion_count, 1)
        self.assertEqual(self.fit_case.step_ids.state, "done")
        self.assertEqual(str(self.fit_case.step_ids.date_done), "2026-03-01")
        self.assertEqual(self.fit.omiopi_insertion_ids, insertion)
        self.assertEqual(self.company.omiopi_employer_hire_count, 1)

    def test_expected_end_and_age_band(self):
        insertion = self.env["omiopi.job.insertion"].create(
            {
                "partner_id": self.fit.id,
                "employer_id": self.company.id,
                "position": "Picker",
                "contract_type": "temporary",
                "date_start": "2026-01-15",
                "duration_months": 3,
            }
        )
        self.assertEqual(str(insertion.date_end), "2026-04-15")
        self.assertEqual(insertion.age_band, "35_44")
        self.assertEqual(insertion.gender, "female")

    def test_a_job_without_social_security_is_no_insertion(self):
        with self.assertRaisesRegex(ValidationError, "Social Security"):
            self.env["omiopi.job.insertion"].create(
                {
                    "partner_id": self.fit.id,
                    "employer_id": self.company.id,
                    "position": "Picker",
                    "contract_type": "other",
                    "date_start": "2026-01-15",
                    "social_security": False,
                }
            )

    def test_the_case_file_is_the_persons(self):
        with self.assertRaisesRegex(ValidationError, "is not the case file"):
            self.env["omiopi.job.insertion"].create(
                {
                    "partner_id": self.fit.id,
                    "case_id": self.partial_case.id,
                    "employer_id": self.company.id,
                    "position": "Picker",
                    "contract_type": "temporary",
                    "date_start": "2026-01-15",
                }
            )
