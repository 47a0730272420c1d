"""The test command: Odoo's tests, the Odoo-free checks, the linters."""

import os
import sys
import time
import xml.etree.ElementTree as ET

from .backup import check_backup_restore
from .console import run, say
from .i18n import check_translations
from .load import check_load_smoke
from .logs import Tally, analyse_odoo_log, stream_odoo
from .odoo import odoo_cmd, omiopi_modules
from .odoo_source import ensure_odoo, require_odoo
from .packages import ensure_chromium, ensure_wkhtmltopdf
from .postgres import drop_db, ensure_postgres, psql
from .settings import ADDONS, LANG, LOCAL, LOG_DIR, ROOT, TEST_HTTP_PORT, TOOLS_VENV
from .venv import ensure_tools_venv, ensure_venv, tool, venv_python


def run_pytest(tally):
    junit = LOG_DIR / "pytest.xml"
    proc = run(
        [
            venv_python(TOOLS_VENV),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
            ROOT / "tests",
        ],
        check=False,
        cwd=ROOT,
    )
    if not junit.exists():
        tally.check(
            "Odoo-free checks (pytest)", False, f"pytest exited {proc.returncode}"
        )
        return
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total = int(suite.get("tests", 0))
    failures = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    tally.passed += total - failures - skipped
    tally.failed += failures
    tally.skipped += skipped
    tally.lines.append(
        f"{'PASS' if not failures and not skipped else 'FAIL'}  Odoo-free checks: "
        f"{total - failures - skipped} passed, {failures} failed, {skipped} skipped"
    )


def run_lint(tally):
    ok = (
        run([tool("ruff"), "check", "--no-fix", ROOT], check=False, cwd=ROOT).returncode
        == 0
    )
    tally.check("ruff check", ok)
    ok = (
        run([tool("ruff"), "format", "--check", ROOT], check=False, cwd=ROOT).returncode
        == 0
    )
    tally.check("ruff format --check", ok)
    modules = [
        ADDONS / m
        for m in sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))
    ]
    if modules:
        for rcfile in (".pylintrc-mandatory", ".pylintrc"):
            proc = run(
                [tool("pylint"), f"--rcfile={ROOT / rcfile}", *modules],
                check=False,
                cwd=ROOT,
            )
            tally.check(f"pylint-odoo ({rcfile})", proc.returncode == 0)
        proc = run([tool("oca-checks-odoo-module"), *modules], check=False, cwd=ROOT)
        tally.check(
            "oca-checks-odoo-module (XML, CSV, manifests)", proc.returncode == 0
        )
        po_files = sorted(ADDONS.glob("*/i18n/*.po*"))
        if po_files:
            proc = run(
                [tool("oca-checks-po"), "--disable=po-pretty-format", *po_files],
                check=False,
                cwd=ROOT,
            )
            tally.check("oca-checks-po (translations)", proc.returncode == 0)


def cmd_test(args):
    started = time.time()
    problem = ensure_odoo()
    with_odoo = problem is None
    if not with_odoo:
        say(problem)
    LOCAL.mkdir(exist_ok=True)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    ensure_tools_venv()
    if with_odoo:
        ensure_venv()
    tally = Tally()
    run_pytest(tally)
    if args.no_lint:
        tally.skip("linters (--no-lint)")
    else:
        run_lint(tally)
    log_errors = []
    if with_odoo:
        ensure_chromium()
        ensure_wkhtmltopdf()
        sock = ensure_postgres()
        modules = omiopi_modules()
        db = f"omiopi_test_{os.getpid()}"
        drop_db(sock, db)
        logfile = LOG_DIR / "odoo-test.log"
        tags = args.test_tags or ",".join(f"/{m}" for m in modules)
        if args.test_tags:
            tally.skip(f"the tests outside --test-tags={args.test_tags}")
        try:
            code, lines = stream_odoo(
                odoo_cmd(
                    sock,
                    db,
                    "-i",
                    ",".join(modules),
                    f"--load-language={LANG}",
                    "--test-enable",
                    f"--test-tags={tags}",
                    f"--http-port={TEST_HTTP_PORT}",
                    "--http-interface=127.0.0.1",
                    "--log-level=info",
                    "--stop-after-init",
                ),
                logfile,
            )
            tally.check("Odoo exited cleanly", code == 0, f"exit code {code}")
            log_errors = analyse_odoo_log(lines, tally)
            installed = psql(
                sock,
                "SELECT name FROM ir_module_module "
                "WHERE state = 'installed' AND name LIKE 'omiopi%'",
                db=db,
            ).split()
            missing = sorted(set(modules) - set(installed))
            tally.check("all omiopi add-ons installed", not missing, ", ".join(missing))
            tally.check(
                "no ERROR, CRITICAL or definition WARNING line in the Odoo log",
                not log_errors,
                f"{len(log_errors)} line(s), see {logfile}",
            )
            if args.no_i18n:
                tally.skip("translation check (--no-i18n)")
            else:
                check_translations(sock, db, modules, tally)
            if not args.test_tags:
                check_backup_restore(sock, db, tally)
                check_load_smoke(sock, db, tally)
        finally:
            if not os.environ.get("OMIOPI_KEEP_DB"):
                drop_db(sock, db)
        if not args.test_tags:
            log_errors += test_case_alone(sock, tally)
    say("")
    say("== Summary")
    for line in tally.lines:
        say(line)
    for line in log_errors[:20]:
        say(f"      log: {line[:300]}")
    say(f"({time.time() - started:.0f} s)")
    if not with_odoo:
        say(problem)
        say(
            f"{tally.passed} passed, {tally.failed} failed"
            + (f", {tally.skipped} skipped" if tally.skipped else "")
            + " -- Odoo-free checks only: the Odoo tests were NOT run"
        )
        sys.exit(2)
    say(
        f"{tally.passed} passed, {tally.failed} failed"
        + (f", {tally.skipped} skipped" if tally.skipped else "")
    )
    sys.exit(1 if (tally.failed or tally.skipped) else 0)


