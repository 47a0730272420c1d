from odoo import fields, models


class OmiopiCaseChecklistLine(models.Model):
    _name = "omiopi.case.checklist.line"
    _description = "Employability checklist line"
    _order = "case_id, sequence, id"

    case_id = fields.Many2one(
        "omiopi.case", string="Case file", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("omiopi.checklist.item", required=True)
    sequence = fields.Integer(related="item_id.sequence", store=True)
    status = fields.Selection(
        [("yes", "Yes"), ("in_progress", "In progress"), ("no", "No")],
        required=True,
        default="no",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "item_unique",
            "unique(case_id, item_id)",
            "Each checklist item appears once per case file.",
        ),
    ]
