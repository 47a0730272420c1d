"""The Odoo source tree: $ODOO_SRC, or Odoo 18.0 Community fetched once."""

import ast
import os
import re
import shlex
import shutil
import subprocess
import sys

from .console import fail, is_root, say
from .packages import apt_install
from .settings import FETCHED_ODOO, ODOO_REF, ODOO_REPO, ODOO_SRC


def no_odoo_sentence(reason=None):
    reason = reason or f"No Odoo source tree at {ODOO_SRC}"
    return (
        f"{reason}; the Odoo tests were NOT run and Odoo cannot be served (set "
        "ODOO_SRC to an Odoo 18.0 Community source tree, or OMIOPI_ODOO_REPO "
        "to a reachable copy of its repository)."
    )


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


def odoo_src():
    """The Odoo tree in use: ODOO_SRC, or the one ensure_odoo() chose."""
    return ODOO_SRC
