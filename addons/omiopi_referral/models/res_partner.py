from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    omiopi_referral_ids = fields.One2many(
        "omiopi.referral",
        "partner_id",
        string="Referrals",
        readonly=True,
    )
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

    @api.model
    def _omiopi_readable_branches(self, offices):
        """The persons referred to an office: its members read them (never
        edit them) from the moment the referral reaches it until it is closed
        or refused (the referral itself stays readable)."""
        return super()._omiopi_readable_branches(offices) + [
            [
                (
                    "omiopi_referral_ids",
                    "any",
                    [
                        ("receiving_office_id", "in", offices.ids),
                        ("shared_with_receiver", "=", True),
                        ("stage_type", "in", ("approval", "in_progress")),
                    ],
                )
            ]
        ]

    def action_omiopi_view_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_referral.omiopi_referral_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
