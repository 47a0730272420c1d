from odoo import fields, models


class OmiopiTrainingReason(models.Model):
    """Why a person was not selected or dropped out."""

    _name = "omiopi.training.reason"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Enrolment reason"

    applies_to = fields.Selection(
        [
            ("not_selected", "Not selected"),
            ("dropped", "Dropped out"),
            ("both", "Both"),
        ],
        string="Used for",
        required=True,
        default="both",
    )
