from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CANDIDACY_STATES = [
    ("proposed", "Proposed"),
    ("sent", "Sent to the company"),
    ("interview", "Interview"),
    ("hired", "Hired"),
    ("not_selected", "Not selected"),
    ("withdrawn", "Withdrawn"),
]
CANDIDACY_TRANSITIONS = {
    "proposed": {"sent", "withdrawn"},
    "sent": {"interview", "hired", "not_selected", "withdrawn"},
    "interview": {"hired", "not_selected", "withdrawn"},
    "hired": set(),
    "not_selected": {"proposed"},
    "withdrawn": {"proposed"},
}
# Moves that speak for the company: the prospectors make them.
PROSPECTOR_STATES = {"sent", "interview", "hired", "not_selected"}
PROSPECTOR_GROUP = "omiopi_employer.group_omiopi_prospector"


class OmiopiJobCandidacy(models.Model):
    """A person proposed for a job offer, and what became of it."""

    _name = "omiopi.job.candidacy"
    _description = "Candidacy"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "omiopi.person.figures.mixin",
        "omiopi.workflow.mixin",
    ]
    _omiopi_transitions = CANDIDACY_TRANSITIONS
    _order = "date_proposed desc, id desc"
    _figures_date_field = "date_proposed"
    _rec_names_search = ["partner_id", "offer_id"]

    offer_id = fields.Many2one(
        "omiopi.job.offer",
        string="Job offer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("omiopi_is_person", "=", True)],
    )
    case_id = fields.Many2one(
        "omiopi.case",
        string="Case file",
        compute="_compute_case_id",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
        domain="[('partner_id', '=', partner_id)]",
    )
    case_user_id = fields.Many2one(
        related="case_id.user_id", store=True, string="Case technician"
    )
    case_office_id = fields.Many2one(
        related="case_id.office_id", store=True, string="Case office"
    )
    employer_id = fields.Many2one(
        related="offer_id.partner_id", store=True, string="Company"
    )
    office_id = fields.Many2one(
        related="offer_id.office_id", store=True, string="Offer office", index=True
    )
    prospector_id = fields.Many2one(
        related="offer_id.user_id", store=True, string="Prospector"
    )
    state = fields.Selection(
        CANDIDACY_STATES,
        default="proposed",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    date_proposed = fields.Date(
        string="Proposed on", default=fields.Date.context_today, required=True
    )
    date_sent = fields.Date(string="Sent on", readonly=True, copy=False)
    date_interview = fields.Datetime(string="Interview", copy=False)
    date_decision = fields.Date(string="Decided on", readonly=True, copy=False)
    reason_id = fields.Many2one(
        "omiopi.job.candidacy.reason",
        tracking=True,
        help="Why the candidacy ends without a hire: choose it, then press "
        "Not selected or Withdraw.",
    )
    note = fields.Text()
    score = fields.Integer(string="Requirements met", readonly=True)
    score_total = fields.Integer(string="Requirements", readonly=True)
    insertion_id = fields.Many2one(
        "omiopi.job.insertion", string="Job insertion", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "offer_person_unique",
            "unique(offer_id, partner_id)",
            "This person is already a candidate to this offer.",
        ),
    ]

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "case_id",
            "date_interview",
            "reason_id",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "offer_id",
            "partner_id",
            "date_proposed",
        }

    @api.depends("partner_id")
    def _compute_case_id(self):
        for candidacy in self:
            cases = candidacy.partner_id.omiopi_case_ids.filtered(
                lambda c: c.state != "closed"
            )
            candidacy.case_id = cases[:1]

    @api.depends("partner_id", "offer_id")
    def _compute_display_name(self):
        for candidacy in self:
            candidacy.display_name = (
                f"{candidacy.partner_id.name or ''} - {candidacy.offer_id.name or ''}"
            )

    @api.constrains("partner_id", "case_id")
    def _check_person(self):
        """A candidate is a person matching could propose: a person served,
        with an open case file, legally able to work. The message does not
        say which condition fails: it would tell a prospector the person's
        legal situation."""
        for candidacy in self:
            # sudo: whether the person may be proposed for a job: a yes or no,
            # never shown with its reason
            person = candidacy.partner_id.sudo()
            if not (
                person.omiopi_is_person
                and person.omiopi_has_open_case
                and person.omiopi_can_work
            ):
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be proposed for a job offer: ask the "
                        "technician of their case file.",
                        person=candidacy.partner_id.name,
                    )
                )
            # sudo: compares two ids; the case file is shown nowhere
            case_person = candidacy.sudo().case_id.partner_id
            if case_person and case_person != person:
                raise ValidationError(
                    self.env._("The case file of a candidacy is that of the candidate.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._omiopi_check_create(vals_list)  # before the checks below
        for vals in vals_list:
            if vals.get("state", "proposed") != "proposed":
                raise UserError(
                    self.env._("A candidacy starts as proposed; then move it.")
                )
        candidacies = super().create(vals_list)
        for candidacy in candidacies:
            if candidacy.offer_id.state != "open":
                raise UserError(
                    self.env._(
                        "The offer %(position)s is not open: no candidates can be "
                        "proposed.",
                        position=candidacy.offer_id.name,
                    )
                )
        # A candidacy proposed by hand (not from the matching, which counts
        # them) says how many of the offer's requirements the person meets.
        for candidacy in candidacies.filtered(lambda c: not c.score_total):
            met, total = candidacy.offer_id._score_person(candidacy.partner_id)
            if total:
                candidacy._omiopi_procedure("score", "score_total").write(
                    {"score": met, "score_total": total}
                )
        return candidacies

    def write(self, vals):
        self._omiopi_check_write(vals)  # before the checks below (the move too)
        if {"offer_id", "partner_id"} & set(vals) and any(
            c.state != "proposed" for c in self
        ):
            raise UserError(
                self.env._(
                    "The person and the offer of a candidacy sent to the company "
                    "cannot change."
                )
            )
        return super().write(vals)

    def _omiopi_check_transition(self, new_state, allowed_from=None):
        labels = self._omiopi_state_labels()
        if (
            new_state in PROSPECTOR_STATES
            and not self.env.su
            and not self.env.user.has_group(PROSPECTOR_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only prospectors record what the company does with a "
                    "candidacy (%(state)s).",
                    state=labels.get(new_state, new_state),
                )
            )
        return super()._omiopi_check_transition(new_state, allowed_from)

    def action_open_candidate(self):
        """The candidate's profile: studies, languages, experience, training
        and availability (the employment side of the person)."""
        self.ensure_one()
        view = self.env.ref("omiopi_employer.res_partner_view_form_candidate")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Candidate profile"),
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "views": [(view.id, "form")],
            "target": "current",
        }

    def _check_reason(self, outcome):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for candidacy in self:
            if not candidacy.reason_id or candidacy.reason_id.outcome != outcome:
                raise UserError(
                    self.env._(
                        "Choose a reason of the kind '%(outcome)s' for the "
                        "candidacy %(name)s first.",
                        outcome=labels[outcome],
                        name=candidacy.display_name,
                    )
                )

    def action_send(self):
        self._omiopi_move("sent", date_sent=fields.Date.context_today(self))

    def action_interview(self):
        self._omiopi_move("interview")

    def action_not_selected(self):
        self._check_reason("not_selected")
        self._omiopi_move("not_selected", date_decision=fields.Date.context_today(self))

    def action_withdraw(self):
        self._check_reason("withdrawn")
        self._omiopi_move("withdrawn", date_decision=fields.Date.context_today(self))

    def action_reset(self):
        self._omiopi_move("proposed", reason_id=False, date_decision=False)

    def action_hire(self):
        """The company hires the person: the candidacy is hired, a job
        insertion is recorded with the offer's conditions, and an offer whose
        vacancies are all covered is filled."""
        today = fields.Date.context_today(self)
        self._omiopi_move("hired", date_decision=today)
        Insertion = self.env["omiopi.job.insertion"]
        for candidacy in self:
            offer = candidacy.offer_id
            if not candidacy.case_id:
                raise UserError(
                    self.env._(
                        "%(person)s has no open case file: a job insertion is "
                        "recorded on a case file.",
                        person=candidacy.partner_id.name,
                    )
                )
            # The hire links the person's case file, which a prospector may
            # not read: a link the procedure makes, not the user.
            insertion = Insertion._omiopi_procedure("candidacy_id", "case_id").create(
                {
                    "candidacy_id": candidacy.id,
                    "partner_id": candidacy.partner_id.id,
                    "case_id": candidacy.case_id.id,
                    "employer_id": offer.partner_id.id,
                    "position": offer.name,
                    "contract_type": offer.contract_type,
                    "duration_months": offer.duration_months,
                    "working_day": offer.working_day,
                    "date_start": max(offer.date_start or today, today),
                    "social_security": True,
                }
            )
            # sudo: protected link to the insertion just created by the hire
            candidacy.sudo().insertion_id = insertion
        self.offer_id._update_filled()
        if len(self) == 1:
            return self.insertion_id.get_formview_action()
        return True
