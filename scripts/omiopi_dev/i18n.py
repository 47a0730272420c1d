"""Translations: exporting the terms, checking every one is in Spanish."""

import subprocess

from .console import run
from .odoo import odoo_cmd, omiopi_modules
from .odoo_source import require_odoo
from .postgres import drop_db, ensure_postgres
from .settings import ADDONS, LOG_DIR, ROOT, TOOLS_VENV
from .venv import ensure_tools_venv, ensure_venv, venv_python


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
