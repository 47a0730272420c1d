"""Backup and restore of a database and its filestore."""

import hashlib
import json
import shutil
import tarfile
import tempfile
import time
from pathlib import Path

from .console import fail, run, say
from .odoo_source import require_odoo
from .postgres import db_exists, drop_db, ensure_postgres, pg_bindir, psql
from .settings import LOCAL, PG_PORT, PG_ROLE

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
