from odoo import fields, models


class OmiopiJobCandidacyReason(models.Model):
    """Why a candidacy ended without a hire: the company did not select the
    person, or the person or the office withdrew it."""

    _name = "omiopi.job.candidacy.reason"
    _inherit = "omiopi.catalogue.mixin"
    _description = "Candidacy closing reason"

    outcome = fields.Selection(
        [("not_selected", "Not selected"), ("withdrawn", "Withdrawn")],
        required=True,
        default="not_selected",
    )
