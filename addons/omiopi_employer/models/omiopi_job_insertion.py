from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .omiopi_job_offer import CONTRACT_TYPES, WORKING_DAYS


class OmiopiJobInsertion(models.Model):
    """A job a person got, through a candidacy or on their own: the result
    the offices report (seed 001: 307 itineraries, 126 job insertions)."""

    _name = "omiopi.job.insertion"
    _description = "Job insertion"
    _inherit = ["mail.thread", "omiopi.person.figures.mixin", "omiopi.guard.mixin"]
    _order = "date_start desc, id desc"
    _figures_date_field = "date_start"

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
        required=True,
        index=True,
        ondelete="restrict",
        compute="_compute_case_id",
        store=True,
        precompute=True,
        readonly=False,
        domain="[('partner_id', '=', partner_id)]",
        help="By default the person's open case file (the latest one when all "
        "are closed).",
    )
    office_id = fields.Many2one(
        related="case_id.office_id", store=True, string="Office", index=True
    )
    candidacy_id = fields.Many2one("omiopi.job.candidacy", readonly=True, index=True)
    offer_id = fields.Many2one(
        related="candidacy_id.offer_id", store=True, string="Job offer"
    )
    source = fields.Selection(
        [("candidacy", "Candidacy sent by the offices"), ("direct", "Found directly")],
        compute="_compute_source",
        store=True,
    )
    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
    )
    position = fields.Char(required=True)
    contract_type = fields.Selection(CONTRACT_TYPES, required=True)
    working_day = fields.Selection(WORKING_DAYS, default="full_time", required=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    duration_months = fields.Integer(
        string="Duration (months)", help="Leave at 0 for a permanent contract."
    )
    date_end = fields.Date(
        string="Expected end", compute="_compute_date_end", store=True
    )
    social_security = fields.Boolean(
        string="Registered with Social Security", default=True
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
    note = fields.Text()
    education_level_id = fields.Many2one(
        related="case_id.education_level_id", store=True, string="Studies"
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "employer_id",
            "position",
            "contract_type",
            "working_day",
            "date_start",
            "duration_months",
            "social_security",
            "user_id",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {
            "partner_id",
            "case_id",
        }

    @api.depends("candidacy_id")
    def _compute_source(self):
        for insertion in self:
            insertion.source = "candidacy" if insertion.candidacy_id else "direct"

    @api.depends("date_start", "duration_months")
    def _compute_date_end(self):
        for insertion in self:
            insertion.date_end = (
                insertion.date_start + relativedelta(months=insertion.duration_months)
                if insertion.date_start and insertion.duration_months
                else False
            )

    @api.depends("partner_id", "position", "employer_id")
    def _compute_display_name(self):
        for insertion in self:
            insertion.display_name = self.env._(
                "%(person)s: %(position)s at %(employer)s",
                person=insertion.partner_id.name or "",
                position=insertion.position or "",
                employer=insertion.employer_id.name or "",
            )

    @api.depends("partner_id")
    def _compute_case_id(self):
        for insertion in self:
            cases = insertion.partner_id.omiopi_case_ids
            insertion.case_id = (
                cases.filtered(lambda c: c.state != "closed")[:1] or cases[:1]
            )

    @api.constrains("social_security", "duration_months")
    def _check_conditions(self):
        for insertion in self:
            if not insertion.social_security:
                raise ValidationError(
                    self.env._(
                        "A job insertion is a job with a contract and registration "
                        "with Social Security: %(position)s is not.",
                        position=insertion.position,
                    )
                )
            if insertion.duration_months < 0:
                raise ValidationError(self.env._("The duration cannot be negative."))

    @api.constrains("partner_id", "case_id")
    def _check_case(self):
        # sudo: compares two ids (a prospector may not read case files)
        for insertion in self.sudo():
            if insertion.case_id.partner_id != insertion.partner_id:
                raise ValidationError(
                    self.env._(
                        "The case file %(case)s is not the case file of %(person)s.",
                        case=insertion.case_id.name,
                        person=insertion.partner_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        insertions = super().create(vals_list)
        insertions._apply_to_cases()
        return insertions

    def _apply_to_cases(self):
        """The job closes the employment steps of the person's itinerary and
        is told on the case file's chatter. Done as superuser: the user may
        record the job (prospectors do, from a hire) without the right to
        change the case file itself; nothing is read back to the user."""
        employment = self.env.ref("omiopi_case.area_employment")
        for insertion in self:
            # sudo: prospectors record hires without the right to change the case
            # (docstring); nothing is read back
            case = insertion.case_id.sudo()
            steps = case.step_ids.filtered(
                lambda s: (
                    s.area_id == employment and s.state in ("planned", "in_progress")
                )
            )
            steps.write({"state": "done", "date_done": insertion.date_start})
            case.message_post(
                body=self.env._(
                    "Job insertion: %(position)s at %(employer)s from %(date)s.",
                    position=insertion.position,
                    employer=insertion.employer_id.name,
                    date=insertion.date_start,
                ),
                subtype_xmlid="mail.mt_note",
            )
