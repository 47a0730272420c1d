from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    omiopi_role = fields.Selection(
        selection_add=[("prospector", "Employment prospector"), ("technician",)]
    )

    @api.model
    def _omiopi_role_groups(self):
        """The prospector comes first: technicians and coordinators, who
        also prospect, keep their own role."""
        return {
            "prospector": self.env.ref("omiopi_employer.group_omiopi_prospector"),
            **super()._omiopi_role_groups(),
        }

    @api.model
    def _omiopi_role_home_actions(self):
        """Prospectors land on the pipeline of companies."""
        return {
            **super()._omiopi_role_home_actions(),
            "prospector": "omiopi_employer.omiopi_prospection_action",
        }
