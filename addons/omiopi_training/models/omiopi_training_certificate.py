from odoo import api, fields, models

from odoo.addons.omiopi_case.tools.security import SENSITIVE


class OmiopiTrainingCertificate(models.Model):
    """The certificate of a completed training: numbered, with its hours and
    dates, and its PDF kept with the person's other documents."""

    _name = "omiopi.training.certificate"
    _description = "Training certificate"
    _inherit = ["mail.thread", "omiopi.guard.mixin"]
    _order = "date_issued desc, id desc"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    enrolment_id = fields.Many2one(
        "omiopi.training.enrolment", required=True, readonly=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        related="enrolment_id.partner_id", store=True, string="Person", index=True
    )
    course_id = fields.Many2one(related="enrolment_id.course_id", store=True)
    edition_id = fields.Many2one(related="enrolment_id.edition_id", store=True)
    office_id = fields.Many2one(related="enrolment_id.office_id", store=True)
    hours = fields.Float(required=True, readonly=True)
    date_start = fields.Date(string="From", required=True, readonly=True)
    date_end = fields.Date(string="To", required=True, readonly=True)
    date_issued = fields.Date(
        string="Issued on",
        required=True,
        default=fields.Date.context_today,
        readonly=True,
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="PDF", readonly=True, copy=False
    )
    holder_document = fields.Char(
        string="Holder's document",
        readonly=True,
        groups=SENSITIVE,
        help="The identity document of the person on the day the certificate "
        "was issued, as printed on it.",
    )

    _sql_constraints = [
        ("name_unique", "unique(name)", "Certificate numbers are unique."),
        (
            "enrolment_unique",
            "unique(enrolment_id)",
            "An enrolment has one certificate.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "omiopi.training.certificate"
                )
        return super().create(vals_list)

    def _store_pdf(self):
        """Render the certificate in Spanish and keep it as an attachment of
        the certificate (readable with the certificate's access rules)."""
        report = self.env.ref("omiopi_training.action_report_certificate")
        for certificate in self:
            content, _kind = (
                self.env["ir.actions.report"]
                .with_context(lang="es_ES")
                ._render_qweb_pdf(report.report_name, certificate.ids)
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{certificate.name.replace('/', '-')}.pdf",
                    "raw": content,
                    "res_model": certificate._name,
                    "res_id": certificate.id,
                    "mimetype": "application/pdf",
                }
            )
            certificate.attachment_id = attachment

    def action_print(self):
        return self.env.ref("omiopi_training.action_report_certificate").report_action(
            self
        )

    def action_send(self):
        """Send the certificate to the person by email, with the PDF."""
        self.ensure_one()
        template = self.env.ref("omiopi_training.mail_template_certificate")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_attachment_ids": [(6, 0, self.attachment_id.ids)],
            },
        }
