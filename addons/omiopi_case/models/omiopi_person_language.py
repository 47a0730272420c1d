from odoo import fields, models

from ..tools.levels import LANGUAGE_LEVELS


class OmiopiPersonLanguage(models.Model):
    _name = "omiopi.person.language"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Language spoken by a person"
    _order = "partner_id, sequence, id"

    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, ondelete="cascade", index=True
    )
    language_id = fields.Many2one("omiopi.language", required=True)
    level = fields.Selection(LANGUAGE_LEVELS, required=True, default="a1")
    certified = fields.Boolean(help="The level is backed by a certificate (DELE...).")

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "sequence",
            "language_id",
            "level",
            "certified",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"partner_id"}

    _sql_constraints = [
        (
            "language_unique",
            "unique(partner_id, language_id)",
            "This language is already recorded for the person.",
        ),
    ]
