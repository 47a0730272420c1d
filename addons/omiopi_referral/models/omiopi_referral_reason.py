from odoo import fields, models

DIRECTIONS = [
    ("ae_to_omiopi", "From the Employment Agency to an OMIOPI office"),
    ("omiopi_to_ae", "From an OMIOPI office to the Employment Agency"),
    ("other", "Between other services"),
]


class OmiopiReferralReason(models.Model):
    """An enabling situation (situación habilitante): why a person may be
    referred in a direction, with the criteria the referral is checked
    against. Configuration, not code: the pilot's form once sent referrals
    outside the procedure because of one wrong wording."""

    _name = "omiopi.referral.reason"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Enabling situation"

    direction = fields.Selection(
        DIRECTIONS + [("any", "Any direction")],
        required=True,
        default="any",
    )
    criterion_ids = fields.One2many(
        "omiopi.referral.criterion", "reason_id", string="Criteria"
    )
