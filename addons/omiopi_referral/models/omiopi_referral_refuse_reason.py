from odoo import fields, models


class OmiopiReferralRefuseReason(models.Model):
    _name = "omiopi.referral.refuse.reason"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Referral refusal reason"

    is_exclusion = fields.Boolean(
        string="Counts as an exclusion",
        help="Referrals refused for this reason are reported as excluded from "
        "the programme (for example: holders of a Spanish DNI).",
    )
