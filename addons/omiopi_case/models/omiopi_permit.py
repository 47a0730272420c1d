from odoo import models


class OmiopiPermit(models.Model):
    _name = "omiopi.permit"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Professional card or permit"
