from stdnum.es import dni, nie

from odoo import fields, models
from odoo.exceptions import ValidationError

from ..tools.names import normalize_document_number

# Algorithms python-stdnum ships for Spanish identity numbers.
VALIDATORS = {"es_dni": dni, "es_nie": nie}


class ResPartnerIdCategory(models.Model):
    _inherit = "res.partner.id_category"

    omiopi_validation = fields.Selection(
        [("es_dni", "Spanish DNI"), ("es_nie", "Spanish NIE")],
        string="Check digit validation",
        help="Check the number and its control letter with this algorithm.",
    )
    omiopi_expiry_alert = fields.Boolean(
        string="Alert before expiry",
        default=True,
        help="Warn the case owner when a document of this type is about to expire.",
    )

    def validate_id_number(self, id_number):
        super().validate_id_number(id_number)
        self.ensure_one()
        validator = VALIDATORS.get(self.omiopi_validation)
        if not validator or self.env.context.get("id_no_validate"):
            return
        number = normalize_document_number(id_number.name)
        try:
            validator.validate(number)
        except Exception as error:  # stdnum raises several ValidationError kinds
            raise ValidationError(
                self.env._(
                    "%(number)s is not a valid %(type)s: %(reason)s",
                    number=id_number.name,
                    type=self.name,
                    reason=_describe(self, error),
                )
            ) from error


def _describe(record, error):
    """A sentence a technician understands for each stdnum error."""
    name = type(error).__name__
    if name == "InvalidChecksum":
        return record.env._(
            "the control letter does not match the number (check for a typing error)"
        )
    if name == "InvalidLength":
        return record.env._(
            "it must have 8 digits and a letter (DNI) or a letter, 7 digits and "
            "a letter (NIE)"
        )
    if name == "InvalidFormat":
        return record.env._("letters and digits are not in the expected places")
    return str(error)
