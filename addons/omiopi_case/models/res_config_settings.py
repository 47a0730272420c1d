from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    omiopi_document_expiry_days = fields.Integer(
        string="Alert days before a document expires",
        config_parameter="omiopi_case.document_expiry_days",
        default=60,
    )
    omiopi_retention_months = fields.Integer(
        string="Months personal data are kept after the last case file closes",
        config_parameter="omiopi_case.retention_months",
        default=60,
        help="After this period the scheduled action anonymises the person: "
        "identity, contact data, free texts, attachments and messages are "
        "erased, the statistics kept. 0 disables the automatic erasure.",
    )
