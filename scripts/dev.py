#!/usr/bin/env python3
"""Set up, run and test the omiopi add-ons on this machine.

One entry point for the Makefile (``make run``, ``make test``...). It needs
nothing but Python 3.10-3.12 to start: it builds a virtual environment, a
PostgreSQL cluster that belongs to the checkout, and calls Odoo from the source
tree at ``$ODOO_SRC`` (default ``/opt/odoo``), or, where there is none, from
Odoo 18.0 Community fetched once into ``.local/odoo``.

Everything it creates lives in ``.local/`` inside the checkout (git ignores
it); ``make clean`` removes it, but for the fetched Odoo tree (``ALL=1``).

The code lives in scripts/omiopi_dev/, a module per concern (Debian
packages, the Odoo tree, the virtual environments, PostgreSQL, running
Odoo, reading its log, translations, tests, backup, benchmark, load test);
this file is the entry point the Makefile calls.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from omiopi_dev.cli import main

if __name__ == "__main__":
    sys.exit(main())
