from odoo import models


class OmiopiActivityReport(models.TransientModel):
    """The coordination section of the activity report (seed 002: the
    technical tables of programme, projects and cases): meetings held by
    level and table, agreements made and fulfilled, and the case files
    discussed, each counted once."""

    _inherit = "omiopi.activity.report"

    def _coordination_meetings(self):
        """Meetings held in the period (of tables of the chosen offices)."""
        return (
            [("state", "=", "held")]
            + self._period("start", is_datetime=True)
            + self._offices("table_id.office_ids")
        )

    def _report_sections(self):
        sections = super()._report_sections()
        held = self._coordination_meetings()
        agreements = [
            ("meeting_id.state", "=", "held"),
            *self._period("meeting_start", is_datetime=True),
            *self._offices("table_id.office_ids"),
        ]
        fulfilled = (
            [("state", "=", "done")]
            + self._period("date_done")
            + (self._offices("table_id.office_ids"))
        )
        # The case files the user reads among those the meetings discussed:
        # reading the meetings' case files applies the user's rules.
        cases = self.env["omiopi.coordination.meeting"].search(held).case_ids
        figures = [
            {
                "name": self.env._("Coordination meetings held"),
                "model": "omiopi.coordination.meeting",
                "domain": held,
                "gender": None,
                "breakdowns": [
                    ("level", self.env._("Level")),
                    ("table_id", self.env._("Table")),
                ],
                "list_view": (
                    "omiopi_coordination.omiopi_coordination_meeting_view_list"
                ),
            },
            {
                "name": self.env._("Agreements made"),
                "model": "omiopi.coordination.agreement",
                "domain": agreements,
                "gender": None,
                "breakdowns": [
                    ("level", self.env._("Level")),
                    ("table_id", self.env._("Table")),
                    ("state", self.env._("Status")),
                ],
                "list_view": (
                    "omiopi_coordination.omiopi_coordination_agreement_view_list"
                ),
            },
            {
                "name": self.env._("Agreements fulfilled"),
                "model": "omiopi.coordination.agreement",
                "domain": fulfilled,
                "gender": None,
                "breakdowns": [
                    ("level", self.env._("Level")),
                    ("table_id", self.env._("Table")),
                ],
                "list_view": (
                    "omiopi_coordination.omiopi_coordination_agreement_view_list"
                ),
            },
            {
                "name": self.env._("Case files discussed in coordination"),
                "model": "omiopi.case",
                "domain": [("id", "in", sorted(cases.ids))],
                "gender": None,
                "breakdowns": [("office_id", self.env._("Office"))],
            },
        ]
        sections.append(
            {
                "code": "coordination",
                "name": self.env._("Coordination"),
                "sequence": 60,
                "figures": figures,
            }
        )
        return sections
