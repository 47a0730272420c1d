#!/usr/bin/env python3
"""Set up, run and test the omiopi add-ons on this machine.

One entry point for the Makefile (``make run``, ``make test``...). It needs
nothing but Python 3.10-3.12 to start: it builds a virtual environment, a
PostgreSQL cluster that belongs to the checkout, and calls Odoo from the source
tree at ``$ODOO_SRC`` (default ``/opt/odoo``), or, where there is none, from
Odoo 18.0 Community fetched once into ``.local/odoo``.

Everything it creates lives in ``.local/`` inside the checkout (git ignores
it); ``make clean`` removes it, but for the fetched Odoo tree (``ALL=1``).
"""

import argparse
import ast
import configparser
import csv
import hashlib
import json
import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
VENV = LOCAL / "venv"
TOOLS_VENV = LOCAL / "tools"
LOAD_VENV = LOCAL / "locust"
ADDONS = ROOT / "addons"
ODOO_CONF = ROOT / "config" / "odoo.conf"
BUILD_CONSTRAINTS = ROOT / "config" / "pip-build-constraints.txt"
LOG_DIR = LOCAL / "logs"

ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo")).resolve()
# Where there is no Odoo tree at ODOO_SRC: a shallow clone of this repository
# at this ref (a branch, a tag or a 40-hex commit), kept in .local/odoo.
ODOO_REPO = os.environ.get("OMIOPI_ODOO_REPO", "https://github.com/odoo/odoo.git")
ODOO_REF = os.environ.get("OMIOPI_ODOO_REF", "18.0")
FETCHED_ODOO = LOCAL / "odoo"
DB_NAME = os.environ.get("OMIOPI_DB", "omiopi")
HTTP_PORT = os.environ.get("OMIOPI_HTTP_PORT", "8069")
HTTP_INTERFACE = os.environ.get("OMIOPI_HTTP_INTERFACE", "127.0.0.1")
TEST_HTTP_PORT = os.environ.get("OMIOPI_TEST_HTTP_PORT", "8169")
# The load test's Odoo (make load): prefork, its own ports.
LOAD_HTTP_PORT = os.environ.get("OMIOPI_LOAD_HTTP_PORT", "8090")
LOAD_GEVENT_PORT = os.environ.get("OMIOPI_LOAD_GEVENT_PORT", "8091")
PG_PORT = os.environ.get("OMIOPI_PG_PORT", "5432")
PG_SYSTEM_USER = os.environ.get("OMIOPI_PG_SYSTEM_USER", "omiopi")
PG_ROLE = "omiopi"
LANG = "es_ES"
SUPPORTED_PYTHON = ((3, 10), (3, 12))

# Debian packages: what they provide, checked before installing anything.
DEBIAN_BUILD_PACKAGES = {
    # python-ldap and psycopg2 are built from source (no wheels at Odoo's pins)
    "libldap2-dev": "/usr/include/ldap.h",
    "libsasl2-dev": "/usr/include/sasl/sasl.h",
    "libpq-dev": "/usr/include/postgresql/libpq-fe.h",
}


def say(message=""):
    print(message, flush=True)


def fail(message, code=1):
    say(f"ERROR: {message}")
    sys.exit(code)


