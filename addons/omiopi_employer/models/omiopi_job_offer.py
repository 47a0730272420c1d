from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.omiopi_case.tools.levels import COMPUTER_LEVELS

CONTRACT_TYPES = [
    ("indefinite", "Permanent"),
    ("fixed_discontinuous", "Permanent seasonal (fijo discontinuo)"),
    ("temporary", "Temporary"),
    ("training", "Training contract"),
    ("other", "Other contract"),
]
WORKING_DAYS = [("full_time", "Full time"), ("part_time", "Part time")]
OFFER_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("filled", "Filled"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
OFFER_TRANSITIONS = {
    "draft": {"open", "cancelled"},
    "open": {"filled", "closed", "cancelled", "draft"},
    "filled": {"open", "closed"},
    "closed": {"open"},
    "cancelled": {"draft"},
}
# Order of the language levels, from the lowest to native.
LEVEL_RANK = {
    level: rank
    for rank, level in enumerate(("a1", "a2", "b1", "b2", "c1", "c2", "native"))
}


class OmiopiJobOffer(models.Model):
    """A job offer of a collaborating company: the position, its
    requirements and conditions, and the candidacies sent to it."""

    _name = "omiopi.job.offer"
    _description = "Job offer"
    _inherit = ["mail.thread", "mail.activity.mixin", "omiopi.workflow.mixin"]
    _order = "date_open desc, id desc"
    _omiopi_transitions = OFFER_TRANSITIONS

    name = fields.Char(string="Position", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Company",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Prospection",
        index=True,
        domain="[('omiopi_is_prospection', '=', True)]",
    )
    office_id = fields.Many2one(
        "omiopi.office",
        required=True,
        index=True,
        default=lambda self: self.env.user.omiopi_default_office_id,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Prospector",
        default=lambda self: self.env.user,
        tracking=True,
    )
    sector_id = fields.Many2one("omiopi.employer.sector")
    state = fields.Selection(
        OFFER_STATES,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    vacancies = fields.Integer(default=1, required=True, tracking=True)
    description = fields.Html(string="Tasks and conditions")
    # Requirements
    education_level_id = fields.Many2one(
        "omiopi.education.level", string="Minimum studies"
    )
    language_ids = fields.One2many(
        "omiopi.job.offer.language", "offer_id", string="Languages", copy=True
    )
    driving_licence_ids = fields.Many2many(
        "omiopi.driving.licence", string="Driving licences"
    )
    permit_ids = fields.Many2many("omiopi.permit", string="Permits and cards")
    experience_months = fields.Integer(
        string="Experience (months)",
        help="Minimum months of work experience, in any position.",
    )
    computer_level = fields.Selection(COMPUTER_LEVELS, string="Computer skills")
    other_requirements = fields.Text()
    # Conditions
    with_contract = fields.Boolean(
        string="With an employment contract", default=True, tracking=True
    )
    social_security = fields.Boolean(
        string="Registered with Social Security", default=True, tracking=True
    )
    contract_type = fields.Selection(CONTRACT_TYPES, required=True, default="temporary")
    duration_months = fields.Integer(
        string="Duration (months)", help="Leave at 0 for a permanent contract."
    )
    working_day = fields.Selection(WORKING_DAYS, default="full_time", required=True)
    hours_per_week = fields.Float(string="Hours a week")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    salary_min = fields.Monetary(string="Gross yearly salary from")
    salary_max = fields.Monetary(string="Gross yearly salary to")
    place = fields.Char(string="Place of work")
    district_id = fields.Many2one("omiopi.district")
    date_open = fields.Date(
        string="Published on", default=fields.Date.context_today, required=True
    )
    date_deadline = fields.Date(string="Candidates until")
    date_start = fields.Date(string="Expected start")
    # Candidacies
    candidacy_ids = fields.One2many(
        "omiopi.job.candidacy",
        "offer_id",
        string="Candidacies",
        readonly=True,
    )
    candidacy_count = fields.Integer(
        string="Candidates", compute="_compute_candidacy_figures"
    )
    hired_count = fields.Integer(string="Hires", compute="_compute_candidacy_figures")
    vacancies_left = fields.Integer(compute="_compute_candidacy_figures")
    requirement_summary = fields.Char(
        string="Requirements", compute="_compute_requirement_summary"
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "partner_id",
            "lead_id",
            "user_id",
            "sector_id",
            "vacancies",
            "description",
            "education_level_id",
            "language_ids",
            "driving_licence_ids",
            "permit_ids",
            "experience_months",
            "computer_level",
            "other_requirements",
            "with_contract",
            "social_security",
            "contract_type",
            "duration_months",
            "working_day",
            "hours_per_week",
            "currency_id",
            "salary_min",
            "salary_max",
            "place",
            "district_id",
            "date_open",
            "date_deadline",
            "date_start",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "office_id",
        }

    @api.depends("candidacy_ids.state", "vacancies")
    def _compute_candidacy_figures(self):
        counts = {
            (offer.id, state): count
            for offer, state, count in self.env["omiopi.job.candidacy"]._read_group(
                [("offer_id", "in", self.ids)], ["offer_id", "state"], ["__count"]
            )
        }
        for offer in self:
            states = [s for (o, s) in counts if o == offer.id]
            offer.candidacy_count = sum(counts[(offer.id, s)] for s in states)
            offer.hired_count = counts.get((offer.id, "hired"), 0)
            offer.vacancies_left = max(offer.vacancies - offer.hired_count, 0)

    @api.depends(
        "education_level_id",
        "language_ids",
        "driving_licence_ids",
        "permit_ids",
        "experience_months",
        "computer_level",
    )
    def _compute_requirement_summary(self):
        for offer in self:
            offer.requirement_summary = ", ".join(
                label for label, _check, _domain in offer._requirements()
            )

    @api.constrains("with_contract", "social_security")
    def _check_contract_and_social_security(self):
        for offer in self:
            if not (offer.with_contract and offer.social_security):
                raise ValidationError(
                    self.env._(
                        "The offer %(position)s of %(company)s is refused: the "
                        "offices only send candidates to jobs with an employment "
                        "contract and registration with Social Security.",
                        position=offer.name,
                        company=offer.partner_id.display_name,
                    )
                )

    @api.constrains("vacancies", "salary_min", "salary_max", "duration_months")
    def _check_figures(self):
        for offer in self:
            if offer.vacancies < 1:
                raise ValidationError(
                    self.env._("A job offer has at least one vacancy.")
                )
            if offer.salary_min < 0 or offer.salary_max < 0:
                raise ValidationError(self.env._("A salary cannot be negative."))
            if offer.salary_max and offer.salary_min > offer.salary_max:
                raise ValidationError(
                    self.env._(
                        "The salary band of %(position)s starts above its end.",
                        position=offer.name,
                    )
                )
            if offer.duration_months < 0 or offer.experience_months < 0:
                raise ValidationError(
                    self.env._("Months of duration or experience cannot be negative.")
                )

    @api.constrains("date_open", "date_deadline")
    def _check_dates(self):
        for offer in self:
            if offer.date_deadline and offer.date_deadline < offer.date_open:
                raise ValidationError(
                    self.env._(
                        "The offer %(position)s closes before it is published.",
                        position=offer.name,
                    )
                )

    @api.constrains("partner_id")
    def _check_company(self):
        for offer in self:
            if offer.partner_id.omiopi_is_person:
                raise ValidationError(
                    self.env._("A job offer belongs to a company, not to a person.")
                )

    @api.onchange("lead_id")
    def _onchange_lead_id(self):
        if self.lead_id:
            self.partner_id = self.lead_id.partner_id.commercial_partner_id
            self.sector_id = self.lead_id.omiopi_sector_id
            self.district_id = self.lead_id.omiopi_district_id

    def action_open(self):
        self._omiopi_move("open")

    def action_close(self):
        self._omiopi_move("closed")

    def action_cancel(self):
        self._omiopi_move("cancelled")

    def action_draft(self):
        self._omiopi_move("draft")

    def _update_filled(self):
        """An open offer whose vacancies are all hired is filled; a filled
        one that loses a hire opens again."""
        for offer in self:
            if offer.state == "open" and offer.vacancies_left == 0:
                offer._omiopi_move("filled")
            elif offer.state == "filled" and offer.vacancies_left > 0:
                offer._omiopi_move("open")

    # ------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------

    def _requirements(self):
        """The offer's requirements as (label, check, domain) triples:
        check(person) tells whether a person meets it, domain() the persons
        who do (a res.partner domain), so that ranking is done in the
        database and only the best persons are read."""
        self.ensure_one()
        requirements = []
        if self.education_level_id:
            level = self.education_level_id
            requirements.append(
                (
                    self.env._("Studies: %(level)s", level=level.name),
                    lambda p: (
                        bool(p.omiopi_education_level_id)
                        and p.omiopi_education_level_id.sequence >= level.sequence
                    ),
                    lambda: [
                        ("omiopi_education_level_id.sequence", ">=", level.sequence)
                    ],
                )
            )
        level_labels = dict(
            self.env["omiopi.job.offer.language"]
            ._fields["level"]
            ._description_selection(self.env)
        )
        for line in self.language_ids:
            enough = [
                lvl
                for lvl, rank in LEVEL_RANK.items()
                if rank >= LEVEL_RANK[line.level]
            ]
            requirements.append(
                (
                    f"{line.language_id.name} {level_labels[line.level]}",
                    lambda p, line=line: any(
                        known.language_id == line.language_id
                        and LEVEL_RANK[known.level] >= LEVEL_RANK[line.level]
                        for known in p.omiopi_language_ids
                    ),
                    lambda line=line, enough=enough: [
                        (
                            "omiopi_language_ids",
                            "any",
                            [
                                ("language_id", "=", line.language_id.id),
                                ("level", "in", enough),
                            ],
                        )
                    ],
                )
            )
        for licence in self.driving_licence_ids:
            requirements.append(
                (
                    self.env._("Driving licence %(licence)s", licence=licence.name),
                    lambda p, licence=licence: licence in p.omiopi_driving_licence_ids,
                    lambda licence=licence: [
                        ("omiopi_driving_licence_ids", "in", licence.ids)
                    ],
                )
            )
        for permit in self.permit_ids:
            requirements.append(
                (
                    permit.name,
                    lambda p, permit=permit: permit in p.omiopi_permit_ids,
                    lambda permit=permit: [("omiopi_permit_ids", "in", permit.ids)],
                )
            )
        if self.experience_months:
            months = self.experience_months
            requirements.append(
                (
                    self.env._("%(months)s months of experience", months=months),
                    lambda p: sum(p.omiopi_experience_ids.mapped("months")) >= months,
                    lambda: [("id", "in", self._experienced_person_ids(months))],
                )
            )
        if self.computer_level:
            level = int(self.computer_level)
            labels = dict(COMPUTER_LEVELS)
            requirements.append(
                (
                    self.env._(
                        "Computer skills: %(level)s", level=labels[self.computer_level]
                    ),
                    lambda p: int(p.omiopi_computer_level or 0) >= level,
                    lambda: [
                        (
                            "omiopi_computer_level",
                            "in",
                            [
                                key
                                for key, _label in COMPUTER_LEVELS
                                if int(key) >= level
                            ],
                        )
                    ],
                )
            )
        return requirements

    def _experienced_person_ids(self, months):
        """Persons whose work experience adds up to `months` or more."""
        groups = self.env["omiopi.person.experience"]._read_group(
            [], ["partner_id"], having=[("months:sum", ">=", months)]
        )
        return [partner.id for (partner,) in groups]

    def _match_domain(self):
        """Persons who may be proposed: with an open case file, legally able
        to work and not yet candidates to this offer. Searched with the
        user's rights, so each user matches the persons they may see."""
        self.ensure_one()
        # sudo: the legal situation is not the prospectors' to read; a
        # subquery narrows the match to the persons able to work, and the
        # situation itself is shown nowhere
        able_to_work = (
            self.env["res.partner"]
            .sudo()
            ._search([("omiopi_is_person", "=", True), ("omiopi_can_work", "=", True)])
        )
        return [
            ("omiopi_is_person", "=", True),
            ("id", "in", able_to_work),
            ("omiopi_has_open_case", "=", True),
            ("id", "not in", self.candidacy_ids.partner_id.ids),
        ]

    def _match_count(self):
        """Persons who may be proposed and meet at least one requirement
        (every person who may be proposed when the offer asks nothing)."""
        domain = self._match_domain()
        requirements = self._requirements()
        if requirements:
            domain = expression.AND(
                [domain, expression.OR([make() for _l, _c, make in requirements])]
            )
        return self.env["res.partner"].search_count(domain)

    def _match_persons(self, limit=None):
        """Rank the persons who may be proposed by the number of
        requirements they meet (job seekers first, then by name), best
        first, as dicts with the person, the score and the requirements met
        and missing. The ranking is counted in the database, a search per
        requirement; only the `limit` best persons are read."""
        self.ensure_one()
        requirements = self._requirements()
        Partner = self.env["res.partner"]
        base = self._match_domain()
        scores = Counter()
        for _label, _check, domain in requirements:
            scores.update(Partner.search(base + domain()).ids)
        order = "omiopi_job_seeker desc nulls last, name, id"
        ranked = []
        for score in sorted(set(scores.values()), reverse=True):
            if limit and len(ranked) >= limit:
                break
            ranked += Partner.search(
                [("id", "in", [pid for pid, s in scores.items() if s == score])],
                order=order,
                limit=limit and limit - len(ranked),
            ).ids
        # Persons meeting none of the offer's requirements are not proposed.
        if not requirements and (not limit or len(ranked) < limit):
            ranked += Partner.search(
                [*base, ("id", "not in", list(scores))],
                order=order,
                limit=limit and limit - len(ranked),
            ).ids
        results = []
        for person in Partner.browse(ranked):
            met = [label for label, check, _domain in requirements if check(person)]
            missing = [
                label for label, check, _domain in requirements if not check(person)
            ]
            results.append(
                {
                    "partner": person,
                    "score": len(met),
                    "total": len(requirements),
                    "met": met,
                    "missing": missing,
                }
            )
        return results

    def _score_person(self, person):
        """(requirements met, requirements) of the offer for `person`."""
        self.ensure_one()
        requirements = self._requirements()
        met = sum(1 for _label, check, _domain in requirements if check(person))
        return met, len(requirements)

    def action_match(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(
                self.env._("Candidates are matched to open offers only: open it first.")
            )
        wizard = self.env["omiopi.job.offer.match"].create({"offer_id": self.id})
        wizard._fill_lines()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Matching persons"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
            "context": {"dialog_size": "extra-large"},
        }

    def action_view_candidacies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_employer.omiopi_job_candidacy_action"
        )
        action["domain"] = [("offer_id", "=", self.id)]
        action["context"] = {"default_offer_id": self.id}
        return action
