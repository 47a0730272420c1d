from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    omiopi_referral_followup_days = fields.Integer(
        string="Follow-up every (days)",
        config_parameter="omiopi_referral.followup_days",
        default=7,
    )
    omiopi_referral_stalled_days = fields.Integer(
        string="No movement after (days)",
        config_parameter="omiopi_referral.stalled_days",
        default=14,
    )
    omiopi_referral_coordinator_id = fields.Many2one(
        "res.users",
        string="Default coordinator",
        config_parameter="omiopi_referral.coordinator_user_id",
        help="Gets the weekly follow-up of referrals without a programme coordinator.",
    )
