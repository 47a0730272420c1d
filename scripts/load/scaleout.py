"""Scale-out on existing engines, tried on this machine (issue #18):
``make scaleout`` (scripts/dev.py scaleout).

- The run's PostgreSQL (cluster.py: the primary on port 5441 with a copy of
  the benchmark's database) and its **streaming replica** (port 5442,
  ``pg_basebackup -R``, hot standby), made once and reused.
- **Two Odoo nodes** in prefork mode (``workers`` of config/odoo.conf each,
  no cron), HTTP on 8301 and 8303, their gevent workers on 8302 and 8304,
  sharing one data directory (filestore and sessions), both given the
  replica through Odoo 18's ``db_replica_host``/``db_replica_port``: the
  requests Odoo marks read-only (``readonly=True`` routes, and
  ``/web/dataset/call_kw`` of a method decorated ``@api.readonly``) take a
  cursor on the replica, the others on the primary.
- **nginx** (Debian's ``nginx-light``, installed if missing) as a private
  process with its configuration in .local/scale/nginx, on 127.0.0.1:8300:
  round robin over both nodes, no stickiness; ``/websocket`` to the gevent
  ports.
- The load test (the locustfile) against nginx; a reader opening the
  dashboards and the programme report as a coordinator every few seconds;
  node A killed (SIGKILL of its master and workers) in the middle of the run
  and started again 40 s later.
- Afterwards: the requests that failed, which node answered (nginx's log),
  the acknowledged writes and the referrals' consistency (integrity.py),
  and where the queries ran: ``pg_stat_statements`` of the primary and of
  the replica, reset at the start.

The result is written to .local/load/scaleout.md.
"""

import json
import os
import shutil
import signal
import subprocess
import threading
import time

import cluster
import integrity

NGINX_CONF = """# Written by scripts/load/scaleout.py: nginx in front of two Odoo nodes.
worker_processes 1;
daemon off;
pid {base}/nginx.pid;
error_log {base}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format upstream '$msec $status $upstream_addr $upstream_status '
                        '$request_time "$request"';
    access_log {base}/access.log upstream;
    client_body_temp_path {base}/tmp/body;
    proxy_temp_path {base}/tmp/proxy;
    fastcgi_temp_path {base}/tmp/fastcgi;
    uwsgi_temp_path {base}/tmp/uwsgi;
    scgi_temp_path {base}/tmp/scgi;
    upstream odoo {{
        server 127.0.0.1:{node_a} max_fails=3 fail_timeout=5s;
        server 127.0.0.1:{node_b} max_fails=3 fail_timeout=5s;
    }}
    upstream odoo_bus {{
        server 127.0.0.1:{bus_a} max_fails=3 fail_timeout=5s;
        server 127.0.0.1:{bus_b} max_fails=3 fail_timeout=5s;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        '' close;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 64m;
        proxy_connect_timeout 10s;
        proxy_read_timeout 720s;
        proxy_send_timeout 720s;
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Real-IP $remote_addr;
        location /websocket {{
            proxy_pass http://odoo_bus;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }}
        location / {{
            proxy_pass http://odoo;
            proxy_next_upstream error timeout http_502 http_503;
        }}
    }}
}}
"""

# Kinds of SELECT statements, for the table of where they ran: what the
# statement must contain ("!": must not contain).
KINDS = (
    ("all", ()),
    ("grouped reads (GROUP BY), all", ("GROUP BY",)),
    ("grouped reads of case files", ("GROUP BY", 'FROM "omiopi_case"')),
    ("grouped reads of referrals", ("GROUP BY", 'FROM "omiopi_referral"')),
    ("grouped reads of attentions", ("GROUP BY", 'FROM "omiopi_attention"')),
    ("grouped reads of the pipeline (crm.lead)", ("GROUP BY", 'FROM "crm_lead"')),
    ("grouped reads of job offers", ("GROUP BY", 'FROM "omiopi_job_offer"')),
    ("reads of case files", ("!GROUP BY", 'FROM "omiopi_case"')),
    ("reads of referrals", ("!GROUP BY", 'FROM "omiopi_referral"')),
    ("reads of persons", ("!GROUP BY", 'FROM "res_partner"')),
    ("reads of attentions", ("!GROUP BY", 'FROM "omiopi_attention"')),
    ("reads of the pipeline (crm.lead)", ("!GROUP BY", 'FROM "crm_lead"')),
    ("reads of views, actions, menus", ("!GROUP BY", 'FROM "ir_')),
)


