"""Faults under load (issue #18): ``make load FAULTS=1``.

While the load test's users work (the locustfile, 50 users by default), one
after the other:

1. **a worker killed**: kill -9 of the Odoo HTTP worker that is using the
   most CPU (most likely in the middle of a request);
2. **PostgreSQL restarted**: ``pg_ctl restart -m fast`` of the run's
   cluster (every connection cut, a clean stop, a start);
3. **a worker past its memory limit**: a coordinator exports every
   attention (every column the export dialog offers) to a spreadsheet, as
   Odoo's export dialog does, on workers whose ``limit_memory_hard`` is
   lowered for the run (``--memory-hard``, 640 MB) so that this legitimate
   request exceeds it; Odoo's worker fails the request and is replaced. At
   that limit wkhtmltopdf, a child of the worker that renders the CVs, cannot
   start (it needs about 1.4 GB of address space): the referrals submitted
   meanwhile fail, which the run reports with the fault.

After each one, a probe (a signed-in coordinator counting case files every
half second) says when the service answers again (goal: within 30 s), and
the load test's journal gives the failed requests until the next fault.
Then, still under load, several coordinators confirm their decision on the
same referral at the same instant (integrity.concurrent_decisions). After
the run: every acknowledged write is in the database, no referral's stage
disagrees with its history and decision log (integrity.py).

It runs on the cluster set of .local/scale (cluster.py), never on the
project's cluster, on a copy of the benchmark's database; Odoo on
127.0.0.1:8310 (``OMIOPI_SCALE_HTTP_PORT`` + 10). The table is written to
.local/load/faults.md.
"""

import json
import os
import re
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import cluster
import integrity

GOAL_SECONDS = 30


def run(dev, args):
    dev.require_odoo(code=1)
    dev.ensure_venv()
    dev.ensure_load_venv()
    dev.LOAD_OUT.mkdir(parents=True, exist_ok=True)
    dev.LOG_DIR.mkdir(parents=True, exist_ok=True)
    pg = cluster.ensure_primary(dev, args.copy_db, args.db)
    port = cluster.HTTP_BASE + 10
    url = f"http://127.0.0.1:{port}"
    users_file = dev.LOAD_OUT / "faults-users.json"
    cluster.prepare_users(dev, pg, args.copy_db, users_file, url)
    accounts = json.loads(users_file.read_text(encoding="utf-8"))["users"]
    coordinators = [a for a in accounts if a["role"] == "coordinator"]
    journal_file = dev.LOAD_OUT / "faults-journal.jsonl"
    journal_file.unlink(missing_ok=True)
    workers = dev.configured_workers()
    hard = args.memory_hard * 1024 * 1024
    logfile = dev.LOG_DIR / "odoo-faults.log"
    server = cluster.node(
        dev,
        pg,
        args.copy_db,
        port,
        workers,
        logfile,
        f"--limit-memory-soft={hard * 4 // 5}",
        f"--limit-memory-hard={hard}",
        "--log-level=info",
    )
    header = (
        f"Database {args.copy_db} (a copy of {args.db}) on {pg}; Odoo prefork, "
        f"{workers} HTTP workers, limit_memory_hard {args.memory_hard} MB for "
        f"this run; {args.users} users, {args.think:g} s think time, "
        f"{args.seconds} s; {os.cpu_count()} CPU(s); "
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}."
    )
    rows, notes, loads = [], [], []
    try:
        with server:
            os.environ["OMIOPI_LOAD_JOURNAL"] = str(journal_file)
            started = time.time()
            locust, outcome = cluster.start_locust(dev, args, url, users_file, "faults")
            probe = integrity.Probe(url, args.copy_db, coordinators[0])
            probe.start()
            events = inject(
                dev, args, server, pg, coordinators, started, journal_file, notes
            )
            loads.append(os.getloadavg())
            dev.say("== Concurrent decisions on one referral (still under load)")
            rounds = integrity.concurrent_decisions(
                pg, args.copy_db, url, coordinators, rounds=args.races
            )
            locust.join()
            ended = time.time()
            probe.stop()
            os.environ.pop("OMIOPI_LOAD_JOURNAL", None)
    except dev.LoadServerError as error:
        dev.fail(str(error))
    journal = integrity.read_journal(journal_file)
    (stats, failures), _code = outcome.get("result", (({}, {}), None))
    rows = fault_rows(events, probe, journal, started, ended)
    lost, counts = integrity.lost_writes(pg, args.copy_db, journal)
    for row in rows:
        row["lost"] = lost_in_window(journal, lost, row["at"], row["until"])
    wrong, handled = integrity.inconsistent_referrals(pg, args.copy_db)
    text = report(
        header, rows, rounds, lost, counts, wrong, handled, notes, loads, stats
    )
    text += "\n\n" + dev.load_table(stats, failures)
    text += "\n\n" + server_log_summary(logfile)
    out = dev.LOAD_OUT / "faults.md"
    out.write_text(text + "\n", encoding="utf-8")
    dev.say("")
    dev.say(text)
    dev.say(f"Written to {out}")
    pg.stop()  # kept on disk, started again by the next run


