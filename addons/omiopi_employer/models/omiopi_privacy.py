from odoo import api, models

from odoo.addons.omiopi_case.tools.privacy import PrivacyEntry


class OmiopiPrivacy(models.AbstractModel):
    """What omiopi_employer keeps about a person: candidacies to offers and
    the jobs obtained. Anonymised, they remain for the insertion figures
    without their notes."""

    _inherit = "omiopi.privacy"

    @api.model
    def _entries(self):
        figures = ("gender", "nationality_id", "age_band")
        return super()._entries() + [
            PrivacyEntry(
                self.env._("Candidacies"), "omiopi.job.candidacy", statistics=figures
            ),
            PrivacyEntry(
                self.env._("Job insertions"),
                "omiopi.job.insertion",
                statistics=(*figures, "education_level_id"),
            ),
        ]
