"""Paths, ports and names the commands share (environment overrides)."""

import os
from pathlib import Path

# scripts/omiopi_dev/settings.py: the checkout is three levels up.
ROOT = Path(__file__).resolve().parents[2]
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
