from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

AGREEMENT_STATES = [
    ("open", "Open"),
    ("done", "Fulfilled"),
    ("cancelled", "Dropped"),
]
# Changes of an agreement that its owner's activity follows.
ACTIVITY_FIELDS = {"name", "user_id", "date_deadline"}


class OmiopiCoordinationAgreement(models.Model):
    """An agreement a coordination meeting makes: what is to be done, by
    whom (its owner) and by when. Its owner gets it as a to-do activity;
    marking that activity done fulfils the agreement, and fulfilling the
    agreement closes the activity. The next meetings of the table show the
    agreements still open (seed 002: "seguimiento" between meetings)."""

    _name = "omiopi.coordination.agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "omiopi.workflow.mixin"]
    _description = "Coordination agreement"
    _order = "date_deadline, id"

    meeting_id = fields.Many2one(
        "omiopi.coordination.meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    table_id = fields.Many2one(
        "omiopi.coordination.table",
        string="Table",
        related="meeting_id.table_id",
        store=True,
        index=True,
    )
    level = fields.Selection(related="meeting_id.table_id.level", store=True)
    meeting_start = fields.Datetime(
        string="Meeting date", related="meeting_id.start", store=True
    )
    office_ids = fields.Many2many(
        "omiopi.office", string="Offices", related="meeting_id.table_id.office_ids"
    )
    name = fields.Char(string="Agreement", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date_deadline = fields.Date(
        string="Due date",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(weeks=2),
    )
    state = fields.Selection(
        AGREEMENT_STATES,
        string="Status",
        required=True,
        default="open",
        readonly=True,
        tracking=True,
        index=True,
    )
    date_done = fields.Date(string="Fulfilled on", readonly=True, copy=False)
    activity_id = fields.Many2one(
        "mail.activity",
        string="Owner's activity",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {"name", "user_id", "date_deadline"}

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"meeting_id"}

    @api.constrains("user_id", "meeting_id")
    def _check_user_id(self):
        """The owner takes part in the table: the activity they receive
        opens a record they may read."""
        for agreement in self:
            table = agreement.table_id.with_user(agreement.user_id)
            if not table._filtered_access("read"):
                raise ValidationError(
                    self.env._(
                        "The owner of an agreement takes part in the table: "
                        "%(user)s is neither a member nor of one of its offices.",
                        user=agreement.user_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD and the owner's activity
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        agreements = super().create(vals_list)
        agreements._schedule_activity()
        return agreements

    def write(self, vals):
        result = super().write(vals)
        if ACTIVITY_FIELDS & set(vals):
            self._sync_activity()
        return result

    def _activity_values(self):
        self.ensure_one()
        return {
            "summary": self.name,
            "date_deadline": self.date_deadline,
            "user_id": self.user_id.id,
        }

    def _schedule_activity(self):
        for agreement in self.filtered(lambda a: a.state == "open"):
            values = agreement._activity_values()
            activity = agreement.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=values.pop("date_deadline"),
                summary=values.pop("summary"),
                **values,
            )
            agreement._omiopi_procedure("activity_id").write(
                {"activity_id": activity.id}
            )

    def _sync_activity(self):
        for agreement in self.filtered(lambda a: a.state == "open"):
            if agreement.activity_id:
                agreement.activity_id.write(agreement._activity_values())
            else:
                agreement._schedule_activity()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _lock(self):
        """The meeting's lock serialises the changes of its agreements."""
        self.meeting_id._omiopi_lock()
        self.invalidate_recordset(["state", "activity_id"])

    def _fulfil(self):
        """Mark fulfilled (the owner's activity is done or being done)."""
        self._omiopi_move("done", ("open",), date_done=fields.Date.context_today(self))

    def action_done(self):
        """Fulfilled: its activity is marked done too."""
        self._lock()
        activities = self.activity_id
        self._fulfil()
        activities.action_feedback(feedback=self.env._("Agreement fulfilled."))
        return True

    def action_cancel(self):
        self._lock()
        activities = self.activity_id
        self._omiopi_move("cancelled", ("open",))
        activities.unlink()
        return True

    def action_reopen(self):
        self._lock()
        self._omiopi_move("open", ("done", "cancelled"), date_done=False)
        self._schedule_activity()
        return True

    def message_post_with_source(self, source_ref, render_values=None, **kwargs):
        """The owner marked the agreement's activity done (from the activity
        menu or the chatter): Odoo posts the activity's "done" message on
        the agreement, and the agreement is fulfilled. Odoo posts it as
        superuser (an assignee may lack access): the agreement is changed
        with the rights of the user who marked it done."""
        result = super().message_post_with_source(
            source_ref, render_values=render_values, **kwargs
        )
        activity = (render_values or {}).get("activity")
        if source_ref == "mail.message_activity_done" and activity:
            done = self.filtered(
                lambda a: a.state == "open" and a.activity_id == activity
            )
            if done:
                done = done.with_env(self.env(su=False))
                done._lock()
                done._fulfil()
        return result
