from odoo import models


class OmiopiCaseCloseReason(models.Model):
    _name = "omiopi.case.close.reason"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Case closing reason"
