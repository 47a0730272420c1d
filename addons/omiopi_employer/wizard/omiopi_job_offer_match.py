from odoo import Command, fields, models
from odoo.exceptions import UserError

# Rows shown to the user: the best-ranked persons.
MATCH_LIMIT = 50


class OmiopiJobOfferMatch(models.TransientModel):
    """The persons who may be proposed for an offer, ranked by the
    requirements they meet, with the reasons; the user ticks the ones to
    propose."""

    _name = "omiopi.job.offer.match"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Match persons to a job offer"

    offer_id = fields.Many2one("omiopi.job.offer", required=True, ondelete="cascade")
    requirement_summary = fields.Char(related="offer_id.requirement_summary")
    line_ids = fields.One2many("omiopi.job.offer.match.line", "wizard_id")
    found_count = fields.Integer(string="Persons found", readonly=True)

    def _fill_lines(self):
        self.ensure_one()
        results = self.offer_id._match_persons(limit=MATCH_LIMIT)
        self.found_count = self.offer_id._match_count()
        self.line_ids = [
            Command.create(
                {
                    "partner_id": result["partner"].id,
                    "score": result["score"],
                    "score_total": result["total"],
                    "met": ", ".join(result["met"]),
                    "missing": ", ".join(result["missing"]),
                }
            )
            for result in results[:MATCH_LIMIT]
        ]

    def action_propose(self):
        self.ensure_one()
        lines = self.line_ids.filtered("selected")
        if not lines:
            raise UserError(self.env._("Tick the persons to propose first."))
        candidacies = (
            self.env["omiopi.job.candidacy"]
            ._omiopi_procedure("score", "score_total")
            .create(
                [
                    {
                        "offer_id": self.offer_id.id,
                        "partner_id": line.partner_id.id,
                        "score": line.score,
                        "score_total": line.score_total,
                    }
                    for line in lines
                ]
            )
        )
        action = self.offer_id.action_view_candidacies()
        action["domain"] = [("id", "in", candidacies.ids)]
        return action