def inject(dev, args, server, pg, coordinators, started, journal_file, notes):
    """The three faults, `args.interval` seconds apart once the users are
    in; return [(label, time, detail)]."""
    events = []
    signed_in = wait_for_logins(journal_file, args.users, started + 240)
    dev.say(f"== {signed_in} users signed in after {time.time() - started:.0f} s")
    first = time.time() + 15

    def wait_until(moment):
        time.sleep(max(0.0, moment - time.time()))

    # 1. kill -9 of the busiest HTTP worker
    wait_until(first)
    victim = busiest_worker(server.proc.pid)
    dev.say(f"== Fault 1: kill -9 of the HTTP worker {victim}")
    at = time.time()
    os.kill(victim, signal.SIGKILL)
    replaced = wait_for_new_worker(server.proc.pid, victim, at)
    events.append(
        (
            "kill -9 of a busy HTTP worker",
            at,
            f"worker {victim} killed; the master started another in {replaced:.1f} s"
            if replaced is not None
            else f"worker {victim} killed; no new worker seen within 60 s",
        )
    )
    # 2. PostgreSQL restarted
    wait_until(first + args.interval)
    dev.say(f"== Fault 2: pg_ctl restart -m fast of {pg}")
    at = time.time()
    took = pg.restart()
    events.append(
        (
            "PostgreSQL restarted (pg_ctl restart -m fast)",
            at,
            f"the cluster was down and up again in {took:.1f} s",
        )
    )
    # 3. a worker past limit_memory_hard
    wait_until(first + 2 * args.interval)
    dev.say("== Fault 3: a coordinator exports every attention to XLSX")
    before = set(cluster.http_workers(server.proc.pid))
    peak, stop = {}, threading.Event()
    watcher = threading.Thread(target=watch_memory, args=(server.proc.pid, peak, stop))
    watcher.start()
    at = time.time()
    answer = export_everything(
        server.url, args.copy_db, coordinators[-1], "omiopi.attention"
    )
    stop.set()
    watcher.join()
    answered_at = time.time()
    gone = set()
    while not gone and time.time() - answered_at < 30:
        gone = before - set(cluster.http_workers(server.proc.pid))
        time.sleep(0.5)
    top = max(peak.values(), default=0)
    events.append(
        (
            f"a worker past limit_memory_hard ({args.memory_hard} MB)",
            at,
            (
                "a coordinator's export of every attention to XLSX answered "
                f"{answer} after "
                f"{answered_at - at:.0f} s; largest worker {top / 2**20:,.0f} MB; "
                f"workers replaced: {len(gone)}"
                + (
                    f" ({time.time() - answered_at:.1f} s after the answer)"
                    if gone
                    else ""
                )
            ),
        )
    )
    notes.append(f"Memory fault: {events[-1][2]}.")
    wait_until(first + 3 * args.interval)
    return events


def wait_for_logins(journal_file, users, deadline):
    """Wait until every user has signed in (signing in is the slowest
    request: 0.7 s of CPU), or the deadline; return how many did."""
    count = 0
    while time.time() < deadline:
        if journal_file.exists():
            text = journal_file.read_text(encoding="utf-8", errors="replace")
            count = text.count('"name": "login", ')
            if count >= users:
                break
        time.sleep(2)
    return count


