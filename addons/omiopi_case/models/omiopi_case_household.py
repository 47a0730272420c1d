from odoo import api, fields, models

RELATIONS = [
    ("partner", "Spouse or partner"),
    ("child", "Son or daughter"),
    ("parent", "Father or mother"),
    ("sibling", "Brother or sister"),
    ("other", "Other relative"),
]


class OmiopiCaseHousehold(models.Model):
    """A member of the person's family unit, in Spain or abroad (family
    reunification is one of the reasons people come to the offices)."""

    _name = "omiopi.case.household"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Household member"
    _order = "case_id, id"

    case_id = fields.Many2one(
        "omiopi.case", string="Case file", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        ondelete="restrict",
        domain=[("is_company", "=", False)],
    )
    relation = fields.Selection(RELATIONS, required=True, default="other")
    birthdate_date = fields.Date(related="partner_id.birthdate_date", readonly=False)
    lives_with = fields.Boolean(string="Lives with the person")
    in_spain = fields.Boolean(default=True)
    reunification = fields.Boolean(
        string="Family reunification",
        help="The person wants to bring this member to Spain.",
    )
    note = fields.Char()

    def _omiopi_user_fields(self):
        return super()._omiopi_user_fields() | {
            "relation",
            "lives_with",
            "in_spain",
            "reunification",
            "note",
        }

    def _omiopi_create_fields(self):
        return super()._omiopi_create_fields() | {"case_id", "partner_id"}

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members._protect_members()
        return members

    def write(self, vals):
        res = super().write(vals)
        if "partner_id" in vals:
            self._protect_members()
        return res

    def _protect_members(self):
        # A relative recorded in a case file is as protected as the person.
        for member in self:
            if not member.partner_id.omiopi_is_person:
                member.partner_id._omiopi_procedure(
                    "omiopi_is_person", "omiopi_office_id"
                ).write(
                    {
                        "omiopi_is_person": True,
                        "omiopi_office_id": member.case_id.office_id.id,
                    }
                )
