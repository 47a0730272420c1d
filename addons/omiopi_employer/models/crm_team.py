from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    omiopi_prospection = fields.Boolean(
        string="Employer prospection",
        help="The team's pipeline follows companies prospected by the "
        "employment services, with the prospection stages only.",
    )
