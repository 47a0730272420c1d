from odoo import fields, models

from odoo.addons.omiopi_case.models.omiopi_person_language import LANGUAGE_LEVELS


class OmiopiJobOfferLanguage(models.Model):
    _name = "omiopi.job.offer.language"
    _description = "Language required by a job offer"
    _order = "offer_id, id"

    offer_id = fields.Many2one(
        "omiopi.job.offer", required=True, ondelete="cascade", index=True
    )
    language_id = fields.Many2one("omiopi.language", required=True)
    level = fields.Selection(
        LANGUAGE_LEVELS, string="Minimum level", required=True, default="a2"
    )

    _sql_constraints = [
        (
            "offer_language_unique",
            "unique(offer_id, language_id)",
            "The offer already asks for this language.",
        ),
    ]
