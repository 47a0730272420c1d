from odoo import fields, models


class OmiopiLegalSituation(models.Model):
    _name = "omiopi.legal.situation"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Administrative situation"

    is_regular = fields.Boolean(
        string="Regular situation",
        help="The person is legally resident in Spain (referral procedures "
        "require a regular administrative situation).",
    )
    allows_work = fields.Boolean(
        string="Allows working",
        help="The person may legally work in Spain (job offers, candidacies).",
    )

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "Another administrative situation already has this code.",
        ),
    ]
