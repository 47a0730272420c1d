"""The load test (Locust) and its smoke run."""

import configparser
import csv
import os
import re
import shlex
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

from .bench import install_bench_db
from .console import fail, run, say
from .logs import LOG_LINE
from .odoo import odoo_cmd
from .odoo_source import require_odoo
from .postgres import db_exists, ensure_postgres, psql
from .settings import (
    LOAD_GEVENT_PORT,
    LOAD_HTTP_PORT,
    LOAD_VENV,
    LOCAL,
    LOG_DIR,
    ODOO_CONF,
    ROOT,
    TEST_HTTP_PORT,
)
from .venv import ensure_load_venv, ensure_venv, venv_python

LOAD_SCRIPTS = ROOT / "scripts" / "load"
LOAD_OUT = LOCAL / "load"
# The request names the smoke run must see: every kind of action ran.
SMOKE_REQUESTS = (
    "login",
    "case files: mine",
    "case file: open",
    "persons: search by NIE",
    "attention: save",
    "referral: save",
    "referral: submit",
    "programme report: open",
    "activity report: compute",
)


def configured_workers():
    """`workers` of config/odoo.conf: the load test serves as production."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ODOO_CONF, encoding="utf-8")
    return parser.getint("options", "workers", fallback=5)


def prepare_load_users(sock, db, out, base_url, demo=False):
    """The accounts of the load test in `db` (scripts/load/prepare.py)."""
    run(
        [
            venv_python(),
            LOAD_SCRIPTS / "prepare.py",
            f"--out={out}",
            f"--base-url={base_url}",
            *(["--demo"] if demo else []),
            "--",
            *odoo_cmd(sock, db, "--log-level=warn")[2:],
        ]
    )


# PostgreSQL's refusals that Odoo retries (odoo.service.model.retrying).
CONCURRENCY_ERROR = re.compile(
    r"could not serialize access|deadlock detected|could not obtain lock"
)
RETRY_LINE = re.compile(
    r"(SERIALIZATION_FAILURE|DEADLOCK_DETECTED|LOCK_NOT_AVAILABLE), "
    r"\d+ tries left"
)


class LoadServerError(Exception):
    """The load test's Odoo did not start."""


class LoadServer:
    """Odoo in prefork mode (its HTTP workers and the gevent worker of the
    bus), started for a load run and stopped after it."""

    def __init__(self, sock, db, port, gevent_port, workers, logfile):
        self.url = f"http://127.0.0.1:{port}"
        self.logfile = logfile
        self.cmd = odoo_cmd(
            sock,
            db,
            f"--workers={workers}",
            "--max-cron-threads=0",
            f"--http-port={port}",
            f"--gevent-port={gevent_port}",
            "--http-interface=127.0.0.1",
            "--log-level=warn",
            # Odoo's retries of a concurrency conflict (INFO): see errors()
            "--log-handler=odoo.service.model:INFO",
        )
        self.proc = None

    def __enter__(self):
        say("$ " + " ".join(shlex.quote(str(c)) for c in self.cmd))
        with open(self.logfile, "w", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [str(c) for c in self.cmd],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise LoadServerError(f"Odoo stopped at start, see {self.logfile}")
            try:
                with urllib.request.urlopen(self.url + "/web/health", timeout=5) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(1)
        self.stop()
        raise LoadServerError(f"Odoo did not answer on {self.url} within 3 minutes")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """SIGTERM to the server's process group (its master and workers),
        SIGKILL if it has not stopped within 30 s."""
        if not self.proc or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, 15)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait()

    def errors(self):
        """The ERROR and CRITICAL lines of the server's log, and the
        exception of each traceback printed outside the log (a worker that
        dies at start). A concurrency conflict between two users (PostgreSQL
        refuses the second transaction: a serialization failure, a lock
        NOWAIT) is logged by Odoo as a "bad query" ERROR, then retried:
        when the same process says it retries, the line is not an error (a
        conflict left after Odoo's last try fails the request itself)."""
        text = Path(self.logfile).read_text(encoding="utf-8", errors="replace")
        found, in_traceback = [], False
        conflicts = {}  # {pid: its last "bad query" line refused as a conflict}
        bad_query = None  # (pid, line) until PostgreSQL's message is read
        for line in text.splitlines():
            match = LOG_LINE.match(line)
            if match:
                bad_query = None
                if match["level"] in ("ERROR", "CRITICAL"):
                    found.append(line)
                    if match["msg"].startswith("bad query"):
                        bad_query = (match["pid"], line)
                elif RETRY_LINE.match(match["msg"]) and match["pid"] in conflicts:
                    found.remove(conflicts.pop(match["pid"]))
            elif bad_query and line.startswith("ERROR: "):
                if CONCURRENCY_ERROR.search(line):
                    conflicts[bad_query[0]] = bad_query[1]
                bad_query = None
            if line.startswith("Traceback (most recent call last)"):
                in_traceback = not match
            elif in_traceback and line and not line.startswith(" "):
                found.append(f"Traceback: {line}")
                in_traceback = False
        return found


