"""Odoo 18.0 Community fetched where there is none at ODOO_SRC (issue #19).

Against a tiny bare repository made here and cloned through file://: no test
uses the network.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from omiopi_dev import odoo_source as dev

pytestmark = pytest.mark.skipif(not shutil.which("git"), reason="git is missing")

RELEASE = """\
RELEASE_LEVELS = [ALPHA, BETA, RELEASE_CANDIDATE, FINAL] = ['alpha', 'beta', 'rc', '']
version_info = ({major}, 0, 0, FINAL, 0, '')
"""
UNREACHABLE = ["file:///nonexistent", "http://127.0.0.1:9/x.git"]


def git(*args, cwd=None):
    out = subprocess.run(
        ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def write_tree(path, major=18, enterprise=False):
    """The files the checks read: odoo-bin, odoo/release.py, add-ons."""
    for stale in ("odoo", "addons"):
        shutil.rmtree(path / stale, ignore_errors=True)
    (path / "odoo").mkdir(parents=True)
    (path / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (path / "odoo" / "release.py").write_text(RELEASE.format(major=major))
    addons = ["web", "web_enterprise"] if enterprise else ["web"]
    for name in addons:
        (path / "addons" / name).mkdir(parents=True)
        (path / "addons" / name / "__manifest__.py").write_text("{'name': 'x'}\n")


def commit_branch(work, branch, **tree):
    git("checkout", "-q", "-B", branch, cwd=work)
    write_tree(work, **tree)
    git("add", "-A", cwd=work)
    git("commit", "-qm", branch, cwd=work)
    return git("rev-parse", "HEAD", cwd=work)


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A bare repository with branches 18.0 (two commits), 17.0 and 18.0-ee;
    its URL and the commits of 18.0, oldest first."""
    base = tmp_path_factory.mktemp("origin")
    work = base / "work"
    git("init", "-q", "-b", "18.0", str(work))
    first = commit_branch(work, "18.0")
    (work / "README").write_text("second commit\n")
    git("add", "-A", cwd=work)
    git("commit", "-qm", "second", cwd=work)
    second = git("rev-parse", "HEAD", cwd=work)
    commit_branch(work, "17.0", major=17)
    git("checkout", "-q", "18.0", cwd=work)
    commit_branch(work, "18.0-ee", enterprise=True)
    git("clone", "-q", "--bare", str(work), str(base / "odoo.git"))
    return f"file://{base / 'odoo.git'}", [first, second]


def test_fetch_clones_and_records_the_commit(origin, tmp_path):
    url, commits = origin
    target = tmp_path / "odoo"
    commit = dev.fetch_odoo(url, "18.0", target)
    assert commit == commits[-1]
    assert (target / "odoo-bin").is_file()
    assert (tmp_path / "odoo.commit").read_text().strip() == commit
    assert git("rev-parse", "--is-shallow-repository", cwd=target) == "true"
    dev.check_odoo_tree(target)


def test_second_fetch_reuses_the_tree(origin, tmp_path, capsys):
    url, commits = origin
    target = tmp_path / "odoo"
    dev.fetch_odoo(url, "18.0", target)
    marker = target / "kept"
    marker.write_text("not downloaded again\n")
    # Even with the repository gone: no network is tried.
    assert dev.fetch_odoo("file:///nonexistent", "18.0", target) == commits[-1]
    assert marker.is_file()
    assert "fetched earlier" in capsys.readouterr().out


def test_a_pinned_commit_is_fetched(origin, tmp_path):
    url, commits = origin
    target = tmp_path / "odoo"
    assert dev.fetch_odoo(url, commits[0], target) == commits[0]
    assert git("rev-parse", "HEAD", cwd=target) == commits[0]
    # Another pinned commit replaces it.
    assert dev.fetch_odoo(url, commits[1], target) == commits[1]
    assert (tmp_path / "odoo.commit").read_text().strip() == commits[1]


def test_17_0_is_refused(origin, tmp_path):
    url, _commits = origin
    with pytest.raises(dev.OdooUnavailable, match=r"is Odoo 17\.0, not 18\.0"):
        dev.fetch_odoo(url, "17.0", tmp_path / "odoo")
    # Nothing is left that a later run could take for a good tree.
    assert not list(tmp_path.iterdir())


