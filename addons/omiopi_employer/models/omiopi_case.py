from odoo import api, fields, models


class OmiopiCase(models.Model):
    _inherit = "omiopi.case"

    candidacy_ids = fields.One2many(
        "omiopi.job.candidacy",
        "case_id",
        string="Candidacies",
        readonly=True,
    )
    insertion_ids = fields.One2many(
        "omiopi.job.insertion",
        "case_id",
        string="Job insertions",
        readonly=True,
    )
    insertion_count = fields.Integer(
        string="Job insertions count", compute="_compute_insertion_count", store=True
    )
    has_insertion = fields.Boolean(
        string="With a job insertion",
        compute="_compute_insertion_count",
        store=True,
        help="Itineraries against insertions: group the case files by this.",
    )

    @api.depends("insertion_ids")
    def _compute_insertion_count(self):
        # Counted in the database: the cache of insertion_ids may hold only
        # what the user who triggered the computation can read.
        counts = dict(
            self.env["omiopi.job.insertion"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        for case in self:
            case.insertion_count = counts.get(case._origin, 0)
            case.has_insertion = bool(case.insertion_count)

    def action_view_insertions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_employer.omiopi_job_insertion_action"
        )
        action["domain"] = [("case_id", "=", self.id)]
        action["context"] = {
            "default_case_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action
