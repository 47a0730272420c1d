from odoo import fields, models
from odoo.exceptions import UserError


class OmiopiAnonymiseWizard(models.TransientModel):
    """Confirmation of an erasure request (GDPR article 17): the person's
    identifying data are erased for good, the statistics kept."""

    _name = "omiopi.anonymise.wizard"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Anonymise a person's data"

    partner_ids = fields.Many2many(
        "res.partner", string="Persons", required=True, readonly=True
    )
    reason = fields.Char(
        required=True, default=lambda self: self.env._("erasure request")
    )
    confirm = fields.Boolean(
        string="I understand that this cannot be undone",
    )

    def action_anonymise(self):
        self.ensure_one()
        if not self.confirm:
            raise UserError(
                self.env._(
                    "Tick the confirmation: the person's data will be erased "
                    "and cannot be recovered."
                )
            )
        self.partner_ids._omiopi_anonymise(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
