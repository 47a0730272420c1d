from odoo import api, models

from .auditlog_rule import PendingLogs


class AuditlogLog(models.Model):
    _inherit = "auditlog.log"

    @api.model_create_multi
    def create(self, vals_list):
        # Inside auditlog.rule.create_logs (see there): kept to be created
        # with the other logs of the same call.
        pending = self.env.context.get("omiopi_auditlog_pending")
        if isinstance(pending, PendingLogs):
            pending.vals_list.extend(vals_list)
            return self.browse()
        return super().create(vals_list)
