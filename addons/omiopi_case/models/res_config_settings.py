from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    omiopi_document_expiry_days = fields.Integer(
        string="Alert days before a document expires",
        config_parameter="omiopi_case.document_expiry_days",
        default=60,
    )
