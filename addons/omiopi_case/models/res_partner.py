from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.mail import single_email_re

from ..tools.levels import COMPUTER_LEVELS
from ..tools.names import normalize_person_name
from ..tools.search_index import create_trigram_index
from ..tools.security import SENSITIVE

HOMOLOGATION_STATES = [
    ("yes", "Homologated"),
    ("in_progress", "In progress"),
    ("no", "Not homologated"),
    ("not_needed", "Not needed (studied in Spain)"),
]
BENEFITS = [
    ("none", "No benefit"),
    ("unemployment_benefit", "Unemployment benefit"),
    ("unemployment_subsidy", "Unemployment subsidy"),
    ("minimum_income", "Minimum income"),
    ("specialised_programme", "Specialised programme"),
    ("other", "Other"),
]
EMPLOYMENT_STATUSES = [
    ("unemployed", "Unemployed"),
    ("employed", "Employed with a contract"),
    ("informal", "Working without a contract"),
    ("student", "Studying"),
    ("inactive", "Inactive"),
]
# A lifetime: more months in Spain than that is a typing error.
MAX_MONTHS_IN_SPAIN = 1500


class ResPartner(models.Model):
    """The person served is an ordinary contact flagged `omiopi_is_person`.

    Record rules hide persons from every user outside the migrant-integration
    groups and limit technicians to the persons of their offices, so what the
    offices record about a person can live on the contact itself. Legal notes
    and disability (special-category data) are further limited by field
    groups to the case-work roles."""

    _name = "res.partner"
    _inherit = [
        "res.partner",
        "omiopi.read.audit.mixin",
        "omiopi.guard.mixin",
        "omiopi.export.mixin",
    ]
    _omiopi_log_openings = True

    omiopi_is_person = fields.Boolean(
        string="Person served",
        index=True,
        copy=False,
        help="A person attended by the migrant-integration services: only "
        "their offices can see this contact.",
    )
    omiopi_anonymised = fields.Boolean(
        string="Anonymised",
        readonly=True,
        copy=False,
        index=True,
        help="The person's identifying data were erased (retention period over "
        "or erasure request); the records remain, without identity, for the "
        "statistics.",
    )
    omiopi_anonymised_date = fields.Date(
        string="Anonymised on", readonly=True, copy=False
    )
    omiopi_office_id = fields.Many2one(
        "omiopi.office",
        string="Registering office",
        index=True,
        help="Office that registered the person; it keeps access even before "
        "a case file is opened.",
    )
    omiopi_case_ids = fields.One2many(
        "omiopi.case", "partner_id", string="Case files", readonly=True
    )
    omiopi_case_count = fields.Integer(
        string="Case file count", compute="_compute_omiopi_case_count"
    )

    # What the persons' and case files' search boxes look into: one column
    # with a trigram index (see init) instead of an OR
    # over several tables, which PostgreSQL can only answer by reading them.
    omiopi_search_text = fields.Char(
        string="Name, email and documents",
        compute="_compute_omiopi_search_text",
        store=True,
        groups=SENSITIVE,
    )

    # Identity and residence
    omiopi_document_number = fields.Char(
        string="Document number",
        compute="_compute_omiopi_document_number",
        search="_search_omiopi_document_number",
        groups=SENSITIVE,
        help="Number of the person's first valid identity document.",
    )
    omiopi_legal_situation_id = fields.Many2one(
        "omiopi.legal.situation",
        string="Administrative situation",
        groups=SENSITIVE,
        index=True,
    )
    # Derived from the legal situation: as restricted as it is.
    omiopi_is_regular = fields.Boolean(
        string="Regular situation",
        related="omiopi_legal_situation_id.is_regular",
        store=True,
        groups=SENSITIVE,
    )
    omiopi_can_work = fields.Boolean(
        string="Legally able to work",
        related="omiopi_legal_situation_id.allows_work",
        store=True,
        groups=SENSITIVE,
    )
    omiopi_legal_notes = fields.Text(
        string="Legal and immigration notes",
        groups=SENSITIVE,
    )
    omiopi_arrival_date = fields.Date(
        string="Arrival in Spain",
        help="Date of arrival in Spain: referral profiles depend on the time "
        "spent in Spain.",
    )
    omiopi_months_in_spain = fields.Integer(
        string="Months in Spain",
        compute="_compute_omiopi_months_in_spain",
        search="_search_omiopi_months_in_spain",
    )
    omiopi_district_id = fields.Many2one("omiopi.district", string="District")
    omiopi_census_registered = fields.Boolean(
        string="Registered in the census",
        help="Empadronamiento: registered as a resident in the municipality.",
    )

    # Education, languages, skills
    omiopi_language_ids = fields.One2many(
        "omiopi.person.language", "partner_id", string="Languages"
    )
    omiopi_education_level_id = fields.Many2one(
        "omiopi.education.level", string="Education level"
    )
    omiopi_education_homologation = fields.Selection(
        HOMOLOGATION_STATES, string="Studies homologated"
    )
    omiopi_education_notes = fields.Text(string="Academic background")
    omiopi_training_ids = fields.One2many(
        "omiopi.person.training", "partner_id", string="Complementary training"
    )
    omiopi_experience_ids = fields.One2many(
        "omiopi.person.experience", "partner_id", string="Work experience"
    )
    omiopi_experience_spain_months = fields.Integer(
        string="Months of work experience in Spain",
        compute="_compute_omiopi_experience_spain_months",
        store=True,
    )
    omiopi_driving_licence_ids = fields.Many2many(
        "omiopi.driving.licence", string="Driving licences"
    )
    omiopi_driving_licence_homologated = fields.Boolean(
        string="Driving licence valid in Spain"
    )
    omiopi_permit_ids = fields.Many2many(
        "omiopi.permit", string="Professional cards and permits"
    )
    omiopi_computer_level = fields.Selection(COMPUTER_LEVELS, string="Computer skills")
    omiopi_mobile_basic = fields.Boolean(string="Basic mobile phone use")

    # Situation
    omiopi_disability = fields.Boolean(string="Disability", groups=SENSITIVE)
    omiopi_disability_degree = fields.Integer(
        string="Disability degree (%)", groups=SENSITIVE
    )
    omiopi_disability_notes = fields.Text(string="Disability notes", groups=SENSITIVE)
    omiopi_benefit = fields.Selection(BENEFITS, string="Unemployment benefit")
    omiopi_benefit_notes = fields.Char(string="Benefit or programme details")
    omiopi_employment_status = fields.Selection(
        EMPLOYMENT_STATUSES, string="Employment status"
    )
    omiopi_job_seeker = fields.Boolean(string="Registered as a job seeker")
    omiopi_job_seeker_date = fields.Date(string="Job seeker since")
    omiopi_youth_guarantee = fields.Boolean(string="Registered in Youth Guarantee")
    omiopi_interests = fields.Text(string="Training and work interests")
    omiopi_cv_profile = fields.Text(
        string="CV profile",
        help="A few plain lines at the top of the person's CV: what they do and "
        "what they look for. The rest of the CV comes from the person's data.",
    )

    # Consent to share data between services
    omiopi_consent_ids = fields.One2many(
        "omiopi.consent", "partner_id", string="Consents"
    )
    omiopi_consent_state = fields.Selection(
        [
            ("none", "Not recorded"),
            ("given", "Given"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Data-sharing consent",
        compute="_compute_omiopi_consent",
        store=True,
    )
    omiopi_consent_date = fields.Date(
        string="Consent date", compute="_compute_omiopi_consent", store=True
    )

    # Registered at a field service point, to be completed at the office
    omiopi_field_registration_ids = fields.One2many(
        "omiopi.field.registration",
        "partner_id",
        string="Field registrations",
        readonly=True,
    )
    omiopi_to_complete = fields.Boolean(
        string="To complete",
        compute="_compute_omiopi_to_complete",
        store=True,
        help="Registered at a field point with a few data: complete them.",
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "omiopi_legal_situation_id",
            "omiopi_legal_notes",
            "omiopi_arrival_date",
            "omiopi_district_id",
            "omiopi_census_registered",
            "omiopi_language_ids",
            "omiopi_education_level_id",
            "omiopi_education_homologation",
            "omiopi_education_notes",
            "omiopi_training_ids",
            "omiopi_experience_ids",
            "omiopi_driving_licence_ids",
            "omiopi_driving_licence_homologated",
            "omiopi_permit_ids",
            "omiopi_computer_level",
            "omiopi_mobile_basic",
            "omiopi_disability",
            "omiopi_disability_degree",
            "omiopi_disability_notes",
            "omiopi_benefit",
            "omiopi_benefit_notes",
            "omiopi_employment_status",
            "omiopi_job_seeker",
            "omiopi_job_seeker_date",
            "omiopi_youth_guarantee",
            "omiopi_interests",
            "omiopi_cv_profile",
            "omiopi_consent_ids",
        }

    def _omiopi_create_fields(self):
        # The registering office gives access to the person: set once, when
        # the person is registered; sharing goes through referrals.
        return super()._omiopi_create_fields() | {
            "omiopi_is_person",
            "omiopi_office_id",
        }

    @api.depends("omiopi_field_registration_ids.state")
    def _compute_omiopi_to_complete(self):
        # sudo: whether a registration of the person is pending is the same
        # whoever triggers the computation (the cache of the one2many holds
        # only what that user reads); nothing but the flag is kept
        pending = {
            partner.id
            for (partner,) in self.env["omiopi.field.registration"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self._origin.ids), ("state", "=", "to_complete")],
                ["partner_id"],
            )
        }
        for partner in self:
            partner.omiopi_to_complete = partner._origin.id in pending

    def action_omiopi_complete_registration(self):
        """The data taken at the field point are completed: off the list."""
        self.ensure_one()
        self.omiopi_field_registration_ids.filtered(
            lambda r: r.state == "to_complete"
        ).action_complete()
        return True

    def _compute_omiopi_case_count(self):
        counts = dict(
            self.env["omiopi.case"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.omiopi_case_count = counts.get(partner, 0)

    @api.depends(
        "id_numbers.name",
        "id_numbers.active",
        "id_numbers.status",
        "id_numbers.category_id.omiopi_validation",
    )
    def _compute_omiopi_document_number(self):
        for partner in self:
            valid = partner.id_numbers.filtered(
                lambda n: n.active and n.status != "close"
            )
            # A Spanish number (DNI, NIE, TIE) identifies better than a passport.
            spanish = valid.filtered("category_id.omiopi_validation")
            partner.omiopi_document_number = (spanish or valid)[:1].name or False

    def init(self):
        res = super().init()
        create_trigram_index(self.env.cr, self._table, "omiopi_search_text")
        return res

    @api.depends("omiopi_is_person", "name", "email", "id_numbers.name")
    def _compute_omiopi_search_text(self):
        numbers = {}
        for number in self.env["res.partner.id_number"].search(
            [("partner_id", "in", self._origin.ids)]
        ):
            numbers.setdefault(number.partner_id.id, []).append(number.name)
        for partner in self:
            parts = [partner.name, partner.email, *numbers.get(partner._origin.id, [])]
            partner.omiopi_search_text = (
                " ".join(part for part in parts if part)
                if partner.omiopi_is_person
                else False
            )

    def _search_omiopi_document_number(self, operator, value):
        if operator in ("in", "not in"):
            valid = isinstance(value, list | tuple) and all(
                isinstance(v, str) for v in value
            )
        else:
            valid = isinstance(value, str) or value in (False, None)
        if not valid:
            raise UserError(self.env._("Search a document number with text."))
        if operator in expression.NEGATIVE_TERM_OPERATORS:
            return [("id_numbers.name", operator, value)]
        # The documents first: "id_numbers.name" would become a subquery that
        # PostgreSQL answers by reading every person at regional scale.
        numbers = self.env["res.partner.id_number"].search([("name", operator, value)])
        return [("id", "in", numbers.partner_id.ids)]

    @api.depends("omiopi_arrival_date")
    def _compute_omiopi_months_in_spain(self):
        today = fields.Date.context_today(self)
        for partner in self:
            months = 0
            if partner.omiopi_arrival_date and partner.omiopi_arrival_date <= today:
                delta = relativedelta(today, partner.omiopi_arrival_date)
                months = delta.years * 12 + delta.months
            partner.omiopi_months_in_spain = months

    def _search_omiopi_months_in_spain(self, operator, value):
        """`months >= 6` is `arrived on or before today - 6 months`, and so on."""
        if operator not in ("<", "<=", ">", ">=", "="):
            raise UserError(self.env._("Unsupported search on the months in Spain."))
        months = value or 0
        if isinstance(months, bool) or not isinstance(months, int):
            raise UserError(
                self.env._("Search the months in Spain with a whole number of months.")
            )
        if not 0 <= months <= MAX_MONTHS_IN_SPAIN:
            raise UserError(
                self.env._(
                    "Search the months in Spain with a number from 0 to %(max)s.",
                    max=MAX_MONTHS_IN_SPAIN,
                )
            )
        today = fields.Date.context_today(self)
        # arrived at or before this date => at least `months` months in Spain
        at_least = today - relativedelta(months=months)
        # arrived after this date => fewer than `months + 1` months
        before_next = today - relativedelta(months=months + 1)
        known = [("omiopi_arrival_date", "!=", False)]
        if operator == ">=":
            return known + [("omiopi_arrival_date", "<=", at_least)]
        if operator == ">":
            return known + [("omiopi_arrival_date", "<=", before_next)]
        if operator == "<":
            return known + [("omiopi_arrival_date", ">", at_least)]
        if operator == "<=":
            return known + [("omiopi_arrival_date", ">", before_next)]
        return known + [
            ("omiopi_arrival_date", "<=", at_least),
            ("omiopi_arrival_date", ">", before_next),
        ]

    # The stored figures below read the database, not the cache of the
    # one2many: it may hold only the lines the user who triggered the
    # computation can read, and a stored figure is the same for everyone.

    @api.depends(
        "omiopi_experience_ids.in_spain",
        "omiopi_experience_ids.months",
    )
    def _compute_omiopi_experience_spain_months(self):
        months = dict(
            self.env["omiopi.person.experience"]._read_group(
                [("partner_id", "in", self._origin.ids), ("in_spain", "=", True)],
                ["partner_id"],
                ["months:sum"],
            )
        )
        for partner in self:
            partner.omiopi_experience_spain_months = months.get(partner._origin, 0)

    @api.depends("omiopi_consent_ids.state", "omiopi_consent_ids.date")
    def _compute_omiopi_consent(self):
        consents = self.env["omiopi.consent"].search(
            [("partner_id", "in", self._origin.ids)], order="date desc, id desc"
        )
        for partner in self:
            latest = consents.filtered(lambda c, p=partner: c.partner_id == p._origin)[
                :1
            ]
            partner.omiopi_consent_state = latest.state or "none"
            partner.omiopi_consent_date = (
                latest.date if latest.state == "given" else False
            )

    @api.constrains("email", "omiopi_is_person")
    def _check_omiopi_email(self):
        for partner in self.filtered(lambda p: p.omiopi_is_person and p.email):
            if not single_email_re.match(partner.email.strip()):
                raise ValidationError(
                    self.env._(
                        "The email address %(email)s of %(name)s is not valid: "
                        "write one address like name@example.com.",
                        email=partner.email,
                        name=partner.name,
                    )
                )

    @api.constrains("phone", "mobile", "country_id", "omiopi_is_person")
    def _check_omiopi_phones(self):
        spain = self._omiopi_spain()
        for partner in self.filtered("omiopi_is_person"):
            for fname in ("phone", "mobile"):
                number = partner[fname]
                if not number:
                    continue
                try:
                    partner._phone_format(
                        number=number,
                        country=partner.country_id or spain,
                        raise_exception=True,
                    )
                except UserError as error:
                    raise ValidationError(
                        self.env._(
                            "The phone number %(number)s of %(name)s is not valid "
                            "(%(reason)s). Write a Spanish number of 9 digits or "
                            "an international number starting with +.",
                            number=number,
                            name=partner.name,
                            reason=error.args[0],
                        )
                    ) from error

    @api.constrains("omiopi_is_person", "omiopi_office_id", "is_company")
    def _check_omiopi_person(self):
        for partner in self.filtered("omiopi_is_person"):
            if partner.is_company:
                raise ValidationError(
                    self.env._("A person served cannot be a company.")
                )
            if not partner.omiopi_office_id:
                raise ValidationError(
                    self.env._(
                        "Choose the office that registers %(name)s.",
                        name=partner.name,
                    )
                )

    @api.constrains("omiopi_arrival_date", "birthdate_date")
    def _check_omiopi_dates(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.omiopi_arrival_date and partner.omiopi_arrival_date > today:
                raise ValidationError(
                    self.env._("The date of arrival in Spain cannot be in the future.")
                )
            if partner.birthdate_date and partner.birthdate_date > today:
                raise ValidationError(
                    self.env._("The date of birth cannot be in the future.")
                )
            if (
                partner.birthdate_date
                and partner.omiopi_arrival_date
                and partner.omiopi_arrival_date < partner.birthdate_date
            ):
                raise ValidationError(
                    self.env._("The date of arrival in Spain is before the birth date.")
                )

    @api.onchange("name")
    def _onchange_omiopi_name(self):
        if self.omiopi_is_person and self.name:
            self.name = normalize_person_name(self.name)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            values.get("omiopi_is_person")
            and "omiopi_office_id" in fields_list
            and not values.get("omiopi_office_id")
        ):
            values["omiopi_office_id"] = self.env.user.omiopi_default_office_id.id
        return values

    @api.model_create_multi
    def create(self, vals_list):
        persons = [vals for vals in vals_list if vals.get("omiopi_is_person")]
        for vals in persons:
            self._omiopi_prepare_person_vals(vals)
        # Odoo's salesperson of a contact is its parent company's, computed
        # before the contact is written (precompute): create() then builds
        # each new contact in memory, with its documents and languages.
        # A person has no parent company: the default is their salesperson,
        # given here for all (an import creates persons by the hundred).
        orphans = [
            vals
            for vals in persons
            if "user_id" not in vals and not vals.get("parent_id")
        ]
        if orphans:
            salesperson = self.default_get(["user_id"]).get("user_id", False)
            for vals in orphans:
                vals["user_id"] = salesperson
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("omiopi_is_person") or (
            ("name" in vals or "phone" in vals or "mobile" in vals)
            and all(self.mapped("omiopi_is_person"))
        ):
            vals = dict(vals)
            self._omiopi_prepare_person_vals(vals, partners=self)
        return super().write(vals)

    def _omiopi_prepare_person_vals(self, vals, partners=None):
        """Normalise a name typed in capitals and phones as people type them."""
        if vals.get("name"):
            vals["name"] = normalize_person_name(vals["name"])
        country = self.env["res.country"].browse(vals.get("country_id"))
        if not country and partners and len(partners) == 1:
            country = partners._omiopi_phone_country()
        country = country or self._omiopi_spain()
        for fname in ("phone", "mobile"):
            if vals.get(fname):
                vals[fname] = (
                    self._phone_format(
                        number=vals[fname],
                        country=country,
                        force_format="INTERNATIONAL",
                    )
                    or vals[fname]
                )
        if not vals.get("omiopi_office_id") and not partners:
            vals["omiopi_office_id"] = self.env.user.omiopi_default_office_id.id

    def _phone_format_number(
        self, number, country, force_format="E164", raise_exception=False
    ):
        """A person's number is parsed when typed (formatted), by the check
        of its validity and by Odoo's sanitized number: each result is kept
        for the transaction (an import creates persons by the hundred)."""
        cache = self.env.cr.cache.setdefault("omiopi_phone_format", {})
        # A number written with its country code reads the same whatever the
        # country (Odoo's sanitized number takes the company's).
        international = number and number.startswith("+") and force_format != "NATIONAL"
        key = (number, not international and country.id, force_format)
        if key not in cache:
            try:
                cache[key] = (
                    super()._phone_format_number(
                        number, country, force_format, raise_exception=True
                    ),
                    None,
                )
            except UserError as error:
                cache[key] = (False, error.args)
        formatted, error = cache[key]
        if error and raise_exception:
            raise UserError(*error)
        return formatted

    def _omiopi_phone_country(self):
        self.ensure_one()
        return self.country_id or self._omiopi_spain()

    def _omiopi_spain(self):
        # env.ref() checks the record exists, a query each time: persons are
        # created by the thousand (imports)
        return self.env["res.country"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("base.es", True)
        )

    def action_omiopi_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_case.omiopi_case_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        if len(self.omiopi_case_ids) == 1:
            action.update(
                views=[(False, "form")],
                view_mode="form",
                res_id=self.omiopi_case_ids.id,
            )
        return action

    # ------------------------------------------------------------------
    # CV
    # ------------------------------------------------------------------

    def action_omiopi_open_case(self):
        """Open a new case file for this person in the user's office."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New case file"),
            "res_model": "omiopi.case",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_partner_id": self.id,
                "default_office_id": self.env.user.omiopi_default_office_id.id
                or self.omiopi_office_id.id,
            },
        }
