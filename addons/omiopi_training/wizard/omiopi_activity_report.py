from odoo import models


class OmiopiActivityReport(models.TransientModel):
    """The training section of the activity report (seed 000): workshops
    held and their attendees, Spanish learners (per month in the workbook),
    enrolments and certificates."""

    _inherit = "omiopi.activity.report"

    def _report_sections(self):
        sections = super()._report_sections()
        attended = [("present", "=", True)] + self._period("date", is_datetime=True)
        attended += self._offices("edition_id.office_id")
        sections.append(
            {
                "code": "training",
                "name": self.env._("Training"),
                "sequence": 30,
                "figures": [
                    {
                        "name": self.env._("Workshop sessions held"),
                        "model": "omiopi.training.session",
                        "domain": [("edition_id.course_type", "=", "workshop")]
                        + self._period("date_start", is_datetime=True)
                        + self._offices("edition_id.office_id"),
                        "gender": None,
                        "breakdowns": [("edition_id", self.env._("Edition"))],
                    },
                    {
                        "name": self.env._("Workshop attendees"),
                        "model": "omiopi.training.attendance",
                        "domain": attended + [("course_type", "=", "workshop")],
                        "gender": "gender",
                        "breakdowns": [("date:month", self.env._("Month"))],
                    },
                    {
                        "name": self.env._("Spanish learners"),
                        "model": "omiopi.training.attendance",
                        "domain": attended + [("course_type", "=", "spanish")],
                        "gender": "gender",
                        "aggregate": "partner_id:count_distinct",
                        "breakdowns": [("date:month", self.env._("Month"))],
                    },
                    {
                        "name": self.env._("Training applications"),
                        "model": "omiopi.training.enrolment",
                        "domain": self._period("date_applied")
                        + self._offices("office_id"),
                        "gender": "gender",
                        "breakdowns": [
                            ("course_type", self.env._("Course type")),
                            ("state", self.env._("Status")),
                            ("age_band", self.env._("Age band")),
                            ("nationality_id", self.env._("Nationality")),
                        ],
                    },
                    {
                        "name": self.env._("Certificates issued"),
                        "model": "omiopi.training.certificate",
                        "domain": self._period("date_issued")
                        + self._offices("office_id"),
                        "gender": None,
                        "breakdowns": [("course_id", self.env._("Course"))],
                    },
                ],
            }
        )
        return sections
