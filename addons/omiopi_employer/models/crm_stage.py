from odoo import fields, models


class CrmStage(models.Model):
    """The prospection stages say, as a tooltip, what a company must have
    done to be in them: in each user's language."""

    _inherit = "crm.stage"

    requirements = fields.Text(translate=True)
