from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OmiopiTrainingEnrolment(models.Model):
    _inherit = "omiopi.training.enrolment"

    referral_id = fields.Many2one(
        "omiopi.referral",
        index=True,
        readonly=True,
        copy=False,
        help="The referral to the training area this application comes from.",
    )

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"referral_id"}

    @api.constrains("referral_id", "partner_id")
    def _check_referral_person(self):
        for enrolment in self.filtered("referral_id"):
            if enrolment.referral_id.partner_id != enrolment.partner_id:
                raise ValidationError(
                    self.env._(
                        "The referral %(referral)s is not about %(person)s.",
                        referral=enrolment.referral_id.name,
                        person=enrolment.partner_id.name,
                    )
                )
