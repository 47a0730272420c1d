"""Load test of the omiopi suite: the offices' staff at work at the same time.

Run by ``make load`` (scripts/dev.py load), which prepares the benchmark's
database, serves Odoo in prefork mode and starts Locust with this file. Each
simulated user signs in through ``/web/session/authenticate`` with an account
of its role, then does what the web client does for that role (the menus'
actions, their views' own field specifications, the forms' buttons), with a
think time between two actions.

Environment:

- ``OMIOPI_LOAD_USERS``: a JSON file ``{"db": ..., "users": [{"login",
  "password", "role"}, ...]}`` (written by scripts/load/prepare.py);
- ``OMIOPI_LOAD_THINK``: the mean think time in seconds (default 5: between
  0.6 and 1.4 times it);
- ``OMIOPI_LOAD_SMOKE=1``: each user first does each of its actions once,
  in order (the test command's short run: a broken action fails it);
- ``OMIOPI_LOAD_JOURNAL``: a file where every request (its time, name and
  error) and every write Odoo acknowledged (the id a creation returned, a
  decision confirmed) are appended, one JSON object a line: the fault and
  scale-out runs (scripts/load/faults.py) check afterwards that none was
  lost.
"""

import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

# found through the line above
from odoo_client import OdooClient, RpcFailure

THINK = float(os.environ.get("OMIOPI_LOAD_THINK", "5"))
SMOKE = os.environ.get("OMIOPI_LOAD_SMOKE") == "1"

CASES = "omiopi_case.omiopi_case_action"
MY_CASES = "omiopi_case.omiopi_case_action_home"
PERSONS = "omiopi_case.res_partner_action_omiopi"
ATTENTIONS = "omiopi_case.omiopi_attention_action"
ACTIVITY_REPORT = "omiopi_case.omiopi_activity_report_action"
REFERRALS = "omiopi_referral.omiopi_referral_action"
TO_DECIDE = "omiopi_referral.omiopi_referral_action_decisions"
PROGRAMME_REPORT = "omiopi_referral.omiopi_referral_report_wizard_action"
PROSPECTION = "omiopi_employer.omiopi_prospection_action"
JOB_OFFERS = "omiopi_employer.omiopi_job_offer_action"
NIE_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _open_journal():
    path = os.environ.get("OMIOPI_LOAD_JOURNAL")
    # Open for the whole run, one line written at a time.
    return open(path, "a", buffering=1, encoding="utf-8") if path else None


JOURNAL = _open_journal()


def journal(kind, **data):
    """One line of the journal (OMIOPI_LOAD_JOURNAL), if one is kept."""
    if JOURNAL:
        JOURNAL.write(json.dumps({"t": time.time(), "kind": kind, **data}) + "\n")


if JOURNAL:

    @events.request.add_listener
    def journal_request(name, response_time, exception=None, start_time=None, **_kw):
        journal(
            "request",
            name=name,
            start=start_time,
            ms=round(response_time or 0),
            error=str(exception)[:300] if exception else None,
        )


def _accounts():
    path = os.environ.get("OMIOPI_LOAD_USERS")
    if not path:
        return "", {}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    pools = {}
    for account in data["users"]:
        pools.setdefault(account["role"], []).append(account)
    for accounts in pools.values():
        random.shuffle(accounts)
    return data["db"], {role: itertools.cycle(a) for role, a in pools.items()}


DB, ACCOUNTS = _accounts()


def bench_nie(partner_id):
    """The NIE the benchmark's fill gives a person (scripts/bench.py)."""
    digits = f"{partner_id % 10_000_000:07d}"
    return f"X{digits}{NIE_LETTERS[int(digits) % 23]}"


def m2o_id(value):
    """A many2one as web_read answers it ({id, display_name}) or False."""
    return value["id"] if isinstance(value, dict) else value or False