def run(cmd, check=True, **kwargs):
    say("$ " + " ".join(shlex.quote(str(c)) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=check, **kwargs)


def no_odoo_sentence(reason=None):
    reason = reason or f"No Odoo source tree at {ODOO_SRC}"
    return (
        f"{reason}; the Odoo tests were NOT run and Odoo cannot be served (set "
        "ODOO_SRC to an Odoo 18.0 Community source tree, or OMIOPI_ODOO_REPO "
        "to a reachable copy of its repository)."
    )


def is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0


# --------------------------------------------------------------------------
# Debian packages
# --------------------------------------------------------------------------


def apt_install(packages):
    """Install Debian packages when we may; say what is missing otherwise."""
    if not packages:
        return
    if not is_root() or not shutil.which("apt-get"):
        fail(
            "missing system packages: "
            + " ".join(packages)
            + " (install them with apt-get as root, then run this again)"
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    if run(cmd, check=False, env=env).returncode:
        # An empty or stale package index: refresh it once and retry.
        run(["apt-get", "update", "-q"], env=env)
        run(cmd, env=env)


def ensure_build_packages():
    missing = [
        pkg for pkg, path in DEBIAN_BUILD_PACKAGES.items() if not Path(path).exists()
    ]
    if not shutil.which("gcc"):
        missing.append("build-essential")
    apt_install(missing)


def ensure_wkhtmltopdf():
    """Odoo renders PDF reports (training certificates) with wkhtmltopdf."""
    if not shutil.which("wkhtmltopdf"):
        apt_install(["wkhtmltopdf"])


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium():
    """HttpCase tours need a headless Chromium, else Odoo skips them."""
    if not chromium_path():
        apt_install(["chromium"])
    if not chromium_path():
        fail("Chromium is not installed: the browser tours cannot run")


# --------------------------------------------------------------------------
# The Odoo source tree: $ODOO_SRC, or Odoo 18.0 Community fetched once
# --------------------------------------------------------------------------

# The Enterprise web client: every Enterprise tree has it, no Community tree
# does. Manifest licences are no test: three Community 18.0 add-ons
# (certificate, project_hr_skills, l10n_it_edi_website_sale) declare OEEL-1.
ENTERPRISE_MARKER = "web_enterprise"
COMMIT = re.compile(r"^[0-9a-fA-F]{40}$")


class OdooUnavailable(Exception):
    """Why no Odoo 18.0 Community tree can be used, in one sentence."""


def odoo_version(path):
    """(major, minor) of `odoo/release.py`'s version_info, read without
    importing it; None when it cannot be read."""
    try:
        module = ast.parse((path / "odoo" / "release.py").read_text(encoding="utf-8"))
        for node in module.body:
            if (
                isinstance(node, ast.Assign)
                and any(getattr(t, "id", None) == "version_info" for t in node.targets)
                and isinstance(node.value, ast.Tuple)
            ):
                return tuple(ast.literal_eval(e) for e in node.value.elts[:2])
    except (OSError, SyntaxError, ValueError):
        pass
    return None


def check_odoo_tree(path, label=None):
    """Refuse what is not an Odoo 18.0 Community source tree."""
    label = label or str(path)
    if (
        not (path / "odoo-bin").is_file()
        or not (path / "odoo" / "release.py").is_file()
    ):
        raise OdooUnavailable(
            f"{label} is not an Odoo source tree (no odoo-bin or odoo/release.py)"
        )
    version = odoo_version(path)
    if version != (18, 0):
        shown = ".".join(map(str, version)) if version else "of an unknown version"
        raise OdooUnavailable(f"{label} is Odoo {shown}, not 18.0")
    for addons in ("addons", "odoo/addons", "enterprise"):
        if (path / addons / ENTERPRISE_MARKER / "__manifest__.py").is_file():
            raise OdooUnavailable(
                f"{label} is Odoo Enterprise (it has {addons}/{ENTERPRISE_MARKER}), "
                "not Community"
            )


def ensure_git():
    if not shutil.which("git") and is_root() and shutil.which("apt-get"):
        try:
            apt_install(["git"])
        except subprocess.CalledProcessError:
            pass  # no network either: said below
    git = shutil.which("git")
    if not git:
        raise OdooUnavailable("Odoo could not be fetched: git is not installed")
    return git


def run_git(cmd):
    """Run git, showing its progress; return None, or its first error line."""
    say("$ " + " ".join(shlex.quote(str(c)) for c in cmd))
    # Never wait for a password: a wrong https URL asks for one.
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    proc = subprocess.Popen([str(c) for c in cmd], stderr=subprocess.PIPE, env=env)
    tail = b""
    for chunk in iter(lambda: proc.stderr.read1(4096), b""):
        sys.stderr.write(chunk.decode(errors="replace"))
        sys.stderr.flush()
        tail = (tail + chunk)[-8192:]
    if proc.wait() == 0:
        return None
    lines = re.split(r"[\r\n]+", tail.decode(errors="replace"))
    errors = [
        line.split(":", 1)[1].strip()
        for line in lines
        if line.startswith(("fatal:", "error:"))
    ]
    return errors[0] if errors else f"git exited with status {proc.returncode}"


def fetch_steps(git, repo, ref, into):
    """The git commands of a shallow fetch of `ref` into `into`: a clone for
    a branch or a tag; for a commit, which `clone --branch` refuses, an
    empty repository that fetches it."""
    if COMMIT.match(ref):
        return [
            [*git, "init", "-q", into],
            [*git, "-C", into, "remote", "add", "origin", repo],
            [*git, "-C", into, "fetch", "--depth", "1", "--progress", "origin", ref],
            [*git, "-C", into, "checkout", "-q", "FETCH_HEAD"],
        ]
    clone = ["clone", "--depth", "1", "--branch", ref, "--progress"]
    return [[*git, *clone, repo, into]]


def fetch_odoo(repo, ref, target):
    """Shallow-clone `repo` at `ref` into `target` unless done before;
    record the commit in `<target>.commit` and return it."""
    record = target.with_name(target.name + ".commit")
    pinned = bool(COMMIT.match(ref))
    if (target / "odoo-bin").is_file() and record.is_file():
        commit = record.read_text(encoding="utf-8").strip()
        if not pinned or commit == ref.lower():
            say(f"Odoo fetched earlier: {target} at commit {commit}")
            return commit
    # Cloned aside and moved in place at the end: an interrupted download
    # never looks like a complete tree.
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    say(
        f"Fetching Odoo {ref} from {repo} into {target} "
        "(a shallow clone of about 1 GB: a few minutes)"
    )
    # Give up on a stalled connection rather than wait forever.
    git = [ensure_git(), "-c", "http.lowSpeedLimit=1000", "-c", "http.lowSpeedTime=60"]
    steps = fetch_steps(git, repo, ref, partial)
    try:
        for step in steps:
            error = run_git(step)
            if error:
                raise OdooUnavailable(
                    f"Odoo could not be fetched from {repo} ({ref}): {error}"
                )
        check_odoo_tree(partial, label=f"{repo} ({ref})")
    except OdooUnavailable:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    commit = subprocess.run(
        [*git, "-C", partial, "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)
    record.write_text(commit + "\n", encoding="utf-8")
    say(f"Odoo fetched: {target} at commit {commit} (recorded in {record})")
    return commit


def ensure_odoo():
    """Point ODOO_SRC at an Odoo 18.0 Community tree, fetching one into
    .local/odoo where there is none at ODOO_SRC. Return None, or the
    sentence saying why Odoo cannot be used."""
    global ODOO_SRC  # the one place that chooses the tree
    try:
        # A path that exists is the user's choice: checked below and said
        # what is wrong with it, rather than replaced by a download.
        if not ODOO_SRC.exists():
            say(f"No Odoo source tree at {ODOO_SRC}: using one fetched into .local")
            fetch_odoo(ODOO_REPO, ODOO_REF, FETCHED_ODOO)
            ODOO_SRC = FETCHED_ODOO
        check_odoo_tree(ODOO_SRC)
    except OdooUnavailable as error:
        return no_odoo_sentence(str(error))
    # The Odoo-free checks (tests/test_addons.py) read it too.
    os.environ["ODOO_SRC"] = str(ODOO_SRC)
    return None


def require_odoo(code=2):
    problem = ensure_odoo()
    if problem:
        fail(problem, code=code)


# --------------------------------------------------------------------------
# Virtual environment
# --------------------------------------------------------------------------


def python_for_venv():
    candidates = [os.environ.get("OMIOPI_PYTHON"), sys.executable, "python3"]
    for minor in range(SUPPORTED_PYTHON[1][1], SUPPORTED_PYTHON[0][1] - 1, -1):
        candidates.append(f"python3.{minor}")
    for candidate in filter(None, candidates):
        exe = shutil.which(candidate) or candidate
        if not Path(exe).exists():
            continue
        out = subprocess.run(
            [exe, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode:
            continue
        version = tuple(int(x) for x in out.stdout.split())
        if SUPPORTED_PYTHON[0] <= version <= SUPPORTED_PYTHON[1]:
            return exe
    fail("Odoo 18.0 needs Python 3.10, 3.11 or 3.12; none was found")


def venv_python(venv=VENV):
    return venv / "bin" / "python"


def tool(name):
    """A command of the tools environment (linters, pytest, polib)."""
    return TOOLS_VENV / "bin" / name


def _digest(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(
            part.read_bytes() if isinstance(part, Path) else str(part).encode()
        )
    return digest.hexdigest()


def _build_venv(venv, wanted, install):
    """Create `venv` and run `install(pip)` unless it was done for `wanted`."""
    stamp = venv / ".omiopi-requirements"
    if stamp.exists() and stamp.read_text() == wanted and venv_python(venv).exists():
        return
    if not venv_python(venv).exists():
        LOCAL.mkdir(exist_ok=True)
        run([python_for_venv(), "-m", "venv", venv])
    pip = [venv_python(venv), "-m", "pip", "install", "--disable-pip-version-check"]
    # --build-constraint needs pip 25.3 or newer.
    run([*pip, "-q", "--upgrade", "pip>=25.3", "wheel"])
    try:
        install(pip)
    except subprocess.CalledProcessError as error:
        fail(f"installing the Python requirements into {venv} failed ({error})")
    stamp.write_text(wanted)


def ensure_tools_venv():
    """Linters, pytest and polib: a venv of their own, because their pins
    (polib 1.2 for oca-checks-po) conflict with Odoo's (polib 1.1.1)."""
    requirements = ROOT / "requirements-tools.txt"
    _build_venv(
        TOOLS_VENV,
        _digest(requirements),
        lambda pip: run([*pip, "-r", requirements]),
    )


def ensure_load_venv():
    """Locust, for the load test: a venv of its own (gevent, Flask and
    requests at Locust's versions, apart from Odoo's and the linters')."""
    requirements = ROOT / "requirements-load.txt"
    _build_venv(
        LOAD_VENV,
        _digest(requirements),
        lambda pip: run([*pip, "-r", requirements]),
    )


def ensure_venv():
    """Odoo's requirements, Odoo itself (editable) and requirements.txt."""
    requirements = ROOT / "requirements.txt"

    def install(pip):
        ensure_build_packages()
        constraint = ["--build-constraint", BUILD_CONSTRAINTS]
        run([*pip, *constraint, "-r", ODOO_SRC / "requirements.txt"])
        # Odoo itself, so that OCA add-on wheels find their `odoo` dependency.
        # "compat" mode adds the tree to sys.path: the default finder would be
        # shadowed by the `odoo/addons` namespace the OCA wheels install.
        run(
            [
                *pip,
                *constraint,
                "--no-deps",
                "--config-settings",
                "editable_mode=compat",
                "-e",
                ODOO_SRC,
            ]
        )
        run([*pip, *constraint, "-r", requirements])

    _build_venv(
        VENV,
        _digest(
            str(ODOO_SRC),
            ODOO_SRC / "requirements.txt",
            requirements,
            BUILD_CONSTRAINTS,
        ),
        install,
    )


def site_addons_path():
    out = subprocess.run(
        [
            venv_python(),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()) / "odoo" / "addons"


# --------------------------------------------------------------------------
# PostgreSQL: a cluster of the checkout's own, run by an unprivileged user
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Odoo
# --------------------------------------------------------------------------


def omiopi_modules():
    """Our installable add-ons, in dependency order."""
    manifests = {}
    for manifest in sorted(ADDONS.glob("*/__manifest__.py")):
        data = ast.literal_eval(manifest.read_text(encoding="utf-8"))
        if data.get("installable", True):
            manifests[manifest.parent.name] = data.get("depends", [])
    ordered = []

    def visit(name):
        if name in ordered or name not in manifests:
            return
        for dep in manifests[name]:
            visit(dep)
        ordered.append(name)

    for name in manifests:
        visit(name)
    return ordered


MASTER_PASSWORD_FILE = LOCAL / "master_password"
LOCAL_CONF = LOCAL / "odoo.conf"


def master_password():
    """The database manager's master password of this checkout: from
    OMIOPI_MASTER_PASSWORD, or generated once and kept in .local (never
    Odoo's default "admin")."""
    password = os.environ.get("OMIOPI_MASTER_PASSWORD")
    if password:
        return password
    if not MASTER_PASSWORD_FILE.exists():
        LOCAL.mkdir(exist_ok=True)
        MASTER_PASSWORD_FILE.write_text(secrets.token_urlsafe(24) + "\n")
        MASTER_PASSWORD_FILE.chmod(0o600)
    return MASTER_PASSWORD_FILE.read_text().strip()


def local_conf():
    """config/odoo.conf (the production configuration: no demo data, no
    master password in the file) with this checkout's master password; the
    local commands ask for demo data on the command line."""
    LOCAL.mkdir(exist_ok=True)
    text = ODOO_CONF.read_text(encoding="utf-8")
    text += (
        "\n; Written by scripts/dev.py: the checkout's master password.\n"
        f"admin_passwd = {master_password()}\n"
    )
    if not LOCAL_CONF.exists() or LOCAL_CONF.read_text(encoding="utf-8") != text:
        LOCAL_CONF.write_text(text, encoding="utf-8")
        LOCAL_CONF.chmod(0o600)
    return LOCAL_CONF


def odoo_cmd(sock, db, *extra):
    addons_path = ",".join(
        str(p)
        for p in (
            ODOO_SRC / "odoo" / "addons",
            ODOO_SRC / "addons",
            site_addons_path(),
            ADDONS,
        )
    )
    return [
        venv_python(),
        ODOO_SRC / "odoo-bin",
        "-c",
        local_conf(),
        f"--addons-path={addons_path}",
        f"--data-dir={LOCAL / 'data'}",
        f"--db_host={sock}",
        f"--db_port={PG_PORT}",
        f"--db_user={PG_ROLE}",
        "--db_password=",
        "--workers=0",
        "--max-cron-threads=0",
        # The demo and the tests load demo data; the configuration does not
        # (a later --without-demo=all, as the benchmark's, overrides this).
        "--without-demo=",
        "-d",
        db,
        f"--db-filter=^{re.escape(db)}$",
        *extra,
    ]


ROLE_LABELS = {
    "technician": "technician",
    "section_head": "section head",
    "coordinator": "coordinator",
    "manager": "administrator",
    "prospector": "employment prospector",
}


def demo_logins():
    """Demo users as the demo data defines them: (login, password, description)."""
    users = []
    for xml in sorted(ADDONS.glob("*/demo/*.xml")):
        for record in ET.parse(xml).getroot().iter("record"):
            if record.get("model") != "res.users":
                continue
            fields = {
                f.get("name"): (f.text or "").strip() or f.get("eval", "")
                for f in record.iter("field")
            }
            if not (fields.get("login") and fields.get("password")):
                continue
            roles = re.findall(r"group_omiopi_(\w+)'", fields.get("groups_id", "")) or [
                role for role in [fields.get("omiopi_role")] if role
            ]
            offices = re.findall(
                r"ref\('(?:\w+\.)?(\w+)'\)", fields.get("omiopi_office_ids", "")
            )
            role = ", ".join(ROLE_LABELS.get(r, r) for r in roles)
            where = ", ".join(
                o.removeprefix("office_").removesuffix("_demo") for o in offices
            )
            description = fields.get("name", "") + (f", {role}" if role else "")
            users.append(
                (
                    fields["login"],
                    fields["password"],
                    description + (f" ({where})" if where else ""),
                )
            )
    return users


def print_logins():
    say(f"Odoo: http://localhost:{HTTP_PORT}  (database {DB_NAME})")
    say("Demo logins (login / password):")
    say("  admin / admin  (Odoo administrator)")
    for login, password, description in demo_logins():
        say(f"  {login} / {password}  ({description})")


def run_odoo(*cmd):
    """Run an Odoo command of the set-up; stop with a clear sentence if it fails."""
    if run(cmd, check=False).returncode:
        fail("Odoo could not install or update the add-ons: see its log above.")


def cmd_run(args):
    problem = ensure_odoo()
    if problem:
        say(problem)
        fail(problem, code=2)
    ensure_venv()
    ensure_wkhtmltopdf()
    sock = ensure_postgres()
    modules = omiopi_modules()
    if not db_exists(sock, DB_NAME):
        say(f"Creating database {DB_NAME} with demo data and {', '.join(modules)}")
        run_odoo(
            *odoo_cmd(
                sock,
                DB_NAME,
                "-i",
                ",".join(modules),
                f"--load-language={LANG}",
                "--stop-after-init",
            )
        )
        # The admin works in Spanish like everyone else.
        psql(
            sock,
            f"UPDATE res_partner SET lang = '{LANG}' WHERE id IN "
            "(SELECT partner_id FROM res_users WHERE login = 'admin')",
            db=DB_NAME,
        )
    elif args.update:
        run_odoo(*odoo_cmd(sock, DB_NAME, "-u", ",".join(modules), "--stop-after-init"))
    print_logins()
    if args.init_only:
        return
    os.execv(
        str(venv_python()),
        [
            str(c)
            for c in odoo_cmd(
                sock,
                DB_NAME,
                f"--http-port={HTTP_PORT}",
                f"--http-interface={HTTP_INTERFACE}",
                "--max-cron-threads=1",
            )
        ],
    )


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) "
    r"(?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
RESULT_LINE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests "
    r"when loading database"
)


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.lines = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        self.lines.append(
            f"{'PASS' if ok else 'FAIL'}  {name}{(': ' + detail) if detail else ''}"
        )

    def skip(self, name):
        self.skipped += 1
        self.lines.append(f"SKIP  {name}")


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


def stream_odoo(cmd, logfile):
    """Run Odoo, echo its log, keep a copy, and return (returncode, lines)."""
    lines = []
    with open(logfile, "w", encoding="utf-8") as out:
        say("$ " + " ".join(shlex.quote(str(c)) for c in cmd))
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        for line in proc.stdout:
            out.write(line)
            lines.append(line.rstrip("\n"))
            print(line, end="", flush=True)
        proc.wait()
    return proc.returncode, lines


# Warnings Odoo prints when it loads a model or a view that is not right:
# they point at our code when they name one of our add-ons.
DEFINITION_LOGGERS = (
    "odoo.fields",
    "odoo.models",
    "odoo.modules.loading",
    "odoo.modules.registry",
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_ui_view",
    "odoo.tools.translate",
)


def analyse_odoo_log(lines, tally):
    errors = []
    skipped = []
    results = []
    for line in lines:
        match = LOG_LINE.match(line)
        if not match:
            continue
        if match["level"] in ("ERROR", "CRITICAL") or (
            match["level"] == "WARNING"
            and match["logger"].startswith(DEFINITION_LOGGERS)
            and "omiopi" in match["msg"]
        ):
            errors.append(line)
        if match["level"] == "INFO" and match["msg"].startswith("skipped "):
            skipped.append(line)
        found = RESULT_LINE.search(match["msg"])
        if found:
            results.append(found)
    if not results:
        tally.check(
            "Odoo tests ran", False, "no test result line in the log (install failed?)"
        )
        return errors
    found = results[-1]
    failed, errored, ran = int(found["failed"]), int(found["errors"]), int(found["run"])
    # Errors in setUpClass are counted without a test being run: never below 0.
    tally.passed += max(ran - failed - errored - len(skipped), 0)
    tally.failed += failed + errored
    # A skipped test is not a passed test: a tour skips without Chromium.
    tally.skipped += len(skipped)
    tally.lines.append(
        f"{'PASS' if not (failed or errored or skipped) else 'FAIL'}  Odoo tests: "
        f"{ran} run, {failed} failed, {errored} error(s), {len(skipped)} skipped"
    )
    for line in skipped:
        tally.lines.append(f"      skipped: {line}")
    if ran == 0:
        tally.check("Odoo tests ran", False, "0 tests were run")
    return errors


def i18n_tool(*args, capture=False):
    """scripts/i18n.py runs in the virtual environment, where polib is."""
    cmd = [venv_python(TOOLS_VENV), ROOT / "scripts" / "i18n.py", *args]
    if capture:
        return subprocess.run(
            [str(c) for c in cmd], capture_output=True, text=True, check=False
        )
    return run(cmd, check=False)


def check_translations(sock, db, modules, tally):
    """Every string users see has its Spanish translation in i18n/es.po."""
    for module in modules:
        pot = LOG_DIR / f"{module}.pot"
        proc = run(
            odoo_cmd(
                sock,
                db,
                f"--i18n-export={pot}",
                f"--modules={module}",
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=False,
        )
        if proc.returncode or not pot.exists():
            tally.check(f"{module}: translation export", False)
            continue
        proc = i18n_tool("check", pot, ADDONS / module / "i18n" / "es.po", capture=True)
        missing = [line for line in proc.stdout.splitlines() if line.strip()]
        detail = "; ".join(missing[:5]) + (
            f" (+{len(missing) - 5} more)" if len(missing) > 5 else ""
        )
        tally.check(
            f"{module}: every exported string is translated in i18n/es.po",
            proc.returncode == 0 and not missing,
            detail or proc.stderr.strip()[-300:],
        )


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
# The role journeys whose tours take the guide's screenshots.
GUIDE_JOURNEYS = (
    "/omiopi_case:TestAdministratorJourney",
    "/omiopi_case:TestPhoneJourney",
    "/omiopi_referral:TestReferralJourneys",
    "/omiopi_employer:TestProspectorJourney",
)


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
                f"--test-tags={','.join(GUIDE_JOURNEYS)}",
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
    installed: run their tests in a database with omiopi_case alone, to
    prove they need none of the others."""
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
                "--test-tags="
                "/omiopi_case:TestActivityReport,/omiopi_case:TestDashboards",
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


def cmd_i18n(args):
    """Export each module's .pot and merge it into i18n/es.po."""
    require_odoo()
    ensure_venv()
    ensure_tools_venv()
    sock = ensure_postgres()
    modules = args.modules or omiopi_modules()
    db = "omiopi_i18n"
    drop_db(sock, db)
    # Every add-on installed, as in `make test`: dependencies of one add-on
    # (crm, portal...) add strings to the models of another.
    run(
        odoo_cmd(
            sock,
            db,
            "-i",
            ",".join(omiopi_modules()),
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        )
    )
    try:
        for module in modules:
            i18n_dir = ADDONS / module / "i18n"
            i18n_dir.mkdir(exist_ok=True)
            pot = i18n_dir / f"{module}.pot"
            run(
                odoo_cmd(
                    sock,
                    db,
                    f"--i18n-export={pot}",
                    f"--modules={module}",
                    "--stop-after-init",
                    "--log-level=warn",
                )
            )
            i18n_tool("merge", pot, i18n_dir / "es.po")
    finally:
        drop_db(sock, db)


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


# ---------------------------------------------------------------------------
# Backup and restore
# ---------------------------------------------------------------------------

BACKUP_DIR = LOCAL / "backups"


def filestore_dir(db):
    return LOCAL / "data" / "filestore" / db


def backup_db(sock, db, target=None):
    """Dump the database (pg_dump custom format) and its filestore (tar.gz)
    into one directory; return that directory."""
    if not db_exists(sock, db):
        fail(f"no database {db!r} in the project's cluster")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = Path(target) if target else BACKUP_DIR / f"{db}-{stamp}"
    target.mkdir(parents=True, exist_ok=True)
    bindir = pg_bindir()
    run(
        [
            bindir / "pg_dump",
            "-h",
            sock,
            "-p",
            PG_PORT,
            "-U",
            PG_ROLE,
            "--format=custom",
            "--no-owner",
            "-f",
            target / "database.dump",
            db,
        ]
    )
    store = filestore_dir(db)
    with tarfile.open(target / "filestore.tar.gz", "w:gz") as archive:
        if store.is_dir():
            archive.add(store, arcname=".")
    (target / "backup.json").write_text(
        json.dumps({"database": db, "date": stamp}, indent=2) + "\n",
        encoding="utf-8",
    )
    return target


def restore_db(sock, source, db, force=False):
    """Create `db` from a directory written by backup_db."""
    source = Path(source)
    dump = source / "database.dump"
    if not dump.is_file():
        fail(f"{source} is not a backup (no database.dump)")
    if db_exists(sock, db):
        if not force:
            fail(f"database {db!r} exists: choose another name or pass --force")
        drop_db(sock, db)
    bindir = pg_bindir()
    common = ["-h", sock, "-p", PG_PORT, "-U", PG_ROLE]
    run([bindir / "createdb", *common, "-T", "template0", "-E", "UTF8", db])
    run([bindir / "pg_restore", *common, "--no-owner", "-d", db, dump])
    store = filestore_dir(db)
    if store.exists():
        shutil.rmtree(store)
    store.mkdir(parents=True)
    with tarfile.open(source / "filestore.tar.gz", "r:gz") as archive:
        try:
            archive.extractall(store, filter="data")
        except TypeError:  # Python without extraction filters
            archive.extractall(store)  # our own archive, written above
    return db


def database_fingerprint(sock, db):
    """What a restore must give back: the rows of every omiopi table and of
    the partners and attachments, and every stored file with its checksum."""
    tables = psql(
        sock,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        "AND (tablename LIKE 'omiopi%' OR tablename IN "
        "('res_partner', 'ir_attachment', 'mail_message', 'auditlog_log'))",
        db=db,
    ).split()
    counts = {
        table: psql(sock, f'SELECT count(*) FROM "{table}"', db=db) for table in tables
    }
    files = psql(
        sock,
        "SELECT store_fname || ' ' || coalesce(checksum, '') FROM ir_attachment "
        "WHERE store_fname IS NOT NULL ORDER BY store_fname",
        db=db,
    ).splitlines()
    store = filestore_dir(db)
    missing = [
        line
        for line in files
        if not (store / line.split()[0]).is_file()
        or hashlib.sha1((store / line.split()[0]).read_bytes()).hexdigest()
        != line.split()[1]
    ]
    return counts, len(files), missing


def check_backup_restore(sock, db, tally):
    """Back up the test database, restore it under another name and compare."""
    restored = f"{db}_restored"
    with tempfile.TemporaryDirectory(prefix="omiopi-backup-") as tmp:
        try:
            backup_db(sock, db, Path(tmp) / "backup")
            restore_db(sock, Path(tmp) / "backup", restored, force=True)
            before = database_fingerprint(sock, db)
            after = database_fingerprint(sock, restored)
            tally.check(
                "backup and restore: same rows, same files",
                before[:2] == after[:2] and not after[2] and before[1] > 0,
                f"{len(before[0])} tables, {before[1]} files; "
                f"missing or altered after restore: {after[2][:3]}",
            )
        finally:
            drop_db(sock, restored)
            shutil.rmtree(filestore_dir(restored), ignore_errors=True)


def cmd_backup(args):
    require_odoo(code=1)
    sock = ensure_postgres()
    say(f"Backup written to {backup_db(sock, args.db, args.to)}")


def cmd_restore(args):
    require_odoo(code=1)
    sock = ensure_postgres()
    restore_db(sock, args.source, args.db, force=args.force)
    say(f"Database {args.db} restored from {args.source}")


# ---------------------------------------------------------------------------
# Benchmark (issue #9)
# ---------------------------------------------------------------------------


def install_bench_db(sock, db, reuse):
    """The omiopi add-ons installed without demo data in `db` (a new
    database), or updated in it (`reuse`)."""
    if not reuse:
        drop_db(sock, db)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    modules = omiopi_modules()
    say(f"== Installing or updating the omiopi add-ons in {db} (no demo data)")
    started = time.time()
    code, _lines = stream_odoo(
        odoo_cmd(
            sock,
            db,
            "-u" if reuse else "-i",
            ",".join(modules),
            "--without-demo=all",
            f"--load-language={LANG}",
            "--log-level=warn",
            "--stop-after-init",
        ),
        LOG_DIR / "bench-install.log",
    )
    if code:
        fail(f"installation failed, see {LOG_DIR / 'bench-install.log'}")
    say(f"   installed in {time.time() - started:.0f} s")


def cmd_bench(args):
    require_odoo(code=1)
    ensure_venv()
    sock = ensure_postgres()
    db = args.db
    reuse = args.reuse and db_exists(sock, db)
    install_bench_db(sock, db, reuse)
    out = Path(args.out) if args.out else LOCAL / "bench" / "result.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    odoo_args = odoo_cmd(sock, db, "--log-level=warn")[2:]
    try:
        run(
            [
                venv_python(),
                ROOT / "scripts" / "bench.py",
                f"--scale={args.scale}",
                f"--repeat={args.repeat}",
                f"--import-rows={args.import_rows}",
                f"--out={out}",
                *([f"--only={args.only}"] if args.only else []),
                *(["--reuse"] if reuse else []),
                "--",
                *odoo_args,
            ]
        )
        say(f"Table written to {out}")
    finally:
        if not args.keep:
            drop_db(sock, db)


# ---------------------------------------------------------------------------
# Load test (issue #18)
# ---------------------------------------------------------------------------

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
        dies at start)."""
        text = Path(self.logfile).read_text(encoding="utf-8", errors="replace")
        found, in_traceback = [], False
        for line in text.splitlines():
            match = LOG_LINE.match(line)
            if match and match["level"] in ("ERROR", "CRITICAL"):
                found.append(line)
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
    )
    tally.check(
        name,
        code == 0 and not failed and not missing and not errors,
        detail,
    )


def cmd_load(args):
    """Issue #18: many users at once on the benchmark's database."""
    require_odoo(code=1)
    ensure_venv()
    ensure_load_venv()
    sock = ensure_postgres()
    db = args.db
    LOAD_OUT.mkdir(parents=True, exist_ok=True)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    if args.reuse and db_exists(sock, db):
        say(f"== Reusing the database {db} (filled by an earlier run)")
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
    p_load.set_defaults(func=cmd_load)
    args = parser.parse_args()
    os.chdir(ROOT)
    args.func(args)


if __name__ == "__main__":
    main()
