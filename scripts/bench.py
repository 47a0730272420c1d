"""Benchmark of the omiopi suite at regional scale (issue #9).

Run by `make bench` (scripts/dev.py bench), in the project's virtual
environment, on a throw-away database where the omiopi add-ons are installed
without demo data:

    bench.py [--scale 1.0] [--repeat 5] [--out FILE] [--only WORDS] -- <odoo options>

It fills the database with SQL (INSERT ... SELECT over generate_series, a
statement per table), then measures, as a technician and as the coordinator,
the server side of what the web client does (the same ORM calls with the
views' own field specifications), with Odoo's crm.lead list, kanban and form
over as many records as case files as the baseline measured in the same run.
Each measure: median and worst time over --repeat runs, SQL queries, and the
ratio to its baseline. One Markdown table is printed and written to --out.

`--only import,export` measures only the lines whose label contains one of
the words (case-insensitive), e.g. on a database filled by an earlier run
(`--reuse`); the baselines of the lines kept are measured with them.
"""

import argparse
import base64
import csv
import io
import os
import platform
import resource
import statistics
import sys
import time
from datetime import date, timedelta

from webclient_views import search_box_domain, spec_from_arch

import odoo
from odoo import api
from odoo.tools import config

FULL = {
    "persons": 500_000,  # one case file each
    "attentions": 3_000_000,
    "referrals": 200_000,
    "enrolments": 50_000,
    "companies": 20_000,
}
FIRST = (  # noqa: SIM905 - a list of names reads better as text
    "Amina Carlos Fatima Mohamed Lucia Andrea Yasmin Omar Daniela Jose Maria "
    "Ahmed Sofia Luis Nadia Ivan Elena Pablo Aisha Karim Rosa Miguel Leila "
    "Samuel Ines Hassan Valentina Jorge Mariam Diego Salma Javier Noura Adriana "
    "Youssef Carmen Rachid Paula Ibrahim Marta"
).split()
LAST = (  # noqa: SIM905
    "Garcia Rodriguez Gonzalez Fernandez Lopez Martinez Sanchez Perez Gomez Martin "
    "Jimenez Ruiz Hernandez Diaz Moreno Alvarez Romero Alonso Gutierrez Navarro "
    "Torres Dominguez Vazquez Ramos Gil Ramirez Serrano Blanco Molina Morales "
    "Suarez Ortega Delgado Castro Ortiz Rubio Marin Sanz Iglesias Medina "
    "Benali Haddad Diallo Traore Popescu Ionescu Chen Wang Quispe Mamani"
).split()
NIE_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def band_sql(band, value, upto):
    """SQL giving band(value) for the integer SQL expression `value`, made
    from the add-on's own function (the stored figure's compute): its
    thresholds are read by calling it on 0..upto, so that the fill never
    keeps a copy of them. The bands are literals the function returns."""
    cases = [f"WHEN ({value}) IS NULL THEN '{band(None)}'"]
    previous = band(0)
    for number in range(1, upto + 1):
        current = band(number)
        if current != previous:
            cases.append(f"WHEN ({value}) < {number} THEN '{previous}'")
            previous = current
    return "CASE " + " ".join(cases) + f" ELSE '{previous}' END"


# Whole years and months between two dates, as dateutil's relativedelta
# counts them in the add-ons' computes.
YEARS_SQL = "date_part('year', age({end}, {start}))::int"
MONTHS_SQL = (
    "(date_part('year', age({end}, {start})) * 12"
    " + date_part('month', age({end}, {start})))::int"
)


def sizes(scale):
    return {key: max(int(value * scale), 10) for key, value in FULL.items()}


def nie(number):
    digits = f"{number % 10_000_000:07d}"
    return f"X{digits}{NIE_LETTERS[int(digits) % 23]}"


# ---------------------------------------------------------------------------
# Filling
# ---------------------------------------------------------------------------


