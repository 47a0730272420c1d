from odoo import api, models
from odoo.http import request

from ..tools.security import SENSITIVE

# Marks the web_read a list makes of its page of records. An object, not a
# string: a context sent over RPC is JSON and cannot hold it.
LISTING = object()


class OmiopiReadAuditMixin(models.AbstractModel):
    """Records in omiopi.access.log who read sensitive data.

    - Every read of a sensitive field (one restricted to the case-work roles
      by its groups, or named by the model), whatever the entry point:
      `read`, `search_read`, `web_read`, `web_search_read` (they all format
      their values through `_read_format`) and the exports. One entry per
      request and record; a list that shows no sensitive field logs nothing.
    - Opening a record in a form (`web_read` of the record over RPC) of the
      models whose every opening is logged (`_omiopi_log_openings`).

    No context key turns it off. The requests that read run on a read/write
    cursor, so that they can write their entry."""

    _name = "omiopi.read.audit.mixin"
    _description = "Log who reads sensitive data"
    # Whether opening a record of this model in a form is logged even when
    # the form shows no sensitive field (persons, case files, referrals).
    _omiopi_log_openings = False

    def _omiopi_sensitive_fields(self):
        """Fields whose every read is logged."""
        return {
            name
            for name, field in self._fields.items()
            if field.groups and SENSITIVE in field.groups.split(",")
        }

    def _omiopi_audited_records(self):
        """The records of `self` whose reading is logged."""
        return self

    def _omiopi_log_access(self, operation):
        records = self._omiopi_audited_records()
        if not records or self.env.su:
            return
        logged = _logged_in_this_request()
        if logged is not None:
            records = records.filtered(
                lambda r: (r._name, r.id, operation) not in logged
            )
            logged.update((r._name, r.id, operation) for r in records)
        self.env["omiopi.access.log"]._log(records, operation)

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if set(fnames or ()) & self._omiopi_sensitive_fields():
            self._origin._omiopi_log_access("read")
        return result

    def web_read(self, specification):
        result = super().web_read(specification)
        if (
            self._omiopi_log_openings
            # logged already by _read_format, once per record
            and not set(specification) & self._omiopi_sensitive_fields()
            and self.env.context.get("omiopi_listing") is not LISTING
            and _called_over_rpc(self, "web_read")
        ):
            self._omiopi_log_access("read")
        return result

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if any(self._omiopi_reaches_sensitive(path) for path in fields_to_export):
            self._omiopi_log_access("export")
        return result

    def _omiopi_reaches_sensitive(self, path):
        """Whether an export path ("partner_id/omiopi_disability") ends at,
        or goes through, a sensitive field."""
        model = self
        for name in path.replace(".", "/").split("/"):
            if name == "id" or name not in model._fields:
                return False
            sensitive = getattr(model, "_omiopi_sensitive_fields", None)
            if sensitive and name in sensitive():
                return True
            field = model._fields[name]
            if not field.relational:
                return False
            model = self.env[field.comodel_name]
        return False

    # The read methods write the log: run them on a read/write cursor
    # (Odoo routes them to a read-only one otherwise).
    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    @api.model
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        return super().search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        # A page of a list is no opening of each of its records (their
        # sensitive fields, if shown, are logged by _read_format).
        listing = self.with_context(omiopi_listing=LISTING)
        return super(OmiopiReadAuditMixin, listing).web_search_read(
            domain,
            specification,
            offset=offset,
            limit=limit,
            order=order,
            count_limit=count_limit,
        )

    read._readonly = False
    search_read._readonly = False
    web_read._readonly = False
    web_search_read._readonly = False


def _called_over_rpc(records, method):
    """Whether `records` are what the current HTTP request asked `method` of
    (not a read Odoo makes inside another call)."""
    params = getattr(request, "params", None) if request else None
    if params is None:
        return True  # called from code, not over HTTP: logged
    return params.get("model") == records._name and params.get("method") == method


def _logged_in_this_request():
    """What this HTTP request logged already, or None outside a request."""
    if not request:
        return None
    try:
        logged = request.omiopi_access_logged
    except AttributeError:
        logged = request.omiopi_access_logged = set()
    return logged
