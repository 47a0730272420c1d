from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .omiopi_training_edition import SEATED

STATES = [
    ("applied", "Applied"),
    ("selected", "Selected"),
    ("waiting", "Waiting list"),
    ("not_selected", "Not selected"),
    ("attending", "Attending"),
    ("completed", "Completed"),
    ("dropped", "Dropped out"),
]
# Where an enrolment may go from each state; write() checks it too, since it
# is callable over RPC.
TRANSITIONS = {
    "applied": {"selected", "waiting", "not_selected"},
    "waiting": {"selected", "not_selected", "dropped"},
    "selected": {"attending", "dropped", "completed"},
    "attending": {"completed", "dropped"},
    "not_selected": {"applied"},
    "dropped": set(),
    "completed": set(),
}


class OmiopiTrainingEnrolment(models.Model):
    """A person's application to an edition, from the selection to the
    certificate."""

    _name = "omiopi.training.enrolment"
    _description = "Training enrolment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "omiopi.person.figures.mixin",
        "omiopi.workflow.mixin",
    ]
    _omiopi_transitions = TRANSITIONS
    _order = "edition_id, state, waiting_position, id"
    _figures_date_field = "date_applied"
    _rec_name = "partner_id"

    edition_id = fields.Many2one(
        "omiopi.training.edition",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("state", "in", ("open", "in_progress"))],
    )
    course_id = fields.Many2one(related="edition_id.course_id", store=True, index=True)
    course_type = fields.Selection(
        related="edition_id.course_type", store=True, string="Course type"
    )
    office_id = fields.Many2one(
        related="edition_id.office_id", store=True, string="Organising office"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        domain=[("omiopi_is_person", "=", True)],
    )
    case_id = fields.Many2one(
        "omiopi.case",
        string="Case file",
        domain="[('partner_id', '=', partner_id)]",
        index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Enrolled by", default=lambda self: self.env.user
    )
    state = fields.Selection(
        STATES,
        required=True,
        readonly=True,
        default="applied",
        tracking=True,
        index=True,
    )
    date_applied = fields.Date(
        string="Applied on", default=fields.Date.context_today, required=True
    )
    waiting_position = fields.Integer(
        string="Position on the waiting list", readonly=True, copy=False
    )
    reason_id = fields.Many2one("omiopi.training.reason", tracking=True)
    reason_note = fields.Text(string="Reason details")

    requirements_html = fields.Html(
        string="Entry requirements", compute="_compute_requirements", sanitize=False
    )
    requirements_met = fields.Boolean(
        string="Meets the requirements", compute="_compute_requirements"
    )
    requirement_override = fields.Boolean(
        string="Requirements overridden", readonly=True, tracking=True, copy=False
    )
    override_reason = fields.Text(string="Why overridden", readonly=True, copy=False)
    override_user_id = fields.Many2one(
        "res.users", string="Overridden by", readonly=True, copy=False
    )

    attendance_ids = fields.One2many(
        "omiopi.training.attendance", "enrolment_id", readonly=True
    )
    attendance_rate = fields.Float(
        string="Attendance (%)",
        compute="_compute_attendance_rate",
        store=True,
        aggregator="avg",
    )
    certificate_id = fields.Many2one(
        "omiopi.training.certificate", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "person_edition_unique",
            "unique(edition_id, partner_id)",
            "The person already applied to this edition.",
        ),
    ]

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "case_id",
            "date_applied",
            "reason_id",
            "reason_note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "edition_id",
            "partner_id",
            "user_id",
            "state",
        }

    @api.depends("attendance_ids.present", "edition_id.session_ids")
    def _compute_attendance_rate(self):
        # Counted in the database, not from caches a user's rights filled.
        sessions = dict(
            self.env["omiopi.training.session"]._read_group(
                [("edition_id", "in", self.edition_id._origin.ids)],
                ["edition_id"],
                ["__count"],
            )
        )
        present = dict(
            self.env["omiopi.training.attendance"]._read_group(
                [("enrolment_id", "in", self._origin.ids), ("present", "=", True)],
                ["enrolment_id"],
                ["__count"],
            )
        )
        for enrolment in self:
            total = sessions.get(enrolment.edition_id._origin, 0)
            attended = present.get(enrolment._origin, 0)
            enrolment.attendance_rate = 100.0 * attended / total if total else 0.0

    @api.depends(
        "partner_id",
        "edition_id",
        "partner_id.omiopi_education_level_id",
        "partner_id.omiopi_language_ids.level",
        "partner_id.birthdate_date",
    )
    def _compute_requirements(self):
        symbols = {
            True: Markup('<span class="text-success">&#10004;</span>'),
            False: Markup('<span class="text-danger">&#10008;</span>'),
            None: Markup('<span class="text-muted">?</span>'),
        }
        for enrolment in self:
            checks = []
            if enrolment.partner_id and enrolment.course_id:
                checks = enrolment.course_id._requirements(enrolment.partner_id)
            enrolment.requirements_met = all(met for _label, met in checks)
            enrolment.requirements_html = (
                Markup("<ul class='list-unstyled mb-0'>%s</ul>")
                % Markup("").join(
                    Markup("<li>%s %s</li>") % (symbols[met], label)
                    for label, met in checks
                )
                if checks
                else False
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self._omiopi_check_create(vals_list)  # before the checks below
        for vals in vals_list:
            if vals.get("state", "applied") not in ("applied", "waiting"):
                raise UserError(
                    self.env._(
                        "An enrolment starts as an application or on the waiting list."
                    )
                )
        enrolments = super().create(vals_list)
        enrolments.filtered(lambda e: e.state == "waiting")._queue()
        return enrolments

    @api.constrains("partner_id", "case_id")
    def _check_case_person(self):
        # sudo: compares two ids; the case file is shown nowhere
        for enrolment in self.sudo().filtered("case_id"):
            if enrolment.case_id.partner_id != enrolment.partner_id:
                raise ValidationError(
                    self.env._(
                        "The case file of an application is that of the person "
                        "who applies."
                    )
                )

    def write(self, vals):
        self._omiopi_check_write(vals)  # before the checks below
        if "state" in vals:
            seating = {e.edition_id for e in self if e.state in SEATED} | {
                e.edition_id for e in self if vals["state"] in SEATED
            }
            if vals["state"] in SEATED:
                self.filtered(lambda e: e.state not in SEATED)._check_can_seat()
        res = super().write(vals)
        if "state" in vals:
            # the learners seated are invited to the coming sessions
            now = fields.Datetime.now()
            for edition in seating:
                edition.session_ids.filtered(
                    lambda s: s.date_start >= now
                )._sync_calendar()
        return res

    # ------------------------------------------------------------------
    # Selection
    # ------------------------------------------------------------------

    def _check_can_seat(self):
        """A seat needs a free place in the edition and the entry requirements
        met or overridden with a reason. Checked in write(): it is callable
        over RPC. The edition is locked first, so that two technicians giving
        the last seat at the same moment do not both succeed."""
        if not self:
            return
        self.edition_id._lock()
        for edition in self.edition_id:
            newcomers = self.filtered(lambda e, ed=edition: e.edition_id == ed)
            if edition.seats_available < len(newcomers):
                raise UserError(
                    self.env._(
                        "%(edition)s is full: put the person on the waiting list.",
                        edition=edition.name,
                    )
                )
        for enrolment in self:
            if not enrolment.requirements_met and not enrolment.requirement_override:
                raise UserError(
                    self.env._(
                        "%(person)s does not meet the entry requirements of "
                        "%(course)s: override them with a reason to select the "
                        "person anyway.",
                        person=enrolment.partner_id.name,
                        course=enrolment.course_id.name,
                    )
                )

    def _queue(self):
        for enrolment in self:
            last = max(
                enrolment.edition_id.enrolment_ids.filtered(
                    lambda e: e.state == "waiting"
                ).mapped("waiting_position")
                or [0]
            )
            # sudo: the waiting position is protected from users; set after the capacity
            # check under the edition's lock
            enrolment.sudo().waiting_position = last + 1

    def action_select(self):
        """Give the person a seat (write() checks seats and requirements)."""
        for enrolment in self:
            if enrolment.state not in ("applied", "waiting"):
                raise UserError(
                    self.env._(
                        "Only an application or the waiting list can be selected."
                    )
                )
        self._omiopi_move("selected")

    def action_waitlist(self):
        for enrolment in self:
            if enrolment.state != "applied":
                raise UserError(
                    self.env._("Only an application goes to the waiting list.")
                )
        self._omiopi_move("waiting")
        self._queue()

    def _start_attending(self):
        self.filtered(lambda e: e.state == "selected")._omiopi_move("attending")

    def _refuse(self, state, reason, note):
        """Not selected or dropped out, with a reason; a freed seat goes to
        the waiting list."""
        if not reason:
            raise ValidationError(self.env._("Choose a reason."))
        editions = self.filtered(lambda e: e.state in SEATED).edition_id
        if editions:
            editions._lock()
        self._omiopi_move(state, reason_id=reason.id, reason_note=note)
        # sudo: the freed seat goes to the first of the waiting list, whoever
        # their office: it follows from the refusal checked above
        editions.sudo()._promote_waiting_list()

    def _override(self, note):
        if not (note or "").strip():
            raise ValidationError(
                self.env._("Say why the entry requirements are overridden.")
            )
        for enrolment in self:
            enrolment.check_access("write")
            # sudo: override fields are protected; write access checked just above
            enrolment.sudo().write(
                {
                    "requirement_override": True,
                    "override_reason": note,
                    "override_user_id": self.env.user.id,
                }
            )
            enrolment.message_post(
                body=self.env._(
                    "Entry requirements overridden by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=note,
                )
            )

    def action_open_reason(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Enrolment"),
            "res_model": "omiopi.training.enrolment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_enrolment_id": self.id,
                "default_action": self.env.context.get("omiopi_action", "dropped"),
            },
        }

    # ------------------------------------------------------------------
    # Completion
    # ------------------------------------------------------------------

    def action_complete(self):
        today = fields.Date.context_today(self)
        for enrolment in self:
            if enrolment.state not in ("selected", "attending"):
                raise UserError(
                    self.env._(
                        "Only a person who is attending can complete the edition."
                    )
                )
            if enrolment.edition_id.date_end > today:
                raise UserError(
                    self.env._(
                        "%(edition)s ends on %(date)s: the certificate is issued "
                        "once the edition is over.",
                        edition=enrolment.edition_id.name,
                        date=enrolment.edition_id.date_end,
                    )
                )
            minimum = enrolment.edition_id.min_attendance
            if enrolment.attendance_rate + 1e-6 < minimum:
                raise UserError(
                    self.env._(
                        "%(person)s attended %(rate).0f%% of the sessions; completing "
                        "%(edition)s needs %(minimum).0f%%.",
                        person=enrolment.partner_id.name,
                        rate=enrolment.attendance_rate,
                        edition=enrolment.edition_id.name,
                        minimum=minimum,
                    )
                )
            enrolment._omiopi_move("completed")
            enrolment._issue_certificate()
            enrolment._record_on_person()

    def _hours_attended(self):
        """The hours a certificate states: those of the sessions attended;
        the edition's hours when it records no session."""
        self.ensure_one()
        if not self.edition_id.session_ids:
            return self.edition_id.hours
        # sudo: the attendance of the enrolment being completed, counted
        attended = self.sudo().attendance_ids.filtered("present")
        return sum(attended.session_id.mapped("duration"))

    def _issue_certificate(self):
        self.ensure_one()
        edition = self.edition_id
        certificate = (
            self.env["omiopi.training.certificate"]
            # sudo: certificates are issued by completion only (users have no create
            # right); the enrolment was checked writable
            .sudo()
            .create(
                {
                    "enrolment_id": self.id,
                    "holder_document": self.partner_id.sudo().omiopi_document_number,
                    "hours": self._hours_attended(),
                    "date_start": edition.date_start,
                    "date_end": edition.date_end,
                }
            )
        )
        # sudo: protected link, set by completion
        self.sudo().certificate_id = certificate
        certificate._store_pdf()
        return certificate

    def _record_on_person(self):
        """What the completed training changes on the person's record: the
        training line, the Spanish level, the card obtained and the
        employability checklist of their open case files. Done as superuser:
        the organising office may not be one of the person's offices, and
        these changes follow from its own record of the course."""
        self.ensure_one()
        course = self.course_id
        # sudo: the organising office records the person's new training (docstring);
        # nothing is returned to the user
        person = self.partner_id.sudo()
        # sudo: same as above: the completed course is added to the person's record
        self.env["omiopi.person.training"].sudo().create(
            {
                "partner_id": person.id,
                "name": course.name,
                "provider": course.provider_id.name or self.office_id.name,
                "hours": self.edition_id.hours,
                "date_end": self.edition_id.date_end,
                "has_diploma": True,
                "is_professional_certificate": course.course_type
                == "professional_certificate",
                "certificate_level": course.certificate_level,
            }
        )
        if course.language_level:
            self._raise_spanish_level(person, course.language_level)
        if course.permit_id:
            person.omiopi_permit_ids = [(4, course.permit_id.id)]
        if course.checklist_item_id:
            lines = (
                self.env["omiopi.case.checklist.line"]
                # sudo: checklist lines of the person's case, updated by the completion;
                # not returned
                .sudo()
                .search(
                    [
                        ("case_id.partner_id", "=", person.id),
                        ("case_id.state", "!=", "closed"),
                        ("item_id", "=", course.checklist_item_id.id),
                    ]
                )
            )
            lines.write({"status": "yes"})

    def _raise_spanish_level(self, person, level):
        Course = self.env["omiopi.training.course"]
        current = person.omiopi_language_ids.filtered("language_id.is_spanish")[:1]
        if current and Course._spanish_rank(current.level) >= Course._spanish_rank(
            level
        ):
            return
        if current:
            current.level = level
            return
        spanish = self.env["omiopi.language"].search(
            [("is_spanish", "=", True)], limit=1
        )
        if spanish:
            # sudo: the Spanish level reached is added to the person's record; not
            # returned
            self.env["omiopi.person.language"].sudo().create(
                {"partner_id": person.id, "language_id": spanish.id, "level": level}
            )
