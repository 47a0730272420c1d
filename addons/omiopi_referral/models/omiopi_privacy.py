from odoo import api, models

from odoo.addons.omiopi_case.tools.privacy import PrivacyEntry


class OmiopiPrivacy(models.AbstractModel):
    """What omiopi_referral keeps about a person: their referrals and the
    decisions on them. Anonymised, both remain for the programme's figures
    (direction, stage, gender, nationality, studies, age band) without
    their observations, CV, comments and notes."""

    _inherit = "omiopi.privacy"

    @api.model
    def _entries(self):
        return super()._entries() + [
            PrivacyEntry(
                self.env._("Referrals"),
                "omiopi.referral",
                statistics=(
                    "direction",
                    "gender",
                    "nationality_id",
                    "education_level_id",
                    "age_band",
                ),
            ),
            PrivacyEntry(
                self.env._("Referral decisions"),
                "omiopi.referral.decision",
                "referral_id.partner_id",
            ),
        ]
