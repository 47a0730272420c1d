from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .omiopi_training_course import MODALITIES

# Enrolment states that take a seat of the edition.
SEATED = ("selected", "attending", "completed")


class OmiopiTrainingEdition(models.Model):
    """One edition of a course: dates, place, capacity, trainer, sessions in
    the calendar, and the persons who applied to it."""

    _name = "omiopi.training.edition"
    _description = "Training edition"
    _inherit = ["mail.thread", "mail.activity.mixin", "omiopi.workflow.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    course_id = fields.Many2one(
        "omiopi.training.course", required=True, index=True, tracking=True
    )
    course_type = fields.Selection(
        related="course_id.course_type", store=True, string="Course type"
    )
    area_id = fields.Many2one(
        related="course_id.area_id", store=True, string="Organising area"
    )
    office_id = fields.Many2one(
        "omiopi.office",
        string="Organising office",
        required=True,
        index=True,
        default=lambda self: self.env.user.omiopi_default_office_id,
    )
    state = fields.Selection(
        [
            ("draft", "Planned"),
            ("open", "Open for applications"),
            ("in_progress", "In progress"),
            ("done", "Finished"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        readonly=True,
        default="draft",
        tracking=True,
        index=True,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    application_deadline = fields.Date(string="Applications until")
    place = fields.Char()
    modality = fields.Selection(
        MODALITIES, compute="_compute_modality", store=True, readonly=False
    )
    capacity = fields.Integer(required=True, default=15, tracking=True)
    trainer_id = fields.Many2one(
        "res.partner", domain=[("omiopi_is_person", "=", False)]
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        help="Gets the calendar events of the sessions.",
    )
    min_attendance = fields.Float(
        string="Minimum attendance (%)",
        default=75.0,
        help="Share of the sessions a person must attend to complete the edition.",
    )
    selection_process = fields.Text(
        string="Selection process",
        help="How participants are selected: interview, level test, order of "
        "application...",
    )
    hours = fields.Float(compute="_compute_hours", store=True, readonly=False)
    session_ids = fields.One2many(
        "omiopi.training.session", "edition_id", string="Sessions"
    )
    enrolment_ids = fields.One2many(
        "omiopi.training.enrolment",
        "edition_id",
        string="Enrolments",
        readonly=True,
    )
    is_organiser = fields.Boolean(
        string="Organised by your office", compute="_compute_is_organiser"
    )
    seats_taken = fields.Integer(
        string="Seats taken", compute="_compute_seats", store=True
    )
    seats_available = fields.Integer(
        string="Seats available", compute="_compute_seats", store=True
    )
    waiting_count = fields.Integer(
        string="On the waiting list", compute="_compute_seats", store=True
    )
    applied_count = fields.Integer(
        string="Applications", compute="_compute_seats", store=True
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "course_id",
            "date_start",
            "date_end",
            "application_deadline",
            "place",
            "modality",
            "capacity",
            "trainer_id",
            "user_id",
            "min_attendance",
            "selection_process",
            "hours",
            "session_ids",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "office_id",
        }

    @api.depends_context("uid")
    @api.depends("office_id")
    def _compute_is_organiser(self):
        offices = self.env.user.omiopi_office_ids
        coordinator = self.env.user.has_group("omiopi_case.group_omiopi_coordinator")
        for edition in self:
            # a new edition is its creator's to fill in
            edition.is_organiser = (
                not edition.id or coordinator or edition.office_id in offices
            )

    @api.depends("course_id.modality")
    def _compute_modality(self):
        for edition in self:
            edition.modality = edition.course_id.modality

    @api.depends("course_id.hours")
    def _compute_hours(self):
        for edition in self:
            edition.hours = edition.course_id.hours

    @api.depends("capacity", "enrolment_ids.state")
    def _compute_seats(self):
        # Counted in the database: the cache of enrolment_ids may hold only
        # the enrolments the user who triggered the computation can read
        # (a technician of another office selecting their person), and the
        # seats are everyone's.
        counts = {
            (edition.id, state): count
            for edition, state, count in self.env[
                "omiopi.training.enrolment"
            ]._read_group(
                [("edition_id", "in", self._origin.ids)],
                ["edition_id", "state"],
                ["__count"],
            )
        }
        for edition in self:
            by_state = {
                state: count
                for (edition_id, state), count in counts.items()
                if edition_id == edition._origin.id
            }
            edition.seats_taken = sum(by_state.get(s, 0) for s in SEATED)
            edition.seats_available = max(edition.capacity - edition.seats_taken, 0)
            edition.waiting_count = by_state.get("waiting", 0)
            edition.applied_count = sum(by_state.values())

    @api.constrains("date_start", "date_end", "capacity", "min_attendance")
    def _check_values(self):
        for edition in self:
            if edition.date_end < edition.date_start:
                raise ValidationError(
                    self.env._("An edition cannot end before it starts.")
                )
            if edition.capacity < 0:
                raise ValidationError(self.env._("The capacity cannot be negative."))
            if not 0 <= edition.min_attendance <= 100:
                raise ValidationError(
                    self.env._("The minimum attendance is a percentage from 0 to 100.")
                )

    def _lock(self):
        """Lock the edition before giving a seat: two technicians giving the
        last seat at the same moment produce one selection, not two."""
        self._omiopi_lock()
        self.enrolment_ids.invalidate_recordset(["state"])

    def _promote_waiting_list(self):
        """Seats freed: the first persons of the waiting list are selected."""
        for edition in self:
            waiting = edition.enrolment_ids.filtered(
                lambda e: e.state == "waiting"
            ).sorted(lambda e: (e.waiting_position, e.id))
            for enrolment in waiting[: edition.seats_available]:
                enrolment._omiopi_move("selected")
                enrolment.message_post(
                    body=self.env._("A seat was freed: selected from the waiting list.")
                )
                technician = enrolment.case_id.user_id
                if technician:
                    enrolment.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=self.with_context(lang=technician.lang).env._(
                            "Selected from the waiting list"
                        ),
                        user_id=technician.id,
                    )

    def action_open(self):
        self._omiopi_move("open")

    def action_start(self):
        self._omiopi_move("in_progress")

    def action_finish(self):
        self._omiopi_move("done")

    def action_cancel(self):
        for edition in self:
            if edition.enrolment_ids.filtered(lambda e: e.state == "completed"):
                raise UserError(
                    self.env._(
                        "An edition with completed participants cannot be cancelled."
                    )
                )
        self._omiopi_move("cancelled")

    def action_view_enrolments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_training.omiopi_training_enrolment_action"
        )
        action["domain"] = [("edition_id", "=", self.id)]
        action["context"] = {"default_edition_id": self.id}
        return action

    def action_view_attendance(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_training.omiopi_training_attendance_action"
        )
        action["domain"] = [("edition_id", "=", self.id)]
        return action
