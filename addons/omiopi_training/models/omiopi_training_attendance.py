from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiTrainingAttendance(models.Model):
    _name = "omiopi.training.attendance"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Session attendance"
    _order = "session_id, id"

    session_id = fields.Many2one(
        "omiopi.training.session", required=True, ondelete="cascade", index=True
    )
    enrolment_id = fields.Many2one(
        "omiopi.training.enrolment", required=True, ondelete="cascade", index=True
    )
    edition_id = fields.Many2one(
        related="session_id.edition_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        related="enrolment_id.partner_id", store=True, string="Person"
    )
    date = fields.Datetime(related="session_id.date_start", store=True)
    present = fields.Boolean()
    course_type = fields.Selection(
        related="edition_id.course_type", store=True, string="Course type"
    )
    gender = fields.Selection(related="partner_id.gender", store=True)

    _sql_constraints = [
        (
            "enrolment_session_unique",
            "unique(session_id, enrolment_id)",
            "Attendance is recorded once per person and session.",
        ),
    ]

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "present",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "session_id",
            "enrolment_id",
        }

    @api.constrains("session_id", "enrolment_id")
    def _check_same_edition(self):
        for line in self:
            if line.session_id.edition_id != line.enrolment_id.edition_id:
                raise ValidationError(
                    self.env._("The person is not enrolled in this session's edition.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered("present").enrolment_id._start_attending()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if vals.get("present"):
            self.enrolment_id._start_attending()
        return res