class OfficeUser(HttpUser):
    """A member of staff: signs in once, then works."""

    abstract = True
    role = None
    wait_time = between(0.6 * THINK, 1.4 * THINK)

    def on_start(self):
        self.odoo = OdooClient(self.client, DB)
        self.account = next(ACCOUNTS[self.role])
        self.cases = []  # (case id, person id, person name) of the last list
        self.areas = []
        self.odoo.login(self.account["login"], self.account["password"])
        if SMOKE:
            for action in self.smoke_order():
                try:
                    action(self)
                except RpcFailure:
                    pass  # counted as a failure: the smoke run fails

    def smoke_order(self):
        """Every action of the user once (for the smoke run)."""
        return [function for function in self.tasks_in_order]

    # ------------------------------------------------------------------
    # Shared steps
    # ------------------------------------------------------------------

    def area_ids(self):
        if not self.areas:
            records = self.odoo.call(
                "omiopi.area",
                "web_search_read",
                name="areas (many2one dropdown)",
                domain=[],
                specification={"display_name": {}},
                limit=8,
            )["records"]
            self.areas = [record["id"] for record in records]
        return self.areas

    def remember_cases(self, records):
        cases = [
            (r["id"], m2o_id(r.get("partner_id")), _name(r.get("partner_id")))
            for r in records
            if r.get("partner_id")
        ]
        if cases:
            self.cases = cases

    def a_case(self):
        if not self.cases:
            screen = self.odoo.screen(MY_CASES, "case files: mine")
            self.remember_cases(screen.list_page("case files: mine")["records"])
        if not self.cases:
            # none of their own: those of their offices (a coordinator's: all)
            screen = self.odoo.screen(CASES, "case files")
            domain = screen.filters("open")
            if self.role != "coordinator":
                domain += screen.filters("my_offices")
            self.remember_cases(screen.list_page("case files: list", domain)["records"])
        if not self.cases:
            raise RpcFailure("no case file to work on")
        return random.choice(self.cases)

    def decide_waiting(self, name):
        """Open the referrals waiting for the user's decision, open one and
        approve it through the decision dialog."""
        screen = self.odoo.screen(TO_DECIDE, "referrals to decide")
        records = screen.list_page(f"{name}: list", limit=80)["records"]
        if not records:
            return
        referral_id = random.choice(records)["id"]
        self.approve(referral_id, name)

    def approve(self, referral_id, name):
        referrals = self.odoo.screen(REFERRALS, "referrals")
        referral = referrals.form("referral: open", referral_id)
        if not referral.get("can_decide", True):
            return  # decided by someone else a moment ago: nothing to do
        action = referrals.button(
            "referral: decision dialog",
            "action_open_decision",
            referral_id,
            {"omiopi_decision": "approve"},
        )
        dialog = self.odoo.dialog("omiopi.referral.decision.wizard", "decision")
        context = action.get("context") or {}
        values = dialog.new("decision: form", context=context)
        save = {"referral_id": referral_id, "decision": "approve"}
        if values.get("ask_target_area"):
            save["target_area_id"] = m2o_id(values.get("target_area_id")) or (
                random.choice(self.area_ids())
            )
        save["comment"] = "Load test"
        wizard = dialog.save("decision: save", save, context=context)
        # Several approvers share a queue (a receiving office's technicians
        # and its section head, the coordinators): the one who confirms
        # second is told that the referral was decided a moment ago.
        confirmed = dialog.button(
            f"{name}: approve",
            "action_confirm",
            wizard["id"],
            context,
            lost_race=lambda kind: kind == "UserError",
        )
        if confirmed is not None:
            journal(
                "decision",
                referral=referral_id,
                uid=self.odoo.uid,
                stage=m2o_id(referral.get("stage_id")),
            )

    def programme_report(self):
        dialog = self.odoo.screen(PROGRAMME_REPORT, "programme report")
        dialog.new("programme report: open")

    def activity_report(self):
        screen = self.odoo.screen(ACTIVITY_REPORT, "activity report")
        values = screen.new("activity report: form")
        report = screen.save(
            "activity report: save",
            {"date_from": values["date_from"], "date_to": values["date_to"]},
        )
        screen.button("activity report: compute", "action_compute", report["id"])
        screen.form("activity report: read", report["id"])

    def search_case_by_name(self):
        _case, _person, name = self.a_case()
        screen = self.odoo.screen(CASES, "case files")
        text = " ".join(name.split()[:2])
        screen.list_page("case files: search by name", screen.box(text))

    def search_person_by_nie(self):
        _case, person_id, _name = self.a_case()
        screen = self.odoo.screen(PERSONS, "persons")
        screen.list_page("persons: search by NIE", screen.box(bench_nie(person_id)))


def _name(value):
    return value.get("display_name") or "" if isinstance(value, dict) else ""


class Technician(OfficeUser):
    """Case work: lists, searches, case files, persons, attentions,
    referrals, and the acceptance of what other offices refer to theirs."""

    role = "technician"
    weight = 1 if SMOKE else 6  # one of each role in the smoke run

    @task(4)
    def my_case_files(self):
        screen = self.odoo.screen(MY_CASES, "case files: mine")
        self.remember_cases(screen.list_page("case files: mine")["records"])

    @task(1)
    def case_kanban(self):
        screen = self.odoo.screen(CASES, "case files")
        screen.kanban("case files: kanban by state", "state")

    @task(2)
    def search_by_name(self):
        self.search_case_by_name()

    @task(2)
    def search_by_nie(self):
        self.search_person_by_nie()

    @task(3)
    def open_case_file(self):
        case_id, _person, _name = self.a_case()
        self.odoo.screen(CASES, "case files").form("case file: open", case_id)

    @task(2)
    def open_person(self):
        _case, person_id, _name = self.a_case()
        self.odoo.screen(PERSONS, "persons").form("person: open", person_id)

    @task(3)
    def log_attention(self):
        case_id, _person, _name = self.a_case()
        screen = self.odoo.screen(ATTENTIONS, "attentions")
        context = {"default_case_id": case_id}
        values = screen.new("attention: new", context=context)
        saved = screen.save(
            "attention: save",
            {
                "case_id": case_id,
                "date": values.get("date"),
                "area_id": random.choice(self.area_ids()),
                "channel": random.choice(["in_person", "phone", "online"]),
                "duration": 0.5,
                "summary": "Load test attention",
            },
            context=context,
        )
        journal("attention", id=saved["id"])

    @task(1)
    def refer_a_person(self):
        case_id, person_id, _name = self.a_case()
        case = self.odoo.screen(CASES, "case files").form("case file: open", case_id)
        office = m2o_id(case.get("office_id"))
        self.ensure_consent(person_id)
        receiving, reason = self.receiving_office_and_reason(office)
        if not receiving:
            return
        screen = self.odoo.screen(REFERRALS, "referrals")
        context = {"default_case_id": case_id, "default_partner_id": person_id}
        screen.new("referral: new", context=context)
        referral = screen.save(
            "referral: save",
            {
                "partner_id": person_id,
                "case_id": case_id,
                "receiving_office_id": receiving,
                "reason_ids": [[4, reason]] if reason else [],
                "observations": "Load test referral",
            },
            context=context,
        )
        journal("referral", id=referral["id"])
        screen.button("referral: submit", "action_submit", referral["id"])
        journal("submitted", id=referral["id"])

    @task(1)
    def accept_referrals(self):
        self.decide_waiting("referral: accept")

    tasks_in_order = [
        my_case_files,
        case_kanban,
        search_by_name,
        search_by_nie,
        open_case_file,
        open_person,
        log_attention,
        refer_a_person,
        accept_referrals,
    ]

    def ensure_consent(self, person_id):
        """The person's data-sharing consent, recorded if missing (the
        submission asks for it)."""
        found = self.odoo.call(
            "omiopi.consent",
            "web_search_read",
            name="person: consents",
            domain=[("partner_id", "=", person_id), ("state", "=", "given")],
            specification={"scope": {}, "office_ids": {}},
            limit=5,
        )["records"]
        if any(not c["office_ids"] and c["scope"] == "network" for c in found):
            return
        dialog = self.odoo.dialog("omiopi.consent", "consent")
        consent = dialog.save(
            "consent: save",
            {"partner_id": person_id, "scope": "network"},
            context={"default_partner_id": person_id},
        )
        journal("consent", id=consent["id"])

    def receiving_office_and_reason(self, office_id):
        """Another office of the other kind (agency or OMIOPI office), and
        an enabling situation for that direction, as the form's dropdowns
        offer them."""
        offices = self.odoo.call(
            "omiopi.office",
            "web_search_read",
            name="referral: offices dropdown",
            domain=[],
            specification={"display_name": {}, "office_type": {}},
            limit=80,
        )["records"]
        kinds = {o["id"]: o["office_type"] for o in offices}
        mine = kinds.get(office_id)
        others = [
            o for o, kind in kinds.items() if o != office_id and kind and kind != mine
        ] or [o for o in kinds if o != office_id]
        if not others:
            return False, False
        receiving = random.choice(others)
        direction = {
            ("ae_agency", "omiopi"): "ae_to_omiopi",
            ("omiopi", "ae_agency"): "omiopi_to_ae",
        }.get((mine, kinds[receiving]), "other")
        reasons = self.odoo.call(
            "omiopi.referral.reason",
            "web_search_read",
            name="referral: reasons dropdown",
            domain=[("direction", "in", [direction, "any"])],
            specification={"display_name": {}},
            limit=8,
        )["records"]
        return receiving, (random.choice(reasons)["id"] if reasons else False)


