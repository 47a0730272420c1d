"""The virtual environments: Odoo's, the tools', Locust's."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .console import fail, run
from .odoo_source import odoo_src
from .packages import ensure_build_packages
from .settings import (
    BUILD_CONSTRAINTS,
    LOAD_VENV,
    LOCAL,
    ROOT,
    SUPPORTED_PYTHON,
    TOOLS_VENV,
    VENV,
)


def python_for_venv():
    candidates = [os.environ.get("OMIOPI_PYTHON"), sys.executable, "python3"]
    for minor in range(SUPPORTED_PYTHON[1][1], SUPPORTED_PYTHON[0][1] - 1, -1):
        candidates.append(f"python3.{minor}")
    for candidate in filter(None, candidates):
        exe = shutil.which(candidate) or candidate
        if not Path(exe).exists():
            continue
        out = subprocess.run(
            [exe, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode:
            continue
        version = tuple(int(x) for x in out.stdout.split())
        if SUPPORTED_PYTHON[0] <= version <= SUPPORTED_PYTHON[1]:
            return exe
    fail("Odoo 18.0 needs Python 3.10, 3.11 or 3.12; none was found")


def venv_python(venv=VENV):
    return venv / "bin" / "python"


def tool(name):
    """A command of the tools environment (linters, pytest, polib)."""
    return TOOLS_VENV / "bin" / name


def _digest(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update(
            part.read_bytes() if isinstance(part, Path) else str(part).encode()
        )
    return digest.hexdigest()


def _build_venv(venv, wanted, install):
    """Create `venv` and run `install(pip)` unless it was done for `wanted`."""
    stamp = venv / ".omiopi-requirements"
    if stamp.exists() and stamp.read_text() == wanted and venv_python(venv).exists():
        return
    if not venv_python(venv).exists():
        LOCAL.mkdir(exist_ok=True)
        run([python_for_venv(), "-m", "venv", venv])
    pip = [venv_python(venv), "-m", "pip", "install", "--disable-pip-version-check"]
    # --build-constraint needs pip 25.3 or newer.
    run([*pip, "-q", "--upgrade", "pip>=25.3", "wheel"])
    try:
        install(pip)
    except subprocess.CalledProcessError as error:
        fail(f"installing the Python requirements into {venv} failed ({error})")
    stamp.write_text(wanted)


def ensure_tools_venv():
    """Linters, pytest and polib: a venv of their own, because their pins
    (polib 1.2 for oca-checks-po) conflict with Odoo's (polib 1.1.1)."""
    requirements = ROOT / "requirements-tools.txt"
    _build_venv(
        TOOLS_VENV,
        _digest(requirements),
        lambda pip: run([*pip, "-r", requirements]),
    )


def ensure_load_venv():
    """Locust, for the load test: a venv of its own (gevent, Flask and
    requests at Locust's versions, apart from Odoo's and the linters')."""
    requirements = ROOT / "requirements-load.txt"
    _build_venv(
        LOAD_VENV,
        _digest(requirements),
        lambda pip: run([*pip, "-r", requirements]),
    )


def ensure_venv():
    """Odoo's requirements, Odoo itself (editable) and requirements.txt."""
    requirements = ROOT / "requirements.txt"

    def install(pip):
        ensure_build_packages()
        constraint = ["--build-constraint", BUILD_CONSTRAINTS]
        run([*pip, *constraint, "-r", odoo_src() / "requirements.txt"])
        # Odoo itself, so that OCA add-on wheels find their `odoo` dependency.
        # "compat" mode adds the tree to sys.path: the default finder would be
        # shadowed by the `odoo/addons` namespace the OCA wheels install.
        run(
            [
                *pip,
                *constraint,
                "--no-deps",
                "--config-settings",
                "editable_mode=compat",
                "-e",
                odoo_src(),
            ]
        )
        run([*pip, *constraint, "-r", requirements])

    _build_venv(
        VENV,
        _digest(
            str(odoo_src()),
            odoo_src() / "requirements.txt",
            requirements,
            BUILD_CONSTRAINTS,
        ),
        install,
    )


def site_addons_path():
    out = subprocess.run(
        [
            venv_python(),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()) / "odoo" / "addons"
