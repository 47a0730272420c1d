from odoo import api, models
from odoo.exceptions import AccessError


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _make_access_error(self, operation, records):
        """Say plainly whose record it is and how access is obtained, for the
        records of the suite; Odoo's own message (a joke about cookies) for
        the others."""
        explain = getattr(records, "_omiopi_access_error_message", None)
        if explain is None:
            return super()._make_access_error(operation, records)
        message = explain(operation)
        if not message:
            return super()._make_access_error(operation, records)
        return AccessError(message)
