from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .omiopi_coordination_table import person_served_error

MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
# What the calendar event of a meeting is made from: a change of these
# brings the event up to date.
CALENDAR_FIELDS = {"name", "start", "stop", "location", "user_ids"}


def _default_start(_model):
    """The next round hour."""
    now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    return now + timedelta(hours=1)


class OmiopiCoordinationMeeting(models.Model):
    """A meeting of a coordination table: in Odoo's calendar, with its
    agenda, its minutes, the case files it discusses (on a cases table) and
    the agreements it makes. The agreements of earlier meetings not yet
    fulfilled are shown on it, to follow them through.

    A participant of another office sees the meeting, never the case files
    of an office they may not read: the case files are read with the
    user's rights (record rules filter the list), and a change of the list
    by that participant keeps the case files they do not see."""

    _name = "omiopi.coordination.meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "omiopi.workflow.mixin"]
    _description = "Coordination meeting"
    _order = "start desc, id desc"

    table_id = fields.Many2one(
        "omiopi.coordination.table",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    level = fields.Selection(related="table_id.level", store=True)
    office_ids = fields.Many2many(
        "omiopi.office", string="Offices", related="table_id.office_ids"
    )
    name = fields.Char(
        string="Subject",
        required=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    start = fields.Datetime(
        required=True, default=_default_start, index=True, tracking=True
    )
    stop = fields.Datetime(
        string="End",
        required=True,
        compute="_compute_stop",
        store=True,
        readonly=False,
        precompute=True,
    )
    location = fields.Char()
    state = fields.Selection(
        MEETING_STATES,
        string="Status",
        required=True,
        default="planned",
        readonly=True,
        tracking=True,
        index=True,
    )
    agenda = fields.Html()
    minutes = fields.Html()
    case_ids = fields.Many2many(
        "omiopi.case",
        "omiopi_coordination_meeting_case_rel",
        "meeting_id",
        "case_id",
        string="Case files discussed",
        help="Each participant sees only the case files their office may read.",
    )
    user_ids = fields.Many2many(
        "res.users",
        "omiopi_coordination_meeting_user_rel",
        "meeting_id",
        "user_id",
        string="Attendees",
        compute="_compute_attendees",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("share", "=", False)],
    )
    contact_ids = fields.Many2many(
        "res.partner",
        "omiopi_coordination_meeting_contact_rel",
        "meeting_id",
        "partner_id",
        string="External attendees",
        compute="_compute_attendees",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("is_company", "=", False), ("omiopi_is_person", "=", False)],
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar event", readonly=True, copy=False
    )
    agreement_ids = fields.One2many(
        "omiopi.coordination.agreement", "meeting_id", string="Agreements"
    )
    agreement_count = fields.Integer(compute="_compute_agreement_count")
    pending_agreement_ids = fields.Many2many(
        "omiopi.coordination.agreement",
        string="Follow-up of agreements",
        compute="_compute_pending_agreement_ids",
        help="Agreements of earlier meetings of the table not yet fulfilled.",
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "start",
            "stop",
            "location",
            "agenda",
            "minutes",
            "case_ids",
            "user_ids",
            "contact_ids",
            "agreement_ids",
        }

    def _omiopi_create_fields(self):
        # A meeting belongs to its table: moving it would show its minutes
        # to another table's offices.
        return super()._omiopi_create_fields() | {"table_id"}

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("table_id")
    def _compute_name(self):
        for meeting in self:
            if not meeting.name and meeting.table_id:
                meeting.name = meeting.table_id.name

    @api.depends("start")
    def _compute_stop(self):
        for meeting in self:
            if meeting.start and (not meeting.stop or meeting.stop <= meeting.start):
                meeting.stop = meeting.start + timedelta(hours=2)

    @api.depends("table_id")
    def _compute_attendees(self):
        """The table's members and external participants are invited."""
        for meeting in self:
            if not meeting.user_ids:
                meeting.user_ids = meeting.table_id.member_ids
            if not meeting.contact_ids:
                meeting.contact_ids = meeting.table_id.contact_ids

    @api.depends("agreement_ids")
    def _compute_agreement_count(self):
        for meeting in self:
            meeting.agreement_count = len(meeting.agreement_ids)

    @api.depends("table_id", "start")
    def _compute_pending_agreement_ids(self):
        """With the user's rights, one search for all the meetings."""
        Agreement = self.env["omiopi.coordination.agreement"]
        open_agreements = Agreement.search(
            [("table_id", "in", self.table_id.ids), ("state", "=", "open")]
        )
        for meeting in self:
            meeting.pending_agreement_ids = open_agreements.filtered(
                lambda a, m=meeting: (
                    a.table_id == m.table_id
                    and a.meeting_id.id != m._origin.id
                    and m.start
                    and a.meeting_start < m.start
                )
            )

    @api.constrains("start", "stop")
    def _check_dates(self):
        for meeting in self:
            if meeting.stop < meeting.start:
                raise ValidationError(
                    self.env._("A meeting cannot end before it starts.")
                )

    @api.constrains("contact_ids")
    def _check_contact_ids(self):
        # sudo: whether a person served is linked, whoever may read them
        if self.sudo().contact_ids.filtered("omiopi_is_person"):
            raise ValidationError(person_served_error(self.env))

    @api.constrains("case_ids", "table_id")
    def _check_case_ids(self):
        # sudo: whether any case file is linked at all, whoever reads them
        for meeting in self.sudo():
            if meeting.case_ids and meeting.level != "case":
                raise ValidationError(
                    self.env._("Only the meetings of a cases table discuss case files.")
                )

    # ------------------------------------------------------------------
    # CRUD and calendar
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        meetings._sync_calendar()
        return meetings

    def write(self, vals):
        hidden = {}
        if "case_ids" in vals and "case_ids" not in self._omiopi_procedure_fields():
            hidden = self._hidden_cases()
        result = super().write(vals)
        for meeting, cases in hidden.items():
            # what the user may not see, they may not unlink either
            meeting._omiopi_procedure("case_ids").write(
                {"case_ids": [(4, case_id) for case_id in cases.ids]}
            )
        if CALENDAR_FIELDS & set(vals):
            self._sync_calendar()
        return result

    def _hidden_cases(self):
        """{meeting: the case files it discusses that the user may not
        read}. Odoo replaces a many2many list whole, unreadable records
        included: a participant of another office saving the list would
        unlink the case files of the others."""
        if self.env.su:
            return {}
        result = {}
        for meeting in self:
            # sudo: the ids of the case files linked, to keep them; nothing
            # of them is read or returned
            linked = meeting.sudo().case_ids.with_env(self.env)
            hidden = linked - linked._filtered_access("read")
            if hidden:
                result[meeting] = hidden
        return result

    def unlink(self):
        # sudo: the events the meetings made, whoever organised them
        events = self.sudo().calendar_event_id
        result = super().unlink()
        events.unlink()
        return result

    def _calendar_values(self):
        """The event tells when and where, never what is discussed: neither
        the agenda nor the case files (nor the persons) go into it."""
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.start,
            "stop": self.stop,
            "duration": (self.stop - self.start).total_seconds() / 3600.0,
            "location": self.location or False,
            "partner_ids": [(6, 0, self.user_ids.partner_id.ids)],
            "privacy": "private" if self.level == "case" else "public",
            "description": self.env._(
                "Meeting of the coordination table %(table)s.",
                table=self.table_id.name,
            ),
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def _sync_calendar(self):
        """Create or update the meetings' events. Only the staff attending
        are the event's attendees: external participants get no e-mail
        from Odoo."""
        self.check_access("write")
        # sudo: the event belongs to the meeting, which the user may change;
        # its organiser may be another member of the table
        Event = (
            self.env["calendar.event"].sudo().with_context(no_mail_to_attendees=True)
        )
        for meeting in self:
            values = meeting._calendar_values()
            if meeting.calendar_event_id:
                Event.browse(meeting.calendar_event_id.id).write(values)
                continue
            # the organiser is who plans it (the first attendee when data
            # is loaded by the system)
            organiser = self.env.user
            if self.env.su and meeting.user_ids:
                organiser = meeting.user_ids[0]
            event = Event.create(dict(values, user_id=organiser.id))
            meeting._omiopi_procedure("calendar_event_id").write(
                {"calendar_event_id": event.id}
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_hold(self):
        """The meeting took place: its minutes and agreements are the record."""
        self._omiopi_lock()
        self._omiopi_move("held", ("planned",))
        for meeting in self:
            meeting.message_post(
                body=self.env._(
                    "Meeting held: %(count)s agreements.",
                    count=len(meeting.agreement_ids),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel(self):
        self._omiopi_lock()
        self._omiopi_move("cancelled", ("planned",))
        # sudo: the meetings' own events, whoever organised them
        self.sudo().calendar_event_id.write({"active": False})
        return True

    def action_reset(self):
        """Back to planned (a meeting held by mistake, or called again)."""
        self._omiopi_lock()
        self._omiopi_move("planned", ("held", "cancelled"))
        # sudo: the meetings' own events, whoever organised them
        events = self.sudo().with_context(active_test=False).calendar_event_id
        events.write({"active": True})
        return True

    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }
