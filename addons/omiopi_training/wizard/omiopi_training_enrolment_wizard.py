from odoo import fields, models


class OmiopiTrainingEnrolmentWizard(models.TransientModel):
    """Not selected, dropped out, or requirements overridden: with a reason."""

    _name = "omiopi.training.enrolment.wizard"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Enrolment decision"

    enrolment_id = fields.Many2one(
        "omiopi.training.enrolment", required=True, ondelete="cascade"
    )
    action = fields.Selection(
        [
            ("not_selected", "Not selected"),
            ("dropped", "Dropped out"),
            ("override", "Override the entry requirements"),
        ],
        required=True,
    )
    reason_id = fields.Many2one(
        "omiopi.training.reason",
        domain="[('applies_to', 'in', (action, 'both'))]",
    )
    note = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        if self.action == "override":
            self.enrolment_id._override(self.note)
        else:
            self.enrolment_id._refuse(self.action, self.reason_id, self.note)
        return {"type": "ir.actions.act_window_close"}
