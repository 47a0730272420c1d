from odoo import models


class OmiopiEmployerSector(models.Model):
    _name = "omiopi.employer.sector"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Economic sector"

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another sector already has this code."),
    ]
