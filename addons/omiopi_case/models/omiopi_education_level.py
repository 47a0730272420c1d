from odoo import fields, models


class OmiopiEducationLevel(models.Model):
    _name = "omiopi.education.level"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Education level"

    is_higher = fields.Boolean(
        string="Higher studies",
        help="Counts as higher studies (university or higher vocational "
        "training) in referral criteria and reports.",
    )
