from odoo import api, models

from odoo.addons.omiopi_case.tools.privacy import PrivacyEntry


class OmiopiPrivacy(models.AbstractModel):
    """What omiopi_training keeps about a person: enrolments, attendance
    and certificates. Anonymised, they remain for the courses' figures
    without the reasons written on the enrolment and the document number
    printed on the certificate."""

    _inherit = "omiopi.privacy"

    @api.model
    def _entries(self):
        return super()._entries() + [
            PrivacyEntry(
                self.env._("Training enrolments"),
                "omiopi.training.enrolment",
                statistics=("gender", "nationality_id", "age_band", "attendance_rate"),
            ),
            PrivacyEntry(
                self.env._("Training attendance"),
                "omiopi.training.attendance",
                "enrolment_id.partner_id",
                statistics=("gender",),
            ),
            PrivacyEntry(self.env._("Certificates"), "omiopi.training.certificate"),
        ]