def run_locust(url, users_file, prefix, users, spawn_rate, seconds, think, **opts):
    """Locust, headless, against `url`; return its per-request statistics
    (read from its CSV files) and its exit code."""
    env = dict(
        os.environ,
        OMIOPI_LOAD_USERS=str(users_file),
        OMIOPI_LOAD_THINK=str(think),
        OMIOPI_LOAD_SMOKE="1" if opts.get("smoke") else "0",
    )
    for stale in Path(prefix).parent.glob(Path(prefix).name + "_*.csv"):
        stale.unlink()
    proc = run(
        [
            LOAD_VENV / "bin" / "locust",
            "-f",
            LOAD_SCRIPTS / "locustfile.py",
            "--headless",
            "--only-summary",
            f"--host={url}",
            f"--users={users}",
            f"--spawn-rate={spawn_rate}",
            f"--run-time={seconds}s",
            "--stop-timeout=30",
            f"--csv={prefix}",
            "--loglevel=WARNING",
            *(["--reset-stats"] if opts.get("reset_stats") else []),
            *opts.get("classes", ()),
        ],
        check=False,
        env=env,
        cwd=LOAD_SCRIPTS,
    )
    return read_locust_stats(prefix), proc.returncode


def read_locust_stats(prefix):
    """{name: row} of Locust's `<prefix>_stats.csv` ("Aggregated": all),
    and the failures ({(name, error): occurrences})."""
    stats, failures = {}, {}
    path = Path(f"{prefix}_stats.csv")
    if path.exists():
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                stats[row["Name"]] = row
    path = Path(f"{prefix}_failures.csv")
    if path.exists():
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                failures[(row["Name"], row["Error"])] = int(row["Occurrences"])
    return stats, failures


