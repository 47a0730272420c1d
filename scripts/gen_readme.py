#!/usr/bin/env python3
"""Build each add-on's README.rst from its manifest and readme/*.md fragments,
as OCA's oca-gen-addon-readme does (which is not on PyPI).

    gen_readme.py            write README.rst of every add-on
    gen_readme.py --check    exit 1 if a README.rst is not up to date

Fragments are plain Markdown paragraphs, "- " bullets and "1. " lists with
`code`, **bold**, *italics* and [links](url): all of it maps to reStructuredText.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONTEXT.md", "Context"),
    ("INSTALL.md", "Installation"),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("DEVELOP.md", "Development"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def _inline(text):
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`_", text)
    # `code` -> ``code`` (leave already doubled ones alone)
    return re.sub(r"(?<!`)`([^`]+)`(?!`|_)", r"``\1``", text)


def _title(text, char):
    return f"{text}\n{char * len(text)}\n"


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))
    name = manifest["name"]
    parts = [
        "=" * len(name),
        name,
        "=" * len(name),
        "",
        f"*{manifest['summary']}*",
        "",
        (
            f"Version {manifest['version']}, license {manifest['license']}, "
            f"status {manifest.get('development_status', 'Alpha')}."
        ),
        "",
        ".. contents:: Table of contents",
        "   :local:",
        "",
    ]
    for filename, title in SECTIONS:
        path = addon / "readme" / filename
        if not path.exists():
            continue
        if title:
            parts.append(_title(title, "="))
        parts.append(_inline(path.read_text(encoding="utf-8").strip()) + "\n")
    return "\n".join(parts).rstrip() + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    for manifest in sorted((ROOT / "addons").glob("*/__manifest__.py")):
        addon = manifest.parent
        target = addon / "README.rst"
        text = render(addon)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(addon.name)
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("README.rst not up to date, run scripts/gen_readme.py:", *stale)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
