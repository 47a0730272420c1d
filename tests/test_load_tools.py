"""The load test's pieces that need neither Odoo nor Locust: the field
specifications and domains taken from views (shared with the benchmark),
and the reading of Locust's statistics into the printed table."""

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sys.path.insert(0, str(ROOT / "scripts"))
from omiopi_dev import load as dev

wv = load("webclient_views")

FORM = """
<form>
  <sheet>
    <group>
      <field name="name"/>
      <field name="partner_id"/>
      <field name="unknown_field"/>
    </group>
    <notebook><page>
      <field name="attention_ids">
        <list><field name="summary"/><field name="user_id"/></list>
      </field>
    </page></notebook>
  </sheet>
</form>
"""
TYPES = {
    "name": "char",
    "partner_id": "many2one",
    "attention_ids": "one2many",
    "summary": "char",
    "user_id": "many2one",
}
SEARCH = """
<search>
  <field name="name" filter_domain="[('omiopi_search_text', 'ilike', self)]"/>
  <filter name="my_cases" domain="[('user_id', '=', uid)]"/>
  <filter name="open" domain="[('state', '!=', 'closed')]"/>
</search>
"""


def test_spec_from_arch_keeps_top_level_fields():
    assert wv.spec_from_arch(FORM, TYPES) == {
        "name": {},
        "partner_id": {"fields": {"display_name": {}}},
        "attention_ids": {"fields": {"display_name": {}}, "limit": 40},
    }


def test_search_box_and_filters():
    assert wv.search_box_domain(SEARCH, "X1234567L") == [
        ("omiopi_search_text", "ilike", "X1234567L")
    ]
    assert wv.search_filter_domain(SEARCH, "my_cases", 7) == [("user_id", "=", 7)]
    assert wv.search_filter_domain(SEARCH, "open", 7) == [("state", "!=", "closed")]
    with pytest.raises(KeyError):
        wv.search_filter_domain(SEARCH, "nothing", 7)


def test_search_box_without_filter_domain():
    arch = '<search><field name="partner_id"/></search>'
    assert wv.search_box_domain(arch, "Ana") == [("partner_id", "ilike", "Ana")]


def test_domain_with_unknown_name_is_refused():
    with pytest.raises(ValueError):
        wv.eval_domain("[('date', '<', context_today())]", uid=1)


def test_locust_statistics_make_the_table(tmp_path):
    columns = [
        "Type",
        "Name",
        "Request Count",
        "Failure Count",
        "Requests/s",
        "Max Response Time",
        "50%",
        "95%",
        "99%",
    ]
    rows = [
        ["POST", "case files: mine", "120", "0", "0.67", "900", "80", "300", "700"],
        ["", "Aggregated", "500", "2", "2.78", "2400", "90", "1200", "2100"],
    ]
    with open(tmp_path / "run_stats.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
    with open(tmp_path / "run_failures.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Method", "Name", "Error", "Occurrences"])
        writer.writerow(["POST", "referral: submit", "UserError: no consent", "2"])
    stats, failures = dev.read_locust_stats(tmp_path / "run")
    assert dev.percentile_95(stats) == 1200
    table = dev.load_table(stats, failures)
    assert "| case files: mine | 120 | 0.67 | 80 ms | 300 ms | 700 ms |" in table
    assert "| **All requests** | 500 | 2.78 | 90 ms | 1,200 ms | 2,100 ms" in table
    assert "2 x referral: submit: UserError: no consent" in table
    assert dev.percentile_95({}) == float("inf")


def _server_errors(tmp_path, text):
    """LoadServer.errors() of a log holding `text`."""
    log = tmp_path / "odoo.log"
    log.write_text(text, encoding="utf-8")
    server = dev.LoadServer.__new__(dev.LoadServer)
    server.logfile = log
    return server.errors()


def test_server_errors_include_tracebacks_outside_the_log(tmp_path):
    assert _server_errors(
        tmp_path,
        "2026-11-30 08:00:00,000 12 INFO db odoo.modules.loading: loaded\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/odoo/odoo-bin", line 5, in <module>\n'
        "pkg_resources.DistributionNotFound: zope.interface\n"
        "2026-11-30 08:00:01,000 12 ERROR db odoo.http: boom\n",
    ) == [
        "Traceback: pkg_resources.DistributionNotFound: zope.interface",
        "2026-11-30 08:00:01,000 12 ERROR db odoo.http: boom",
    ]


def test_server_errors_leave_out_conflicts_odoo_retried(tmp_path):
    # pid 12's conflict was retried; pid 13's was not (said so), and pid
    # 14's query was wrong, whatever follows
    assert _server_errors(
        tmp_path,
        "2026-11-30 08:00:00,000 12 ERROR db odoo.sql_db: bad query: UPDATE a\n"
        "SET b = 1\n"
        "ERROR: could not serialize access due to concurrent update\n"
        "2026-11-30 08:00:00,100 13 ERROR db odoo.sql_db: bad query: UPDATE c\n"
        "ERROR: could not serialize access due to concurrent update\n"
        "2026-11-30 08:00:00,200 12 INFO db odoo.service.model: "
        "SERIALIZATION_FAILURE, 4 tries left, try again in 0.5 sec...\n"
        "2026-11-30 08:00:00,300 14 ERROR db odoo.sql_db: bad query: SELECT x\n"
        'ERROR: column "x" does not exist\n'
        "2026-11-30 08:00:00,400 14 INFO db odoo.service.model: "
        "SERIALIZATION_FAILURE, 4 tries left, try again in 0.5 sec...\n",
    ) == [
        "2026-11-30 08:00:00,100 13 ERROR db odoo.sql_db: bad query: UPDATE c",
        "2026-11-30 08:00:00,300 14 ERROR db odoo.sql_db: bad query: SELECT x",
    ]
