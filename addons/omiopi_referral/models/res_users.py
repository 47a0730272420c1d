from odoo import api, models


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _omiopi_role_home_actions(self):
        """Section heads and coordinators land on the referrals waiting for
        their decision."""
        homes = super()._omiopi_role_home_actions()
        decisions = "omiopi_referral.omiopi_referral_action_decisions"
        homes.update(section_head=decisions, coordinator=decisions)
        return homes
