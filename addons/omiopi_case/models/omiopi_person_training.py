from odoo import fields, models


class OmiopiPersonTraining(models.Model):
    """Complementary training with its diploma, as the referral form asks:
    name of the training and number of hours."""

    _name = "omiopi.person.training"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Complementary training of a person"
    _order = "partner_id, date_end desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Training", required=True)
    provider = fields.Char()
    hours = fields.Float()
    date_end = fields.Date(string="Finished on")
    has_diploma = fields.Boolean(string="Diploma")
    is_professional_certificate = fields.Boolean(
        string="Certificate of professionalism"
    )
    certificate_level = fields.Selection(
        [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3")],
        string="Certificate level",
    )

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "name",
            "provider",
            "hours",
            "date_end",
            "has_diploma",
            "is_professional_certificate",
            "certificate_level",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"partner_id"}

    _sql_constraints = [
        ("hours_positive", "CHECK(hours >= 0)", "Hours cannot be negative."),
    ]
