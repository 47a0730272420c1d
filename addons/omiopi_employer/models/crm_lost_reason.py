from odoo import fields, models


class CrmLostReason(models.Model):
    """CRM's lost reasons, some of them the reasons a company's prospection
    stops: the prospector chooses among those only."""

    _inherit = "crm.lost.reason"

    omiopi_prospection = fields.Boolean(
        string="Employer prospection",
        help="Offered when the prospection of a company stops.",
    )
