from ast import literal_eval

from odoo import api, fields, models
from odoo.tools.misc import formatLang


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
    open_model = fields.Char(help="The model of the records the figure opens.")
    open_domain = fields.Char()
    open_view = fields.Char(help="The list view the records open in (xmlid).")
    measure = fields.Char(
        help="How the figure is had from the records it opens: count, "
        "sum:<field> or average_by:<field>."
    )
    total = fields.Float(string="Value")
    total_display = fields.Char(string="Total", compute="_compute_total_display")
    gender_split = fields.Boolean()
    female = fields.Integer(string="Women")
    male = fields.Integer(string="Men")
    other_gender = fields.Integer(string="Other")
    unknown_gender = fields.Integer(string="Not recorded")
    female_ratio = fields.Float(string="% women")

    @api.depends("total")
    def _compute_total_display(self):
        """Counts as counts (1.460), averages and minutes with their decimals
        (306,5), as the user's language writes them."""
        for line in self:
            digits = 0 if float(line.total).is_integer() else 1
            if line.measure and line.measure.startswith("sum:") and digits:
                digits = 2
            line.total_display = formatLang(self.env, line.total, digits=digits)

    def _get_domain(self):
        # The domain was written by _report_sections as a literal: no code.
        return literal_eval(self.domain)

    def _get_open_domain(self):
        return literal_eval(self.open_domain or self.domain)

    def action_open_records(self):
        """The records the figure counts, in a read-only list: never sample
        rows when there are none."""
        self.ensure_one()
        list_view = self.open_view and self.env.ref(
            self.open_view, raise_if_not_found=False
        )
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.section_name}: {self.name}",
            "res_model": self.open_model or self.model_name,
            "domain": self._get_open_domain(),
            "view_mode": "list,form",
            "views": [(list_view.id if list_view else False, "list"), (False, "form")],
            "context": {
                "active_test": False,
                "create": False,
                "edit": False,
                "delete": False,
            },
            "useSampleModel": False,
            "target": "current",
        }
