from odoo import fields, models


class OmiopiCatalogueMixin(models.AbstractModel):
    """Common shape of the lists administrators configure (areas, checklist
    items, legal situations...): a translated name, a stable code that data
    files and rules can refer to, an order, and archiving instead of deletion."""

    _name = "omiopi.catalogue.mixin"
    _inherit = ["omiopi.guard.mixin"]
    _omiopi_configuration = True
    _description = "Configurable list entry"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        help="Stable technical code, used by data files, reports and criteria."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
