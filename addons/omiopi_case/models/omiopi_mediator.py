from odoo import fields, models


class OmiopiMediator(models.Model):
    """A cultural mediator or interpreter the offices call on (seed 003:
    mediators available during opening hours; seed 000: the telephone
    interpretation service): a member of staff or a provider's, with the
    languages they cover."""

    _name = "omiopi.mediator"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_configuration = True
    _description = "Mediator or interpreter"
    _order = "name, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    user_id = fields.Many2one(
        "res.users",
        string="Staff member",
        domain=[("share", "=", False)],
        help="When the mediator works in the offices: the appointments go to "
        "their calendar.",
    )
    provider = fields.Char(help="The association or company they come from.")
    phone = fields.Char()
    email = fields.Char()
    language_ids = fields.Many2many(
        "omiopi.language",
        "omiopi_mediator_language_rel",
        "mediator_id",
        "language_id",
        string="Languages",
        required=True,
    )
    office_ids = fields.Many2many(
        "omiopi.office",
        "omiopi_mediator_office_rel",
        "mediator_id",
        "office_id",
        string="Offices",
        help="The offices they serve; empty for all of them.",
    )
    note = fields.Text(string="Availability and notes")
