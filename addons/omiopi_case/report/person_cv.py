from odoo import api, models


class PersonCv(models.AbstractModel):
    """The values of the person's CV: the persons the user may read, checked
    before anything is rendered (a clear access error, not a template one)."""

    _name = "report.omiopi_case.report_person_cv"
    _description = "Person's CV"

    @api.model
    def _get_report_values(self, docids, data=None):
        persons = self.env["res.partner"].browse(docids)
        persons.check_access("read")
        return {"doc_ids": docids, "doc_model": "res.partner", "docs": persons}
