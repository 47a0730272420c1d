from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    omiopi_enrolment_ids = fields.One2many(
        "omiopi.training.enrolment",
        "partner_id",
        string="Training enrolments",
        readonly=True,
    )
    omiopi_certificate_ids = fields.One2many(
        "omiopi.training.certificate",
        "partner_id",
        string="Training certificates",
        readonly=True,
    )
    omiopi_certificate_count = fields.Integer(
        string="Number of certificates", compute="_compute_omiopi_certificate_count"
    )

    def _compute_omiopi_certificate_count(self):
        counts = dict(
            self.env["omiopi.training.certificate"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.omiopi_certificate_count = counts.get(partner, 0)

    def action_omiopi_view_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "omiopi_training.omiopi_training_certificate_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        return action

    @api.model
    def _omiopi_readable_branches(self, offices):
        """The applicants and learners of the editions an office organises:
        its members read them to select them, take attendance and certify."""
        return super()._omiopi_readable_branches(offices) + [
            [("omiopi_enrolment_ids.edition_id.office_id", "in", offices.ids)]
        ]
