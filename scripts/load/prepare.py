"""The accounts of the load test, in the database it runs against.

Run by scripts/dev.py in Odoo's virtual environment:

    prepare.py --out users.json [--demo] [--base-url URL] -- <odoo options>

On the benchmark's database (filled by scripts/bench.py), it creates once,
through the ORM, several real users per office and role (technicians,
section heads, prospectors, with their offices, and coordinators), whose
password is their login; makes each office's section head its manager (the
validation step's approver); gives each technician of an office a share of
its case files; and points report rendering (wkhtmltopdf) at the load
server. With ``--demo`` (the test command's smoke run, on a database with
the demo data) it creates nothing: the demo users, whose password is their
login, are used.

It writes the accounts to --out for the locustfile: ``{"db", "users":
[{"login", "password", "role"}]}``.
"""

import argparse
import json
import sys

import odoo
from odoo import Command, api
from odoo.tools import config

PREFIX = "load."
PER_OFFICE = {"technician": 3, "section_head": 1, "prospector": 1}
COORDINATORS = 6
DEMO_LOGINS = {
    "technician": ["tecnico.norte", "tecnico.sur", "tecnico.tetuan"],
    "section_head": ["jefa.tetuan"],
    "coordinator": ["coordinadora"],
    "prospector": ["prospectora.tetuan"],
}


def create_users(env, offices):
    """Several real users per office and role; return {role: users}."""
    Users = env["res.users"].with_context(no_reset_password=True)
    values = []
    for office in offices:
        for role, count in PER_OFFICE.items():
            for n in range(1, count + 1):
                login = f"{PREFIX}{role}.{office.code.lower()}.{n}"
                values.append(_user(login, role, office))
    for n in range(1, COORDINATORS + 1):
        values.append(_user(f"{PREFIX}coordinator.{n}", "coordinator", None))
    users = Users.create(values)
    for office in offices:
        head = users.filtered(
            lambda u, o=office: (
                u.omiopi_role == "section_head" and o in u.omiopi_office_ids
            )
        )
        office.manager_id = head[:1]
    return users


def _user(login, role, office):
    return {
        "name": login.replace(".", " ").title(),
        "login": login,
        "password": login,
        "email": f"{login}@example.org",
        "lang": "es_ES",
        "tz": "Europe/Madrid",
        "omiopi_role": role,
        "omiopi_office_ids": [Command.set(office.ids if office else [])],
    }


def share_case_files(env, offices):
    """Each technician of an office gets an equal share of its case files
    in each state ("My case files", their home screen, is then theirs)."""
    for office in offices:
        technicians = env["res.users"].search(
            [
                ("login", "=like", f"{PREFIX}technician.%"),
                ("omiopi_office_ids", "in", office.ids),
            ],
            order="id",
        )
        if not technicians:
            continue
        env.cr.execute(
            """
            UPDATE omiopi_case c SET user_id = (%s::int[])[1 + s.n %% %s]
            FROM (
                SELECT id, row_number() OVER (PARTITION BY state ORDER BY id) AS n
                FROM omiopi_case WHERE office_id = %s
            ) s
            WHERE s.id = c.id
            """,
            (technicians.ids, len(technicians), office.id),
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--demo", action="store_true", help="use the demo users")
    parser.add_argument("--base-url", help="where wkhtmltopdf reaches the server")
    args, odoo_args = parser.parse_known_args()
    if odoo_args and odoo_args[0] == "--":
        odoo_args = odoo_args[1:]
    config.parse_config(odoo_args)
    db = config["db_name"]
    db = db[0] if isinstance(db, list) else db
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        if args.demo:
            logins = {
                login: role for role, names in DEMO_LOGINS.items() for login in names
            }
            found = env["res.users"].search([("login", "in", list(logins))])
            accounts = [
                {"login": u.login, "password": u.login, "role": logins[u.login]}
                for u in found
            ]
        else:
            offices = env["omiopi.office"].search(
                [("code", "=like", "BO%")], order="id"
            )
            users = env["res.users"].search([("login", "=like", f"{PREFIX}%")])
            if not users:
                print(f"Creating the load test's users in {db}", flush=True)
                users = create_users(env, offices)
            share_case_files(env, offices)
            accounts = [
                {"login": u.login, "password": u.login, "role": u.omiopi_role}
                for u in users
            ]
        if args.base_url:
            env["ir.config_parameter"].set_param("report.url", args.base_url)
        cr.commit()
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"db": db, "users": accounts}, handle, indent=1)
    roles = sorted({a["role"] for a in accounts})
    print(f"{len(accounts)} accounts ({', '.join(roles)}) in {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
