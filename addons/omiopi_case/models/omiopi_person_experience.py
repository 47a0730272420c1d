from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiPersonExperience(models.Model):
    _name = "omiopi.person.experience"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Work experience of a person"
    _order = "partner_id, date_start desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Position", required=True)
    company = fields.Char()
    functions = fields.Text()
    in_spain = fields.Boolean()
    with_contract = fields.Boolean(string="With a contract")
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To", help="Leave empty while the job goes on.")
    months = fields.Integer(
        compute="_compute_months",
        store=True,
        readonly=False,
        help="Duration in months: computed from the dates, or typed when the "
        "person does not remember them.",
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "company",
            "functions",
            "in_spain",
            "with_contract",
            "date_start",
            "date_end",
            "months",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"partner_id"}

    @api.depends("date_start", "date_end")
    def _compute_months(self):
        today = fields.Date.today()
        for line in self:
            if line.date_start:
                delta = relativedelta(line.date_end or today, line.date_start)
                line.months = max(delta.years * 12 + delta.months, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for line in self:
            if line.date_start and line.date_end and line.date_end < line.date_start:
                raise ValidationError(
                    self.env._(
                        "The job %(position)s ends before it starts.",
                        position=line.name,
                    )
                )
