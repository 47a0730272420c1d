"""The benchmark's driver (scripts/bench.py does the measuring)."""

import time
from pathlib import Path

from .console import fail, run, say
from .logs import stream_odoo
from .odoo import odoo_cmd, omiopi_modules
from .odoo_source import require_odoo
from .postgres import db_exists, drop_db, ensure_postgres
from .settings import LANG, LOCAL, LOG_DIR, ROOT
from .venv import ensure_venv, venv_python


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
