from odoo import fields, models

NEED_LEVELS = [
    ("0", "No need"),
    ("1", "Low"),
    ("2", "Medium"),
    ("3", "High"),
]


class OmiopiCaseNeed(models.Model):
    """One dimension of the multidimensional needs assessment made at intake."""

    _name = "omiopi.case.need"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Needs assessment line"
    _order = "case_id, sequence, id"

    # Not indexed on its own: the unique index (case_id, ...) below starts
    # with it, and a case file writes its lines by the dozen.
    case_id = fields.Many2one(
        "omiopi.case", string="Case file", required=True, ondelete="cascade"
    )
    dimension_id = fields.Many2one("omiopi.need.dimension", required=True)
    sequence = fields.Integer(related="dimension_id.sequence", store=True)
    level = fields.Selection(NEED_LEVELS, string="Need")
    note = fields.Text()

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "level",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"case_id", "dimension_id"}

    _sql_constraints = [
        (
            "dimension_unique",
            "unique(case_id, dimension_id)",
            "Each dimension is assessed once per case file.",
        ),
    ]