class SectionHead(OfficeUser):
    """Validates the office's referrals, follows its case files, reads the
    reports."""

    role = "section_head"
    weight = 1

    @task(4)
    def decide(self):
        self.decide_waiting("referral: validate")

    @task(2)
    def office_case_files(self):
        screen = self.odoo.screen(CASES, "case files")
        domain = screen.filters("open", "my_offices")
        self.remember_cases(screen.list_page("case files: list", domain)["records"])

    @task(1)
    def search_by_name(self):
        self.search_case_by_name()

    @task(1)
    def programme(self):
        self.programme_report()

    @task(1)
    def activity(self):
        self.activity_report()

    tasks_in_order = [office_case_files, search_by_name, decide, programme, activity]


class Coordinator(OfficeUser):
    """Decides referrals and their target area, follows the pipeline, reads
    the reports."""

    role = "coordinator"
    weight = 1

    @task(4)
    def decide(self):
        self.decide_waiting("referral: coordinator decision")

    @task(2)
    def referral_kanban(self):
        screen = self.odoo.screen(REFERRALS, "referrals")
        screen.kanban("referrals: kanban by stage", "stage_id")

    @task(1)
    def search_by_nie(self):
        self.search_person_by_nie()

    @task(1)
    def programme(self):
        self.programme_report()

    @task(1)
    def activity(self):
        self.activity_report()

    tasks_in_order = [referral_kanban, search_by_nie, decide, programme, activity]


class Prospector(OfficeUser):
    """Works the pipeline of companies and their job offers."""

    role = "prospector"
    weight = 1

    @task(3)
    def pipeline(self):
        screen = self.odoo.screen(PROSPECTION, "prospection")
        self.leads = screen.kanban("prospection: kanban by stage", "stage_id")

    @task(2)
    def open_company(self):
        leads = getattr(self, "leads", None) or []
        if not leads:
            self.pipeline()
            leads = self.leads
        if leads:
            screen = self.odoo.screen(PROSPECTION, "prospection")
            screen.form("prospection: open", random.choice(leads)["id"])

    @task(1)
    def job_offers(self):
        screen = self.odoo.screen(JOB_OFFERS, "job offers")
        screen.list_page("job offers: list")

    tasks_in_order = [pipeline, open_company, job_offers]