def setup_reference(env):
    """Offices, users, courses and editions through the ORM."""
    Office = env["omiopi.office"]
    offices = Office.create(
        [
            {
                "name": f"Bench office {i}",
                "code": f"BO{i}",
                "office_type": "omiopi" if i % 2 else "ae_agency",
            }
            for i in range(1, 21)
        ]
    )
    group = "omiopi_case.group_omiopi_"
    users = {}
    for role, groups in (
        ("technician", group + "technician"),
        ("coordinator", group + "coordinator"),
    ):
        groups = [env.ref(groups).id, env.ref("base.group_allow_export").id]
        users[role] = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Bench {role}",
                    "login": f"bench_{role}",
                    "email": f"bench_{role}@example.org",
                    "groups_id": [(6, 0, groups)],
                    "omiopi_office_ids": [(6, 0, offices[:1].ids)],
                    "lang": "es_ES" if env["res.lang"]._lang_get("es_ES") else "en_US",
                }
            )
        )
    users["technician"].omiopi_default_office_id = offices[0]
    courses = env["omiopi.training.course"].create(
        [
            {"name": f"Bench course {i}", "course_type": "workshop", "hours": 20}
            for i in range(20)
        ]
    )
    today = date.today()
    editions = env["omiopi.training.edition"].create(
        [
            {
                "name": f"Bench edition {i}",
                "course_id": courses[i % 20].id,
                "office_id": offices[i % 20].id,
                "date_start": today - timedelta(days=i),
                "date_end": today - timedelta(days=i) + timedelta(days=30),
                "capacity": 400,
                "state": "open",
            }
            for i in range(200)
        ]
    )
    env.cr.commit()
    return offices, users, editions


