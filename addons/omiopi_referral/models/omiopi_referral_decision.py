from odoo import fields, models


class OmiopiReferralDecision(models.Model):
    """Who decided what at each step, with their comment: the referral's
    approval record. Written by the referral's actions only."""

    _name = "omiopi.referral.decision"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_owner_links = ("referral_id",)
    _description = "Referral decision"
    _order = "date, id"

    referral_id = fields.Many2one(
        "omiopi.referral",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    stage_id = fields.Many2one("omiopi.referral.stage", required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    decision = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("closed", "Closed"),
        ],
        required=True,
        readonly=True,
    )
    comment = fields.Text(readonly=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