def busiest_worker(master):
    """The HTTP worker that used the most CPU over the last half second."""
    before = {pid: cluster.cpu_ticks(pid) for pid in cluster.http_workers(master)}
    time.sleep(0.5)
    used = {pid: cluster.cpu_ticks(pid) - ticks for pid, ticks in before.items()}
    return max(used, key=used.get)


def wait_for_new_worker(master, victim, since, timeout=60):
    known = set(cluster.http_workers(master)) - {victim}
    while time.time() - since < timeout:
        current = set(cluster.http_workers(master))
        if current - known - {victim}:
            return time.time() - since
        time.sleep(0.1)
    return None


def watch_memory(master, peak, stop):
    while not stop.is_set():
        for pid in cluster.http_workers(master):
            peak[pid] = max(peak.get(pid, 0), cluster.vm_size(pid))
        stop.wait(0.2)


def export_everything(url, db, account, model):
    """What the export screen sends for "select all, export" of a list: a
    form posted to /web/export/xlsx with the session's CSRF token. Returns
    how Odoo answered (an HTTP status, or the connection's error)."""
    client = integrity.Client(url, db, timeout=600)
    client.login(account["login"], account["password"])
    with client.opener.open(url + "/web", timeout=120) as page:
        html = page.read().decode("utf-8", errors="replace")
    token = re.search(r'csrf_token: "([^"]+)"', html)
    fields = client.call(model, "fields_get", attributes=["string", "type"])
    # Every column the export dialog offers for the list's records.
    wanted = [
        {"name": name, "label": info["string"]}
        for name, info in sorted(fields.items())
        if info["type"] not in ("binary", "one2many", "many2many", "html")
    ]
    data = {
        "model": model,
        "fields": wanted,
        "ids": False,
        "domain": [],
        "groupby": [],
        "context": client.context,
        "import_compat": False,
    }
    body = urllib.parse.urlencode(
        {"data": json.dumps(data), "csrf_token": token.group(1) if token else ""}
    ).encode()
    try:
        with client.opener.open(url + "/web/export/xlsx", body, timeout=900) as r:
            size = len(r.read())
            return f"HTTP {r.status} ({size / 2**20:,.1f} MB)"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except OSError as error:
        return f"{type(error).__name__}: {error}"[:120]


def fault_rows(events, probe, journal, started, ended):
    """One row a fault, over the window until the next fault (the first
    row: before the first fault, the users arriving):

    - `errors_for`: from the fault to the end of its last failed request
      (load test or probe): how long the service failed requests;
    - `answered`: from the fault to the answer of the first request sent
      after the last failure (or after the fault) that succeeded: the
      service answering again, its queue under the load included;
    - the requests and the failed requests of the window; the acknowledged
      writes of the window that are missing are counted by lost_in_window().
    """
    rows = []
    events = [("no fault (users arriving and working)", started, "baseline"), *events]
    for index, (label, at, detail) in enumerate(events):
        until = events[index + 1][1] if index + 1 < len(events) else ended
        total, failed, errors = integrity.requests_between(journal, at, until)
        done = [
            (e["start"] or e["t"], e["t"], not e.get("error"))
            for e in journal.get("request", [])
            if at <= e["t"] < until
        ] + [(sent, answered, ok) for sent, answered, ok, _e in probe.samples]
        failures = [end for _sent, end, ok in done if not ok and at <= end < until]
        last_failure = max(failures, default=None)
        since = last_failure or at
        answers = [end for sent, end, ok in done if ok and sent >= since]
        rows.append(
            {
                "fault": label,
                "at": at,
                "until": until,
                "errors_for": (last_failure - at) if last_failure else 0.0,
                "answered": (min(answers) - at) if answers else None,
                "probes_failed": sum(
                    1
                    for sent, _a, ok, _e in probe.samples
                    if not ok and at <= sent < until
                ),
                "requests": total,
                "failed": failed,
                "errors": errors,
                "detail": detail,
            }
        )
    return rows


