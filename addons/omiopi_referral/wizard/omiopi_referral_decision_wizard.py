from odoo import api, fields, models


class OmiopiReferralDecisionWizard(models.TransientModel):
    """Approve or refuse the current stage, or close an accepted referral."""

    _name = "omiopi.referral.decision.wizard"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Referral decision"

    referral_id = fields.Many2one("omiopi.referral", required=True, ondelete="cascade")
    decision = fields.Selection(
        [("approve", "Approve"), ("refuse", "Refuse"), ("close", "Close")],
        required=True,
        default="approve",
    )
    stage_id = fields.Many2one(related="referral_id.stage_id")
    ask_target_area = fields.Boolean(related="referral_id.stage_id.ask_target_area")
    target_area_id = fields.Many2one("omiopi.area", string="Target area")
    refuse_reason_id = fields.Many2one(
        "omiopi.referral.refuse.reason", string="Refusal reason"
    )
    outcome_id = fields.Many2one("omiopi.referral.outcome")
    comment = fields.Text()

    @api.onchange("referral_id")
    def _onchange_referral_id(self):
        self.target_area_id = self.referral_id.target_area_id

    def action_confirm(self):
        self.ensure_one()
        referral = self.referral_id
        if self.decision == "close":
            referral._close(self.outcome_id, self.comment)
        else:
            referral._decide(
                self.decision == "approve",
                self.comment,
                target_area=self.target_area_id,
                refuse_reason=self.refuse_reason_id,
            )
        return {"type": "ir.actions.act_window_close"}
