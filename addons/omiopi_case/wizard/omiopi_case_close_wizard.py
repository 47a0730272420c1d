from odoo import api, fields, models


class OmiopiCaseCloseWizard(models.TransientModel):
    _name = "omiopi.case.close.wizard"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Close case files"

    case_ids = fields.Many2many("omiopi.case", string="Case files", required=True)
    close_reason_id = fields.Many2one(
        "omiopi.case.close.reason", string="Closing reason", required=True
    )
    date_closed = fields.Date(
        string="Closed on", required=True, default=fields.Date.context_today
    )
    close_note = fields.Text(string="Closing note")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "omiopi.case":
            values["case_ids"] = [(6, 0, self.env.context.get("active_ids", []))]
        return values

    def action_close(self):
        self.ensure_one()
        self.case_ids._do_close(
            self.close_reason_id, note=self.close_note, date=self.date_closed
        )
        return {"type": "ir.actions.act_window_close"}
