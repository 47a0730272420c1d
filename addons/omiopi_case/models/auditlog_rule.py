from odoo import models


class PendingLogs:
    """The audit logs of one call of create_logs, created together at its
    end. An object, not a list or a string: a context sent over RPC is JSON
    and cannot hold one, so no caller can keep logs from being written."""

    __slots__ = ("vals_list",)

    def __init__(self):
        self.vals_list = []


class AuditlogRule(models.Model):
    _inherit = "auditlog.rule"

    def create_logs(
        self,
        uid,
        res_model,
        res_ids,
        method,
        old_values=None,
        new_values=None,
        additional_log_values=None,
    ):
        """OCA auditlog creates the log of each record on its own, and reads
        each record's name on its own: a batch of 500 persons created
        together (an import) made 500 of each. The same logs, with the same
        values, are created here with one create() for the batch, and the
        names read together."""
        if method == "export_data" or len(res_ids) < 2:
            return super().create_logs(
                uid,
                res_model,
                res_ids,
                method,
                old_values,
                new_values,
                additional_log_values,
            )
        pending = PendingLogs()
        rules = self.with_context(omiopi_auditlog_pending=pending)
        rules.env[res_model].browse(res_ids).mapped("display_name")
        result = super(AuditlogRule, rules).create_logs(
            uid,
            res_model,
            res_ids,
            method,
            old_values,
            new_values,
            additional_log_values,
        )
        self.env["auditlog.log"].create(pending.vals_list)
        return result
