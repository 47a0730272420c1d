from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiFieldSession(models.Model):
    """A planned date at a field service point, with the team that goes
    there: it is in their calendars; the people registered there and the
    attentions given there are counted with the point."""

    _name = "omiopi.field.session"
    _inherit = ["mail.thread", "mail.activity.mixin", "omiopi.workflow.mixin"]
    _description = "Field session"
    _order = "start desc, id desc"

    point_id = fields.Many2one(
        "omiopi.field.point",
        string="Field point",
        required=True,
        index=True,
        ondelete="restrict",
    )
    office_id = fields.Many2one(
        related="point_id.office_id", store=True, index=True, string="Office"
    )
    district_id = fields.Many2one(related="point_id.district_id", string="District")
    start = fields.Datetime(required=True, tracking=True)
    stop = fields.Datetime(
        required=True,
        compute="_compute_stop",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        "omiopi_field_session_user_rel",
        "session_id",
        "user_id",
        string="Team",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    service_ids = fields.Many2many(
        "res.partner",
        "omiopi_field_session_service_rel",
        "session_id",
        "partner_id",
        string="Municipal services that come along",
        compute="_compute_service_ids",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("is_company", "=", True), ("omiopi_is_person", "=", False)],
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        readonly=True,
        tracking=True,
    )
    anonymous_attentions = fields.Integer(
        string="People informed without registering",
        help="People who asked at the point and left no data: counted, not named.",
    )
    note = fields.Text(string="Notes of the session")
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar event", readonly=True, copy=False
    )
    registration_ids = fields.One2many(
        "omiopi.field.registration",
        "session_id",
        string="Registrations",
        readonly=True,
    )
    registration_count = fields.Integer(
        compute="_compute_counts", string="People registered"
    )
    attention_count = fields.Integer(compute="_compute_counts", string="Attentions")

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "start",
            "stop",
            "user_ids",
            "service_ids",
            "anonymous_attentions",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"point_id"}

    @api.depends("start")
    def _compute_stop(self):
        for session in self:
            if session.start and not session.stop:
                session.stop = session.start + timedelta(hours=3)

    @api.depends("point_id")
    def _compute_service_ids(self):
        for session in self:
            if not session.service_ids:
                session.service_ids = session.point_id.service_ids

    @api.depends("point_id.name", "start")
    def _compute_display_name(self):
        for session in self:
            when = (
                fields.Datetime.context_timestamp(session, session.start).strftime(
                    "%d/%m/%Y"
                )
                if session.start
                else ""
            )
            session.display_name = " · ".join(
                part for part in (session.point_id.name, when) if part
            )

    def _compute_counts(self):
        registrations = dict(
            self.env["omiopi.field.registration"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        attentions = dict(
            self.env["omiopi.attention"]._read_group(
                [("field_session_id", "in", self.ids)],
                ["field_session_id"],
                ["__count"],
            )
        )
        for session in self:
            session.registration_count = registrations.get(session, 0)
            session.attention_count = attentions.get(session, 0)

    @api.constrains("start", "stop", "anonymous_attentions")
    def _check_times(self):
        for session in self:
            if session.stop < session.start:
                raise ValidationError(
                    self.env._("A session cannot end before it starts.")
                )
            if session.anonymous_attentions < 0:
                raise ValidationError(
                    self.env._("The people informed cannot be negative.")
                )

    # ------------------------------------------------------------
    # The team's calendar
    # ------------------------------------------------------------

    def _event_values(self):
        self.ensure_one()
        return {
            # The point's own name: the same in every language of the team.
            "name": self.point_id.name,
            "start": self.start,
            "stop": self.stop,
            "partner_ids": [(6, 0, self.user_ids.partner_id.ids)],
            "location": ", ".join(
                part
                for part in (self.point_id.street, self.point_id.district_id.name)
                if part
            ),
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        for session in sessions:
            event = self.env["calendar.event"].create(session._event_values())
            session._omiopi_procedure("calendar_event_id").write(
                {"calendar_event_id": event.id}
            )
        return sessions

    def write(self, vals):
        result = super().write(vals)
        if {"start", "stop", "user_ids"} & set(vals):
            for session in self.filtered("calendar_event_id"):
                session.calendar_event_id.write(session._event_values())
        return result

    # ------------------------------------------------------------
    # Stages
    # ------------------------------------------------------------

    def action_held(self):
        self._omiopi_move("held", ("planned",))

    def action_cancel(self):
        self._omiopi_move("cancelled", ("planned",))
        self.calendar_event_id.action_archive()

    def action_reset(self):
        self._omiopi_move("planned", ("held", "cancelled"))
        self.calendar_event_id.filtered(lambda e: not e.active).action_unarchive()

    def action_quick_registration(self):
        """The registration form made for a phone screen."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quick registration"),
            "res_model": "omiopi.field.registration",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "omiopi_case.omiopi_field_registration_view_form_quick"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {"default_session_id": self.id},
        }
