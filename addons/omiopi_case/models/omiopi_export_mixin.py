from odoo import models
from odoo.tools import split_every


class OmiopiExportMixin(models.AbstractModel):
    """Odoo's list export of a large model, read a batch of records at a
    time.

    The export screen (and `export_data` called from code or RPC) reads every
    record to export and every record they link to into the ORM's cache at
    once: 100,000 case files and their persons' names took 568 MB. Here the
    rows are the same, in the same order, with the same access checks (each
    batch is read as the user), but the records are read
    `_omiopi_export_batch` at a time and dropped from the cache before the
    next batch: what stays in memory is the rows, not the records."""

    _name = "omiopi.export.mixin"
    _description = "Exported in batches"
    # Records read at a time: the cache holds one batch of them (and of the
    # records they link to); each batch costs a few queries.
    _omiopi_export_batch = 2000

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        batch_size = self._omiopi_export_batch
        if not _is_toplevel_call or len(self) <= batch_size:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        # What the caller changed is written before the cache is dropped.
        self.env.flush_all()
        lines = []
        for ids in split_every(batch_size, self._ids):
            # browse(): the batch prefetches its own records only, not the
            # whole export's.
            batch = self.browse(ids)
            lines += super(OmiopiExportMixin, batch)._export_rows(fields)
            # An export writes nothing but the external ids it may create,
            # which are flushed: invalidate_all() drops the batch's values.
            self.env.invalidate_all()
        return lines
