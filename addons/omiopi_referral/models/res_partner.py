from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    omiopi_referral_count = fields.Integer(
        string="Number of referrals", compute="_compute_omiopi_referral_count"
    )

    def _compute_omiopi_referral_count(self):
        counts = dict(
            self.env["omiopi.referral"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.omiopi_referral_count = counts.get(partner, 0)

    def action_omiopi_view_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_referral.omiopi_referral_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _omiopi_personal_data_sections(self):
        sections = super()._omiopi_personal_data_sections()
        referrals = self.env["omiopi.referral"].search([("partner_id", "=", self.id)])
        return sections + [
            (self.env._("Referrals"), referrals),
            (self.env._("Referral decisions"), referrals.decision_ids),
        ]
