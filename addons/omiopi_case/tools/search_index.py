"""Trigram indexes for the search boxes' "contains" searches (ilike)."""

import logging

import psycopg2

from odoo.tools import sql

_logger = logging.getLogger(__name__)


def trigram_index_name(table, column):
    return f"{table}__{column}_omiopi_trgm"


def create_trigram_index(cr, table, column):
    """Let PostgreSQL answer `column ilike '%text%'` from an index instead of
    reading every row; a no-op, with a warning, without pg_trgm."""
    try:
        with cr.savepoint(flush=False):
            cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except psycopg2.Error:
        _logger.warning(
            "pg_trgm is not available: searching %s.%s reads every row (ask the "
            "database administrator to install PostgreSQL's pg_trgm extension).",
            table,
            column,
        )
        return
    sql.create_index(
        cr,
        trigram_index_name(table, column),
        table,
        [f'"{column}" gin_trgm_ops'],
        method="gin",
    )
