"""Set up, run and test the omiopi add-ons on this machine.

The command line: one sub-command per Makefile target."""

import argparse
import os

from .backup import cmd_backup, cmd_restore
from .bench import cmd_bench
from .i18n import cmd_i18n
from .load import cmd_load, load_extension, scale_options, toolbox
from .odoo import cmd_run, odoo_cmd
from .odoo_source import require_odoo
from .postgres import ensure_postgres, stop_postgres
from .settings import DB_NAME, ROOT
from .testrun import cmd_guide, cmd_lint, cmd_test
from .venv import ensure_venv, venv_python


def cmd_shell(_args):
    require_odoo()
    ensure_venv()
    sock = ensure_postgres()
    cmd = odoo_cmd(sock, DB_NAME)
    os.execv(
        str(venv_python()),
        [str(cmd[0]), str(cmd[1]), "shell", *[str(c) for c in cmd[2:]]],
    )


def cmd_stop(_args):
    stop_postgres()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser(
        "run", help="create the demo database if needed and serve Odoo"
    )
    p_run.add_argument(
        "--update", action="store_true", help="update the omiopi add-ons first"
    )
    p_run.add_argument(
        "--init-only", action="store_true", help="prepare everything, do not serve"
    )
    p_run.set_defaults(func=cmd_run)
    p_test = sub.add_parser(
        "test", help="install on a fresh database and run every test"
    )
    p_test.add_argument(
        "--test-tags", help="Odoo --test-tags (default: all omiopi add-ons)"
    )
    p_test.add_argument("--no-lint", action="store_true", help="skip the linters")
    p_test.add_argument(
        "--no-i18n", action="store_true", help="skip the translation check"
    )
    p_test.set_defaults(func=cmd_test)
    sub.add_parser("lint", help="ruff and pylint-odoo").set_defaults(func=cmd_lint)
    sub.add_parser(
        "guide", help="retake the user guide's screenshots from the journeys' tours"
    ).set_defaults(func=cmd_guide)
    p_i18n = sub.add_parser("i18n", help="export .pot files and merge them into es.po")
    p_i18n.add_argument("modules", nargs="*")
    p_i18n.set_defaults(func=cmd_i18n)
    sub.add_parser("shell", help="an Odoo shell on the demo database").set_defaults(
        func=cmd_shell
    )
    sub.add_parser("stop", help="stop the project's PostgreSQL cluster").set_defaults(
        func=cmd_stop
    )
    p_backup = sub.add_parser(
        "backup", help="dump a database and its filestore to .local/backups"
    )
    p_backup.add_argument("--db", default=DB_NAME)
    p_backup.add_argument("--to", help="target directory")
    p_backup.set_defaults(func=cmd_backup)
    p_restore = sub.add_parser("restore", help="restore a backup as a database")
    p_restore.add_argument("source", help="a directory written by `backup`")
    p_restore.add_argument("--db", default=DB_NAME)
    p_restore.add_argument(
        "--force", action="store_true", help="replace the database if it exists"
    )
    p_restore.set_defaults(func=cmd_restore)
    p_bench = sub.add_parser(
        "bench", help="fill a throw-away database at regional scale and measure"
    )
    p_bench.add_argument(
        "--scale", type=float, default=1.0, help="1.0: 500,000 persons (issue #9)"
    )
    p_bench.add_argument("--repeat", type=int, default=5)
    p_bench.add_argument("--import-rows", type=int, default=10_000)
    p_bench.add_argument(
        "--only", help="measure only the lines whose label has one of these words"
    )
    p_bench.add_argument("--db", default="omiopi_bench")
    p_bench.add_argument("--out", help="default .local/bench/result.md")
    p_bench.add_argument("--keep", action="store_true", help="keep the database")
    p_bench.add_argument(
        "--reuse",
        action="store_true",
        help="measure again the database kept by an earlier --keep run",
    )
    p_bench.set_defaults(func=cmd_bench)
    p_load = sub.add_parser(
        "load", help="many users at once (Locust) on the benchmark's database"
    )
    p_load.add_argument(
        "--scale",
        type=float,
        default=0.1,
        help="the benchmark's scale when the database is filled (0.1: 50,000 persons)",
    )
    p_load.add_argument("--db", default="omiopi_bench")
    p_load.add_argument(
        "--reuse", action="store_true", help="use the database as it is, if it exists"
    )
    p_load.add_argument("--users", type=int, default=50, help="0: no steady run")
    p_load.add_argument(
        "--spawn-rate", type=float, default=2, help="users arriving per second"
    )
    p_load.add_argument("--run-time", type=int, default=180, help="seconds")
    p_load.add_argument("--think", type=float, default=5, help="mean, seconds")
    p_load.add_argument(
        "--steps",
        default="10,20,30,40,50,75,100,150,200",
        help="users of each step run, until p95 passes --knee-ms ('' for none)",
    )
    p_load.add_argument("--step-time", type=int, default=60, help="seconds")
    p_load.add_argument("--knee-ms", type=int, default=2000)
    scale_options(p_load)
    p_load.add_argument(
        "--faults",
        action="store_true",
        help="instead: a worker killed, PostgreSQL restarted, a worker past its "
        "memory limit, under load (scripts/load/faults.py)",
    )
    p_load.add_argument(
        "--memory-hard",
        type=int,
        default=640,
        help="limit_memory_hard of the fault run's workers, MB (below 1.5 GB, "
        "wkhtmltopdf cannot render the CVs)",
    )
    p_load.add_argument("--interval", type=int, default=45, help="between faults, s")
    p_load.add_argument("--races", type=int, default=3, help="concurrent decisions")
    p_load.set_defaults(func=cmd_load)
    p_scale = sub.add_parser(
        "scaleout",
        help="two Odoo nodes behind nginx, a node killed, a streaming replica "
        "for reads (scripts/load/scaleout.py)",
    )
    p_scale.add_argument("--db", default="omiopi_bench", help="copied from")
    p_scale.add_argument("--users", type=int, default=50)
    p_scale.add_argument("--spawn-rate", type=float, default=2)
    p_scale.add_argument("--think", type=float, default=5)
    scale_options(p_scale)
    p_scale.set_defaults(
        func=lambda args: load_extension("scaleout").run(toolbox(), args)
    )
    args = parser.parse_args()
    os.chdir(ROOT)
    args.func(args)
