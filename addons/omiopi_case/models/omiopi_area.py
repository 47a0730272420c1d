from odoo import fields, models


class OmiopiArea(models.Model):
    _name = "omiopi.area"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Area of intervention"

    color = fields.Integer()

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another area already has this code."),
    ]
