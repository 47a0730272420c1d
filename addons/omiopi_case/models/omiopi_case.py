from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.security import SENSITIVE

CASE_STATES = [
    ("intake", "Intake"),
    ("active", "Itinerary"),
    ("follow_up", "Follow-up"),
    ("closed", "Closed"),
]
AGE_BANDS = [
    ("under_18", "Under 18"),
    ("18_24", "18-24"),
    ("25_34", "25-34"),
    ("35_44", "35-44"),
    ("45_54", "45-54"),
    ("55_plus", "55 or more"),
    ("unknown", "Unknown"),
]
SPAIN_BANDS = [
    ("under_6m", "Less than 6 months"),
    ("6_12m", "6 months to 1 year"),
    ("1_2y", "1 to 2 years"),
    ("2_5y", "2 to 5 years"),
    ("5y_plus", "5 years or more"),
    ("unknown", "Unknown"),
]
# Stages a case file may move to from each stage.
CASE_TRANSITIONS = {
    "intake": {"active", "closed"},
    "active": {"follow_up", "closed"},
    "follow_up": {"active", "closed"},
    "closed": {"active"},
}
# Weight of each checklist answer in the readiness figure.
CHECKLIST_WEIGHTS = {"yes": 1.0, "in_progress": 0.5, "no": 0.0}


def age_band(age):
    if age is None:
        return "unknown"
    for limit, band in ((18, "under_18"), (25, "18_24"), (35, "25_34"), (45, "35_44")):
        if age < limit:
            return band
    return "45_54" if age < 55 else "55_plus"


def spain_band(months):
    if months is None:
        return "unknown"
    for limit, band in ((6, "under_6m"), (12, "6_12m"), (24, "1_2y"), (60, "2_5y")):
        if months < limit:
            return band
    return "5y_plus"


