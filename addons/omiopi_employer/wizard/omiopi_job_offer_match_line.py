from odoo import api, fields, models


class OmiopiJobOfferMatchLine(models.TransientModel):
    _name = "omiopi.job.offer.match.line"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Person matched to a job offer"
    _order = "score desc, id"

    wizard_id = fields.Many2one(
        "omiopi.job.offer.match", required=True, ondelete="cascade"
    )
    selected = fields.Boolean(string="Propose")
    partner_id = fields.Many2one("res.partner", string="Person", required=True)
    job_seeker = fields.Boolean(
        related="partner_id.omiopi_job_seeker", compute_sudo=False
    )
    availability = fields.Selection(
        related="partner_id.omiopi_availability", compute_sudo=False
    )
    score = fields.Integer(string="Requirements met")
    score_total = fields.Integer(string="Requirements")
    score_display = fields.Char(string="Meets / asks", compute="_compute_score_display")
    met = fields.Char(string="Meets")
    missing = fields.Char(string="Lacks")

    @api.depends("score", "score_total")
    def _compute_score_display(self):
        for line in self:
            line.score_display = f"{line.score}/{line.score_total}"
