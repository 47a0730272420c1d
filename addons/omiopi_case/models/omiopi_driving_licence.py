from odoo import models


class OmiopiDrivingLicence(models.Model):
    _name = "omiopi.driving.licence"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Driving licence class"
