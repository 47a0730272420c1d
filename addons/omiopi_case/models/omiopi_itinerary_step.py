from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiItineraryStep(models.Model):
    """A step of the individual itinerary agreed with the person
    (itinerario individualizado de inserción)."""

    _name = "omiopi.itinerary.step"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Itinerary step"
    _order = "case_id, sequence, date_deadline, id"

    case_id = fields.Many2one(
        "omiopi.case", string="Case file", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        related="case_id.partner_id", store=True, string="Person"
    )
    office_id = fields.Many2one(
        related="case_id.office_id", store=True, string="Office"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Action", required=True)
    area_id = fields.Many2one("omiopi.area", required=True)
    user_id = fields.Many2one(
        "res.users", string="Technician", default=lambda self: self.env.user
    )
    date_deadline = fields.Date(string="Due date")
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="planned",
        index=True,
    )
    date_done = fields.Date(string="Done on")
    note = fields.Text()

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "sequence",
            "name",
            "area_id",
            "user_id",
            "date_deadline",
            "state",
            "date_done",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"case_id"}

    @api.onchange("state")
    def _onchange_state(self):
        if self.state == "done" and not self.date_done:
            self.date_done = fields.Date.context_today(self)

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("state") == "done" and not vals.get("date_done"):
                vals["date_done"] = today
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("state") == "done" and "date_done" not in vals:
            vals = dict(vals, date_done=fields.Date.context_today(self))
        elif vals.get("state") in ("planned", "in_progress", "cancelled"):
            vals = dict(vals, date_done=False)
        return super().write(vals)

    @api.constrains("state", "date_done")
    def _check_done(self):
        for step in self:
            if step.state == "done" and not step.date_done:
                raise ValidationError(
                    self.env._("A step that is done needs the date it was done.")
                )

    def action_done(self):
        self.write({"state": "done"})
