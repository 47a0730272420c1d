from odoo import fields, models


class OmiopiActivityReport(models.TransientModel):
    """The referrals' section of the activity report (seed 001, 2.2):
    referrals by direction and outcome, excluded ones and why."""

    _inherit = "omiopi.activity.report"

    program_id = fields.Many2one(
        "omiopi.program",
        string="Programme",
        help="Count only the referrals of this programme.",
    )

    def _report_sections(self):
        sections = super()._report_sections()
        base = self._period("date_submitted", is_datetime=True)
        if self.office_ids:
            base += [
                "|",
                ("referring_office_id", "in", self.office_ids.ids),
                ("receiving_office_id", "in", self.office_ids.ids),
            ]
        if self.program_id:
            base += [("program_id", "=", self.program_id.id)]
        person = [
            ("nationality_id", self.env._("Nationality")),
            ("education_level_id", self.env._("Studies")),
            ("age_band", self.env._("Age band")),
        ]
        reasons = [("refuse_reason_id", self.env._("Reason"))]
        directions = self.env["omiopi.referral"]._fields["direction"]
        figures = [
            {
                "name": self.env._("Referrals submitted"),
                "model": "omiopi.referral",
                "domain": base,
                "gender": "gender",
                "breakdowns": [
                    ("direction", self.env._("Direction")),
                    ("program_id", self.env._("Programme")),
                    *person,
                ],
            }
        ]
        for key, label in directions._description_selection(self.env):
            figures.append(
                {
                    "name": label,
                    "model": "omiopi.referral",
                    "domain": base + [("direction", "=", key)],
                    "gender": "gender",
                    "breakdowns": person,
                }
            )
        figures += [
            {
                "name": self.env._("Referrals accepted"),
                "model": "omiopi.referral",
                "domain": base + [("date_accepted", "!=", False)],
                "gender": "gender",
                "breakdowns": [("receiving_office_id", self.env._("Receiving office"))],
            },
            {
                # Refused on a decision; the excluded on submission come next.
                "name": self.env._("Referrals refused"),
                "model": "omiopi.referral",
                "domain": base
                + [("stage_type", "=", "refused"), ("is_excluded", "=", False)],
                "gender": "gender",
                "breakdowns": reasons,
            },
            {
                "name": self.env._("Persons excluded"),
                "model": "omiopi.referral",
                "domain": base + [("is_excluded", "=", True)],
                "gender": "gender",
                "breakdowns": reasons,
            },
        ]
        sections.append(
            {
                "code": "referrals",
                "name": self.env._("Referrals"),
                "sequence": 20,
                "figures": figures,
            }
        )
        self._add_field_point_referrals(sections, base)
        return sections

    def _add_field_point_referrals(self, sections, base):
        """Seed 004: what followed the field sessions. The persons registered
        at a point were created by their registration: every referral of
        theirs came after it."""
        registered = "partner_id.omiopi_field_registration_ids.point_id"
        points = (
            [(registered, "in", self.field_point_ids.ids)]
            if self.field_point_ids
            else [(registered, "!=", False)]
        )
        for section in sections:
            if section["code"] == "field_points":
                section["figures"].append(
                    {
                        "name": self.env._("Referrals after a field registration"),
                        "model": "omiopi.referral",
                        "domain": base + points,
                        "gender": "gender",
                        "breakdowns": [
                            ("direction", self.env._("Direction")),
                            ("receiving_office_id", self.env._("Receiving office")),
                        ],
                    }
                )
