from odoo import fields, models

from odoo.addons.omiopi_case.tools.levels import LANGUAGE_LEVELS


class OmiopiJobOfferLanguage(models.Model):
    _name = "omiopi.job.offer.language"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Language required by a job offer"
    _order = "offer_id, id"

    offer_id = fields.Many2one(
        "omiopi.job.offer", required=True, ondelete="cascade", index=True
    )
    language_id = fields.Many2one("omiopi.language", required=True)
    level = fields.Selection(
        LANGUAGE_LEVELS, string="Minimum level", required=True, default="a2"
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {"language_id", "level"}

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"offer_id"}

    _sql_constraints = [
        (
            "offer_language_unique",
            "unique(offer_id, language_id)",
            "The offer already asks for this language.",
        ),
    ]
