from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .omiopi_training_edition import SEATED


class OmiopiTrainingSession(models.Model):
    """A session of an edition, with its event in the calendar and the
    attendance of the persons enrolled."""

    _name = "omiopi.training.session"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Training session"
    _order = "date_start, id"

    edition_id = fields.Many2one(
        "omiopi.training.edition", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Topic")
    date_start = fields.Datetime(string="Start", required=True)
    duration = fields.Float(string="Duration (hours)", default=2.0)
    office_id = fields.Many2one(
        related="edition_id.office_id", store=True, string="Organising office"
    )
    course_type = fields.Selection(
        related="edition_id.course_type", store=True, string="Course type"
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar event", readonly=True, copy=False
    )
    attendance_ids = fields.One2many("omiopi.training.attendance", "session_id")
    present_count = fields.Integer(string="Present", compute="_compute_present_count")

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "date_start",
            "duration",
            "attendance_ids",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "edition_id",
        }

    @api.constrains("duration")
    def _check_duration(self):
        for session in self:
            if not 0 < session.duration <= 12:
                raise ValidationError(
                    self.env._("A session lasts between 0 and 12 hours.")
                )

    def _compute_present_count(self):
        counts = dict(
            self.env["omiopi.training.attendance"]._read_group(
                [("session_id", "in", self.ids), ("present", "=", True)],
                ["session_id"],
                ["__count"],
            )
        )
        for session in self:
            session.present_count = counts.get(session, 0)

    def _calendar_attendees(self):
        """The team (responsible and trainer) and the learners seated."""
        self.ensure_one()
        edition = self.edition_id
        # sudo: the learners of the edition, invited by its organiser whoever
        # seated them; the event is private
        seated = edition.sudo().enrolment_ids.filtered(lambda e: e.state in SEATED)
        return edition.user_id.partner_id | edition.trainer_id | seated.partner_id

    def _calendar_values(self):
        self.ensure_one()
        edition = self.edition_id
        return {
            "name": f"{edition.name}: {self.name or edition.course_id.name}",
            "start": self.date_start,
            "stop": self.date_start + timedelta(hours=self.duration),
            "duration": self.duration,
            "location": edition.place,
            "user_id": edition.user_id.id,
            "partner_ids": [(6, 0, self._calendar_attendees().ids)],
            # the learners are named in it: only the team sees the details
            "privacy": "private",
            "res_model_id": self.env["ir.model"]._get_id(edition._name),
            "res_id": edition.id,
        }

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        Event = self.env["calendar.event"].with_context(no_mail_to_attendees=True)
        for session in sessions:
            event = Event.create(session._calendar_values())
            session._omiopi_procedure("calendar_event_id").calendar_event_id = event
        return sessions

    def write(self, vals):
        res = super().write(vals)
        if {"date_start", "duration", "name"} & set(vals):
            self._sync_calendar()
        return res

    def _sync_calendar(self):
        """Bring the sessions' events up to date (times, learners seated).
        The learners are not sent e-mails from here: whether the calendar
        mails its attendees is a setting (docs/deployment.md)."""
        for session in self.filtered("calendar_event_id"):
            # sudo: the organiser's event, updated whoever seated a learner
            session.calendar_event_id.sudo().with_context(
                no_mail_to_attendees=True
            ).write(session._calendar_values())

    def unlink(self):
        events = self.calendar_event_id
        res = super().unlink()
        events.unlink()
        return res

    def action_take_attendance(self):
        """One line per person seated in the edition, to tick who came."""
        self.ensure_one()
        enrolled = self.edition_id.enrolment_ids.filtered(
            lambda e: e.state in ("selected", "attending", "completed")
        )
        missing = enrolled - self.attendance_ids.enrolment_id
        self.env["omiopi.training.attendance"].create(
            [{"session_id": self.id, "enrolment_id": e.id} for e in missing]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attendance"),
            "res_model": "omiopi.training.session",
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "omiopi_training.omiopi_training_session_view_form"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
        }