def test_enterprise_is_refused(origin, tmp_path):
    url, _commits = origin
    with pytest.raises(dev.OdooUnavailable, match="Enterprise.*not Community"):
        dev.fetch_odoo(url, "18.0-ee", tmp_path / "odoo")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("url", UNREACHABLE)
def test_unreachable_repository_is_said_plainly(url, tmp_path):
    with pytest.raises(dev.OdooUnavailable) as raised:
        dev.fetch_odoo(url, "18.0", tmp_path / "odoo")
    sentence = dev.no_odoo_sentence(str(raised.value))
    assert sentence.startswith(f"Odoo could not be fetched from {url} (18.0): ")
    assert "NOT run" in sentence and "\n" not in sentence
    assert not (tmp_path / "odoo").exists()


def test_a_missing_branch_is_said_plainly(origin, tmp_path):
    url, _commits = origin
    with pytest.raises(dev.OdooUnavailable, match="could not be fetched.*16.0"):
        dev.fetch_odoo(url, "16.0", tmp_path / "odoo")


def test_missing_git_is_said_plainly(monkeypatch, tmp_path):
    monkeypatch.setattr(dev.shutil, "which", lambda _name: None)
    with pytest.raises(dev.OdooUnavailable, match="git is not installed"):
        dev.fetch_odoo("file:///nonexistent", "18.0", tmp_path / "odoo")


@pytest.fixture
def resolve(monkeypatch, tmp_path):
    """ensure_odoo() with ODOO_SRC and the repository given, fetching into
    tmp_path; returns (problem, the tree chosen)."""
    monkeypatch.setenv("ODOO_SRC", "unchanged")
    monkeypatch.setattr(dev, "FETCHED_ODOO", tmp_path / "fetched" / "odoo")
    monkeypatch.setattr(dev, "ODOO_REF", "18.0")

    def resolve(odoo_src, repo):
        monkeypatch.setattr(dev, "ODOO_SRC", odoo_src)
        monkeypatch.setattr(dev, "ODOO_REPO", repo)
        return dev.ensure_odoo(), dev.ODOO_SRC

    return resolve


def test_an_existing_tree_is_used_without_network(resolve, tmp_path):
    tree = tmp_path / "odoo-18.0"
    write_tree(tree)
    assert resolve(tree, "file:///nonexistent") == (None, tree)
    assert not (tmp_path / "fetched").exists()


def test_a_user_tree_of_another_version_is_refused(resolve, tmp_path):
    tree = tmp_path / "odoo-17.0"
    write_tree(tree, major=17)
    problem, _tree = resolve(tree, "file:///nonexistent")
    assert problem.startswith(f"{tree} is Odoo 17.0, not 18.0; ")
    assert not (tmp_path / "fetched").exists()


def test_a_user_enterprise_tree_is_refused(resolve, tmp_path):
    tree = tmp_path / "odoo-ee"
    write_tree(tree, enterprise=True)
    problem, _tree = resolve(tree, "file:///nonexistent")
    assert "is Odoo Enterprise" in problem and "NOT run" in problem


def test_no_tree_at_odoo_src_fetches_one(resolve, origin, tmp_path):
    url, _commits = origin
    problem, tree = resolve(tmp_path / "nonexistent", url)
    assert problem is None
    assert tree == tmp_path / "fetched" / "odoo"
    assert dev.os.environ["ODOO_SRC"] == str(tree)


def test_no_tree_and_no_repository_is_said_plainly(resolve, tmp_path):
    problem, _tree = resolve(tmp_path / "nonexistent", "file:///nonexistent")
    assert problem.startswith("Odoo could not be fetched from file:///nonexistent")
    assert "NOT run" in problem


def test_the_real_community_tree_passes_the_check():
    """Community 18.0 has add-ons whose manifest says OEEL-1 (certificate,
    project_hr_skills): the check must not take them for Enterprise."""
    real = Path(dev.os.environ.get("ODOO_SRC", "/opt/odoo"))
    if not (real / "odoo-bin").is_file():
        pytest.skip(f"no Odoo source at {real}")
    dev.check_odoo_tree(real)