class Nginx:
    """nginx as a private process of the run."""

    def __init__(self, dev, port, nodes):
        self.dev = dev
        self.base = cluster.scale_dir(dev) / "nginx"
        self.conf = self.base / "nginx.conf"
        self.port = port
        self.nodes = nodes
        self.proc = None

    def __enter__(self):
        if not shutil.which("nginx"):
            self.dev.apt_install(["nginx-light"])
        (self.base / "tmp").mkdir(parents=True, exist_ok=True)
        (self.base / "access.log").unlink(missing_ok=True)
        (a, bus_a), (b, bus_b) = self.nodes
        self.conf.write_text(
            NGINX_CONF.format(
                base=self.base,
                port=self.port,
                node_a=a,
                node_b=b,
                bus_a=bus_a,
                bus_b=bus_b,
            ),
            encoding="utf-8",
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        base = ["-p", str(self.base), "-c", str(self.conf), "-e", "stderr"]
        self.dev.run([nginx, *base, "-t"])
        self.dev.say(f"$ {nginx} {' '.join(base)}")
        with open(self.base / "stderr.log", "w", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [nginx, *base],
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        time.sleep(1)
        if self.proc.poll() is not None:
            self.dev.fail(f"nginx did not start, see {self.base / 'stderr.log'}")
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def served(self, start, end):
        """{upstream address: requests} answered in [start, end)."""
        counts = {}
        path = self.base / "access.log"
        if not path.exists():
            return counts
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split()
            if len(parts) < 4:
                continue
            try:
                moment = float(parts[0])
            except ValueError:
                continue
            if start <= moment < end:
                key = f"{parts[2]} ({parts[3]})"
                counts[key] = counts.get(key, 0) + 1
        return counts


def reader(url, db, account, stop, seen):
    """A coordinator reading the dashboards and the programme report, as
    the web client does, until `stop`: the spreadsheet of each dashboard
    (get_readonly_dashboard), then each chart's grouped read (the graph
    model's web_read_group); the programme report's form (onchange)."""
    client = integrity.Client(url, db, timeout=120)
    client.login(account["login"], account["password"])
    dashboards = client.call(
        "spreadsheet.dashboard",
        "search_read",
        [],
        ["name"],
    )
    while not stop.is_set():
        for dashboard in dashboards:
            if stop.is_set():
                break
            try:
                data = client.call(
                    "spreadsheet.dashboard", "get_readonly_dashboard", [dashboard["id"]]
                )
                charts = [
                    figure["data"]
                    for sheet in (data.get("snapshot") or {}).get("sheets", [])
                    for figure in sheet.get("figures", [])
                    if figure.get("tag") == "chart"
                    and "metaData" in (figure.get("data") or {})
                ]
                for chart in charts:
                    meta = chart["metaData"]
                    measure = meta["measure"]
                    client.call(
                        meta["resModel"],
                        "web_read_group",
                        (chart.get("searchParams") or {}).get("domain", []),
                        [] if measure == "__count" else [f"{measure}:sum"],
                        meta["groupBy"],
                        lazy=False,
                    )
                    seen["charts"] = seen.get("charts", 0) + 1
                seen["dashboards"] = seen.get("dashboards", 0) + 1
            except integrity.RpcError as error:
                seen.setdefault("errors", []).append(str(error)[:160])
        try:
            client.call(
                "omiopi.referral.report.wizard",
                "onchange",
                [],
                {},
                [],
                {"report_html": {}, "date_from": {}, "date_to": {}},
            )
            seen["programme reports"] = seen.get("programme reports", 0) + 1
        except integrity.RpcError as error:
            seen.setdefault("errors", []).append(str(error)[:160])
        stop.wait(3)


def statements(pg, db):
    """[(calls, rows, query)] of pg_stat_statements on the database."""
    rows = pg.rows(
        "SELECT s.calls, s.rows, regexp_replace(s.query, '\\s+', ' ', 'g') "
        "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
        f"WHERE d.datname = '{db}' ORDER BY s.calls DESC",
        db,
    )
    return [(int(c), int(r), q) for c, r, q in rows]


def _matches(query, needles):
    return query.lstrip().upper().startswith("SELECT") and all(
        (n[1:] not in query) if n.startswith("!") else (n in query) for n in needles
    )


def kinds_table(primary_stmts, replica_stmts):
    """Calls of SELECT statements of each kind on the primary and the
    replica, and the share that ran on the replica."""

    def count(stmts, needles):
        return sum(c for c, _r, q in stmts if _matches(q, needles))

    lines = [
        "| SELECT statements | on the primary | on the replica | replica share |",
        "|---|---:|---:|---:|",
    ]
    for label, needles in KINDS:
        on_primary = count(primary_stmts, needles)
        on_replica = count(replica_stmts, needles)
        total = on_primary + on_replica
        share = f"{100 * on_replica / total:.0f} %" if total else "-"
        lines.append(f"| {label} | {on_primary:,} | {on_replica:,} | {share} |")

    def writes(stmts):
        return sum(
            c
            for c, _r, q in stmts
            if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        )

    lines.append(
        f"\nWrites (INSERT, UPDATE, DELETE): {writes(primary_stmts):,} on the "
        f"primary, {writes(replica_stmts)} on the replica."
    )
    return "\n".join(lines)


def top_replica(replica_stmts, n=12):
    lines = []
    for calls, rows, query in replica_stmts[:n]:
        lines.append(f"    {calls:>6} calls, {rows:>8} rows: {query[:150]}")
    return "\n".join(lines)


def run(dev, args):
    dev.require_odoo(code=1)
    dev.ensure_venv()
    dev.ensure_load_venv()
    dev.LOAD_OUT.mkdir(parents=True, exist_ok=True)
    dev.LOG_DIR.mkdir(parents=True, exist_ok=True)
    db = args.copy_db
    pg = cluster.ensure_primary(dev, db, args.db)
    standby = cluster.ensure_replica(dev, pg)
    port = cluster.HTTP_BASE
    url = f"http://127.0.0.1:{port}"
    ports = [(port + 1, port + 2), (port + 3, port + 4)]
    users_file = dev.LOAD_OUT / "scaleout-users.json"
    cluster.prepare_users(dev, pg, db, users_file, url)
    accounts = json.loads(users_file.read_text(encoding="utf-8"))["users"]
    coordinators = [a for a in accounts if a["role"] == "coordinator"]
    journal_file = dev.LOAD_OUT / "scaleout-journal.jsonl"
    journal_file.unlink(missing_ok=True)
    workers = dev.configured_workers()

    def make_node(index, suffix=""):
        return cluster.node(
            dev,
            pg,
            db,
            ports[index][0],
            workers,
            dev.LOG_DIR / f"odoo-scaleout-{'ab'[index]}{suffix}.log",
            "--log-level=info",
            replica_cluster=standby,
        )

    node_a, node_b = make_node(0), make_node(1)
    lag = standby.psql(
        "SELECT coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()),"
        " 0)::int"
    )
    header = (
        f"Database {db} (a copy of {args.db}) on {pg}, streaming to {standby} "
        f"(replay lag at start {lag} s); two Odoo nodes, prefork, {workers} HTTP "
        f"workers each, db_replica_host set, one data directory; nginx on {url}; "
        f"{args.users} users, {args.think:g} s think time, {args.seconds} s; "
        f"{os.cpu_count()} CPU(s); {time.strftime('%Y-%m-%d %H:%M %Z')}."
    )
    sections, loads = [], []
    try:
        with node_a, node_b, Nginx(dev, port, ports) as nginx:
            for server in (pg, standby):
                server.psql("SELECT pg_stat_statements_reset()", db=db)
            os.environ["OMIOPI_LOAD_JOURNAL"] = str(journal_file)
            started = time.time()
            locust, outcome = cluster.start_locust(
                dev, args, url, users_file, "scaleout"
            )
            stop, seen = threading.Event(), {}
            reading = threading.Thread(
                target=reader, args=(url, db, coordinators[-1], stop, seen)
            )
            reading.start()
            time.sleep(max(0.0, started + args.seconds / 2 - time.time()))
            loads.append(os.getloadavg())
            dev.say(f"== Node A ({node_a.url}) killed: SIGKILL to its processes")
            killed = time.time()
            os.killpg(node_a.proc.pid, signal.SIGKILL)
            node_a.proc.wait()
            time.sleep(40)
            dev.say("== Node A started again")
            again = make_node(0, "-again")
            with again:
                back = time.time()
                locust.join()
                ended = time.time()
                stop.set()
                reading.join(120)
                os.environ.pop("OMIOPI_LOAD_JOURNAL", None)
                primary_stmts = statements(pg, db)
                replica_stmts = statements(standby, db)
                served = {
                    "before the kill": nginx.served(started, killed),
                    "node A down": nginx.served(killed, back),
                    "node A back": nginx.served(back, ended + 5),
                }
    except dev.LoadServerError as error:
        dev.fail(str(error))
    journal = integrity.read_journal(journal_file)
    (stats, failures), _code = outcome.get("result", (({}, {}), None))
    lost, counts = integrity.lost_writes(pg, db, journal)
    wrong, handled = integrity.inconsistent_referrals(pg, db)
    before = integrity.requests_between(journal, started, killed)
    down = integrity.requests_between(journal, killed, back)
    after = integrity.requests_between(journal, back, ended + 5)
    total = stats.get("Aggregated", {})
    lines = [
        header,
        "",
        "| Period | requests | failed | answered by (nginx upstream, status) |",
        "|---|---:|---:|---|",
    ]
    for label, (requests, failed, _errors) in (
        ("before the kill", before),
        ("node A down (40 s, then its start)", down),
        ("node A back", after),
    ):
        key = label.split(" (")[0]
        by = served.get(key, {})
        top = ", ".join(
            f"{k}: {v:,}" for k, v in sorted(by.items(), key=lambda i: -i[1])[:4]
        )
        lines.append(f"| {label} | {requests:,} | {failed} | {top} |")
    for error, count in sorted(down[2].items(), key=lambda e: -e[1])[:6]:
        lines.append(f"\n- node A down: {count} x {error}")
    lost_total = sum(len(v) for v in lost.values())
    lines += [
        "",
        "**Acknowledged writes**: "
        + ", ".join(f"{counts[k]} {k}" for k in counts if counts[k])
        + (f"; **lost: {lost_total}** {lost}" if lost_total else "; **none lost**")
        + ".",
        f"**Referrals' stage, history and decision log** ({handled} referrals with "
        "a history): "
        + (
            "; ".join(f"{label}: {ids[:5]}" for label, ids in wrong.items())
            if wrong
            else "**all agree**"
        )
        + ".",
        (
            f"Whole run: {int(total.get('Request Count', 0) or 0):,} requests, "
            f"{int(total.get('Failure Count', 0) or 0):,} failed; median "
            f"{float(total.get('50%', 0) or 0):,.0f} ms, p95 "
            f"{float(total.get('95%', 0) or 0):,.0f} ms. Load average at mid-run: "
            f"{', '.join(f'{a:.1f}' for a in loads[0]) if loads else '?'}."
        ),
        "",
        "### Where the queries ran (pg_stat_statements, primary and replica)",
        "",
        (
            f"The reader opened {seen.get('dashboards', 0)} dashboards "
            f"({seen.get('charts', 0)} charts) and "
            f"{seen.get('programme reports', 0)} programme reports; errors: "
            f"{seen.get('errors', [])[:3]}."
        ),
        "",
        kinds_table(primary_stmts, replica_stmts),
        "",
        "The replica's most called statements:",
        "",
        top_replica(replica_stmts),
    ]
    sections.append("\n".join(lines))
    sections.append(dev.load_table(stats, failures))
    text = "\n\n".join(sections)
    out = dev.LOAD_OUT / "scaleout.md"
    out.write_text(text + "\n", encoding="utf-8")
    dev.say("")
    dev.say(text)
    dev.say(f"Written to {out}")
    for server in (standby, pg):
        server.stop()  # kept on disk, started again by the next run
