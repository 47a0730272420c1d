from odoo import models

from ..tools.bulk import insert_rows


class PendingLogs:
    """The audit logs of one call of create_logs, created together at its
    end. An object, not a list or a string: a context sent over RPC is JSON
    and cannot hold one, so no caller can keep logs from being written."""

    __slots__ = ("fields", "vals_list")

    def __init__(self):
        self.vals_list = []
        # {(model id, field name): auditlog's data of the field}
        self.fields = {}


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
        together (an import) made 500 of each, and their 8,000 lines. The
        same logs and lines, with the same values, are written here by the
        thousand (tools.bulk), and the names read together."""
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
        self._insert_logs(pending.vals_list)
        return result

    def _get_field(self, model_id, field_name):
        """auditlog's data of a field, looked up once per batch of logs: the
        lookup costs two reads of the registry's cache, and a batch of 500
        persons asks it 8,000 times for the same 17 fields."""
        pending = self.env.context.get("omiopi_auditlog_pending")
        if pending is None:
            return super()._get_field(model_id, field_name)
        key = (model_id, field_name)
        if key not in pending.fields:
            pending.fields[key] = super()._get_field(model_id, field_name)
        return pending.fields[key]

    def _insert_logs(self, vals_list):
        """Write the logs of `vals_list` (as auditlog.log's create() gets
        them: their lines as creation commands) and their lines, the values
        completed as the two models' create() complete them. Rows written
        without the ORM's cache and recomputations: nothing reads the
        change log in the transaction that writes it, nothing is computed
        from it, and its two models are OCA auditlog's plain tables."""
        # sudo: the names of the logged models and fields, as auditlog's
        # own create() reads them; nothing is shown to the user
        models_ = self.env["ir.model"].sudo()
        # sudo: same as above
        fields_ = self.env["ir.model.fields"].sudo()
        lines_of = [vals.pop("line_ids", None) or [] for vals in vals_list]
        # {model id: its names}, {field id: its names}: read once, not per row
        model_names, field_names = {}, {}
        for vals in vals_list:
            if vals["model_id"] not in model_names:
                model = models_.browse(vals["model_id"])
                model_names[model.id] = {
                    "model_name": model.name,
                    "model_model": model.model,
                }
            vals.update(model_names[vals["model_id"]])
        log_ids = insert_rows(self.env["auditlog.log"], vals_list)
        line_vals = []
        for log_id, commands in zip(log_ids, lines_of, strict=True):
            for _command, _id, vals in commands:
                if vals["field_id"] not in field_names:
                    field = fields_.browse(vals["field_id"])
                    field_names[field.id] = {
                        "field_name": field.name,
                        "field_description": field.field_description,
                    }
                line_vals.append(
                    dict(vals, log_id=log_id, **field_names[vals["field_id"]])
                )
        insert_rows(self.env["auditlog.log.line"], line_vals, return_ids=False)