GUIDE_IMAGES = ROOT / "docs" / "guide" / "img"
# The role journeys whose tours take the guide's screenshots carry this tag.
GUIDE_TAG = "omiopi_guide"
# Tests that prove an add-on works without those that extend it carry this
# tag; they run again in a database with omiopi_case alone.
STANDALONE_TAG = "omiopi_standalone"


def cmd_guide(_args):
    """Retake the user guide's screenshots (docs/guide/img): the role
    journeys' tours, on a fresh database with the demo data, in Spanish."""
    require_odoo()
    ensure_venv()
    ensure_chromium()
    sock = ensure_postgres()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    db = f"omiopi_guide_{os.getpid()}"
    drop_db(sock, db)
    os.environ["OMIOPI_GUIDE_DIR"] = str(GUIDE_IMAGES)
    try:
        code, lines = stream_odoo(
            odoo_cmd(
                sock,
                db,
                "-i",
                ",".join(omiopi_modules()),
                f"--load-language={LANG}",
                "--test-enable",
                f"--test-tags={GUIDE_TAG}",
                f"--http-port={TEST_HTTP_PORT}",
                "--http-interface=127.0.0.1",
                "--log-level=info",
                "--stop-after-init",
            ),
            LOG_DIR / "odoo-guide.log",
        )
    finally:
        drop_db(sock, db)
    failed = code != 0 or any(
        " ERROR " in line or " CRITICAL " in line for line in lines
    )
    say(f"{len(list(GUIDE_IMAGES.glob('*.png')))} screenshots in {GUIDE_IMAGES}")
    if failed:
        say(f"the journeys failed: see {LOG_DIR / 'odoo-guide.log'}")
        sys.exit(1)


def test_case_alone(sock, tally):
    """The activity report and the dashboards grow with the add-ons
    installed: run the tests tagged STANDALONE_TAG in a database with
    omiopi_case alone, to prove they need none of the others."""
    db = f"omiopi_test_case_{os.getpid()}"
    drop_db(sock, db)
    logfile = LOG_DIR / "odoo-test-case-alone.log"
    try:
        code, lines = stream_odoo(
            odoo_cmd(
                sock,
                db,
                "-i",
                "omiopi_case",
                "--test-enable",
                f"--test-tags={STANDALONE_TAG}",
                f"--http-port={TEST_HTTP_PORT}",
                "--http-interface=127.0.0.1",
                "--log-level=info",
                "--stop-after-init",
            ),
            logfile,
        )
        tally.lines.append("      omiopi_case installed alone:")
        tally.check(
            "Odoo exited cleanly (omiopi_case alone)", code == 0, f"exit {code}"
        )
        errors = analyse_odoo_log(lines, tally)
        tally.check(
            "no ERROR line in the log (omiopi_case alone)",
            not errors,
            f"{len(errors)} line(s), see {logfile}",
        )
        return errors
    finally:
        if not os.environ.get("OMIOPI_KEEP_DB"):
            drop_db(sock, db)


def cmd_lint(_args):
    LOCAL.mkdir(exist_ok=True)
    ensure_tools_venv()
    tally = Tally()
    run_lint(tally)
    for line in tally.lines:
        say(line)
    say(f"{tally.passed} passed, {tally.failed} failed")
    sys.exit(1 if tally.failed else 0)
