"""Odoo-free checks over every add-on of the repository.

They read files only, so they run on any machine, with or without Odoo.
"""

import ast
import csv
import importlib.util
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
ODOO_SRC = Path(os.environ.get("ODOO_SRC", "/opt/odoo"))
ADDONS = sorted(p.parent for p in ADDONS_DIR.glob("*/__manifest__.py"))
IDS = [p.name for p in ADDONS]
VERSION = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
LICENSES = {"AGPL-3", "LGPL-3"}


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def oca_modules():
    """Add-ons our requirements.txt installs from PyPI (odoo-addon-<name>)."""
    names = set()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        match = re.match(r"^odoo-addon-([A-Za-z0-9_-]+)==", line.strip())
        if match:
            names.add(match.group(1).replace("-", "_"))
    return names


def core_modules():
    found = set()
    for base in (ODOO_SRC / "addons", ODOO_SRC / "odoo" / "addons"):
        if base.is_dir():
            found |= {p.parent.name for p in base.glob("*/__manifest__.py")}
    return found


def test_there_are_addons():
    assert ADDONS, "no add-on found under addons/"


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_manifest_is_valid(addon):
    data = manifest(addon)
    assert VERSION.match(data.get("version", "")), "version must be 18.0.x.y.z"
    assert data.get("license") in LICENSES
    for key in ("name", "summary", "author", "depends", "data", "maintainers"):
        assert key in data, f"manifest has no {key!r}"
    assert data.get("installable", True)


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_manifest_depends_exist(addon):
    known = {p.name for p in ADDONS} | oca_modules()
    unknown = [d for d in manifest(addon)["depends"] if d not in known]
    core = core_modules()
    if unknown and not core:
        pytest.skip(f"no Odoo source at {ODOO_SRC}: cannot verify {unknown}")
    assert not [d for d in unknown if d not in core], "depends on unknown add-ons"


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_manifest_files_exist_and_are_all_declared(addon):
    data = manifest(addon)
    declared = data.get("data", []) + data.get("demo", [])
    missing = [f for f in declared if not (addon / f).is_file()]
    assert not missing, f"declared but missing: {missing}"
    on_disk = {
        str(p.relative_to(addon))
        for folder in ("data", "demo", "views", "security", "report", "wizard")
        for p in (addon / folder).glob("*")
        if p.suffix in (".xml", ".csv")
    }
    unused = sorted(on_disk - set(declared))
    assert not unused, f"files the manifest does not load: {unused}"


@pytest.mark.parametrize(
    "xml_file",
    sorted(ADDONS_DIR.glob("*/**/*.xml")),
    ids=lambda p: str(p.relative_to(ADDONS_DIR)),
)
def test_xml_parses(xml_file):
    ET.parse(xml_file)


def _class_attribute(node, name):
    for item in node.body:
        if isinstance(item, ast.Assign) and any(
            getattr(t, "id", None) == name for t in item.targets
        ):
            return item.value
    return None


def declared_models(addon):
    """(_name, is_abstract) for each model class declared in Python (a class
    that names a model it also inherits extends it: it declares nothing)."""
    found = []
    for py in addon.rglob("*.py"):
        if "tests" in py.parts:
            continue
        tree = ast.parse(py.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(b) for b in node.bases}
            name = _class_attribute(node, "_name")
            if not isinstance(name, ast.Constant):
                continue
            inherit = _class_attribute(node, "_inherit")
            parents = (
                [e.value for e in inherit.elts if isinstance(e, ast.Constant)]
                if isinstance(inherit, ast.List)
                else [inherit.value]
                if isinstance(inherit, ast.Constant)
                else []
            )
            if name.value in parents:
                continue
            found.append((name.value, "models.AbstractModel" in bases))
    return found


def access_rows(addon):
    path = addon / "security" / "ir.model.access.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_every_model_has_access_rules(addon):
    rows = access_rows(addon)
    covered = {row["model_id:id"].split(".")[-1] for row in rows}
    missing = [
        name
        for name, abstract in declared_models(addon)
        if not abstract and "model_" + name.replace(".", "_") not in covered
    ]
    assert not missing, f"models without ir.model.access rows: {missing}"


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_no_access_row_without_group(addon):
    # A row with no group applies to everyone, portal and public included.
    empty = [row["id"] for row in access_rows(addon) if not row["group_id:id"].strip()]
    assert not empty, f"ir.model.access rows without a group: {empty}"


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_spanish_translation_is_complete(addon):
    po_path = addon / "i18n" / "es.po"
    pot_path = addon / "i18n" / f"{addon.name}.pot"
    assert po_path.is_file(), "no i18n/es.po"
    assert pot_path.is_file(), f"no i18n/{addon.name}.pot"
    po = polib.pofile(str(po_path))
    translated = {e.msgid for e in po if e.msgstr.strip() and "fuzzy" not in e.flags}
    missing = [
        e.msgid for e in polib.pofile(str(pot_path)) if e.msgid not in translated
    ]
    assert not missing, f"{len(missing)} untranslated: {missing[:5]}"


@pytest.mark.parametrize("addon", ADDONS, ids=IDS)
def test_addon_layout(addon):
    assert (addon / "readme" / "DESCRIPTION.md").is_file()
    assert list((addon / "tests").glob("test_*.py")), "no tests"
    # Glue add-ons that only extend models need no access file of their own.
    if any(not abstract for _name, abstract in declared_models(addon)):
        assert (addon / "security" / "ir.model.access.csv").is_file()


def test_readme_is_generated_from_fragments():
    spec = importlib.util.spec_from_file_location(
        "gen_readme", ROOT / "scripts" / "gen_readme.py"
    )
    gen_readme = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen_readme)
    assert gen_readme.main(["--check"]) == 0, "run scripts/gen_readme.py"
