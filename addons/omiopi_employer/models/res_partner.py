from odoo import api, fields, models

AVAILABILITY = [
    ("immediate", "Immediate"),
    ("two_weeks", "Within two weeks"),
    ("month", "Within a month"),
    ("not_available", "Not available now"),
]


class ResPartner(models.Model):
    """Companies show their offers, candidates and hires; persons their
    availability for a job, their candidacies and their jobs."""

    _inherit = "res.partner"

    # Person: the employment side of the case, also seen by prospectors.
    omiopi_availability = fields.Selection(AVAILABILITY, string="Availability")
    omiopi_preferred_working_day = fields.Selection(
        [("full_time", "Full time"), ("part_time", "Part time"), ("any", "Either")],
        string="Working day sought",
    )
    omiopi_sector_ids = fields.Many2many(
        "omiopi.employer.sector", string="Sectors of interest"
    )
    omiopi_has_open_case = fields.Boolean(
        string="Open case file",
        compute="_compute_omiopi_has_open_case",
        store=True,
        index=True,
        help="Stored so that prospectors, who do not read case files, can "
        "match persons to offers.",
    )
    omiopi_candidacy_ids = fields.One2many(
        "omiopi.job.candidacy",
        "partner_id",
        string="Candidacies",
        readonly=True,
    )
    omiopi_insertion_ids = fields.One2many(
        "omiopi.job.insertion",
        "partner_id",
        string="Jobs",
        readonly=True,
    )
    # Company
    omiopi_job_offer_ids = fields.One2many(
        "omiopi.job.offer",
        "partner_id",
        string="Job offers",
        readonly=True,
    )
    omiopi_job_offer_count = fields.Integer(
        string="Offers", compute="_compute_omiopi_employer_counts"
    )
    omiopi_employer_candidacy_count = fields.Integer(
        string="Candidates sent", compute="_compute_omiopi_employer_counts"
    )
    omiopi_employer_hire_count = fields.Integer(
        string="Hires", compute="_compute_omiopi_employer_counts"
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "omiopi_availability",
            "omiopi_preferred_working_day",
            "omiopi_sector_ids",
        }

    @api.model
    def _omiopi_readable_branches(self, offices):
        """A prospector reads the candidates to the offers of their offices."""
        branches = super()._omiopi_readable_branches(offices)
        if self.env.user.has_group("omiopi_employer.group_omiopi_prospector"):
            branches.append([("omiopi_candidacy_ids.office_id", "in", offices.ids)])
        return branches

    @api.depends("omiopi_case_ids.state")
    def _compute_omiopi_has_open_case(self):
        # Read in the database: the cache of omiopi_case_ids may hold only
        # the case files of the offices of the user who closed one.
        open_cases = dict(
            self.env["omiopi.case"]._read_group(
                [("partner_id", "in", self._origin.ids), ("state", "!=", "closed")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.omiopi_has_open_case = bool(open_cases.get(partner._origin))

    @api.depends("omiopi_job_offer_ids")
    def _compute_omiopi_employer_counts(self):
        # Counted with the user's rights: only what they may open.
        def count(model, field, domain):
            return {
                partner.id: total
                for partner, total in self.env[model]._read_group(
                    [(field, "in", self.ids)] + domain, [field], ["__count"]
                )
            }

        offers = count("omiopi.job.offer", "partner_id", [])
        sent = count(
            "omiopi.job.candidacy", "employer_id", [("state", "!=", "proposed")]
        )
        hires = count("omiopi.job.insertion", "employer_id", [])
        for partner in self:
            partner.omiopi_job_offer_count = offers.get(partner.id, 0)
            partner.omiopi_employer_candidacy_count = sent.get(partner.id, 0)
            partner.omiopi_employer_hire_count = hires.get(partner.id, 0)

    def _omiopi_employer_action(self, xmlid, field, extra_domain=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(field, "=", self.id)] + (extra_domain or [])
        return action

    def action_view_omiopi_job_offers(self):
        action = self._omiopi_employer_action(
            "omiopi_employer.omiopi_job_offer_action", "partner_id"
        )
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_omiopi_employer_candidacies(self):
        return self._omiopi_employer_action(
            "omiopi_employer.omiopi_job_candidacy_action",
            "employer_id",
            [("state", "!=", "proposed")],
        )

    def action_view_omiopi_employer_hires(self):
        return self._omiopi_employer_action(
            "omiopi_employer.omiopi_job_insertion_action", "employer_id"
        )
