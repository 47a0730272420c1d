from odoo import api, fields, models

COMPANY_SIZES = [
    ("micro", "Micro (1-9)"),
    ("small", "Small (10-49)"),
    ("medium", "Medium (50-249)"),
    ("large", "Large (250 or more)"),
]


class CrmLead(models.Model):
    """An opportunity of the prospection pipeline is a company the
    prospectors approach to collaborate: its stages, sector, size and
    district, the office and prospector that follow it, its offers."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "omiopi.guard.mixin"]

    omiopi_is_prospection = fields.Boolean(
        string="Employer prospection",
        related="team_id.omiopi_prospection",
        store=True,
        index=True,
    )
    omiopi_sector_id = fields.Many2one("omiopi.employer.sector", string="Sector")
    omiopi_company_size = fields.Selection(COMPANY_SIZES, string="Company size")
    omiopi_district_id = fields.Many2one("omiopi.district", string="District")
    omiopi_office_id = fields.Many2one(
        "omiopi.office",
        string="Office",
        index=True,
        default=lambda self: self.env.user.omiopi_default_office_id,
        help="Office whose prospectors follow the company.",
    )
    omiopi_hiring_guide_sent = fields.Boolean(
        string="Hiring guide sent",
        help="The guide on hiring foreign workers and diversity hiring was "
        "given to the company.",
    )
    omiopi_job_offer_ids = fields.One2many(
        "omiopi.job.offer",
        "lead_id",
        string="Job offers",
        readonly=True,
    )
    omiopi_job_offer_count = fields.Integer(
        string="Offers", compute="_compute_omiopi_job_offer_count"
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "omiopi_sector_id",
            "omiopi_company_size",
            "omiopi_district_id",
            "omiopi_office_id",
            "omiopi_hiring_guide_sent",
        }

    @api.depends("omiopi_job_offer_ids")
    def _compute_omiopi_job_offer_count(self):
        counts = {
            lead.id: count
            for lead, count in self.env["omiopi.job.offer"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        }
        for lead in self:
            lead.omiopi_job_offer_count = counts.get(lead.id, 0)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        # The prospection pipeline shows its own stages, not the sales ones
        # that have no team.
        team = self.env["crm.team"].browse(self.env.context.get("default_team_id"))
        if team.exists() and team.omiopi_prospection:
            return stages.search(
                ["|", ("id", "in", stages.ids), ("team_id", "=", team.id)],
                order=stages._order,
            )
        return super()._read_group_stage_ids(stages, domain)

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        teams = self.env["crm.team"].browse(team_id).exists() | self.team_id
        if teams and all(teams.mapped("omiopi_prospection")):
            return self.env["crm.stage"].search(
                [("team_id", "in", teams.ids)] + list(domain or []),
                order=order,
                limit=limit,
            )
        return super()._stage_find(
            team_id=team_id, domain=domain, order=order, limit=limit
        )

    def action_view_omiopi_job_offers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_employer.omiopi_job_offer_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {
            "default_lead_id": self.id,
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_office_id": self.omiopi_office_id.id,
            "default_sector_id": self.omiopi_sector_id.id,
            "default_district_id": self.omiopi_district_id.id,
        }
        return action
