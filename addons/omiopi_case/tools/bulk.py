"""Rows written by the thousand without the ORM's work for each one."""

import datetime
import io

import psycopg2.extensions

from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import SQL


def insert_rows(model, vals_list):
    """Write the rows of `vals_list` into `model`'s table with PostgreSQL's
    COPY, and return their ids (drawn from the table's sequence first, in
    the order of `vals_list`). Each value is converted as the ORM converts
    it for an INSERT; the log-access columns are added.

    Nothing else of create() is done: no default, no cache, no
    recomputation, no Python constraint, no access check. For rows the
    caller made complete and has checked, which nothing reads before they
    are written (the change log's lines, a case file's template lines): an
    INSERT of a thousand rows costs PostgreSQL as much to parse as to
    write, and psycopg2 as much to quote as the rest of the request."""
    if not vals_list:
        return []
    cr = model.env.cr
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
    fields = [model._fields[name] for name in names]
    # the same for every row
    access = "\t".join(  # in the order of LOG_ACCESS_COLUMNS
        map(_copy_text, [model.env.uid, cr.now(), model.env.uid, cr.now()])
    )
    text = io.StringIO()
    for id_, vals in zip(ids, vals_list, strict=True):
        cells = [str(id_)]
        for field in fields:
            if field.name not in vals:
                cells.append("\\N")  # as a column an INSERT leaves out
            else:
                value = field.convert_to_column_insert(vals[field.name], model, vals)
                cells.append(_copy_text(value))
        cells.append(access)
        text.write("\t".join(cells))
        text.write("\n")
    text.seek(0)
    # As Odoo's own COPY (models.py, _ensure_xml_id): without the wait
    # callback of a gevent worker, which COPY does not support.
    callback = psycopg2.extensions.get_wait_callback()
    psycopg2.extensions.set_wait_callback(None)
    try:
        cr.copy_from(text, model._table, columns=["id", *names, *LOG_ACCESS_COLUMNS])
    finally:
        psycopg2.extensions.set_wait_callback(callback)
    return ids


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