def fill(env, counts, offices, users, editions):
    # The add-ons' own band functions (importable once Odoo knows its
    # add-ons path): the stored figures are filled with them.
    from odoo.addons.omiopi_case.models.omiopi_case import age_band, spain_band

    cr = env.cr
    ref = env.ref
    countries = [
        ref(f"base.{code}").id
        for code in ("ma co ve pe ec ro cn sn ng ua es ar bo hn do").split()  # noqa: SIM905
    ]
    params = {
        "first": FIRST,
        "last": LAST,
        "offices": offices.ids,
        "countries": countries,
        "education": env["omiopi.education.level"].search([]).ids,
        "legal": env["omiopi.legal.situation"].search([]).ids,
        "areas": env["omiopi.area"].search([]).ids,
        "tech": users["technician"].id,
        "uid": env.uid,
        "persons": counts["persons"],
        "per_case": max(counts["attentions"] // counts["persons"], 1),
        "referrals": counts["referrals"],
        "enrolments": counts["enrolments"],
        "companies": counts["companies"],
        "editions": editions.ids,
        "nie": ref("omiopi_case.id_category_nie").id,
        "spanish": ref("omiopi_case.language_es").id,
        "stages": env["omiopi.referral.stage"].search([]).ids,
        "reason": ref("omiopi_referral.reason_arraigo").id,
        "sales_team": ref("sales_team.team_sales_department").id,
        "prospection_team": ref("omiopi_employer.crm_team_prospection").id,
        "sales_stages": env["crm.stage"]
        .search(["|", ("team_id", "=", False), ("is_won", "=", False)])
        .ids,
        "prospection_stages": env["crm.stage"]
        .search([("team_id", "=", ref("omiopi_employer.crm_team_prospection").id)])
        .ids,
        "company": env.company.id,
    }
    timings = {}

    def step(name, sql):
        started = time.perf_counter()
        cr.execute(sql, params)
        timings[name] = time.perf_counter() - started
        print(f"  {name}: {cr.rowcount} rows in {timings[name]:.1f} s", flush=True)

    cr.execute("SELECT setseed(0.42)")
    step(
        "persons",
        """
        INSERT INTO res_partner (
            name, complete_name, active, type, is_company, omiopi_is_person,
            omiopi_office_id, gender, nationality_id, birthdate_date,
            omiopi_arrival_date, omiopi_education_level_id,
            omiopi_legal_situation_id, email, phone, partner_share, lang,
            create_uid, write_uid, create_date, write_date)
        SELECT n, n, true, 'contact', false, true,
            (%(offices)s::int[])[1 + g %% 20],
            (ARRAY['female', 'male', 'female', 'male', 'other'])[1 + g %% 5],
            (%(countries)s::int[])[1 + (g * 7) %% 15],
            DATE '1955-01-01' + ((g::bigint * 7919) %% 18000)::int,
            DATE '2015-01-01' + ((g::bigint * 104729) %% 3900)::int,
            (%(education)s::int[])[1 + g %% array_length(%(education)s::int[], 1)],
            (%(legal)s::int[])[1 + g %% array_length(%(legal)s::int[], 1)],
            'person' || g || '@example.com',
            '+34 6' || lpad((g %% 100000000)::text, 8, '0'),
            true, 'es_ES', %(uid)s, %(uid)s, now(), now()
        FROM (
            SELECT g, (%(first)s::text[])[1 + g %% 40] || ' '
                || (%(last)s::text[])[1 + (g / 40) %% 50] || ' '
                || (%(last)s::text[])[1 + (g / 2000) %% 50] || ' ' || g AS n
            FROM generate_series(1, %(persons)s) g
        ) s
        """,
    )
    step(
        "commercial partners",
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE commercial_partner_id IS NULL",
    )
    step(
        "identity documents",
        """
        INSERT INTO res_partner_id_number (
            name, category_id, partner_id, valid_until, status, active,
            omiopi_expiry_pending, create_uid, write_uid, create_date, write_date)
        SELECT 'X' || lpad((p.id %% 10000000)::text, 7, '0')
                || substr('TRWAGMYFPDXBNJZSQVHLCKE', 1 + (p.id %% 10000000) %% 23, 1),
            %(nie)s, p.id, CURRENT_DATE + (p.id %% 1500) - 300, 'open', true,
            false, %(uid)s, %(uid)s, now(), now()
        FROM res_partner p WHERE p.omiopi_is_person AND p.email LIKE 'person%%'
        """,
    )
    step(
        "persons' situation (stored figures)",
        """
        UPDATE res_partner p SET
            omiopi_search_text = concat_ws(' ', p.name, p.email, n.name),
            omiopi_has_open_case = ((p.id / 7) %% 4 <> 3),
            omiopi_can_work = ls.allows_work,
            omiopi_is_regular = ls.is_regular,
            omiopi_computer_level = ((p.id %% 4)::text),
            omiopi_consent_state = 'given'
        FROM omiopi_legal_situation ls, res_partner_id_number n
        WHERE ls.id = p.omiopi_legal_situation_id AND n.partner_id = p.id
          AND p.omiopi_is_person
        """,
    )
    step(
        "persons' Spanish",
        """
        INSERT INTO omiopi_person_language (
            partner_id, language_id, level, sequence, certified,
            create_uid, write_uid, create_date, write_date)
        SELECT p.id, %(spanish)s,
            (ARRAY['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native'])[1 + p.id %% 7],
            10, false, %(uid)s, %(uid)s, now(), now()
        FROM res_partner p WHERE p.omiopi_is_person AND p.email LIKE 'person%%'
        """,
    )
    step(
        "case files",
        """
        INSERT INTO omiopi_case (
            name, partner_id, office_id, user_id, state, date_open, date_closed,
            gender, nationality_id, education_level_id, legal_situation_id,
            age_at_open, age_band, spain_band, priority, omiopi_search_text,
            attention_count, intervention_done_count, readiness,
            insertion_count, has_insertion,
            create_uid, write_uid, create_date, write_date)
        SELECT 'EXP/' || p.id, p.id, p.omiopi_office_id, %(tech)s,
            -- by runs of 7 persons: every office (1 person in 20) has case
            -- files in every state
            (ARRAY['intake', 'active', 'follow_up', 'closed'])[1 + (p.id / 7) %% 4],
            d, CASE WHEN (p.id / 7) %% 4 = 3 THEN d + 120 END,
            p.gender, p.nationality_id, p.omiopi_education_level_id,
            p.omiopi_legal_situation_id,
            """
        + YEARS_SQL.format(end="d", start="p.birthdate_date")
        + ", "
        + band_sql(age_band, YEARS_SQL.format(end="d", start="p.birthdate_date"), 130)
        + ", "
        + band_sql(
            spain_band,
            MONTHS_SQL.format(end="d", start="p.omiopi_arrival_date"),
            1200,
        )
        + """,
            '0', 'EXP/' || p.id || ' ' || p.omiopi_search_text,
            %(per_case)s, 0, 0, 0, false,
            %(uid)s, %(uid)s, now(), now()
        FROM (
            SELECT p.*, GREATEST(DATE '2023-01-01' + (p.id * 31) %% 1060,
                                 p.omiopi_arrival_date) AS d
            FROM res_partner p WHERE p.omiopi_is_person AND p.email LIKE 'person%%'
        ) p
        """,
    )
    step(
        "case office access",
        "INSERT INTO omiopi_case_office_access_rel (case_id, office_id) "
        "SELECT id, office_id FROM omiopi_case",
    )
    step(
        "attentions",
        """
        INSERT INTO omiopi_attention (
            case_id, partner_id, office_id, date, area_id, channel, user_id,
            summary, gender, nationality_id, age_band,
            create_uid, write_uid, create_date, write_date)
        SELECT c.id, c.partner_id, c.office_id,
            c.date_open + k * 25 + interval '10 hours',
            (%(areas)s::int[])[1 + (c.id + k) %% array_length(%(areas)s::int[], 1)],
            (ARRAY['in_person', 'phone', 'online', 'field_point'])[1 + k %% 4],
            %(tech)s, 'Attention ' || k, c.gender, c.nationality_id, c.age_band,
            %(uid)s, %(uid)s, now(), now()
        FROM omiopi_case c CROSS JOIN generate_series(1, %(per_case)s) k
        """,
    )
    step(
        "last attention",
        "UPDATE omiopi_case c SET last_attention_date = "
        "c.date_open + %(per_case)s * 25 + interval '10 hours'",
    )
    step(
        "referrals",
        """
        INSERT INTO omiopi_referral (
            name, partner_id, case_id, referring_office_id, receiving_office_id,
            user_id, referrer_email, direction, stage_id, stage_type, is_excluded,
            gender, nationality_id, education_level_id, age_band, date_submitted,
            omiopi_search_text, create_uid, write_uid, create_date, write_date)
        SELECT 'DER/' || c.id, c.partner_id, c.id, c.office_id,
            (%(offices)s::int[])[1 + (c.id + 1) %% 20], %(tech)s,
            'bench_technician@example.org',
            CASE WHEN c.id %% 2 = 0 THEN 'ae_to_omiopi' ELSE 'omiopi_to_ae' END,
            s.id, s.stage_type, false, c.gender, c.nationality_id,
            c.education_level_id, c.age_band, c.date_open + interval '12 hours',
            'DER/' || c.id
                || substr(c.omiopi_search_text, strpos(c.omiopi_search_text, ' ')),
            %(uid)s, %(uid)s, c.date_open, now()
        FROM (SELECT * FROM omiopi_case ORDER BY id LIMIT %(referrals)s) c
        JOIN omiopi_referral_stage s
          ON s.id = (%(stages)s::int[])[1 + c.id %% array_length(%(stages)s::int[], 1)]
        """,
    )
    step(
        "referral reasons",
        "INSERT INTO omiopi_referral_omiopi_referral_reason_rel "
        "(omiopi_referral_id, omiopi_referral_reason_id) "
        "SELECT id, %(reason)s FROM omiopi_referral",
    )
    step(
        "enrolments",
        """
        INSERT INTO omiopi_training_enrolment (
            partner_id, edition_id, course_id, course_type, office_id, state,
            date_applied, attendance_rate, gender, nationality_id, age_band,
            create_uid, write_uid, create_date, write_date)
        SELECT c.partner_id, e.id, e.course_id, e.course_type, e.office_id,
            (ARRAY['applied', 'selected', 'attending', 'completed'])[1 + c.id %% 4],
            e.date_start - 10, 0, c.gender, c.nationality_id, c.age_band,
            %(uid)s, %(uid)s, now(), now()
        FROM (SELECT * FROM omiopi_case ORDER BY id DESC LIMIT %(enrolments)s) c
        JOIN omiopi_training_edition e
          ON e.id = (%(editions)s::int[])[
                1 + c.id %% array_length(%(editions)s::int[], 1)]
        """,
    )
    step(
        "companies",
        """
        INSERT INTO res_partner (
            name, complete_name, active, type, is_company, partner_share, lang,
            email, create_uid, write_uid, create_date, write_date)
        SELECT 'Empresa ' || g || ' S.L.', 'Empresa ' || g || ' S.L.', true,
            'contact', true, true, 'es_ES', 'rrhh' || g || '@empresa.example.com',
            %(uid)s, %(uid)s, now(), now()
        FROM generate_series(1, %(companies)s) g
        """,
    )
    step(
        "company commercial partners",
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE commercial_partner_id IS NULL",
    )
    step(
        "prospection opportunities",
        """
        INSERT INTO crm_lead (
            name, partner_id, type, team_id, stage_id, omiopi_is_prospection,
            company_id, active, probability, user_id, date_open,
            create_uid, write_uid, create_date, write_date)
        SELECT p.name, p.id, 'opportunity', %(prospection_team)s,
            (%(prospection_stages)s::int[])[
                1 + p.id %% array_length(%(prospection_stages)s::int[], 1)],
            true, %(company)s, true, 10, %(tech)s, now(),
            %(uid)s, %(uid)s, now(), now()
        FROM res_partner p WHERE p.is_company AND p.name LIKE 'Empresa %%'
        """,
    )
    step(
        "baseline: crm.lead opportunities (as many as case files)",
        """
        INSERT INTO crm_lead (
            name, contact_name, email_from, phone, type, team_id, stage_id,
            company_id, active, probability, user_id, date_open,
            omiopi_is_prospection, create_uid, write_uid, create_date, write_date)
        SELECT 'Opportunity ' || g, 'Contact ' || g,
            'contact' || g || '@example.com', '+34 91' || lpad(g::text, 7, '0'),
            'opportunity', %(sales_team)s,
            (%(sales_stages)s::int[])[
                1 + g %% array_length(%(sales_stages)s::int[], 1)],
            %(company)s, true, 10, %(tech)s, now(), false,
            %(uid)s, %(uid)s, now(), now()
        FROM generate_series(1, %(persons)s) g
        """,
    )
    step("analyze", "ANALYZE")
    env.invalidate_all()
    cr.commit()
    return timings


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def spec_from_view(env, model, view_type):
    """The field specification the web client sends for a view
    (webclient_views.spec_from_arch, shared with the load test)."""
    arch = env[model].get_views([(False, view_type)])["views"][view_type]["arch"]
    types = {name: field.type for name, field in env[model]._fields.items()}
    return spec_from_arch(arch, types)


def timed(registry, user_id, function, repeat):
    """Run `function(env)` `repeat` times, each in its own transaction as
    `user_id`; return (seconds list, queries of the last run)."""
    seconds, queries = [], 0
    for _ in range(repeat):
        with registry.cursor() as cr:
            env = api.Environment(cr, user_id, {"lang": "es_ES", "tz": "Europe/Madrid"})
            start_count = cr.sql_log_count
            started = time.perf_counter()
            function(env)
            seconds.append(time.perf_counter() - started)
            queries = cr.sql_log_count - start_count
            cr.rollback()
    return seconds, queries


def list_first_page(model, domain, limit=80):
    def run(env):
        spec = spec_from_view(env, model, "list")
        env[model].web_search_read(domain, spec, limit=limit, count_limit=10001)

    return run


def kanban_first_page(model, domain, groupby, limit=40):
    def run(env):
        Model = env[model]
        spec = spec_from_view(env, model, "kanban")
        groups = Model.web_read_group(domain, [], [groupby], lazy=True)["groups"]
        for group in groups[:10]:
            Model.web_search_read(group["__domain"], spec, limit=limit)

    return run


def search_box(model, text, domain=(), view=None):
    """What typing `text` in the view's search box searches: the first
    field of the search view (`view`, an XML id, or the default one), with
    its filter_domain."""

    def run(env):
        view_id = env.ref(view).id if view else False
        arch = env[model].get_views([(view_id, "search")])["views"]["search"]["arch"]
        list_first_page(model, [*domain, *search_box_domain(arch, text)])(env)

    return run


def form(model, record_id):
    def run(env):
        env[model].browse(record_id).web_read(spec_from_view(env, model, "form"))

    return run


def import_csv(rows, first=0):
    """A pilot-form CSV (the Google Form's export) of `rows` rows, persons
    numbered from `first`."""
    out = io.StringIO()
    writer = csv.writer(out)
    header = [
        "Marca temporal",
        "1. Nombre",
        "7. Tipo de Documento, número y fecha de caducidad",
        "11. Teléfono",
        "14. Correo electrónico",
        "17. Nacionalidad",
        "19. Persona que deriva (nombre, entidad, correo)",
    ]
    writer.writerow(header)
    for n in range(first, first + rows):
        writer.writerow(
            [
                "15/09/2025 10:23:45",
                f"{FIRST[n % 40]} {LAST[(n // 40) % 50]} Importado {n}",
                f"NIE {nie(9_000_000 + n)} caduca 12/03/2030",
                f"6{n % 100000000:08d}",
                f"imported{n}@example.com",
                "Marruecos",
                "Bench Technician, Bench office 1, bench_technician@example.org",
            ]
        )
    return out.getvalue().encode()


def label_filter(only):
    """Whether a line is measured: its label contains one of the
    comma-separated words of `only` (every line without --only)."""
    words = [word.strip().lower() for word in (only or "").split(",") if word.strip()]
    return lambda label: not words or any(word in label.lower() for word in words)


def with_baselines(measures, wanted):
    """The measures wanted, with the baselines they are compared with."""
    kept = [measure for measure in measures if wanted(measure[0])]
    baselines = {measure[3] for measure in kept if measure[3]}
    return [m for m in measures if m in kept or m[0] in baselines]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--out", default="bench-result.md")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the data of an earlier run"
    )
    parser.add_argument(
        "--only",
        help="comma-separated words: measure only the lines whose label "
        "contains one of them (e.g. import,export)",
    )
    parser.add_argument(
        "--fill-only",
        action="store_true",
        help="fill the database and stop (the load test's database)",
    )
    args, odoo_args = parser.parse_known_args()
    if odoo_args and odoo_args[0] == "--":
        odoo_args = odoo_args[1:]
    config.parse_config(odoo_args)
    db = (
        config["db_name"][0]
        if isinstance(config["db_name"], list)
        else config["db_name"]
    )
    registry = odoo.modules.registry.Registry(db)
    counts = sizes(args.scale)
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        offices = env["omiopi.office"].search([("code", "=like", "BO%")], order="id")
        if offices and args.reuse:
            # A database filled by an earlier run (--keep): measure again.
            print(f"Reusing the data of {db}", flush=True)
            users = {
                role: env["res.users"].search([("login", "=", f"bench_{role}")])
                for role in ("technician", "coordinator")
            }
            counts = {
                "persons": env["omiopi.case"].search_count([]),
                "attentions": env["omiopi.attention"].search_count([]),
                "referrals": env["omiopi.referral"].search_count([]),
                "enrolments": env["omiopi.training.enrolment"].search_count([]),
                "companies": env["res.partner"].search_count(
                    [("is_company", "=", True)]
                ),
            }
            fill_timings = {}
            env["omiopi.job.offer"].search([("name", "=", "Bench offer")]).unlink()
        else:
            print(f"Filling {db}: {counts}", flush=True)
            offices, users, editions = setup_reference(env)
            fill_timings = fill(env, counts, offices, users, editions)
        if args.fill_only:
            cr.commit()
            print(f"Filled in {time.perf_counter() - started:.0f} s", flush=True)
            return 0
        tech, coord = users["technician"].id, users["coordinator"].id
        case_id = (
            env["omiopi.case"]
            .search([("office_id", "=", offices[0].id)], limit=1, order="id desc")
            .id
        )
        lead_id = (
            env["crm.lead"].search([("omiopi_is_prospection", "=", False)], limit=1).id
        )
        person = env["omiopi.case"].browse(case_id).partner_id
        name_query = " ".join(person.name.split()[:3])
        document_query = person.id_numbers[:1].name
        offer = env["omiopi.job.offer"].create(
            {
                "name": "Bench offer",
                "partner_id": env["res.partner"]
                .search([("is_company", "=", True)], limit=1)
                .id,
                "office_id": offices[0].id,
                "vacancies": 3,
                "contract_type": "temporary",
                "duration_months": 6,
                "computer_level": "2",
                "language_ids": [
                    (
                        0,
                        0,
                        {
                            "language_id": env.ref("omiopi_case.language_es").id,
                            "level": "b1",
                        },
                    )
                ],
                "state": "open",
            }
        )
        cr.commit()
    fill_seconds = time.perf_counter() - started
    print(f"Filled in {fill_seconds:.0f} s", flush=True)

    year = date.today().year - 1
    opportunities = [
        ("type", "=", "opportunity"),
        ("omiopi_is_prospection", "=", False),
    ]
    measures = [
        # label, user, what it runs, the baseline it is compared with
        (
            "crm.lead list, first page (baseline)",
            coord,
            list_first_page("crm.lead", opportunities),
            None,
        ),
        (
            "crm.lead kanban by stage (baseline)",
            coord,
            kanban_first_page("crm.lead", opportunities, "stage_id"),
            None,
        ),
        ("crm.lead form (baseline)", coord, form("crm.lead", lead_id), None),
        (
            "Case files list, first page (technician)",
            tech,
            list_first_page("omiopi.case", [("state", "!=", "closed")]),
            "crm.lead list, first page (baseline)",
        ),
        (
            "Case files list, first page (coordinator)",
            coord,
            list_first_page("omiopi.case", [("state", "!=", "closed")]),
            "crm.lead list, first page (baseline)",
        ),
        (
            "Case files kanban by state (technician)",
            tech,
            kanban_first_page("omiopi.case", [], "state"),
            "crm.lead kanban by stage (baseline)",
        ),
        (
            "Case files kanban by state (coordinator)",
            coord,
            kanban_first_page("omiopi.case", [], "state"),
            "crm.lead kanban by stage (baseline)",
        ),
        (
            "Case file form with its tabs (technician)",
            tech,
            form("omiopi.case", case_id),
            "crm.lead form (baseline)",
        ),
        (
            "Case search box: a person's name (technician)",
            tech,
            search_box("omiopi.case", name_query),
            None,
        ),
        (
            "Case search box: a document number (coordinator)",
            coord,
            search_box("omiopi.case", document_query),
            None,
        ),
        (
            "Persons search box: a document number (coordinator)",
            coord,
            search_box(
                "res.partner",
                document_query,
                [("omiopi_is_person", "=", True)],
                view="omiopi_case.res_partner_view_search_omiopi",
            ),
            None,
        ),
        (
            "Referral kanban by stage (technician)",
            tech,
            kanban_first_page("omiopi.referral", [], "stage_id"),
            "crm.lead kanban by stage (baseline)",
        ),
        (
            "Referral kanban by stage (coordinator)",
            coord,
            kanban_first_page("omiopi.referral", [], "stage_id"),
            "crm.lead kanban by stage (baseline)",
        ),
    ]

    def programme_report(env):
        wizard = env["omiopi.referral.report.wizard"].create(
            {"date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}
        )
        wizard._report_tables()

    def programme_xlsx(env):
        wizard = env["omiopi.referral.report.wizard"].create(
            {"date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}
        )
        env["ir.actions.report"]._render_xlsx(
            "omiopi_referral.program_report_xlsx", wizard.ids, {}
        )

    def activity_report(env):
        report = env["omiopi.activity.report"].create(
            {"date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}
        )
        report.action_compute()

    def matching(env):
        env["omiopi.job.offer"].browse(offer.id).action_match()

    measures += [
        ("Programme report for a year (coordinator)", coord, programme_report, None),
        ("Programme report XLSX (coordinator)", coord, programme_xlsx, None),
        ("Activity report for a year (coordinator)", coord, activity_report, None),
        ("Matching people to a job offer (coordinator)", coord, matching, None),
    ]
    wanted = label_filter(args.only)
    measures = with_baselines(measures, wanted)
    results = {}
    growth = {}
    for label, user_id, function, baseline in measures:
        seconds, queries = timed(registry, user_id, function, args.repeat)
        results[label] = (statistics.median(seconds), max(seconds), queries, baseline)
        print(
            f"  {label}: median {results[label][0] * 1000:.0f} ms, {queries} queries",
            flush=True,
        )

    # Once each: the 100,000-row export (Odoo's own list export), the import
    # of a spreadsheet, the scheduled actions.
    def export_rows(env):
        import xlsxwriter

        rows = (
            env["omiopi.case"]
            .search([], limit=100_000)
            .export_data(
                [
                    "name",
                    "partner_id",
                    "office_id",
                    "state",
                    "date_open",
                    "gender",
                    "age_band",
                ]
            )["datas"]
        )
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
        sheet = workbook.add_worksheet()
        for index, row in enumerate(rows):
            sheet.write_row(index, 0, row)
        workbook.close()

    # The import commits every few hundred rows: what it creates stays in the
    # database. Each run imports new persons, numbered after those of the
    # earlier runs (--reuse).
    with registry.cursor() as cr:
        cr.execute("SELECT count(*) FROM res_partner WHERE name LIKE '%% Importado %%'")
        imported_before = cr.fetchone()[0]

    def import_rows(env):
        wizard = env["omiopi.referral.import.wizard"].create(
            {
                "file": base64.b64encode(
                    import_csv(args.import_rows, first=imported_before)
                ),
                "filename": "bench.csv",
                "referring_office_id": offices[0].id,
                "receiving_office_id": offices[1].id,
            }
        )
        wizard.action_import()

    def cron(method_path):
        model, method = method_path

        def run(env):
            # One call of the scheduled action: it processes a batch, the
            # scheduler commits and calls again while records remain. A
            # retention of 12 months makes the closed case files due.
            env["ir.config_parameter"].sudo().set_param(
                "omiopi_case.retention_months", 12
            )
            getattr(env[model], method)()

        return run

    once = [
        ("Export 100,000 case rows to XLSX (coordinator)", coord, export_rows),
        (
            f"Import {args.import_rows:,} referral rows (coordinator)",
            coord,
            import_rows,
        ),
        (
            "Scheduled: document expiry alerts, one batch",
            odoo.SUPERUSER_ID,
            cron(("res.partner.id_number", "_cron_omiopi_notify_expiry")),
        ),
        (
            "Scheduled: weekly referral follow-ups, one batch",
            odoo.SUPERUSER_ID,
            cron(("omiopi.referral", "_cron_weekly_followup")),
        ),
        (
            "Scheduled: retention (anonymisation), one batch of 1,000 persons",
            odoo.SUPERUSER_ID,
            cron(("res.partner", "_cron_omiopi_anonymise_expired")),
        ),
    ]
    for label, user_id, function in filter(lambda o: wanted(o[0]), once):
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        seconds, queries = timed(registry, user_id, function, 1)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
        results[label] = (seconds[0], seconds[0], queries, None)
        growth[label] = grown / 1024
        print(f"  {label}: {seconds[0]:.1f} s, {queries} queries", flush=True)

    sizes_text = ", ".join(f"{key} {value:,}" for key, value in counts.items())
    steps_text = ", ".join(
        f"{key} {value:.0f} s" for key, value in fill_timings.items() if value >= 1
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        f"Sizes: {sizes_text}; crm.lead baseline {counts['persons']:,} opportunities.",
        (
            f"Fill: {fill_seconds:.0f} s ({steps_text})."
            if fill_timings
            else "Fill: the data of an earlier run (--reuse)."
        ),
        (
            f"Machine: {platform.platform()}, {os.cpu_count()} CPU(s), "
            f"Python {platform.python_version()}, Odoo {odoo.release.version}; "
            f"peak memory of the benchmark process {peak:.0f} MB."
        ),
        "",
        (
            "| What (as whom) | median | worst | SQL queries | ratio to baseline "
            "| peak memory growth |"
        ),
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, (median, worst, queries, baseline) in results.items():
        ratio = f"{median / results[baseline][0]:.2f}x" if baseline else ""
        memory = f"{growth[label]:.0f} MB" if label in growth else ""
        lines.append(
            f"| {label} | {median * 1000:,.0f} ms | {worst * 1000:,.0f} ms "
            f"| {queries} | {ratio} | {memory} |"
        )
    table = "\n".join(lines)
    print()
    print(table)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
