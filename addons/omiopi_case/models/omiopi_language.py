from odoo import fields, models


class OmiopiLanguage(models.Model):
    _name = "omiopi.language"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Language"

    is_spanish = fields.Boolean(
        string="Host country language",
        help="The language of the host country: its level feeds the "
        "employability checklist.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another language already has this code."),
    ]
