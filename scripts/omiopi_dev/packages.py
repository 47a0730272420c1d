"""Debian packages the commands install when run as root."""

import os
import shutil
from pathlib import Path

from .console import fail, is_root, run

# Debian packages: what they provide, checked before installing anything.
DEBIAN_BUILD_PACKAGES = {
    # python-ldap and psycopg2 are built from source (no wheels at Odoo's pins)
    "libldap2-dev": "/usr/include/ldap.h",
    "libsasl2-dev": "/usr/include/sasl/sasl.h",
    "libpq-dev": "/usr/include/postgresql/libpq-fe.h",
}


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
