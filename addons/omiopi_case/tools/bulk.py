"""Rows written by the thousand without the ORM's work for each one."""

import datetime
import io

import psycopg2.extensions

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL


def insert_rows(model, vals_list, return_ids=True):
    """Write the rows of `vals_list` into `model`'s table with PostgreSQL's
    COPY, and return their ids (drawn from the table's sequence first, in
    the order of `vals_list`; with `return_ids=False`, drawn by the
    column's default and not returned). Each value is converted as the ORM
    converts it for an INSERT; the log-access columns are added, if the
    model has them.

    Nothing else of create() is done: no default, no cache, no
    recomputation, no Python constraint, no access check. For rows the
    caller made complete and has checked, which nothing reads before they
    are written (the change log's lines, a case file's template lines): an
    INSERT of a thousand rows costs PostgreSQL as much to parse as to
    write, and psycopg2 as much to quote as the rest of the request."""
    if not vals_list:
        return []
    cr = model.env.cr
    ids = []
    if return_ids:
        cr.execute(
            SQL(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                "FROM generate_series(1, %s)",
                model._table,
                len(vals_list),
            )
        )
        ids = [row[0] for row in cr.fetchall()]
    names = sorted(set().union(*vals_list) - {"id", *LOG_ACCESS_COLUMNS})
    cells_of = [_cell_converter(model._fields[name], model) for name in names]
    # the same for every row
    access_columns, access = [], ""
    if model._log_access:
        access_columns = LOG_ACCESS_COLUMNS
        # in the order of LOG_ACCESS_COLUMNS
        access_values = [model.env.uid, cr.now(), model.env.uid, cr.now()]
        access = "\t" + "\t".join(map(_copy_text, access_values))
    text = io.StringIO()
    for index, vals in enumerate(vals_list):
        cells = [str(ids[index])] if return_ids else []
        for name, cell in zip(names, cells_of, strict=True):
            # a column an INSERT leaves out: NULL
            cells.append(cell(vals[name], vals) if name in vals else "\\N")
        text.write("\t".join(cells))
        text.write(access)
        text.write("\n")
    text.seek(0)
    columns = [*names, *access_columns]
    if return_ids:
        columns.insert(0, "id")
    # As Odoo's own COPY (models.py, _ensure_xml_id): without the wait
    # callback of a gevent worker, which COPY does not support.
    callback = psycopg2.extensions.get_wait_callback()
    psycopg2.extensions.set_wait_callback(None)
    try:
        cr.copy_from(text, model._table, columns=columns)
    finally:
        psycopg2.extensions.set_wait_callback(callback)
    return ids


def _cell_converter(field, model):
    """A function of (value, row's values) giving the COPY text of `field`
    in a row, as convert_to_column_insert() converts it. Plain text and
    plain numbers, most of a change log's cells, skip the field's generic
    conversion."""
    if field.type in ("char", "text") and not (
        field.translate or field.size or field.company_dependent
    ):

        def plain_text(value, vals):
            if value is None or value is False:
                return "\\N"
            if isinstance(value, str):
                return value.translate(COPY_ESCAPES)
            return _copy_text(field.convert_to_column_insert(value, model, vals))

        return plain_text
    if field.type in ("many2one", "integer") and not field.company_dependent:

        def plain_number(value, vals):
            if value.__class__ is int:
                return str(value)
            return _copy_text(field.convert_to_column_insert(value, model, vals))

        return plain_number

    def generic(value, vals):
        return _copy_text(field.convert_to_column_insert(value, model, vals))

    return generic


COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value):
    """`value` in COPY's text format."""
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, float, datetime.date)):
        return str(value)
    raise TypeError(f"No COPY text for {type(value).__name__} {value!r}")


def link_rows(model, fname, pairs):
    """Write the links (record id, linked id) of `pairs` into the table of
    `model`'s many2many field `fname`, in one INSERT. As insert_rows():
    nothing of write() is done, for rows the caller has checked."""
    if not pairs:
        return
    field = model._fields[fname]
    model.env.cr.execute(
        SQL(
            "INSERT INTO %s (%s, %s) SELECT * FROM unnest(%s::int4[], %s::int4[])",
            SQL.identifier(field.relation),
            SQL.identifier(field.column1),
            SQL.identifier(field.column2),
            [record_id for record_id, _linked_id in pairs],
            [linked_id for _record_id, linked_id in pairs],
        )
    )
