"""Running Odoo: its command line, its configuration, the demo database."""

import ast
import os
import re
import secrets
import xml.etree.ElementTree as ET

from .console import fail, run, say
from .odoo_source import ensure_odoo, odoo_src
from .packages import ensure_wkhtmltopdf
from .postgres import db_exists, ensure_postgres, psql
from .settings import (
    ADDONS,
    DB_NAME,
    HTTP_INTERFACE,
    HTTP_PORT,
    LANG,
    LOCAL,
    ODOO_CONF,
    PG_PORT,
    PG_ROLE,
)
from .venv import ensure_venv, site_addons_path, venv_python


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
            odoo_src() / "odoo" / "addons",
            odoo_src() / "addons",
            site_addons_path(),
            ADDONS,
        )
    )
    return [
        venv_python(),
        odoo_src() / "odoo-bin",
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
