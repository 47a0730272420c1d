from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiProgramTarget(models.Model):
    """How many cases of one profile the programme aims at (5 to 7 each in the
    pilot), and how many it got."""

    _name = "omiopi.program.target"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Programme target per profile"
    _order = "program_id, sequence, id"

    program_id = fields.Many2one(
        "omiopi.program",
        string="Programme",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    reason_id = fields.Many2one(
        "omiopi.referral.reason", string="Profile", required=True
    )
    target_min = fields.Integer(string="Target from", required=True)
    target_max = fields.Integer(string="Target to")
    result_count = fields.Integer(string="Result", compute="_compute_result_count")

    _sql_constraints = [
        (
            "reason_unique",
            "unique(program_id, reason_id)",
            "A profile has one target per programme.",
        ),
    ]

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "sequence",
            "reason_id",
            "target_min",
            "target_max",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"program_id"}

    @api.constrains("target_min", "target_max")
    def _check_targets(self):
        for target in self:
            if target.target_max and target.target_max < target.target_min:
                raise ValidationError(
                    self.env._("The upper target is below the lower one.")
                )

    @api.depends(
        "program_id.referral_ids.reason_ids",
        "program_id.referral_ids.is_excluded",
        "program_id.progress_basis",
    )
    def _compute_result_count(self):
        """Referrals of the profile, counted as the programme's progress is
        (received, or received minus the excluded)."""
        Referral = self.env["omiopi.referral"]
        base = [
            ("program_id", "in", self.program_id.ids),
            ("date_submitted", "!=", False),
        ]
        groups = ["program_id", "reason_ids"]
        received = {
            (program, reason): count
            for program, reason, count in Referral._read_group(
                base, groups, ["__count"]
            )
        }
        excluded = {
            (program, reason): count
            for program, reason, count in Referral._read_group(
                [*base, ("is_excluded", "=", True)], groups, ["__count"]
            )
        }
        for target in self:
            key = (target.program_id, target.reason_id)
            count = received.get(key, 0)
            if target.program_id.progress_basis == "admitted":
                count -= excluded.get(key, 0)
            target.result_count = count