def lost_in_window(journal, lost, start, end):
    missing = {
        (kind, tuple(i) if isinstance(i, (list, tuple)) else i)
        for kind in lost
        for i in lost[kind]
    }
    count = 0
    for kind in integrity.WRITES:
        for entry in journal.get(kind, []):
            if not start <= entry["t"] < end:
                continue
            key = (
                (kind, (int(entry["referral"]), int(entry["uid"])))
                if kind == "decision"
                else (kind, int(entry["id"]))
            )
            count += key in missing
    return count


def report(header, rows, rounds, lost, counts, wrong, handled, notes, loads, stats):
    journal_lost = sum(len(v) for v in lost.values())
    lines = [
        header,
        "",
        (
            "| Fault | requests failing for | answers again after | requests "
            "until the next fault | failed | failed probes | acknowledged writes "
            "lost | verdict |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for index, row in enumerate(rows):
        answered = row["answered"]
        ok = row["errors_for"] <= GOAL_SECONDS and answered is not None
        lost_here = row.get("lost", 0)
        verdict = "met" if ok and not lost_here else "NOT met"
        lines.append(
            f"| {row['fault']} | {row['errors_for']:.1f} s | "
            + (f"{answered:.1f} s" if answered is not None else "never")
            + f" | {row['requests']:,} | {row['failed']} | {row['probes_failed']} "
            f"| {lost_here} | {verdict if index else '-'} |"
        )
    lines.append("")
    for row in rows:
        lines.append(f"- {row['fault']}: {row['detail']}.")
        for error, count in sorted(row["errors"].items(), key=lambda e: -e[1])[:6]:
            lines.append(f"    - {count} x {error}")
    total = stats.get("Aggregated", {})
    lines += [
        "",
        "**Acknowledged writes** (journal of the load test): "
        + ", ".join(f"{counts[k]} {k}" for k in counts if counts[k])
        + (
            f"; **lost: {journal_lost}** { {k: v[:5] for k, v in lost.items()} }"
            if journal_lost
            else "; **none lost**"
        )
        + ".",
        f"**Referrals' stage, history and decision log** ({handled} referrals with "
        "a history): "
        + (
            "; ".join(f"{label}: {ids[:5]}" for label, ids in wrong.items())
            if wrong
            else "**all agree**"
        )
        + ".",
    ]
    if rounds:
        lines += [
            "",
            (
                "**Concurrent decisions** (each coordinator opens the decision "
                "dialog, then all confirm at the same instant):"
            ),
            "",
            (
                "| Referral | approvers | succeeded | refused | approvals logged "
                "| transitions | slowest answer | verdict |"
            ),
            "|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in rounds:
            verdict = (
                "one transition" if integrity.concurrency_verdict(r) else "NOT met"
            )
            lines.append(
                f"| {r['referral']} | {r['clients']} | {r['succeeded']} "
                f"| {len(r['refused'])} | {r['decisions']} | {r['transitions']} "
                f"| {r['slowest']:.1f} s "
                f"| {verdict} |"
            )
        refusals = sorted({m for r in rounds for m in r["refused"]})
        lines.append("")
        lines += [f"- refused with: {m}" for m in refusals[:4]]
    lines += [
        "",
        (
            f"Whole run: {int(total.get('Request Count', 0) or 0):,} requests, "
            f"{int(total.get('Failure Count', 0) or 0):,} failed; p95 "
            f"{float(total.get('95%', 0) or 0):,.0f} ms. Load average during the "
            f"run: {', '.join(f'{a:.1f}' for a in loads[0]) if loads else '?'}."
        ),
        *notes,
    ]
    return "\n".join(lines)


def server_log_summary(logfile):
    """The lines of Odoo's log that tell what each fault did to it."""
    text = logfile.read_text(encoding="utf-8", errors="replace")
    patterns = (
        "virtual memory limit",
        "MemoryError",
        "Worker (",
        "OperationalError",
        "terminating connection",
        "server closed the connection",
        "retrying",
        "lock_not_available",
        "could not obtain lock",
        "ERROR",
        "CRITICAL",
    )
    found = [
        line
        for line in text.splitlines()
        if any(p in line for p in patterns) and "alive" not in line
    ]
    head = f"Odoo's log ({logfile}): {len(found)} line(s) about the faults"
    return head + "".join(f"\n    {line[:220]}" for line in found[:25])
