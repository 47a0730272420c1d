from odoo import api, fields, models
from odoo.exceptions import UserError


class OmiopiReferral(models.Model):
    _inherit = "omiopi.referral"

    enrolment_ids = fields.One2many(
        "omiopi.training.enrolment",
        "referral_id",
        string="Training applications",
        readonly=True,
    )
    enrolment_count = fields.Integer(
        string="Number of training applications",
        compute="_compute_enrolment_count",
    )
    can_apply_training = fields.Boolean(
        string="Can become a training application",
        compute="_compute_can_apply_training",
    )

    @api.depends("enrolment_ids")
    def _compute_enrolment_count(self):
        counts = {
            referral.id: count
            for referral, count in self.env["omiopi.training.enrolment"]._read_group(
                [("referral_id", "in", self.ids)], ["referral_id"], ["__count"]
            )
        }
        for referral in self:
            referral.enrolment_count = counts.get(referral.id, 0)

    @api.depends("stage_type", "target_area_id")
    def _compute_can_apply_training(self):
        training = self.env.ref("omiopi_case.area_training")
        for referral in self:
            referral.can_apply_training = (
                referral.stage_type == "in_progress"
                and referral.target_area_id == training
            )

    def action_apply_training(self):
        """Open a new application to a training edition for the referred
        person, linked to the referral; the user chooses the edition."""
        self.ensure_one()
        if not self.can_apply_training:
            raise UserError(
                self.env._(
                    "Only an accepted referral to the training area becomes a "
                    "training application."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Training application"),
            "res_model": "omiopi.training.enrolment",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_case_id": self.case_id.id,
                "default_referral_id": self.id,
            },
        }

    def action_view_enrolments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_training.omiopi_training_enrolment_action"
        )
        action["domain"] = [("referral_id", "=", self.id)]
        action["context"] = {}
        return action
