from ast import literal_eval

from odoo import fields, models


class OmiopiActivityReportLine(models.TransientModel):
    """One figure of the activity report, with the domain it was counted
    with, so that it opens as the list of records behind it."""

    _name = "omiopi.activity.report.line"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Activity report figure"
    _order = "section_sequence, sequence, id"

    report_id = fields.Many2one(
        "omiopi.activity.report", required=True, ondelete="cascade"
    )
    section_code = fields.Char(required=True)
    section_name = fields.Char(string="Section", required=True)
    section_sequence = fields.Integer()
    sequence = fields.Integer()
    name = fields.Char(string="Figure", required=True)
    model_name = fields.Char(required=True)
    domain = fields.Char(required=True)
    total = fields.Integer()
    gender_split = fields.Boolean()
    female = fields.Integer(string="Women")
    male = fields.Integer(string="Men")
    other_gender = fields.Integer(string="Other")
    unknown_gender = fields.Integer(string="Not recorded")
    female_ratio = fields.Float(string="% women")

    def _get_domain(self):
        # The domain was written by _report_sections as a literal: no code.
        return literal_eval(self.domain)

    def action_open_records(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.section_name}: {self.name}",
            "res_model": self.model_name,
            "domain": self._get_domain(),
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "context": {"active_test": False},
            "target": "current",
        }
