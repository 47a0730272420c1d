# The single entry point of the omiopi suite. Every target calls scripts/dev.py,
# which needs only Python 3.10-3.12 to start (see README.md).
PYTHON ?= python3
DEV := $(PYTHON) scripts/dev.py

.PHONY: run update test lint i18n guide shell stop clean distclean backup restore bench load scaleout

run:            ## set everything up, create the demo database once, serve Odoo on :8069
	$(DEV) run

update:         ## update the omiopi add-ons in the demo database, then serve
	$(DEV) run --update

test:           ## fresh database, all add-ons with --test-enable, Odoo-free checks, linters
	$(DEV) test

lint:           ## ruff and pylint-odoo (OCA configuration)
	$(DEV) lint

i18n:           ## export .pot files and merge them into each add-on's i18n/es.po
	$(DEV) i18n

guide:          ## retake the user guide's screenshots (docs/guide/img) from the journeys' tours
	$(DEV) guide

shell:          ## an Odoo shell on the demo database
	$(DEV) shell

bench:          ## benchmark at regional scale (SCALE=0.01 for a quick run), see docs/performance.md
	$(DEV) bench $(if $(SCALE),--scale $(SCALE))

load:           ## many users at once (Locust) on the benchmark's database: USERS=50 SCALE=0.1 REUSE=1 FAULTS=1
	$(DEV) load $(if $(SCALE),--scale $(SCALE)) $(if $(USERS),--users $(USERS)) $(if $(REUSE),--reuse) $(if $(FAULTS),--faults)

scaleout:       ## two Odoo nodes behind nginx, one killed, reads on a streaming replica (after make load)
	$(DEV) scaleout $(if $(USERS),--users $(USERS))

backup:         ## dump the demo database and its filestore to .local/backups (DB=name)
	$(DEV) backup $(if $(DB),--db $(DB))

restore:        ## restore a backup: make restore FROM=.local/backups/<dir> [DB=name]
	$(DEV) restore $(FROM) $(if $(DB),--db $(DB))

stop:           ## stop the project's PostgreSQL cluster
	$(DEV) stop

# The Odoo tree fetched into .local/odoo (about 1 GB) outlives `make clean`:
# ALL=1, or `make distclean`, removes it too.
KEEP := $(if $(ALL),,.local/odoo .local/odoo.commit)

clean: stop     ## remove the virtual environment, the cluster, the filestore and logs
	rm -rf $(filter-out $(KEEP),$(wildcard .local/* .local/.[!.]*))
	@rmdir .local 2>/dev/null || true

distclean:      ## make clean, and remove the Odoo tree fetched into .local/odoo too
	$(MAKE) clean ALL=1
