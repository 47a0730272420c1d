"""The PostgreSQL clusters and Odoo nodes of the fault and scale-out runs.

Used by scripts/load/faults.py and scripts/load/scaleout.py (``make load
FAULTS=1``, ``make scaleout``). They never touch the project's cluster
(``.local/pgdata``, shared by ``make run``, ``make test``, ``make load``)
but to copy the benchmark's database from it: they run on a cluster set of
their own under ``.local/scale/``, created once and reused:

- ``primary``: a cluster on port 5441 (``OMIOPI_SCALE_PG_PORT``), socket
  only, with commits that wait for the disk (``synchronous_commit = on``, as
  in production: the development cluster's ``off`` may lose the last
  acknowledged commits in a crash), ``pg_stat_statements``, streaming
  replication allowed;
- ``replica``: its hot standby on the next port, made by ``pg_basebackup -R``
  (only the scale-out run starts it);
- ``data``: Odoo's data directory of every node (filestore, sessions);
- a copy of the benchmark's database (``omiopi_bench``, filled by ``make
  load``) and of its filestore, ``faults_bench`` by default.

The functions take the dev.py module (``dev``) for its helpers.
"""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

PRIMARY_PORT = int(os.environ.get("OMIOPI_SCALE_PG_PORT", "5441"))
# HTTP ports of the runs: nginx, then the nodes (HTTP port, gevent port).
HTTP_BASE = int(os.environ.get("OMIOPI_SCALE_HTTP_PORT", "8300"))

PRIMARY_CONF = """
# omiopi fault and scale-out runs (scripts/load/cluster.py)
listen_addresses = ''
max_connections = 300
synchronous_commit = on
jit = off
wal_level = replica
max_wal_senders = 5
hot_standby = on
hot_standby_feedback = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
pg_stat_statements.max = 10000
"""


def scale_dir(dev):
    return dev.LOCAL / "scale"


def data_dir(dev):
    """Odoo's data directory of the runs' nodes: filestore and sessions."""
    return scale_dir(dev) / "data"


