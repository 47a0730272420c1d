from odoo import api, fields, models


class OmiopiReferralStageLog(models.Model):
    """When a referral entered and left each stage: the time spent in each
    stage of the report."""

    _name = "omiopi.referral.stage.log"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_owner_links = ("referral_id",)
    _description = "Referral stage history"
    _order = "date_start, id"

    referral_id = fields.Many2one(
        "omiopi.referral",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    stage_id = fields.Many2one("omiopi.referral.stage", required=True, readonly=True)
    date_start = fields.Datetime(string="Entered", required=True, readonly=True)
    date_end = fields.Datetime(string="Left", readonly=True)
    days = fields.Float(
        string="Days in the stage",
        compute="_compute_days",
        store=True,
        aggregator="avg",
        help="Days spent in the stage (until now while the referral is there).",
    )

    @api.depends("date_start", "date_end")
    def _compute_days(self):
        for log in self:
            end = log.date_end or fields.Datetime.now()
            log.days = (
                (end - log.date_start).total_seconds() / 86400.0
                if log.date_start
                else 0.0
            )
