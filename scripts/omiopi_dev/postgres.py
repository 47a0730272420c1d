"""PostgreSQL: a cluster of the checkout's own, run by an unprivileged user."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from .console import fail, is_root, run
from .packages import apt_install
from .settings import LOCAL, PG_PORT, PG_ROLE, PG_SYSTEM_USER, ROOT


def pg_bindir():
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: (
            int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    return None


def ensure_postgresql_installed():
    if pg_bindir() is None:
        apt_install(["postgresql"])
    bindir = pg_bindir()
    if bindir is None:
        fail("PostgreSQL server binaries (initdb, pg_ctl) were not found")
    return bindir


def ensure_pg_system_user():
    """initdb and pg_ctl refuse root: run the cluster as a system user."""
    if not is_root():
        return None
    try:
        import pwd

        pwd.getpwnam(PG_SYSTEM_USER)
    except KeyError:
        run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                PG_SYSTEM_USER,
            ]
        )
    return PG_SYSTEM_USER


def as_pg_user(cmd, user, **kwargs):
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return run(cmd, **kwargs)


def pg_dirs(user):
    """Data and socket directories, inside the checkout when the user can reach it."""
    data, sock = LOCAL / "pgdata", LOCAL / "pgrun"
    reachable = True
    if user:
        probe = subprocess.run(
            ["runuser", "-u", user, "--", "test", "-x", str(LOCAL)],
            check=False,
        )
        reachable = probe.returncode == 0
    # A Unix socket path is limited to 107 bytes.
    if not reachable or len(str(sock)) > 80:
        key = hashlib.sha1(str(ROOT).encode()).hexdigest()[:10]
        base = Path("/var/tmp") / f"omiopi-pg-{key}"
        data, sock = base / "pgdata", base / "pgrun"
    return data, sock


def prepare_pg_dir(path, user):
    path.mkdir(parents=True, exist_ok=True)
    if user:
        shutil.chown(path, user=user, group=None)
        import pwd

        gid = pwd.getpwnam(user).pw_gid
        os.chown(path, pwd.getpwnam(user).pw_uid, gid)
    path.chmod(0o700)


def ensure_postgres():
    """Start the project's cluster (initialising it once); return its socket dir."""
    LOCAL.mkdir(exist_ok=True)
    bindir = ensure_postgresql_installed()
    user = ensure_pg_system_user()
    data, sock = pg_dirs(user)
    if user:
        # Let the cluster's user reach the checkout's .local directory.
        LOCAL.chmod(0o755)
    if not (data / "PG_VERSION").exists():
        prepare_pg_dir(data, user)
        as_pg_user(
            [
                bindir / "initdb",
                "-D",
                data,
                "-U",
                PG_ROLE,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            user,
            stdout=subprocess.DEVNULL,
        )
        with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
            # A development cluster: no TCP at all, only the socket below,
            # and commits that do not wait for the disk.
            conf.write(
                "\n# omiopi development cluster\n"
                "listen_addresses = ''\n"
                "synchronous_commit = off\n"
                "max_connections = 200\n"
            )
    prepare_pg_dir(sock, user)
    status = as_pg_user(
        [bindir / "pg_ctl", "-D", data, "status"],
        user,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    if status.returncode != 0:
        logfile = data / "server.log"
        as_pg_user(
            [
                bindir / "pg_ctl",
                "-D",
                data,
                "-l",
                logfile,
                "-w",
                "-o",
                f"-k {sock} -p {PG_PORT}",
                "start",
            ],
            user,
        )
    # PostgreSQL's JIT compiles queries whose estimated cost is high, such as
    # those with the record rules' subqueries: 0.3 s of compiling for a 10 ms
    # search at regional scale (docs/performance.md). Off, as for any OLTP.
    if psql(sock, "SHOW jit") != "off":
        psql(sock, "ALTER SYSTEM SET jit = off")
        psql(sock, "SELECT pg_reload_conf()")
    return sock


def stop_postgres():
    bindir = pg_bindir()
    if bindir is None:
        return
    user = PG_SYSTEM_USER if is_root() else None
    data, _sock = pg_dirs(user)
    if (data / "PG_VERSION").exists():
        as_pg_user(
            [bindir / "pg_ctl", "-D", data, "-m", "fast", "stop"], user, check=False
        )


def psql(sock, sql, db="postgres"):
    bindir = pg_bindir()
    out = subprocess.run(
        [
            str(bindir / "psql"),
            "-h",
            str(sock),
            "-p",
            PG_PORT,
            "-U",
            PG_ROLE,
            "-d",
            db,
            "-At",
            "-c",
            sql,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        fail(f"psql failed: {out.stderr.strip()}")
    return out.stdout.strip()


def db_exists(sock, name):
    found = psql(sock, f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    return found == "1"


def drop_db(sock, name):
    bindir = pg_bindir()
    subprocess.run(
        [
            str(bindir / "dropdb"),
            "-h",
            str(sock),
            "-p",
            PG_PORT,
            "-U",
            PG_ROLE,
            "--if-exists",
            "--force",
            name,
        ],
        check=True,
    )
    # The database's files go with it.
    shutil.rmtree(LOCAL / "data" / "filestore" / name, ignore_errors=True)
