from odoo import api, fields, models


class OmiopiCase(models.Model):
    _inherit = "omiopi.case"

    candidacy_ids = fields.One2many(
        "omiopi.job.candidacy", "case_id", string="Candidacies"
    )
    insertion_ids = fields.One2many(
        "omiopi.job.insertion", "case_id", string="Job insertions"
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
        for case in self:
            case.insertion_count = len(case.insertion_ids)
            case.has_insertion = bool(case.insertion_ids)

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
