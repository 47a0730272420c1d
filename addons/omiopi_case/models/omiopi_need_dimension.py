from odoo import models


class OmiopiNeedDimension(models.Model):
    _name = "omiopi.need.dimension"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Needs assessment dimension"
