from odoo import fields, models


class OmiopiReferralImportLine(models.TransientModel):
    """What one row of an imported spreadsheet became."""

    _name = "omiopi.referral.import.line"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Imported row"
    _order = "row"

    wizard_id = fields.Many2one(
        "omiopi.referral.import.wizard",
        string="Import",
        required=True,
        ondelete="cascade",
    )
    row = fields.Integer()
    name = fields.Char(string="Person")
    status = fields.Selection(
        [
            ("created", "Created"),
            ("matched", "Already imported"),
            ("refused", "Refused"),
            ("not_imported", "Not imported"),
        ],
        required=True,
    )
    message = fields.Char()
    partner_id = fields.Many2one("res.partner", string="Person record")
    referral_id = fields.Many2one("omiopi.referral")
