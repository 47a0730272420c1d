"""The production configuration: no demo data, no master password in the
file, and Odoo not started without one from the environment."""

import configparser
import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "config" / "odoo.conf"
SERVE = ROOT / "docker" / "omiopi-serve"


def options():
    parser = configparser.ConfigParser()
    parser.read(CONF, encoding="utf-8")
    return parser["options"]


def test_production_databases_get_no_demo_data():
    assert options()["without_demo"] == "all"


def test_no_master_password_in_the_file_and_no_database_manager():
    assert "admin_passwd" not in options()
    assert options()["list_db"] == "False"


def fake_odoo(tmp_path):
    """An `odoo` on the PATH that prints the configuration it was given."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    odoo = bin_dir / "odoo"
    odoo.write_text('#!/bin/sh\nshift\ncat "$1"\n', encoding="utf-8")
    odoo.chmod(odoo.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def serve(tmp_path, **env):
    """Run docker/omiopi-serve with /etc/odoo/odoo.conf replaced by ours."""
    script = SERVE.read_text(encoding="utf-8").replace("/etc/odoo/odoo.conf", str(CONF))
    copy = tmp_path / "omiopi-serve"
    copy.write_text(script, encoding="utf-8")
    environment = {
        "PATH": f"{fake_odoo(tmp_path)}:{os.environ['PATH']}",
        "TMPDIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        ["sh", str(copy), "-d", "omiopi"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_odoo_is_not_started_without_a_master_password(tmp_path):
    result = serve(tmp_path)
    assert result.returncode == 64
    assert "ODOO_MASTER_PASSWORD" in result.stderr
    assert not result.stdout


def test_a_weak_master_password_is_refused(tmp_path):
    for password in ("admin", "short"):
        result = serve(tmp_path, ODOO_MASTER_PASSWORD=password)
        assert result.returncode == 64, password


def test_the_master_password_comes_from_the_environment(tmp_path):
    result = serve(tmp_path, ODOO_MASTER_PASSWORD="a-long-random-master-password")
    assert result.returncode == 0, result.stderr
    assert "admin_passwd = a-long-random-master-password" in result.stdout
    assert "without_demo = all" in result.stdout


def test_or_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("another-long-random-password\n", encoding="utf-8")
    result = serve(tmp_path, ODOO_MASTER_PASSWORD_FILE=str(secret))
    assert result.returncode == 0, result.stderr
    assert "admin_passwd = another-long-random-password" in result.stdout
