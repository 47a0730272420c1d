from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiProgram(models.Model):
    """A programme referrals belong to (the CONNECTION pilot: 50 cases from
    15 September to 5 November 2022, with targets per profile)."""

    _name = "omiopi.program"
    _description = "Programme"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    target_count = fields.Integer(
        string="Target (cases)",
        tracking=True,
        help="Number of cases the programme aims at.",
    )
    coordinator_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=[("share", "=", False)],
        help="Follows the programme's referrals: gets the weekly follow-up activities.",
    )
    description = fields.Html()
    target_ids = fields.One2many(
        "omiopi.program.target", "program_id", string="Targets per profile"
    )
    referral_ids = fields.One2many(
        "omiopi.referral", "program_id", string="Referrals", readonly=True
    )
    referral_count = fields.Integer(
        string="Referrals submitted", compute="_compute_results"
    )
    accepted_count = fields.Integer(
        string="Referrals accepted", compute="_compute_results"
    )
    excluded_count = fields.Integer(
        string="Referrals excluded", compute="_compute_results"
    )
    progress_basis = fields.Selection(
        [
            ("received", "Referrals received"),
            ("admitted", "Referrals admitted (received minus the excluded)"),
        ],
        string="Progress counts",
        required=True,
        default="admitted",
        tracking=True,
        help="What the progress counts against the target. The CONNECTION pilot "
        "published 72 %: the 36 referrals received of its 50-case target.",
    )
    progress_count = fields.Integer(string="Cases counted", compute="_compute_results")
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_results",
        help="The referrals counted (received or admitted, as the programme says) "
        "against the target.",
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "code",
            "active",
            "date_start",
            "date_end",
            "target_count",
            "progress_basis",
            "coordinator_id",
            "description",
            "target_ids",
        }

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for program in self:
            if program.date_end and program.date_end < program.date_start:
                raise ValidationError(
                    self.env._("A programme cannot end before it starts.")
                )

    @api.depends(
        "referral_ids.stage_type",
        "referral_ids.is_excluded",
        "target_count",
        "progress_basis",
    )
    def _compute_results(self):
        Referral = self.env["omiopi.referral"]
        base = [("program_id", "in", self.ids), ("date_submitted", "!=", False)]
        submitted = dict(Referral._read_group(base, ["program_id"], ["__count"]))
        excluded = dict(
            Referral._read_group(
                [*base, ("is_excluded", "=", True)], ["program_id"], ["__count"]
            )
        )
        accepted = dict(
            Referral._read_group(
                [*base, ("date_accepted", "!=", False)], ["program_id"], ["__count"]
            )
        )
        for program in self:
            program.referral_count = submitted.get(program, 0)
            program.excluded_count = excluded.get(program, 0)
            program.accepted_count = accepted.get(program, 0)
            counted = program.referral_count
            if program.progress_basis == "admitted":
                counted -= program.excluded_count
            program.progress_count = counted
            program.progress = (
                100.0 * counted / program.target_count if program.target_count else 0.0
            )

    def action_view_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_referral.omiopi_referral_action"
        )
        action["domain"] = [("program_id", "=", self.id)]
        action["context"] = {"default_program_id": self.id}
        return action

    def action_open_report(self):
        self.ensure_one()
        wizard = self.env["omiopi.referral.report.wizard"].create(
            {
                "program_id": self.id,
                "date_from": self.date_start,
                "date_to": self.date_end or fields.Date.context_today(self),
            }
        )
        return wizard._open()