class OmiopiCase(models.Model):
    """The case file (expediente) a person has in one office."""

    _name = "omiopi.case"
    _description = "Case file"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "omiopi.read.audit.mixin",
        "omiopi.search.text.mixin",
        "omiopi.workflow.mixin",
        "omiopi.export.mixin",
    ]
    _order = "date_open desc, id desc"
    _omiopi_transitions = CASE_TRANSITIONS
    _omiopi_log_openings = True
    _rec_names_search = ["name", "partner_id.name"]

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("is_company", "=", False)],
    )
    office_id = fields.Many2one(
        "omiopi.office",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env.user.omiopi_default_office_id,
    )
    access_office_ids = fields.Many2many(
        "omiopi.office",
        "omiopi_case_office_access_rel",
        "case_id",
        "office_id",
        string="Offices with access",
        readonly=True,
        copy=False,
        help="Offices whose technicians may read this case file: its own office "
        "and, with other add-ons, the offices it was referred to. Record rules "
        "use it.",
    )
    in_my_offices = fields.Boolean(
        string="In my offices",
        compute="_compute_in_my_offices",
        search="_search_in_my_offices",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible technician",
        index=True,
        tracking=True,
        default=lambda self: (
            self.env.user if self.env.user.omiopi_office_ids else False
        ),
        domain="[('share', '=', False), ('omiopi_office_ids', 'in', office_id)]",
    )
    state = fields.Selection(
        CASE_STATES,
        required=True,
        default="intake",
        tracking=True,
        index=True,
        group_expand="_group_expand_states",
    )
    date_open = fields.Date(
        string="Opened on",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_closed = fields.Date(
        string="Closed on", readonly=True, tracking=True, copy=False
    )
    close_reason_id = fields.Many2one(
        "omiopi.case.close.reason",
        string="Closing reason",
        readonly=True,
        tracking=True,
        copy=False,
    )
    close_note = fields.Text(string="Closing note", readonly=True, copy=False)
    area_ids = fields.Many2many("omiopi.area", string="Areas of intervention")
    description = fields.Html(string="Notes")
    legal_notes = fields.Text(string="Legal and immigration notes", groups=SENSITIVE)
    color = fields.Integer()
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Priority")], default="0", index=True
    )

    household_ids = fields.One2many(
        "omiopi.case.household", "case_id", string="Household members"
    )
    need_ids = fields.One2many("omiopi.case.need", "case_id", string="Needs assessment")
    step_ids = fields.One2many("omiopi.itinerary.step", "case_id", string="Itinerary")
    checklist_line_ids = fields.One2many(
        "omiopi.case.checklist.line", "case_id", string="Employability checklist"
    )
    attention_ids = fields.One2many("omiopi.attention", "case_id", string="Attentions")

    attention_count = fields.Integer(
        string="Number of attentions", compute="_compute_attention_stats", store=True
    )
    last_attention_date = fields.Datetime(
        string="Last attention", compute="_compute_attention_stats", store=True
    )
    intervention_done_count = fields.Integer(
        string="Completed interventions",
        compute="_compute_intervention_done_count",
        store=True,
        help="Itinerary steps done. Referral criteria count them (for example "
        "'has completed 5 interventions in the offices').",
    )
    readiness = fields.Float(
        string="Employability readiness (%)",
        compute="_compute_readiness",
        store=True,
        aggregator="avg",
        help="Share of the employability checklist achieved: an item done "
        "counts 1, an item in progress 0.5.",
    )
    meeting_count = fields.Integer(
        string="Number of meetings", compute="_compute_meeting_count"
    )

    # Figures of the person when the case was opened, for reporting
    partner_email = fields.Char(related="partner_id.email", string="Email")
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_mobile = fields.Char(related="partner_id.mobile", string="Mobile")
    gender = fields.Selection(related="partner_id.gender", store=True)
    nationality_id = fields.Many2one(
        related="partner_id.nationality_id", store=True, string="Nationality"
    )
    education_level_id = fields.Many2one(
        related="partner_id.omiopi_education_level_id",
        store=True,
        string="Education level",
    )
    legal_situation_id = fields.Many2one(
        related="partner_id.omiopi_legal_situation_id",
        store=True,
        string="Administrative situation",
        groups=SENSITIVE,
    )
    age_at_open = fields.Integer(
        string="Age when opened", compute="_compute_opening_figures", store=True
    )
    age_band = fields.Selection(
        AGE_BANDS, string="Age band", compute="_compute_opening_figures", store=True
    )
    spain_band = fields.Selection(
        SPAIN_BANDS,
        string="Time in Spain when opened",
        compute="_compute_opening_figures",
        store=True,
    )

    _sql_constraints = [
        ("name_unique", "unique(name)", "Case file numbers are unique."),
    ]

    @api.depends_context("uid")
    def _compute_in_my_offices(self):
        offices = self.env.user.omiopi_office_ids
        for case in self:
            case.in_my_offices = case.office_id in offices

    def _search_in_my_offices(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In my offices'."))
        domain = [("office_id.is_my_office", "=", True)]
        return domain if (operator == "=") == value else ["!", *domain]

    # The stored figures below are counted in the database: the cache of a
    # one2many may hold only the lines the user who triggered the
    # computation can read, and a stored figure is the same for everyone.

    @api.depends("attention_ids.date")
    def _compute_attention_stats(self):
        stats = {
            case: (count, last)
            for case, count, last in self.env["omiopi.attention"]._read_group(
                [("case_id", "in", self._origin.ids)],
                ["case_id"],
                ["__count", "date:max"],
            )
        }
        for case in self:
            count, last = stats.get(case._origin, (0, False))
            case.attention_count = count
            case.last_attention_date = last

    @api.depends("step_ids.state")
    def _compute_intervention_done_count(self):
        counts = dict(
            self.env["omiopi.itinerary.step"]._read_group(
                [("case_id", "in", self._origin.ids), ("state", "=", "done")],
                ["case_id"],
                ["__count"],
            )
        )
        for case in self:
            case.intervention_done_count = counts.get(case._origin, 0)

    @api.depends("checklist_line_ids.status")
    def _compute_readiness(self):
        counts = {}
        for case, status, count in self.env["omiopi.case.checklist.line"]._read_group(
            [("case_id", "in", self._origin.ids)], ["case_id", "status"], ["__count"]
        ):
            counts.setdefault(case, {})[status] = count
        for case in self:
            by_status = counts.get(case._origin, {})
            lines = sum(by_status.values())
            score = sum(
                CHECKLIST_WEIGHTS.get(status, 0) * count
                for status, count in by_status.items()
            )
            case.readiness = 100.0 * score / lines if lines else 0.0

    def _compute_meeting_count(self):
        counts = dict(
            self.env["calendar.event"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for case in self:
            case.meeting_count = counts.get(case.id, 0)

    @api.depends(
        "partner_id.birthdate_date", "partner_id.omiopi_arrival_date", "date_open"
    )
    def _compute_opening_figures(self):
        for case in self:
            birth = case.partner_id.birthdate_date
            arrival = case.partner_id.omiopi_arrival_date
            opened = case.date_open or fields.Date.context_today(case)
            age = relativedelta(opened, birth).years if birth else None
            months = None
            if arrival and arrival <= opened:
                delta = relativedelta(opened, arrival)
                months = delta.years * 12 + delta.months
            case.age_at_open = age or 0
            case.age_band = age_band(age)
            case.spain_band = spain_band(months)

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in CASE_STATES]

    @api.constrains("partner_id", "office_id", "state")
    def _check_one_open_case_per_office(self):
        open_cases = self.filtered(lambda c: c.state != "closed")
        pairs = {(case.partner_id, case.office_id) for case in open_cases}
        if not pairs:
            return
        # one query for all the case files checked (an import opens hundreds)
        counts = self._read_group(
            [
                ("partner_id", "in", open_cases.partner_id.ids),
                ("office_id", "in", open_cases.office_id.ids),
                ("state", "!=", "closed"),
            ],
            ["partner_id", "office_id"],
            ["__count"],
        )
        for partner, office, count in counts:
            if count > 1 and (partner, office) in pairs:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has an open case file in %(office)s.",
                        person=partner.name,
                        office=office.name,
                    )
                )

    @api.constrains("state", "date_closed", "close_reason_id", "date_open")
    def _check_closing(self):
        for case in self:
            if case.state == "closed" and not (
                case.date_closed and case.close_reason_id
            ):
                raise ValidationError(
                    self.env._("A closed case file needs a closing date and reason.")
                )
            if case.date_closed and case.date_closed < case.date_open:
                raise ValidationError(
                    self.env._("A case file cannot close before it opens.")
                )

    @api.constrains("user_id", "office_id")
    def _check_user_in_office(self):
        for case in self.filtered("user_id"):
            if case.office_id not in case.user_id.omiopi_office_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s does not work in %(office)s: choose a technician "
                        "of the office.",
                        user=case.user_id.name,
                        office=case.office_id.name,
                    )
                )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "user_id",
            "state",
            "date_open",
            "area_ids",
            "description",
            "legal_notes",
            "color",
            "priority",
            "household_ids",
            "need_ids",
            "step_ids",
            "checklist_line_ids",
            "attention_ids",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"partner_id", "office_id"}

    @api.model_create_multi
    def create(self, vals_list):
        model = self._omiopi_check_create(vals_list)
        default_office = model.default_get(["office_id"]).get("office_id")
        to_number = defaultdict(list)  # {(office, date): values to number}
        for vals in vals_list:
            office = model.env["omiopi.office"].browse(
                vals.get("office_id", default_office)
            )
            if vals.get("name", "/") == "/" and office:
                to_number[office, vals.get("date_open")].append(vals)
            # Written with the row, not computed later: record rules read it
            # in the same transaction.
            vals["access_office_ids"] = [Command.set(office.ids)]
        for (office, date), numbered in to_number.items():
            numbers = office._next_case_numbers(len(numbered), date)
            for vals, number in zip(numbered, numbers, strict=True):
                vals["name"] = number
        procedure = model._omiopi_procedure("name", "access_office_ids")
        cases = super(OmiopiCase, procedure).create(vals_list).with_env(model.env)
        cases._omiopi_mark_persons()
        cases._fill_templates()
        return cases

    def write(self, vals):
        self._omiopi_check_write(vals)  # before the checks below (the move too)
        if "office_id" in vals and any(
            c.office_id.id != vals["office_id"] for c in self
        ):
            raise UserError(
                self.env._(
                    "A case file stays in the office that opened it: close it "
                    "and open a new one in the other office."
                )
            )
        res = super().write(vals)
        if "partner_id" in vals:
            self._omiopi_mark_persons()
        return res

    def copy_data(self, default=None):
        # A case file is one person's story in one office: never a template.
        raise UserError(self.env._("Case files cannot be duplicated."))

    def _grant_office_access(self, offices):
        """Let the technicians of `offices` read these case files and their
        persons (the referral add-on calls it when a referral is accepted)."""
        # sudo: the receiving office's members may not write the case file;
        # callers (referral acceptance) checked who acts
        self.sudo().write({"access_office_ids": [Command.link(o.id) for o in offices]})

    def _revoke_office_access(self, offices):
        """Take back what _grant_office_access gave; a case file's own office
        always keeps its access."""
        for case in self:
            revoked = offices - case.office_id
            # sudo: same as _grant_office_access
            case.sudo().write(
                {"access_office_ids": [Command.unlink(o.id) for o in revoked]}
            )

    def _omiopi_mark_persons(self):
        """The person of a case file is a protected person from then on."""
        for case in self:
            partner = case.partner_id
            if not partner.omiopi_is_person:
                partner._omiopi_procedure("omiopi_is_person", "omiopi_office_id").write(
                    {
                        "omiopi_is_person": True,
                        "omiopi_office_id": partner.omiopi_office_id.id
                        or case.office_id.id,
                    }
                )

    def _fill_templates(self):
        """One needs-assessment line per dimension and one checklist line per
        item, as configured today; later items are added by 'Update'."""
        active = [("active", "=", True)]
        dimensions = self.env["omiopi.need.dimension"].search(active)
        items = self.env["omiopi.checklist.item"].search(active)
        need_vals, line_vals = [], []
        for case in self:
            known_dimensions = case.need_ids.dimension_id
            # the sequence given: the lines' order, known here
            need_vals += [
                {
                    "case_id": case.id,
                    "dimension_id": dimension.id,
                    "sequence": dimension.sequence,
                }
                for dimension in dimensions - known_dimensions
            ]
            known_items = case.checklist_line_ids.item_id
            line_vals += [
                {"case_id": case.id, "item_id": item.id, "sequence": item.sequence}
                for item in items - known_items
            ]
        # The lines are this method's: their case files (being created or
        # checked by the caller), the configured dimensions and items.
        Need = self.env["omiopi.case.need"]._omiopi_procedure(
            "case_id", "dimension_id", "sequence"
        )
        Need._omiopi_create_lines(need_vals)
        Line = self.env["omiopi.case.checklist.line"]._omiopi_procedure(
            "case_id", "item_id", "sequence"
        )
        lines = Line._omiopi_create_lines(line_vals).with_env(self.env)
        # What the person's record already answers (NIE, census...).
        lines._apply_person_answers()

    def _check_not_closed(self):
        closed = self.filtered(lambda c: c.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The case file %(number)s is closed: reopen it first.",
                    number=closed[0].name,
                )
            )

    def action_checklist_from_person(self):
        """Mark the checklist items the person's record answers (a line
        marked further on by hand is kept)."""
        self._check_not_closed()
        self.check_access("write")
        self.checklist_line_ids._apply_person_answers()

    def action_update_templates(self):
        self._check_not_closed()
        self.check_access("write")
        self._fill_templates()

    def action_start_itinerary(self):
        for case in self:
            if case.state != "intake":
                raise UserError(
                    self.env._("Only a case file in intake can start an itinerary.")
                )
        self.write({"state": "active"})

    def action_follow_up(self):
        for case in self:
            if case.state != "active":
                raise UserError(
                    self.env._("Only a case file with an itinerary moves to follow-up.")
                )
        self.write({"state": "follow_up"})

    def action_close(self):
        """Ask for the closing reason in a dialog."""
        self._check_not_closed()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close case file"),
            "res_model": "omiopi.case.close.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _do_close(self, reason, note=False, date=False):
        self._check_not_closed()
        if not reason:
            raise UserError(self.env._("Choose why the case file is closed."))
        self._omiopi_procedure("date_closed", "close_reason_id", "close_note").write(
            {
                "state": "closed",
                "date_closed": date or fields.Date.context_today(self),
                "close_reason_id": reason.id,
                "close_note": note,
            }
        )

    def action_reopen(self):
        for case in self:
            if case.state != "closed":
                raise UserError(self.env._("Only a closed case file can be reopened."))
        self._omiopi_procedure("date_closed", "close_reason_id", "close_note").write(
            {
                "state": "active",
                "date_closed": False,
                "close_reason_id": False,
                "close_note": False,
            }
        )

    def action_view_attentions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_case.omiopi_attention_action"
        )
        action["domain"] = [("case_id", "=", self.id)]
        action["context"] = {"default_case_id": self.id}
        return action

    def action_schedule_meeting(self):
        """Open the calendar to plan a meeting with the person, linked to the
        case file and private: the agenda of others must not show it."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "calendar.action_calendar_event"
        )
        action["context"] = {
            "default_res_model": self._name,
            "default_res_id": self.id,
            "default_partner_ids": (self.env.user.partner_id | self.partner_id).ids,
            "default_name": self.name,
            "default_privacy": "private",
        }
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        return action
