import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.omiopi_case.tools.followers import follow_responsibles
from odoo.addons.omiopi_case.tools.numbering import next_numbers
from odoo.addons.omiopi_case.tools.security import COORDINATOR, SENSITIVE

from .omiopi_referral_reason import DIRECTIONS

OPEN_STAGE_TYPES = ("approval", "in_progress")


class OmiopiReferral(models.Model):
    """A referral (derivación) of a person from one service to another, through
    configurable stages: draft, the approvals the configuration asks for, the
    receiving service's acceptance, follow-up, and a closing outcome or a
    refusal with its reason."""

    _name = "omiopi.referral"
    _description = "Referral"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "omiopi.read.audit.mixin",
        "omiopi.search.text.mixin",
        "omiopi.workflow.mixin",
        "omiopi.export.mixin",
    ]
    _order = "priority desc, id desc"
    _omiopi_log_openings = True
    _rec_names_search = ["name", "partner_id.name"]
    # The receiving service and the approvers log notes without write access.
    _mail_post_access = "read"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        domain=[("omiopi_is_person", "=", True)],
    )
    case_id = fields.Many2one(
        "omiopi.case",
        string="Case file",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('partner_id', '=', partner_id), ('state', '!=', 'closed')]",
        help="The case file of the referring office the person is referred from.",
    )
    referring_office_id = fields.Many2one(
        "omiopi.office",
        string="Referring office",
        related="case_id.office_id",
        store=True,
        index=True,
    )
    referring_office_type = fields.Selection(
        related="referring_office_id.office_type", string="Referring office type"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Referring technician",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    referrer_email = fields.Char(
        string="Referrer's email",
        compute="_compute_referrer_email",
        store=True,
        readonly=False,
        help="Where the receiving service and the coordinator reach the referring "
        "technician.",
    )
    section_head_id = fields.Many2one(
        related="referring_office_id.manager_id", string="Section head"
    )
    receiving_office_id = fields.Many2one(
        "omiopi.office",
        string="Receiving service",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    direction = fields.Selection(
        DIRECTIONS, compute="_compute_direction", store=True, index=True
    )
    target_area_id = fields.Many2one("omiopi.area", string="Target area", tracking=True)
    program_id = fields.Many2one(
        "omiopi.program", string="Programme", index=True, tracking=True
    )
    reason_ids = fields.Many2many(
        "omiopi.referral.reason",
        string="Enabling situations",
        domain="[('direction', 'in', (direction, 'any'))]",
    )
    observations = fields.Text()
    cv = fields.Binary(string="CV", attachment=True, copy=False)
    cv_name = fields.Char(string="CV file name", copy=False)

    stage_id = fields.Many2one(
        "omiopi.referral.stage",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_stage_ids",
        default=lambda self: self._default_stage(),
    )
    stage_type = fields.Selection(related="stage_id.stage_type", store=True, index=True)
    path_stage_ids = fields.Many2many(
        "omiopi.referral.stage",
        string="Its stages",
        compute="_compute_path_stage_ids",
        help="The stages this referral goes through: the approvals that apply "
        "to it, and the refusal only once it is refused.",
    )
    color = fields.Integer()
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    shared_with_receiver = fields.Boolean(
        string="Reached the receiving service",
        readonly=True,
        copy=False,
        help="The referral has reached the receiving service, whose members may "
        "read it from then on.",
    )
    date_submitted = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    date_accepted = fields.Datetime(string="Accepted on", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed on", readonly=True, copy=False)
    date_last_stage_update = fields.Datetime(
        string="Last stage change", readonly=True, copy=False, index=True
    )
    refuse_reason_id = fields.Many2one(
        "omiopi.referral.refuse.reason",
        string="Refusal reason",
        readonly=True,
        copy=False,
        tracking=True,
    )
    refuse_comment = fields.Text(string="Refusal comment", readonly=True, copy=False)
    is_excluded = fields.Boolean(
        string="Excluded",
        related="refuse_reason_id.is_exclusion",
        store=True,
        help="Refused for a reason that counts as an exclusion from the programme.",
    )
    outcome_id = fields.Many2one(
        "omiopi.referral.outcome",
        readonly=True,
        copy=False,
        tracking=True,
    )
    outcome_note = fields.Text(string="Outcome note", readonly=True, copy=False)
    decision_ids = fields.One2many(
        "omiopi.referral.decision", "referral_id", string="Decisions", readonly=True
    )
    stage_log_ids = fields.One2many(
        "omiopi.referral.stage.log",
        "referral_id",
        string="Stage history",
        readonly=True,
    )
    last_followup_date = fields.Date(string="Last follow-up", readonly=True, copy=False)
    import_key = fields.Char(
        string="Imported row", readonly=True, copy=False, index=True
    )

    # What the current user may do now
    can_decide = fields.Boolean(string="You can decide", compute="_compute_permissions")
    can_refuse = fields.Boolean(string="You can refuse", compute="_compute_permissions")
    can_close = fields.Boolean(string="You can close", compute="_compute_permissions")
    is_referrer = fields.Boolean(
        string="You referred it", compute="_compute_permissions"
    )
    awaiting_my_decision = fields.Boolean(
        string="Waiting for my decision",
        compute="_compute_permissions",
        search="_search_awaiting_my_decision",
    )
    is_stalled = fields.Boolean(
        string="No movement",
        compute="_compute_is_stalled",
        search="_search_is_stalled",
    )

    # Eligibility against the enabling situations and exclusions
    eligibility_state = fields.Selection(
        [
            ("eligible", "Meets an enabling situation"),
            ("not_met", "No enabling situation fully met"),
            ("excluded", "Excluded"),
            ("no_reason", "No enabling situation chosen"),
        ],
        string="Eligibility",
        compute="_compute_eligibility",
    )
    eligibility_html = fields.Html(
        string="Eligibility check", compute="_compute_eligibility", sanitize=False
    )

    # Figures of the person, for reporting
    gender = fields.Selection(related="partner_id.gender", store=True)
    nationality_id = fields.Many2one(
        related="partner_id.nationality_id", store=True, string="Nationality"
    )
    education_level_id = fields.Many2one(
        related="partner_id.omiopi_education_level_id",
        store=True,
        string="Education level",
    )
    age_band = fields.Selection(related="case_id.age_band", store=True)

    # The referral form of the pilot (21 questions): what lives on the person
    # is shown from the person, read with the user's rights, and edited on
    # the person's form, never typed twice nor mirrored here.
    person_readable = fields.Boolean(
        string="You may read the person", compute="_compute_person_summary"
    )
    person_consent_state = fields.Selection(
        [
            ("none", "Not recorded"),
            ("given", "Given"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Data-sharing consent",
        compute="_compute_person_summary",
    )
    person_summary = fields.Html(
        string="The person's answers",
        compute="_compute_person_summary",
        sanitize=False,
    )

    _sql_constraints = [
        ("name_unique", "unique(name)", "Referral numbers are unique."),
        ("import_key_unique", "unique(import_key)", "This row was imported already."),
    ]

    # ------------------------------------------------------------------
    # What users set by hand (every other field: the referral's actions)
    # ------------------------------------------------------------------

    def _omiopi_user_fields(self):
        # Content is changed in draft only, stages by the coordinators
        # between follow-up stages: _check_manual_write.
        return super()._omiopi_user_fields() | {
            "partner_id",
            "case_id",
            "user_id",
            "referrer_email",
            "receiving_office_id",
            "target_area_id",
            "program_id",
            "reason_ids",
            "observations",
            "cv",
            "cv_name",
            "stage_id",
            "color",
            "priority",
        }

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _default_stage(self):
        return self.env["omiopi.referral.stage"].search(
            [("stage_type", "=", "draft")], limit=1
        )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("active", "=", True)], order=stages._order)

    @api.depends("user_id")
    def _compute_referrer_email(self):
        for referral in self:
            referral.referrer_email = referral.user_id.email or referral.referrer_email

    @api.depends("referring_office_id.office_type", "receiving_office_id.office_type")
    def _compute_direction(self):
        for referral in self:
            origin = referral.referring_office_id.office_type
            target = referral.receiving_office_id.office_type
            if origin == "ae_agency" and target == "omiopi":
                referral.direction = "ae_to_omiopi"
            elif origin == "omiopi" and target == "ae_agency":
                referral.direction = "omiopi_to_ae"
            else:
                referral.direction = "other"

    @api.depends_context("uid")
    @api.depends("stage_id", "user_id", "receiving_office_id")
    def _compute_permissions(self):
        user = self.env.user
        is_coordinator = user.has_group("omiopi_case.group_omiopi_coordinator")
        for referral in self:
            referral.is_referrer = user == referral.user_id
            referral.can_decide = referral._may_decide(user)
            referral.awaiting_my_decision = referral.can_decide
            referral.can_refuse = referral._may_refuse(user)
            referral.can_close = referral.stage_type == "in_progress" and (
                is_coordinator or referral.receiving_office_id in user.omiopi_office_ids
            )

    def _search_awaiting_my_decision(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Unsupported search on 'Waiting for my decision'.")
            )
        domain = self._awaiting_decision_domain(self.env.user)
        if (operator == "=") == value:
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model
    def _awaiting_decision_domain(self, user):
        """The referrals `user` may decide now (_may_decide), as a domain:
        per approval stage, those whose approvers include them (the stage's
        _approvers_domain), never the referral's own technician or creator.
        Searched in the database: reading every referral being approved to
        ask each one took seconds with 20,000 referrals (`make load`)."""
        if not user.active or user.share:
            return expression.FALSE_DOMAIN
        stages = (
            self.env["omiopi.referral.stage"]
            .with_context(active_test=False)
            .search([("stage_type", "=", "approval")])
        )
        parts = [stage._approvers_domain(user) for stage in stages]
        return expression.AND(
            [
                expression.OR(parts) if parts else expression.FALSE_DOMAIN,
                [("user_id", "!=", user.id), ("create_uid", "!=", user.id)],
            ]
        )

    def _stalled_days(self):
        return int(
            self.env["ir.config_parameter"]
            # sudo: reading a configuration parameter
            .sudo()
            .get_param("omiopi_referral.stalled_days", 14)
        )

    def _compute_is_stalled(self):
        limit = fields.Datetime.subtract(
            fields.Datetime.now(), days=self._stalled_days()
        )
        for referral in self:
            referral.is_stalled = bool(
                referral.stage_type in OPEN_STAGE_TYPES
                and referral.date_last_stage_update
                and referral.date_last_stage_update < limit
            )

    def _search_is_stalled(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'No movement'."))
        limit = fields.Datetime.subtract(
            fields.Datetime.now(), days=self._stalled_days()
        )
        domain = [
            ("stage_type", "in", OPEN_STAGE_TYPES),
            ("date_last_stage_update", "<", limit),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def _exclusions(self):
        self.ensure_one()
        return self.env["omiopi.referral.criterion"].search(
            [
                ("kind", "=", "exclusion"),
                "|",
                ("direction", "=", False),
                ("direction", "=", self.direction),
            ]
        )

    @api.depends(
        "partner_id",
        "case_id",
        "reason_ids",
        "direction",
        "partner_id.omiopi_arrival_date",
        "partner_id.birthdate_date",
        "partner_id.omiopi_education_level_id",
        "partner_id.omiopi_experience_spain_months",
        "partner_id.id_numbers",
        "case_id.intervention_done_count",
        "case_id.readiness",
    )
    def _compute_eligibility(self):
        readable = self.partner_id._filtered_access("read")
        for referral in self:
            if referral.partner_id and referral.partner_id not in readable:
                referral.eligibility_state = False
                referral.eligibility_html = False
                continue
            state, rows = referral._evaluate_eligibility()
            referral.eligibility_state = state
            referral.eligibility_html = referral._eligibility_table(rows)

    def _evaluate_eligibility(self):
        """(state, rows): rows are (section, criterion name, result) with result
        True (passes), False (fails) or None (data missing)."""
        self.ensure_one()
        rows = []
        if not self.partner_id:
            return "no_reason", rows
        excluded = False
        for exclusion in self._exclusions():
            holds = exclusion._holds(self)
            rows.append((self.env._("Exclusions"), exclusion.name, not holds))
            excluded = excluded or bool(holds)
        met = False
        for reason in self.reason_ids:
            results = [(c.name, c._holds(self)) for c in reason.criterion_ids]
            rows += [(reason.name, name, result) for name, result in results]
            met = met or all(result for _name, result in results)
        if excluded:
            return "excluded", rows
        if not self.reason_ids:
            return "no_reason", rows
        return ("eligible" if met else "not_met"), rows

    def _eligibility_table(self, rows):
        if not rows:
            return False
        return self.env["ir.qweb"]._render(
            "omiopi_referral.referral_eligibility", {"rows": rows}
        )

    @api.depends_context("uid")
    @api.depends(
        "partner_id",
        "partner_id.omiopi_consent_state",
        "partner_id.write_date",
    )
    def _compute_person_summary(self):
        """The answers of the pilot's form as the person's record holds them,
        read with the user's rights: the receiving office reads the person
        while the referral is open, and no longer once it is closed."""
        readable = self.partner_id._filtered_access("read")
        sensitive = self.env.user.has_group(SENSITIVE)
        for referral in self:
            person = referral.partner_id
            referral.person_readable = bool(person) and person in readable
            if not referral.person_readable:
                referral.person_consent_state = "none"
                referral.person_summary = (
                    self.env["ir.qweb"]._render(
                        "omiopi_referral.referral_person_unreadable", {}
                    )
                    if person
                    else False
                )
                continue
            referral.person_consent_state = person.omiopi_consent_state
            referral.person_summary = self.env["ir.qweb"]._render(
                "omiopi_referral.referral_person_summary",
                {"person": person, "sensitive": sensitive},
            )

    def action_open_person(self):
        """The person's form: where the answers of the referral form are
        recorded and corrected."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "views": [(False, "form")],
            "target": "current",
        }

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        model = self._omiopi_check_create(vals_list)
        to_number = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        numbers = self._next_numbers(len(to_number))
        for vals, number in zip(to_number, numbers, strict=True):
            vals["name"] = number
        for vals in vals_list:
            stage = self.env["omiopi.referral.stage"].browse(vals.get("stage_id"))
            if not self.env.su and stage and stage.stage_type != "draft":
                raise UserError(self.env._("A new referral starts as a draft."))
        # the number, and what the caller's own procedure sets (the import key)
        procedure = model._omiopi_procedure("name", *model._omiopi_procedure_fields())
        referrals = super(OmiopiReferral, procedure).create(vals_list)
        referrals = referrals.with_env(model.env)
        follow_responsibles(referrals)
        # sudo: the stage log is written by the referral's own methods only
        referrals.sudo()._log_stage()
        return referrals

    @api.model
    def _next_numbers(self, count):
        """`count` numbers of the referrals' numbering ("/" without one)."""
        if not count:
            return []
        # As next_by_code() finds the sequence: the company's, or the shared one
        sequence = self.env["ir.sequence"].search(
            [
                ("code", "=", "omiopi.referral"),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        return next_numbers(sequence, count) if sequence else ["/"] * count

    def write(self, vals):
        self._omiopi_check_write(vals)  # before the checks below
        if not self.env.su:
            self._check_manual_write(vals)
        res = super().write(vals)
        if "user_id" in vals:
            follow_responsibles(self)
        return res

    def _check_manual_write(self, vals):
        """What a user may change by hand: content while in draft (record rules
        limit it to the referring office), the target area, programme and
        priority later, and moves between in-progress stages in the kanban.
        The other fields are set by the referral's actions (omiopi.guard.mixin)."""
        if "stage_id" in vals:
            new_stage = self.env["omiopi.referral.stage"].browse(vals["stage_id"])
            for referral in self:
                if not (
                    referral.stage_type == "in_progress"
                    and new_stage.stage_type == "in_progress"
                ):
                    raise UserError(
                        self.env._(
                            "Use the referral's buttons to submit, decide, close or "
                            "refuse it: only follow-up stages can be changed by hand."
                        )
                    )
                if not self.env.user.has_group(COORDINATOR):
                    raise UserError(
                        self.env._(
                            "Only the coordinators move a referral between "
                            "follow-up stages."
                        )
                    )
        content = set(vals) - {
            "stage_id",
            "target_area_id",
            "program_id",
            "priority",
            "color",
        }
        if (
            content
            and any(r.stage_type != "draft" for r in self)
            and not self.env.user.has_group("omiopi_case.group_omiopi_coordinator")
        ):
            raise UserError(
                self.env._(
                    "A submitted referral can no longer be changed; the "
                    "coordinator can correct it."
                )
            )

    @api.constrains("partner_id", "case_id")
    def _check_person_of_case(self):
        # sudo: compares two ids; the case file's person is shown nowhere
        for referral in self.sudo():
            if referral.case_id.partner_id != referral.partner_id:
                raise ValidationError(
                    self.env._(
                        "The referral %(number)s must be about the person of its "
                        "case file.",
                        number=referral.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.env.user.has_group("omiopi_case.group_omiopi_manager"):
            return
        if any(referral.stage_type != "draft" for referral in self):
            raise UserError(
                self.env._("Only draft referrals can be deleted; refuse it instead.")
            )

    def copy_data(self, default=None):
        raise UserError(self.env._("Referrals cannot be duplicated: create a new one."))

    # ------------------------------------------------------------------
    # Procedure
    # ------------------------------------------------------------------

    def _may_decide(self, user):
        self.ensure_one()
        if self.stage_type != "approval":
            return False
        if user in (self.user_id, self.create_uid):
            return False  # nobody approves their own referral
        return user in self.stage_id._approvers(self)

    def _may_refuse(self, user):
        self.ensure_one()
        if self.stage_type not in ("approval", "in_progress"):
            return False
        if self._may_decide(user):
            return True
        return user.has_group("omiopi_case.group_omiopi_coordinator") and user not in (
            self.user_id,
            self.create_uid,
        )

    @api.depends("stage_id")
    def _compute_path_stage_ids(self):
        Stage = self.env["omiopi.referral.stage"]
        for referral in self:
            referral.path_stage_ids = Stage._path_of(referral)

    def _next_stage(self):
        self.ensure_one()
        return self.stage_id._next_for(self)

    def _stage_of_type(self, stage_type):
        stage = self.env["omiopi.referral.stage"].search(
            [("stage_type", "=", stage_type)], limit=1
        )
        if not stage:
            raise UserError(
                self.env._(
                    "Configure a referral stage of type %(type)s.", type=stage_type
                )
            )
        return stage

    def _move_to(self, stage, values=None):
        """Change stage (as superuser: the caller checked who acts and where
        the referral stands), log it, share and grant what the stage implies."""
        self.ensure_one()
        values = dict(values or {}, stage_id=stage.id)
        values["date_last_stage_update"] = fields.Datetime.now()
        if stage.stage_type == "approval" and stage.approver_type == "receiving_office":
            values["shared_with_receiver"] = True
        if stage.stage_type == "in_progress" and not self.date_accepted:
            values["date_accepted"] = fields.Datetime.now()
            values["shared_with_receiver"] = True
        if stage.stage_type in ("done", "refused"):
            values["date_closed"] = fields.Datetime.now()
        # sudo: protected fields (stage, dates), after the decision checks above
        self.sudo().write(values)
        # sudo: the stage log is written by the referral's own methods only
        self.sudo()._log_stage()
        self._sync_office_access()
        self._schedule_approval_activities()

    def _log_stage(self):
        now = fields.Datetime.now()
        Log = self.env["omiopi.referral.stage.log"]
        closed, new_logs = Log, []
        for referral in self:
            open_logs = referral.stage_log_ids.filtered(lambda log: not log.date_end)
            if open_logs.stage_id == referral.stage_id:
                continue  # still in the stage being timed: one line per stay
            closed |= open_logs
            new_logs.append(
                {
                    "referral_id": referral.id,
                    "stage_id": referral.stage_id.id,
                    "date_start": now,
                }
            )
        # together, and written by the thousand: an import creates referrals
        # by the hundred
        closed.write({"date_end": now})
        Log._omiopi_create_lines(new_logs)

    def _sync_office_access(self):
        """The receiving office reads the person's case file while the referral
        is accepted and open; refusing or closing takes that back, unless
        another accepted referral of the case keeps it."""
        for referral in self:
            case, office = referral.case_id, referral.receiving_office_id
            if referral.stage_type == "in_progress":
                case._grant_office_access(office)
                continue
            # sudo: counting other open referrals of the case to keep the office's
            # access; only a number is used
            others = self.sudo().search_count(
                [
                    ("id", "!=", referral.id),
                    ("case_id", "=", case.id),
                    ("receiving_office_id", "=", office.id),
                    ("stage_type", "=", "in_progress"),
                ]
            )
            if not others:
                case._revoke_office_access(office)

    def _schedule_approval_activities(self):
        """An activity for whoever must decide the new stage; the activities of
        the previous decision are closed."""
        activity_type = self.env.ref(
            "omiopi_referral.mail_activity_type_referral_decision"
        )
        # sudo: closing the decision activities of other approvers
        for referral in self.sudo():
            referral.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).action_feedback(feedback=self.env._("Decided"))
            if referral.stage_type != "approval":
                continue
            approvers = referral.stage_id._approvers(referral) - referral.user_id
            # When a whole office or group decides, one person gets the
            # activity if one is named: the office's section head, the
            # programme's coordinator.
            named = (
                referral.receiving_office_id.manager_id
                | referral.program_id.coordinator_id
            ) & approvers
            if (
                referral.stage_id.approver_type in ("receiving_office", "group")
                and named
            ):
                approvers = named
            for user in approvers:
                # No summary: the activity type ("Referral to decide") and the
                # referral's stage are shown in each reader's language.
                referral.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                )

    def _record_decision(self, decision, comment, stage=None):
        self.ensure_one()
        # sudo: decisions are written by the referral's own methods only (users cannot
        # forge them)
        self.env["omiopi.referral.decision"].sudo().create(
            {
                "referral_id": self.id,
                "stage_id": (stage or self.stage_id).id,
                "user_id": self.env.user.id,
                "decision": decision,
                "comment": comment,
            }
        )

    def action_fill_cv(self):
        """The CV box, when empty, filled with the CV made from the person's
        data (many persons have none of their own)."""
        for referral in self.filtered(lambda r: not r.cv):
            content, _filename = referral.partner_id._omiopi_cv_pdf()
            # Named after the referral, not the person: the referral is read
            # by offices that may not read the person.
            referral.write(
                {
                    "cv": base64.b64encode(content),
                    "cv_name": self.env._("CV %(number)s.pdf", number=referral.name),
                }
            )
        return True

    def action_submit(self):
        """Leave draft: the referrer (or a coordinator) sends the referral on,
        with the person's CV made from their data when none was attached."""
        self._omiopi_lock()
        for referral in self:
            referral._check_can_submit()
            referral.action_fill_cv()
            referral._record_decision("submitted", False)
            # sudo: protected date, set by submission after its checks
            referral.sudo().date_submitted = fields.Datetime.now()
            exclusions = referral._exclusions().filtered(
                lambda c, r=referral: c._holds(r)
            )
            if exclusions:
                referral._refuse(
                    exclusions[0].refuse_reason_id,
                    self.env._(
                        "Excluded on submission: %(criterion)s",
                        criterion=exclusions[0].name,
                    ),
                )
                continue
            referral._move_to(referral._next_stage())
            referral.message_post(
                body=self.env._(
                    "Referral submitted to %(office)s.",
                    office=referral.receiving_office_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _check_can_submit(self):
        self.ensure_one()
        user = self.env.user
        if self.stage_type != "draft":
            raise UserError(
                self.env._(
                    "The referral %(number)s was submitted already.", number=self.name
                )
            )
        if user != self.user_id and not user.has_group(
            "omiopi_case.group_omiopi_coordinator"
        ):
            raise UserError(
                self.env._(
                    "Only the referring technician or a coordinator submits a referral."
                )
            )
        self.check_access("write")
        missing = []
        if not self.referrer_email:
            missing.append(self.env._("the referring technician's email"))
        if not self.reason_ids:
            missing.append(self.env._("at least one enabling situation"))
        if missing:
            raise ValidationError(
                self.env._(
                    "Before submitting, add %(missing)s.", missing=", ".join(missing)
                )
            )
        if self.receiving_office_id == self.referring_office_id:
            raise ValidationError(
                self.env._("A referral goes to another service than the referring one.")
            )
        wrong = self.reason_ids.filtered(
            lambda r: r.direction not in ("any", self.direction)
        )
        if wrong:
            raise ValidationError(
                self.env._(
                    "%(reason)s is not an enabling situation for this direction.",
                    reason=wrong[0].name,
                )
            )
        # sudo: the consent check only answers yes or no
        consents = self.partner_id.sudo().omiopi_consent_ids.filtered(
            lambda c: c.state == "given"
        )
        if not any(c.allows_office(self.receiving_office_id) for c in consents):
            raise UserError(
                self.env._(
                    "%(person)s has not given a recorded consent to share their data "
                    "with %(office)s: record it on the person before submitting.",
                    person=self.partner_id.name,
                    office=self.receiving_office_id.name,
                )
            )

    def _decide(self, approve, comment, target_area=None, refuse_reason=None):
        """Approve or refuse the current stage (the decision wizard calls it)."""
        self.ensure_one()
        self._omiopi_lock()
        user = self.env.user
        if approve:
            if not self._may_decide(user):
                raise UserError(self._not_yours_message())
            if self.stage_id.ask_target_area:
                area = target_area or self.target_area_id
                if not area:
                    raise ValidationError(
                        self.env._("Choose the target area of the referral.")
                    )
                # sudo: protected target area, chosen by the approver deciding
                self.sudo().target_area_id = area
            self._record_decision("approved", comment)
            self.message_post(
                body=self.env._(
                    "%(stage)s: approved by %(user)s. %(comment)s",
                    stage=self.stage_id.name,
                    user=user.name,
                    comment=comment or "",
                ),
                subtype_xmlid="mail.mt_note",
            )
            self._move_to(self._next_stage())
            return
        if not self._may_refuse(user):
            raise UserError(self._not_yours_message())
        if not refuse_reason or not (comment or "").strip():
            raise ValidationError(self.env._("A refusal needs a reason and a comment."))
        self._refuse(refuse_reason, comment)

    def _refuse(self, reason, comment):
        self.ensure_one()
        previous = self.stage_id
        self._move_to(
            self._stage_of_type("refused"),
            {"refuse_reason_id": reason.id, "refuse_comment": comment},
        )
        self._record_decision("refused", comment, stage=previous)
        self.message_post(
            body=self.env._(
                "Refused at %(stage)s: %(reason)s. %(comment)s",
                stage=previous.name,
                reason=reason.name,
                comment=comment or "",
            ),
            subtype_xmlid="omiopi_referral.mt_referral_stage",
        )

    def _not_yours_message(self):
        return self.env._(
            "The referral %(number)s is in %(stage)s: you cannot decide it (only "
            "its approvers can, never the referring technician), or it was decided "
            "a moment ago.",
            number=self.name,
            stage=self.stage_id.name,
        )

    def _close(self, outcome, note):
        self.ensure_one()
        self._omiopi_lock()
        if not self.can_close:
            raise UserError(
                self.env._(
                    "Only the receiving service and the coordinators close an "
                    "accepted referral."
                )
            )
        if not outcome:
            raise ValidationError(self.env._("Choose the outcome of the referral."))
        previous = self.stage_id
        self._move_to(
            self._stage_of_type("done"),
            {"outcome_id": outcome.id, "outcome_note": note},
        )
        self._record_decision("closed", note, stage=previous)
        self.message_post(
            body=self.env._(
                "Closed: %(outcome)s. %(note)s", outcome=outcome.name, note=note or ""
            ),
            subtype_xmlid="omiopi_referral.mt_referral_stage",
        )

    def action_open_decision(self):
        """The dialog to approve, refuse or close."""
        self.ensure_one()
        decision = self.env.context.get("omiopi_decision", "approve")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decision on %(number)s", number=self.name),
            "res_model": "omiopi.referral.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_referral_id": self.id, "default_decision": decision},
        }

    def action_reset_draft(self):
        """A refused referral goes back to its referrer for correction."""
        self._omiopi_lock()
        for referral in self:
            user = self.env.user
            if referral.stage_type != "refused":
                raise UserError(
                    self.env._("Only a refused referral goes back to draft.")
                )
            if user != referral.user_id and not user.has_group(
                "omiopi_case.group_omiopi_coordinator"
            ):
                raise UserError(
                    self.env._(
                        "Only the referring technician or a coordinator does this."
                    )
                )
            referral._move_to(
                referral._stage_of_type("draft"),
                {
                    "refuse_reason_id": False,
                    "refuse_comment": False,
                    "date_closed": False,
                    "shared_with_receiver": False,
                },
            )

    def action_open_receiving_case(self):
        """The receiving service opens (or finds) its own case file for the person."""
        self.ensure_one()
        if self.stage_type not in ("in_progress", "done"):
            raise UserError(self.env._("The referral has not been accepted."))
        office = self.receiving_office_id
        if office not in self.env.user.omiopi_office_ids:
            raise UserError(self.env._("You do not work in the receiving service."))
        case = self.env["omiopi.case"].search(
            [
                ("partner_id", "=", self.partner_id.id),
                ("office_id", "=", office.id),
                ("state", "!=", "closed"),
            ],
            limit=1,
        )
        if not case:
            case = self.env["omiopi.case"].create(
                {
                    "partner_id": self.partner_id.id,
                    "office_id": office.id,
                    "user_id": self.env.user.id,
                    "area_ids": [(6, 0, self.target_area_id.ids)],
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "omiopi.case",
            "res_id": case.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "stage_id" in init_values:
            return self.env.ref("omiopi_referral.mt_referral_stage")
        return super()._track_subtype(init_values)

    # ------------------------------------------------------------------
    # Scheduled actions
    # ------------------------------------------------------------------

    @api.model
    def _cron_weekly_followup(self, batch_size=500):
        """One follow-up activity per open referral for its coordinator every
        configured number of days, a batch at a time."""
        # sudo: reading configuration parameters (scheduled action)
        ICP = self.env["ir.config_parameter"].sudo()
        days = int(ICP.get_param("omiopi_referral.followup_days", 7))
        default_coordinator = (
            self.env["res.users"]
            .browse(int(ICP.get_param("omiopi_referral.coordinator_user_id", 0) or 0))
            .exists()
        )
        today = fields.Date.context_today(self)
        due = fields.Date.subtract(today, days=days)
        domain = [
            ("stage_type", "in", OPEN_STAGE_TYPES),
            "|",
            ("last_followup_date", "=", False),
            ("last_followup_date", "<=", due),
        ]
        referrals = self.search(domain, limit=batch_size, order="id")
        activity_type = self.env.ref(
            "omiopi_referral.mail_activity_type_referral_followup"
        )
        for referral in referrals:
            coordinator = referral.program_id.coordinator_id or default_coordinator
            if coordinator:
                referral.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=coordinator.id,
                )
        referrals.write({"last_followup_date": today})
        remaining = self.search_count(domain) if referrals else 0
        self.env["ir.cron"]._notify_progress(done=len(referrals), remaining=remaining)
        return referrals
