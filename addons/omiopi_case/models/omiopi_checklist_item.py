from odoo import models


class OmiopiChecklistItem(models.Model):
    """One employability enabler of seed 001's indicator checklist."""

    _name = "omiopi.checklist.item"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Employability checklist item"
