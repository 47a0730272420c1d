from datetime import date

from odoo import models


class OmiopiActivityReport(models.TransientModel):
    """The training section of the activity report (seed 000): workshops and
    their attendees by area, professional days, online courses, sessions and
    hours of training (the youth group's by office), Spanish learners and
    their monthly average, applications and certificates."""

    _inherit = "omiopi.activity.report"

    def _held(self, domain):
        """Editions with a session in the period (of the chosen offices)."""
        sessions = self._period("date_start", is_datetime=True)
        return domain + [("session_ids", "any", sessions)] + self._offices("office_id")

    def _attended(self, domain):
        """Attendances (present) at sessions of the period."""
        return (
            [("present", "=", True)]
            + self._period("date", is_datetime=True)
            + self._offices("edition_id.office_id")
            + domain
        )

    def _workshop_figures(self):
        workshops = [("course_type", "=", "workshop")]
        figures = [
            {
                "name": self.env._("Workshops held"),
                "model": "omiopi.training.edition",
                "domain": self._held(workshops),
                "gender": None,
                "breakdowns": [
                    ("area_id", self.env._("Area")),
                    ("office_id", self.env._("Office")),
                ],
            },
            {
                "name": self.env._("Workshop attendees"),
                "model": "omiopi.training.attendance",
                "domain": self._attended(workshops),
                "gender": "gender",
                "breakdowns": [("date:month", self.env._("Month"))],
                "list_view": "omiopi_training.omiopi_training_attendance_view_list",
            },
        ]
        # Seed 000 gives workshops and attendees (with the share of women)
        # for each area of the offices.
        areas = self.env["omiopi.training.edition"]._read_group(
            self._held(workshops), ["area_id"]
        )
        for (area,) in areas:
            label = area.display_name or self.env._("No area")
            area_id = area.id or False
            figures += [
                {
                    "name": self.env._("Workshops held: %(area)s", area=label),
                    "model": "omiopi.training.edition",
                    "domain": self._held(workshops + [("area_id", "=", area_id)]),
                    "gender": None,
                    "breakdowns": [("office_id", self.env._("Office"))],
                },
                {
                    "name": self.env._("Workshop attendees: %(area)s", area=label),
                    "model": "omiopi.training.attendance",
                    "domain": self._attended(
                        workshops + [("edition_id.area_id", "=", area_id)]
                    ),
                    "gender": "gender",
                    "breakdowns": [("date:month", self.env._("Month"))],
                    "list_view": (
                        "omiopi_training.omiopi_training_attendance_view_list"
                    ),
                },
            ]
        return figures

    def _report_sections(self):
        sections = super()._report_sections()
        attendance_list = "omiopi_training.omiopi_training_attendance_view_list"
        persons_list = "omiopi_case.res_partner_view_list_omiopi"
        days = [("course_type", "=", "professional_day")]
        online = [("modality", "=", "online")]
        sessions = self._period("date_start", is_datetime=True) + self._offices(
            "office_id"
        )
        first_month = date(self.date_from.year, self.date_from.month, 1)
        figures = self._workshop_figures() + [
            {
                "name": self.env._("Professional days held"),
                "model": "omiopi.training.edition",
                "domain": self._held(days),
                "gender": None,
                "breakdowns": [("office_id", self.env._("Office"))],
            },
            {
                "name": self.env._("Professional day participants"),
                "model": "omiopi.training.attendance",
                "domain": self._attended(days),
                "gender": "gender",
                "breakdowns": [("edition_id", self.env._("Edition"))],
                "list_view": attendance_list,
            },
            {
                "name": self.env._("Online courses held"),
                "model": "omiopi.training.edition",
                "domain": self._held(online),
                "gender": None,
                "breakdowns": [("course_id", self.env._("Course"))],
            },
            {
                "name": self.env._("Online course participants"),
                "model": "omiopi.training.attendance",
                "domain": self._attended([("edition_id.modality", "=", "online")]),
                "gender": "gender",
                "aggregate": "partner_id:count_distinct",
                "breakdowns": [("edition_id", self.env._("Edition"))],
                "list_view": persons_list,
            },
            {
                "name": self.env._("Training sessions held"),
                "model": "omiopi.training.session",
                "domain": sessions,
                "gender": None,
                "breakdowns": [
                    ("course_type", self.env._("Course type")),
                    ("office_id", self.env._("Office")),
                ],
            },
            {
                "name": self.env._("Hours of training"),
                "model": "omiopi.training.session",
                "domain": sessions,
                "gender": None,
                "aggregate": "duration:sum",
                "breakdowns": [
                    ("course_type", self.env._("Course type")),
                    ("office_id", self.env._("Office")),
                ],
            },
            {
                "name": self.env._("Youth employment group: hours of training"),
                "model": "omiopi.training.session",
                "domain": sessions + [("course_type", "=", "youth_group")],
                "gender": None,
                "aggregate": "duration:sum",
                "breakdowns": [("office_id", self.env._("Office"))],
            },
            {
                "name": self.env._("Spanish learners"),
                "model": "omiopi.training.attendance",
                "domain": self._attended([("course_type", "=", "spanish")]),
                "gender": "gender",
                "aggregate": "partner_id:count_distinct",
                "breakdowns": [("edition_id", self.env._("Edition"))],
                "list_view": persons_list,
            },
            {
                "name": self.env._("Spanish learners, monthly average"),
                "model": "omiopi.training.learner.report",
                "domain": [
                    ("course_type", "=", "spanish"),
                    ("month", ">=", first_month.isoformat()),
                    ("month", "<=", self.date_to.isoformat()),
                ]
                + self._offices("office_id"),
                "gender": "gender",
                "average_by": "month:month",
                "breakdowns": [("month:month", self.env._("Learners each month"))],
                "list_view": (
                    "omiopi_training.omiopi_training_learner_report_view_list"
                ),
            },
            {
                "name": self.env._("Training applications"),
                "model": "omiopi.training.enrolment",
                "domain": self._period("date_applied") + self._offices("office_id"),
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
                "domain": self._period("date_issued") + self._offices("office_id"),
                "gender": None,
                "breakdowns": [("course_id", self.env._("Course"))],
            },
        ]
        sections.append(
            {
                "code": "training",
                "name": self.env._("Training"),
                "sequence": 30,
                "figures": figures,
            }
        )
        return sections
