"""The person's CV: printed, and attached to the person."""

from odoo import models


# The person is split by concern (see README.md, "Where each concern lives").
class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _omiopi_cv_pdf(self):
        """The person's one-page CV (studies, languages, experience, driving
        licences, training), rendered with the user's rights: (content, file
        name)."""
        self.ensure_one()
        content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "omiopi_case.action_report_person_cv", self.ids
        )
        return content, self.env._("CV %(name)s.pdf", name=self.name)

    def action_omiopi_print_cv(self):
        self.ensure_one()
        return self.env.ref("omiopi_case.action_report_person_cv").report_action(self)

    def action_omiopi_attach_cv(self):
        """Attach today's CV to the person, in the chatter."""
        self.ensure_one()
        self.check_access("write")
        content, filename = self._omiopi_cv_pdf()
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": content,
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/pdf",
            }
        )
        self.message_post(
            body=self.env._("CV generated from the person's data."),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )
        return True
