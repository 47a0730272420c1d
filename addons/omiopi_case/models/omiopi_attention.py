from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHANNELS = [
    ("in_person", "In person"),
    ("phone", "Phone"),
    ("online", "Online"),
    ("field_point", "Field point"),
]


class OmiopiAttention(models.Model):
    """One attention given to the person: the log the offices count."""

    _name = "omiopi.attention"
    _inherit = ["omiopi.guard.mixin", "omiopi.export.mixin"]
    _description = "Attention"
    _order = "date desc, id desc"
    _rec_name = "summary"

    case_id = fields.Many2one(
        "omiopi.case",
        string="Case file",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("state", "!=", "closed")],
    )
    partner_id = fields.Many2one(
        related="case_id.partner_id", store=True, string="Person", index=True
    )
    office_id = fields.Many2one(
        related="case_id.office_id", store=True, string="Office", index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    area_id = fields.Many2one("omiopi.area", required=True)
    channel = fields.Selection(CHANNELS, required=True, default="in_person")
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    field_session_id = fields.Many2one(
        "omiopi.field.session",
        string="Field session",
        index=True,
        domain="[('office_id', '=', office_id), ('state', '!=', 'cancelled')]",
        help="The session at a field point where the attention was given.",
    )
    field_point_id = fields.Many2one(
        related="field_session_id.point_id", store=True, string="Field point"
    )
    duration = fields.Float(string="Duration (hours)", default=0.5)
    summary = fields.Char(required=True)
    note = fields.Text(string="Details")
    gender = fields.Selection(related="case_id.gender", store=True)
    nationality_id = fields.Many2one(
        related="case_id.nationality_id", store=True, string="Nationality"
    )
    age_band = fields.Selection(related="case_id.age_band", store=True)

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "date",
            "area_id",
            "channel",
            "field_session_id",
            "user_id",
            "duration",
            "summary",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"case_id"}

    @api.constrains("duration")
    def _check_duration(self):
        for attention in self:
            if not 0 <= attention.duration <= 24:
                raise ValidationError(
                    self.env._("An attention lasts between 0 and 24 hours.")
                )

    @api.onchange("field_session_id")
    def _onchange_field_session_id(self):
        if self.field_session_id:
            self.channel = "field_point"

    @api.constrains("field_session_id", "case_id")
    def _check_field_session_office(self):
        for attention in self:
            session = attention.field_session_id
            if session and session.office_id != attention.office_id:
                raise ValidationError(
                    self.env._(
                        "The field session belongs to another office than the "
                        "case file."
                    )
                )

    @api.constrains("case_id")
    def _check_case_open(self):
        for attention in self:
            if attention.case_id.state == "closed":
                raise ValidationError(
                    self.env._(
                        "The case file %(number)s is closed: reopen it to log "
                        "an attention.",
                        number=attention.case_id.name,
                    )
                )
