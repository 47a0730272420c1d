from odoo import api, models
from odoo.http import request


class OmiopiReadAuditMixin(models.AbstractModel):
    """Records in omiopi.access.log who opened a sensitive record.

    The web client opens a form with `web_read` on the record, called over
    RPC on this model. Not logged: lists and kanbans (`web_search_read`, a
    page of many records, not one person's file) and the `web_read` Odoo
    runs inside another call to show a related record's name or fields."""

    _name = "omiopi.read.audit.mixin"
    _description = "Log who opens the record"

    def _omiopi_audited_records(self):
        """The records of `self` whose opening is logged."""
        return self

    @api.model
    @api.readonly
    def web_search_read(self, *args, **kwargs):
        return super(
            OmiopiReadAuditMixin, self.with_context(omiopi_listing=True)
        ).web_search_read(*args, **kwargs)

    def _omiopi_opened(self):
        """Whether this web_read is the user opening these records."""
        if self.env.context.get("omiopi_listing"):
            return False
        params = getattr(request, "params", None) if request else None
        if params is None:
            return True  # called from code, not over HTTP: logged
        return params.get("model") == self._name and params.get("method") == "web_read"

    def web_read(self, specification):
        result = super().web_read(specification)
        if self._omiopi_opened():
            self.env["omiopi.access.log"]._log(self._omiopi_audited_records(), "read")
        return result

    # A form opened over RPC must write its log entry: run it on a read/write
    # cursor (web_read is otherwise routed to a read-only one).
    web_read._readonly = False
