#!/usr/bin/env python3
"""Keep each add-on's i18n/es.po complete against the .pot Odoo exports.

    i18n.py check MODULE.pot es.po    print the msgids es.po does not translate
    i18n.py merge MODULE.pot es.po    refresh es.po from the .pot, keeping translations
    i18n.py fill es.po TRANSLATIONS   add translations from a JSON {msgid: msgstr} file

Runs in the project's virtual environment (polib comes with Odoo's requirements).
"""

import json
import sys
from pathlib import Path

import polib

HEADER = {
    "Project-Id-Version": "Odoo Server 18.0",
    "Language": "es",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def untranslated(pot_path, po_path):
    pot = polib.pofile(str(pot_path))
    if not Path(po_path).exists():
        return [entry.msgid for entry in pot]
    po = {_key(e): e for e in polib.pofile(str(po_path)) if not e.obsolete}
    missing = []
    for entry in pot:
        found = po.get(_key(entry))
        if found is None or not found.msgstr.strip() or "fuzzy" in found.flags:
            missing.append(entry.msgid)
    return missing


def merge(pot_path, po_path):
    pot = polib.pofile(str(pot_path))
    old = {}
    if Path(po_path).exists():
        old = {_key(e): e for e in polib.pofile(str(po_path)) if not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(HEADER)
    for entry in pot:
        previous = old.get(_key(entry))
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgstr=previous.msgstr if previous else "",
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=[f for f in entry.flags if f != "fuzzy"],
            )
        )
    po.save(str(po_path))
    return untranslated(pot_path, po_path)


def fill(po_path, translations_path):
    translations = json.loads(Path(translations_path).read_text(encoding="utf-8"))
    po = polib.pofile(str(po_path), wrapwidth=78)
    filled = 0
    for entry in po:
        if not entry.msgstr.strip() and entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            filled += 1
    po.save(str(po_path))
    return filled


def main(argv):
    if len(argv) != 4 or argv[1] not in ("check", "merge", "fill"):
        print(__doc__)
        return 2
    command, first, second = argv[1:]
    if command == "fill":
        print(f"{fill(first, second)} translation(s) added")
        return 0
    missing = (untranslated if command == "check" else merge)(first, second)
    for msgid in missing:
        print(msgid.replace("\n", "\\n")[:200])
    if command == "merge":
        print(f"-- {len(missing)} untranslated string(s) in {second}", file=sys.stderr)
        return 0
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
