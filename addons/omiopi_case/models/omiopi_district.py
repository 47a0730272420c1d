from odoo import fields, models


class OmiopiDistrict(models.Model):
    _name = "omiopi.district"
    _inherit = "omiopi.catalogue.mixin"
    _description = "District"

    name = fields.Char(translate=False)  # place names are not translated
    city = fields.Char()
