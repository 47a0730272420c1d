"""Security hygiene of the add-ons' code, checked without Odoo.

- Every sudo() carries a justification: a comment starting with "sudo:" on
  its line or in the comment lines just above it, saying why the user may
  not see more than they are entitled to.
- No SQL is built by string formatting: execute() takes a literal or an
  odoo.tools.SQL object, never an f-string, "%" or "+" concatenation or
  .format().
- No t-raw in QWeb, no Markup() around formatted strings.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(
    p for p in (ROOT / "addons").iterdir() if (p / "__manifest__.py").exists()
)
PY_FILES = sorted(
    py for addon in ADDONS for py in addon.rglob("*.py") if "tests" not in py.parts
)
XML_FILES = sorted(xml for addon in ADDONS for xml in addon.rglob("*.xml"))
# How far above a sudo() its justification may start (chained calls).
LOOKBACK = 6


def _justified(lines, index):
    if "# sudo:" in lines[index]:
        return True
    for above in range(index - 1, max(index - LOOKBACK, 0) - 1, -1):
        if "# sudo:" in lines[above]:
            return True
    return False


def sudo_without_justification(source):
    lines = source.split("\n")
    return [
        n + 1
        for n, line in enumerate(lines)
        if ".sudo()" in line and not _justified(lines, n)
    ]


def _is_formatted(node):
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def formatted_sql_and_markup(source):
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name in ("execute", "Markup") and _is_formatted(node.args[0]):
            found.append((node.lineno, name))
    return found


@pytest.mark.parametrize("py", PY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_sudo_is_justified(py):
    missing = sudo_without_justification(py.read_text(encoding="utf-8"))
    assert not missing, f"sudo() without a '# sudo:' justification at lines {missing}"


@pytest.mark.parametrize("py", PY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_or_markup_built_by_formatting(py):
    found = formatted_sql_and_markup(py.read_text(encoding="utf-8"))
    assert not found, f"formatted string passed to execute()/Markup() at {found}"


@pytest.mark.parametrize("xml", XML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_t_raw(xml):
    assert "t-raw" not in xml.read_text(encoding="utf-8")


def test_the_checks_catch_what_they_must():
    bad = 'x = self.sudo()\ncr.execute(f"SELECT {x}")\ncr.execute("SELECT %s" % x)\n'
    assert sudo_without_justification(bad) == [1]
    assert [name for _n, name in formatted_sql_and_markup(bad)] == [
        "execute",
        "execute",
    ]
    good = (
        "# sudo: reading a parameter\n"
        "x = self.sudo()\n"
        'cr.execute(SQL("SELECT %s", x))\n'
    )
    assert sudo_without_justification(good) == []
    assert formatted_sql_and_markup(good) == []
    assert formatted_sql_and_markup('Markup("<b>%s</b>" % name)') == [(1, "Markup")]