def load_table(stats, failures):
    """The Markdown table of a run: throughput, median, 95th and 99th
    percentiles and failures of each kind of request, then all together."""

    def ms(value):
        return f"{float(value or 0):,.0f} ms"

    lines = [
        "| Request | count | req/s | median | p95 | p99 | max | failures |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = sorted(n for n in stats if n != "Aggregated")
    for name in [*names, "Aggregated"]:
        row = stats.get(name)
        if not row:
            continue
        label = "**All requests**" if name == "Aggregated" else name
        lines.append(
            f"| {label} | {int(row['Request Count']):,} "
            f"| {float(row['Requests/s']):.2f} | {ms(row['50%'])} "
            f"| {ms(row['95%'])} | {ms(row['99%'])} "
            f"| {ms(row['Max Response Time'])} | {int(row['Failure Count']):,} |"
        )
    for (name, error), count in sorted(failures.items()):
        lines.append(f"\nFailure: {count} x {name}: {error}")
    return "\n".join(lines)


def percentile_95(stats):
    row = stats.get("Aggregated")
    return float(row["95%"]) if row else float("inf")


def check_load_smoke(sock, db, tally):
    """The test command's smoke run of the locustfile: Odoo in prefork mode
    on the test database (its demo users), two users (a technician and a
    coordinator) doing each of their actions once, a few seconds."""
    name = "load test smoke run (locustfile, 2 users, prefork Odoo)"
    try:
        ensure_load_venv()
    except SystemExit:
        tally.check(name, False, "Locust could not be installed (see above)")
        return
    LOAD_OUT.mkdir(parents=True, exist_ok=True)
    port = int(TEST_HTTP_PORT)
    users_file = LOAD_OUT / "smoke-users.json"
    prepare_load_users(sock, db, users_file, f"http://127.0.0.1:{port}", demo=True)
    logfile = LOG_DIR / "odoo-load-smoke.log"
    try:
        with LoadServer(sock, db, port, port + 1, 2, logfile) as server:
            (stats, failures), code = run_locust(
                server.url,
                users_file,
                LOAD_OUT / "smoke",
                2,
                2,
                25,
                0.5,
                smoke=True,
                classes=("Technician", "Coordinator"),
            )
            errors = server.errors()
    except LoadServerError as error:
        tally.check(name, False, str(error))
        return
    missing = [request for request in SMOKE_REQUESTS if request not in stats]
    total = stats.get("Aggregated", {})
    failed = int(total.get("Failure Count", 0) or 0)
    detail = (
        f"exit {code}, {total.get('Request Count', 0)} requests, {failed} failed"
        + (f", never made: {', '.join(missing)}" if missing else "")
        + "".join(f"; {n}: {e}" for (n, e) in list(failures)[:3])
        + (f"; {len(errors)} ERROR line(s) in {logfile}" if errors else "")
        # The log stays on the machine that ran the check: say the lines.
        + "".join(f"\n      log: {line[:400]}" for line in errors[:5])
    )
    tally.check(
        name,
        code == 0 and not failed and not missing and not errors,
        detail,
    )


def load_extension(name):
    """scripts/load/<name>.py: the fault and scale-out runs (issue #18)."""
    sys.path.insert(0, str(LOAD_SCRIPTS))
    return __import__(name)


def cmd_load(args):
    """Issue #18: many users at once on the benchmark's database."""
    if args.faults:
        load_extension("faults").run(toolbox(), args)
        return
    require_odoo(code=1)
    ensure_venv()
    ensure_load_venv()
    sock = ensure_postgres()
    db = args.db
    LOAD_OUT.mkdir(parents=True, exist_ok=True)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    if args.reuse and db_exists(sock, db):
        say(f"== Reusing the database {db} (filled by an earlier run)")
        # its add-ons brought to the code's version, as `bench --reuse` does
        install_bench_db(sock, db, reuse=True)
    else:
        install_bench_db(sock, db, reuse=False)
        say(f"== Filling {db} at scale {args.scale} (scripts/bench.py --fill-only)")
        run(
            [
                venv_python(),
                ROOT / "scripts" / "bench.py",
                f"--scale={args.scale}",
                "--fill-only",
                "--",
                *odoo_cmd(sock, db, "--log-level=warn")[2:],
            ]
        )
    url = f"http://127.0.0.1:{LOAD_HTTP_PORT}"
    users_file = LOAD_OUT / "users.json"
    prepare_load_users(sock, db, users_file, url)
    workers = configured_workers()
    size = psql(sock, f"SELECT pg_size_pretty(pg_database_size('{db}'))")
    cases = psql(sock, "SELECT count(*) FROM omiopi_case", db=db)
    header = [
        (
            f"Database {db}: {int(cases):,} case files, {size}; Odoo prefork, "
            f"{workers} HTTP workers and the gevent worker, no cron; "
            f"{os.cpu_count()} CPU(s); {time.strftime('%Y-%m-%d %H:%M %Z')}."
        ),
    ]
    logfile = LOG_DIR / "odoo-load.log"
    server = LoadServer(sock, db, LOAD_HTTP_PORT, LOAD_GEVENT_PORT, workers, logfile)
    try:
        with server:
            sections = load_runs(server.url, users_file, args)
    except LoadServerError as error:
        fail(str(error))
    server_errors = server.errors()
    sections.append(
        f"Odoo's log: {len(server_errors)} error(s) ({logfile})"
        + "".join(f"\n    {line[:200]}" for line in server_errors[:5])
    )
    text = "\n".join(header) + "\n\n" + "\n\n".join(sections) + "\n"
    out = LOAD_OUT / "result.md"
    out.write_text(text, encoding="utf-8")
    say("")
    say(text)
    say(f"Written to {out}")


def load_runs(url, users_file, args):
    """The steady run (--users) and the steps up to the knee; return the
    result's sections (Markdown)."""
    sections = []
    if args.users:
        say(f"== {args.users} users, {args.think} s think time, {args.run_time} s")
        (stats, failures), _code = run_locust(
            url,
            users_file,
            LOAD_OUT / "steady",
            args.users,
            args.spawn_rate,
            args.run_time,
            args.think,
        )
        p95 = percentile_95(stats)
        errors = int(stats.get("Aggregated", {}).get("Failure Count", 0) or 0)
        goal = "met" if p95 < 1000 and not errors else "NOT met"
        sections.append(
            f"### {args.users} users, {args.think:g} s think time, "
            f"{args.run_time} s\n\n{load_table(stats, failures)}\n\n"
            f"Goal (p95 under 1 s, no error): **{goal}** "
            f"(p95 {p95:,.0f} ms, {errors} failed requests)."
        )
        say(sections[-1])
    steps = [int(n) for n in args.steps.split(",") if n.strip()]
    knee, rows = None, []
    for users in steps:
        # Users arrive over 30 s at most; measured once all are in.
        spawn_rate = max(args.spawn_rate, users / 30)
        ramp = int(users / spawn_rate) + 1
        say(f"== Step: {users} users ({ramp} s to arrive), {args.step_time} s")
        (stats, _failures), _code = run_locust(
            url,
            users_file,
            LOAD_OUT / f"step-{users}",
            users,
            spawn_rate,
            args.step_time + ramp,
            args.think,
            reset_stats=True,
        )
        total = stats.get("Aggregated", {})
        p95 = percentile_95(stats)
        rows.append(
            f"| {users} | {float(total.get('Requests/s', 0)):.1f} "
            f"| {float(total.get('50%', 0)):,.0f} ms | {p95:,.0f} ms "
            f"| {float(total.get('99%', 0)):,.0f} ms "
            f"| {int(total.get('Failure Count', 0) or 0):,} |"
        )
        say(rows[-1])
        if p95 > args.knee_ms:
            knee = users
            break
    if rows:
        sections.append(
            f"### Steps, {args.step_time} s each once every user is in\n\n"
            "| Users | req/s | median | p95 | p99 | failures |\n"
            "|---:|---:|---:|---:|---:|---:|\n"
            + "\n".join(rows)
            + "\n\n"
            + (
                f"Knee: **{knee} users** (p95 over {args.knee_ms:,} ms)."
                if knee
                else f"No knee up to {steps[-1]} users (p95 under {args.knee_ms:,} ms)."
            )
        )
    return sections


def scale_options(parser):
    """The options of the fault and scale-out runs' own clusters."""
    parser.add_argument(
        "--copy-db",
        default="faults_bench",
        help="the copy of --db in .local/scale's cluster (made once)",
    )
    parser.add_argument(
        "--seconds", type=int, default=360, help="length of the fault or scale-out run"
    )


def toolbox():
    """The commands' settings and functions in one namespace: the fault and
    scale-out runs (scripts/load/faults.py, scaleout.py) take it as `dev`."""
    from . import (
        backup,
        console,
        logs,
        odoo,
        odoo_source,
        packages,
        postgres,
        settings,
        venv,
    )

    names = {}
    for module in (
        settings,
        console,
        packages,
        odoo_source,
        venv,
        postgres,
        odoo,
        logs,
        backup,
        sys.modules[__name__],
    ):
        names.update(
            (name, value)
            for name, value in vars(module).items()
            if not name.startswith("__")
        )
    return SimpleNamespace(**names)
