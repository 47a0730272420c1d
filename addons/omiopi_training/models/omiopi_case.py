from odoo import fields, models


class OmiopiCase(models.Model):
    _inherit = "omiopi.case"

    enrolment_ids = fields.One2many(
        "omiopi.training.enrolment",
        "case_id",
        string="Training",
        readonly=True,
    )
    enrolment_count = fields.Integer(
        string="Number of enrolments", compute="_compute_enrolment_count"
    )

    def _compute_enrolment_count(self):
        counts = dict(
            self.env["omiopi.training.enrolment"]._read_group(
                [("case_id", "in", self.ids)], ["case_id"], ["__count"]
            )
        )
        for case in self:
            case.enrolment_count = counts.get(case, 0)

    def action_view_enrolments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_training.omiopi_training_enrolment_action"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        action["context"] = {
            "default_partner_id": self.partner_id.id,
            "default_case_id": self.id,
        }
        return action
