from odoo import fields, models


class OmiopiCase(models.Model):
    _inherit = "omiopi.case"

    referral_ids = fields.One2many(
        "omiopi.referral", "case_id", string="Referrals", readonly=True
    )
    referral_count = fields.Integer(
        string="Number of referrals", compute="_compute_referral_count"
    )

    def _compute_referral_count(self):
        counts = dict(
            self.env["omiopi.referral"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        for case in self:
            case.referral_count = counts.get(case, 0)

    def action_view_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_referral.omiopi_referral_action"
        )
        action["domain"] = [("case_id", "=", self.id)]
        action["context"] = {
            "default_case_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action
