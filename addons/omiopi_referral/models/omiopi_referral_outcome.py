from odoo import fields, models


class OmiopiReferralOutcome(models.Model):
    _name = "omiopi.referral.outcome"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Referral outcome"

    is_success = fields.Boolean(
        string="Successful",
        help="The referral achieved what it was made for (legal procedure done, "
        "training finished, job insertion...).",
    )