class Cluster:
    """One PostgreSQL cluster of .local/scale/<name>, run by the project's
    PostgreSQL system user (as dev.py runs the project's cluster)."""

    def __init__(self, dev, name, port):
        self.dev = dev
        self.name = name
        self.base = scale_dir(dev) / name
        self.data = self.base / "data"
        self.sock = self.base / "run"
        self.port = str(port)
        self.logfile = self.base / "server.log"
        self.user = dev.ensure_pg_system_user()

    def __repr__(self):
        return f"the {self.name} cluster (port {self.port}, {self.base})"

    def bin(self, name):
        return self.dev.pg_bindir() / name

    def exists(self):
        return (self.data / "PG_VERSION").exists()

    def running(self):
        status = self.dev.as_pg_user(
            [self.bin("pg_ctl"), "-D", self.data, "status"],
            self.user,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        return status.returncode == 0

    def _prepare(self):
        self.dev.LOCAL.chmod(0o755)
        scale_dir(self.dev).mkdir(parents=True, exist_ok=True)
        scale_dir(self.dev).chmod(0o755)
        self.base.mkdir(parents=True, exist_ok=True)
        self.dev.prepare_pg_dir(self.base, self.user)
        self.base.chmod(0o755)

    def init_primary(self):
        self._prepare()
        self.dev.prepare_pg_dir(self.data, self.user)
        self.dev.as_pg_user(
            [
                self.bin("initdb"),
                "-D",
                self.data,
                "-U",
                self.dev.PG_ROLE,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            self.user,
            stdout=subprocess.DEVNULL,
        )
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(PRIMARY_CONF)

    def init_replica(self, primary):
        """A hot standby of `primary`, streaming from it (pg_basebackup -R
        writes primary_conninfo and standby.signal)."""
        self._prepare()
        if self.data.exists():
            shutil.rmtree(self.data)
        self.dev.prepare_pg_dir(self.data, self.user)
        self.dev.as_pg_user(
            [
                self.bin("pg_basebackup"),
                "-h",
                primary.sock,
                "-p",
                primary.port,
                "-U",
                self.dev.PG_ROLE,
                "-D",
                self.data,
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
            ],
            self.user,
        )

    def start(self):
        self.dev.prepare_pg_dir(self.sock, self.user)
        if self.running():
            return
        self.dev.as_pg_user(
            [
                self.bin("pg_ctl"),
                "-D",
                self.data,
                "-l",
                self.logfile,
                "-w",
                "-t",
                "120",
                "-o",
                f"-k {self.sock} -p {self.port}",
                "start",
            ],
            self.user,
        )

    def stop(self):
        if self.exists() and self.running():
            self.dev.as_pg_user(
                [self.bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"],
                self.user,
                check=False,
            )

    def restart(self):
        """pg_ctl restart -m fast: every connection is cut, the server stops
        cleanly and starts again. Returns the seconds it took."""
        started = time.time()
        self.dev.as_pg_user(
            [
                self.bin("pg_ctl"),
                "-D",
                self.data,
                "-l",
                self.logfile,
                "-m",
                "fast",
                "-w",
                "-t",
                "120",
                "-o",
                f"-k {self.sock} -p {self.port}",
                "restart",
            ],
            self.user,
            stdout=subprocess.DEVNULL,
        )
        return time.time() - started

    def psql(self, sql, db="postgres", check=True):
        out = subprocess.run(
            [
                str(self.bin("psql")),
                "-h",
                str(self.sock),
                "-p",
                self.port,
                "-U",
                self.dev.PG_ROLE,
                "-d",
                db,
                "-At",
                "-F",
                "\t",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode and check:
            raise RuntimeError(f"psql on {self}: {out.stderr.strip()}")
        return out.stdout.strip()

    def rows(self, sql, db):
        """The rows of a query, as lists of strings."""
        text = self.psql(sql, db=db)
        return [line.split("\t") for line in text.splitlines()] if text else []

    def db_exists(self, db):
        return self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{db}'") == "1"


def primary(dev):
    return Cluster(dev, "primary", PRIMARY_PORT)


def replica(dev):
    return Cluster(dev, "replica", PRIMARY_PORT + 1)


def ensure_primary(dev, db, source_db):
    """The primary cluster, started, with `db`: a copy of `source_db` of the
    project's cluster and of its filestore (made once, reused after)."""
    cluster = primary(dev)
    if not cluster.exists():
        dev.say(f"== Creating {cluster}")
        cluster.init_primary()
    cluster.start()
    if not cluster.db_exists(db):
        copy_database(dev, cluster, db, source_db)
    update_addons(dev, cluster, db)
    cluster.psql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", db=db)
    return cluster


def addons_digest(dev):
    files = sorted(
        path
        for path in dev.ADDONS.rglob("*")
        if path.is_file() and path.suffix in (".py", ".xml", ".csv")
    )
    return dev._digest(*files)


def update_addons(dev, cluster, db):
    """The omiopi add-ons updated in the copy (-u) when their code changed
    since the last update (or the copy): the benchmark's database may have
    been filled by an older checkout."""
    stamp = cluster.base / f"{db}.addons"
    digest = addons_digest(dev)
    if stamp.exists() and stamp.read_text() == digest:
        return
    dev.say(f"== Updating the omiopi add-ons in {db}")
    logfile = dev.LOG_DIR / "scale-update.log"
    dev.LOG_DIR.mkdir(parents=True, exist_ok=True)
    code, _lines = dev.stream_odoo(
        [
            *dev.odoo_cmd(
                cluster.sock,
                db,
                "-u",
                ",".join(dev.omiopi_modules()),
                "--without-demo=all",
                "--log-level=warn",
                "--stop-after-init",
            ),
            *odoo_args(dev, cluster, db),
        ],
        logfile,
    )
    if code:
        dev.fail(f"updating the add-ons in {db} failed, see {logfile}")
    stamp.write_text(digest)


def ensure_replica(dev, primary_cluster):
    """The streaming replica of the primary, started (made once)."""
    cluster = replica(dev)
    if not cluster.exists():
        dev.say(f"== Creating {cluster} with pg_basebackup -R")
        cluster.init_replica(primary_cluster)
    cluster.start()
    return cluster


def copy_database(dev, cluster, db, source_db):
    """pg_dump of `source_db` in the project's cluster (read only) restored
    as `db` in `cluster`, and its filestore copied."""
    source_sock = dev.ensure_postgres()
    if not dev.db_exists(source_sock, source_db):
        dev.fail(
            f"no database {source_db!r} in the project's cluster: run `make load` "
            "first (it fills the benchmark's database), or pass --source-db"
        )
    dev.say(f"== Copying {source_db} into {db} of {cluster}")
    started = time.time()
    bindir = dev.pg_bindir()
    target = ["-h", cluster.sock, "-p", cluster.port, "-U", dev.PG_ROLE]
    dev.run([bindir / "createdb", *target, "-T", "template0", "-E", "UTF8", db])
    dump = subprocess.Popen(
        [
            str(bindir / "pg_dump"),
            "-h",
            str(source_sock),
            "-p",
            dev.PG_PORT,
            "-U",
            dev.PG_ROLE,
            "--format=custom",
            "--no-owner",
            source_db,
        ],
        stdout=subprocess.PIPE,
    )
    restore = subprocess.run(
        [str(c) for c in (bindir / "pg_restore", *target, "--no-owner", "-d", db)],
        stdin=dump.stdout,
        check=False,
    )
    dump.stdout.close()
    if dump.wait() or restore.returncode:
        cluster.psql(f'DROP DATABASE IF EXISTS "{db}"')
        dev.fail(f"copying {source_db} into {db} failed (see above)")
    cluster.psql("VACUUM ANALYZE", db=db)
    source_store = dev.filestore_dir(source_db)
    store = data_dir(dev) / "filestore" / db
    if store.exists():
        shutil.rmtree(store)
    if source_store.is_dir():
        shutil.copytree(source_store, store)
    dev.say(f"   copied in {time.time() - started:.0f} s")


def odoo_args(dev, cluster, db, replica_cluster=None):
    """Where an Odoo process of the runs finds its database and data (these
    options come after dev.odoo_cmd's, and override them)."""
    args = [f"--db_port={cluster.port}", f"--data-dir={data_dir(dev)}"]
    if replica_cluster:
        args += [
            f"--db_replica_host={replica_cluster.sock}",
            f"--db_replica_port={replica_cluster.port}",
        ]
    return args


def node(dev, cluster, db, port, workers, logfile, *extra, replica_cluster=None):
    """An Odoo node in prefork mode (dev.LoadServer) on the runs' cluster:
    HTTP on `port`, its gevent worker on `port + 1`."""
    server = dev.LoadServer(cluster.sock, db, port, port + 1, workers, logfile)
    server.cmd += [*odoo_args(dev, cluster, db, replica_cluster), *extra]
    return server


def prepare_users(dev, cluster, db, out, base_url):
    """The load test's accounts (scripts/load/prepare.py) in the copy; the
    report URL pointed at `base_url` (wkhtmltopdf loads the CV's assets)."""
    dev.run(
        [
            dev.venv_python(),
            dev.LOAD_SCRIPTS / "prepare.py",
            f"--out={out}",
            f"--base-url={base_url}",
            "--",
            *dev.odoo_cmd(cluster.sock, db, "--log-level=warn")[2:],
            *odoo_args(dev, cluster, db),
        ]
    )


def children(pid):
    """{pid: command line} of the processes whose parent is `pid`."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(entry.name)] = cmdline.decode(errors="replace").strip()
        except (OSError, ValueError, IndexError):
            continue
    return found


def http_workers(master_pid):
    """The pids of a prefork Odoo's HTTP workers (not its gevent worker)."""
    return sorted(
        pid
        for pid, cmdline in children(master_pid).items()
        if "gevent" not in cmdline.split() and "wkhtmltopdf" not in cmdline
    )


def cpu_ticks(pid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0


def vm_size(pid):
    """Virtual memory of a process in bytes (what limit_memory_* measure)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def start_locust(dev, args, url, users_file, name):
    """The run's users, in a thread, while the caller injects faults or
    watches: returns the thread and the dict that receives Locust's result."""
    outcome = {}
    locust = threading.Thread(
        target=lambda: outcome.update(
            result=dev.run_locust(
                url,
                users_file,
                dev.LOAD_OUT / name,
                args.users,
                args.spawn_rate,
                args.seconds,
                args.think,
            )
        )
    )
    locust.start()
    return locust, outcome
