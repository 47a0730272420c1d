from odoo import api, fields, models


class OmiopiAccessLog(models.Model):
    """Who opened or exported a sensitive record, and when.

    OCA auditlog records the changes; its read logging is unreliable on 18.0
    (the web client reads on read-only cursors), so reads of persons, case
    files and referrals are recorded here explicitly. Append-only: nobody
    writes or deletes an entry, and it holds no personal data, only the
    record's reference."""

    _name = "omiopi.access.log"
    _inherit = ["omiopi.guard.mixin"]
    _description = "Access to a sensitive record"
    _order = "date desc, id desc"
    _log_access = False

    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record id", model_field="res_model", required=True, readonly=True
    )
    operation = fields.Selection(
        [
            ("read", "Opened"),
            ("export", "Exported"),
        ],
        required=True,
        readonly=True,
    )
    model_name = fields.Char(string="Kind of record", compute="_compute_model_name")
    record_name = fields.Char(
        string="Record", compute="_compute_record_name", compute_sudo=False
    )

    @api.depends("res_model")
    def _compute_model_name(self):
        for entry in self:
            entry.model_name = self.env["ir.model"]._get(entry.res_model).name

    @api.depends("res_model", "res_id")
    def _compute_record_name(self):
        for entry in self:
            record = self.env[entry.res_model].browse(entry.res_id).exists()
            entry.record_name = record.display_name if record else False

    @api.model
    def _log(self, records, operation):
        """Record that the current user reached `records`."""
        if not records or self.env.su:
            return
        user = self.env.user
        # sudo: the entry is written for the user, who may not create entries
        # (an append-only log they could forge over RPC otherwise).
        self.sudo().create(
            [
                {
                    "user_id": user.id,
                    "res_model": records._name,
                    "res_id": record_id,
                    "operation": operation,
                }
                for record_id in records.ids
            ]
        )

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
        }
