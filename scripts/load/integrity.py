"""What the fault and scale-out runs check: nothing acknowledged is lost.

- The locustfile's journal (``OMIOPI_LOAD_JOURNAL``): every request with its
  time and error, and every write Odoo acknowledged: the id a creation
  returned (attentions, consents, referrals), a submission, a decision.
- Afterwards, in the database: every acknowledged id exists, every
  acknowledged submission and decision is in the referral's decision log;
  no referral's stage disagrees with its stage history and decision log.
- Concurrent decisions: several approvers of one referral confirm their
  decision at the same instant (threads released by a barrier): exactly one
  transition, the others told it was decided a moment ago.

Standard library only: it runs in dev.py's interpreter.
"""

import http.cookiejar
import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

WRITES = ("attention", "consent", "referral", "submitted", "decision")


class RpcError(Exception):
    """An Odoo error answer, or no answer."""

    def __init__(self, kind, message):
        super().__init__(f"{kind}: {message}")
        self.kind = kind


class Client:
    """A signed-in user over JSON-RPC, as the web client talks to Odoo."""

    def __init__(self, url, db, timeout=60):
        self.url = url
        self.db = db
        self.timeout = timeout
        self.context = {}
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def rpc(self, path, params, timeout=None):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}
        ).encode()
        request = urllib.request.Request(
            self.url + path, body, {"Content-Type": "application/json"}
        )
        try:
            with self.opener.open(request, timeout=timeout or self.timeout) as answer:
                data = json.loads(answer.read())
        except urllib.error.HTTPError as error:
            raise RpcError(f"HTTP {error.code}", error.reason) from None
        except (OSError, ValueError) as error:
            raise RpcError(type(error).__name__, str(error)[:200]) from None
        if "error" in data:
            info = data["error"].get("data") or {}
            kind = (info.get("name") or "error").rsplit(".", 1)[-1]
            raise RpcError(kind, (info.get("message") or "")[:300])
        return data.get("result")

    def login(self, login, password):
        info = self.rpc(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )
        self.context = dict(info.get("user_context") or {})
        self.uid = info["uid"]
        return self

    def call(self, model, method, *args, timeout=None, **kwargs):
        kwargs["context"] = {**self.context, **kwargs.get("context", {})}
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            timeout=timeout,
        )

    def button(self, model, method, record_id, context=None):
        return self.rpc(
            "/web/dataset/call_button",
            {
                "model": model,
                "method": method,
                "args": [[record_id]],
                "kwargs": {"context": {**self.context, **(context or {})}},
            },
        )


class Probe(threading.Thread):
    """Asks the service every half second for something that needs the
    database (a count of case files, as a signed-in coordinator): when it
    stopped answering and when it answered again."""

    def __init__(self, url, db, account, interval=0.5):
        super().__init__(daemon=True)
        self.client = Client(url, db, timeout=20)
        self.account = account
        self.interval = interval
        self.samples = []  # (sent, answered, ok, error)
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            sent = time.time()
            try:
                if not getattr(self.client, "uid", None):
                    self.client.login(self.account["login"], self.account["password"])
                self.client.call("omiopi.case", "search_count", [])
                ok, error = True, None
            except RpcError as failure:
                ok, error = False, str(failure)
                if failure.kind == "SessionExpiredException":
                    self.client.uid = None
            self.samples.append((sent, time.time(), ok, error))
            self.done.wait(max(0.0, self.interval - (time.time() - sent)))

    def stop(self):
        self.done.set()
        self.join(30)

    def recovery(self, since):
        """(seconds from `since` until the first success of a probe sent
        after it, failed probes sent after it until then)."""
        failed = 0
        for sent, answered, ok, _error in self.samples:
            if sent < since:
                continue
            if ok:
                return answered - since, failed
            failed += 1
        return None, failed


def read_journal(path):
    """{kind: [entries]} of the journal."""
    entries = {}
    path = Path(path)
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut by the end of the run
        entries.setdefault(entry["kind"], []).append(entry)
    return entries


def requests_between(journal, start, end):
    """(requests, failed requests, {error: count}) ended in [start, end)."""
    total, failed, errors = 0, 0, {}
    for entry in journal.get("request", []):
        if start <= entry["t"] < end:
            total += 1
            if entry.get("error"):
                failed += 1
                key = f"{entry['name']}: {' '.join(entry['error'].split())[:120]}"
                errors[key] = errors.get(key, 0) + 1
    return total, failed, errors


def _ids(entries, key="id"):
    return sorted({int(e[key]) for e in entries if e.get(key)})


def _sql_ids(ids):
    return "ARRAY[" + ",".join(str(int(i)) for i in ids) + "]::int[]" if ids else ""


def lost_writes(cluster, db, journal):
    """{kind: [what is missing]} of the acknowledged writes, and
    {kind: how many were acknowledged}."""
    tables = {
        "attention": "omiopi_attention",
        "consent": "omiopi_consent",
        "referral": "omiopi_referral",
    }
    lost, counts = {}, {}
    for kind, table in tables.items():
        ids = _ids(journal.get(kind, []))
        counts[kind] = len(ids)
        if not ids:
            continue
        found = {
            int(row[0])
            for row in cluster.rows(
                f"SELECT id FROM {table} WHERE id = ANY({_sql_ids(ids)})", db
            )
        }
        lost[kind] = [i for i in ids if i not in found]
    submitted = _ids(journal.get("submitted", []))
    counts["submitted"] = len(submitted)
    if submitted:
        found = {
            int(row[0])
            for row in cluster.rows(
                "SELECT r.id FROM omiopi_referral r WHERE r.date_submitted IS NOT "
                f"NULL AND r.id = ANY({_sql_ids(submitted)}) AND EXISTS (SELECT 1 "
                "FROM omiopi_referral_decision d WHERE d.referral_id = r.id AND "
                "d.decision = 'submitted')",
                db,
            )
        }
        lost["submitted"] = [i for i in submitted if i not in found]
    decisions = {
        (int(e["referral"]), int(e["uid"])) for e in journal.get("decision", [])
    }
    counts["decision"] = len(decisions)
    if decisions:
        found = {
            (int(r), int(u))
            for r, u in cluster.rows(
                "SELECT referral_id, user_id FROM omiopi_referral_decision "
                "WHERE decision = 'approved' AND referral_id = ANY("
                f"{_sql_ids([d[0] for d in decisions])})",
                db,
            )
        }
        lost["decision"] = sorted(decisions - found)
    return {kind: missing for kind, missing in lost.items() if missing}, counts


# Referrals handled by the application (the benchmark's fill writes
# referrals without a history): their stage, stage history and decision log.
CONSISTENCY = {
    "referrals whose stage is not their one open stage-history line": """
        SELECT r.id FROM omiopi_referral r
        WHERE EXISTS (SELECT 1 FROM omiopi_referral_stage_log l
                      WHERE l.referral_id = r.id)
          AND (SELECT array_agg(l.stage_id) FROM omiopi_referral_stage_log l
               WHERE l.referral_id = r.id AND l.date_end IS NULL)
              IS DISTINCT FROM ARRAY[r.stage_id]
    """,
    "referrals approved twice at one stay in a stage": """
        SELECT d.referral_id FROM omiopi_referral_decision d
        WHERE d.decision = 'approved'
        GROUP BY d.referral_id, d.stage_id
        HAVING count(*) > GREATEST(1, (
            SELECT count(*) FROM omiopi_referral_stage_log l
            WHERE l.referral_id = d.referral_id AND l.stage_id = d.stage_id))
    """,
    "referrals still in the stage their last decision approved": """
        SELECT r.id FROM omiopi_referral r
        JOIN LATERAL (SELECT d.decision, d.stage_id
                      FROM omiopi_referral_decision d WHERE d.referral_id = r.id
                      ORDER BY d.date DESC, d.id DESC LIMIT 1) last ON true
        WHERE last.decision = 'approved' AND last.stage_id = r.stage_id
    """,
    "referrals submitted (decision log) and still in draft": """
        SELECT r.id FROM omiopi_referral r
        JOIN omiopi_referral_stage s ON s.id = r.stage_id
        JOIN LATERAL (SELECT d.decision FROM omiopi_referral_decision d
                      WHERE d.referral_id = r.id
                      ORDER BY d.date DESC, d.id DESC LIMIT 1) last ON true
        WHERE last.decision = 'submitted' AND s.stage_type = 'draft'
    """,
}


def inconsistent_referrals(cluster, db):
    """{check: [referral ids]} of the referrals that fail a check, and the
    number of referrals with a history."""
    found = {}
    for label, sql in CONSISTENCY.items():
        ids = [int(row[0]) for row in cluster.rows(sql, db)]
        if ids:
            found[label] = ids
    handled = cluster.psql(
        "SELECT count(DISTINCT referral_id) FROM omiopi_referral_stage_log", db=db
    )
    return found, int(handled or 0)


def concurrent_decisions(cluster, db, url, accounts, rounds=3):
    """`rounds` times: a referral waiting for the coordinators' decision,
    each coordinator of `accounts` opening the decision dialog, then all
    confirming at the same instant. Returns one dict a round."""
    stage = cluster.rows(
        "SELECT id FROM omiopi_referral_stage WHERE stage_type = 'approval' "
        "AND approver_type = 'group' ORDER BY sequence, id LIMIT 1",
        db,
    )
    area = cluster.rows("SELECT id FROM omiopi_area ORDER BY id LIMIT 1", db)
    if not stage or not area or len(accounts) < 2:
        return []
    stage_id, area_id = int(stage[0][0]), int(area[0][0])
    clients = [Client(url, db).login(a["login"], a["password"]) for a in accounts]
    uids = ",".join(str(c.uid) for c in clients)
    waiting = [
        int(row[0])
        for row in cluster.rows(
            f"SELECT id FROM omiopi_referral WHERE stage_id = {stage_id} "
            f"AND user_id NOT IN ({uids}) AND create_uid NOT IN ({uids}) "
            f"ORDER BY id LIMIT {rounds}",
            db,
        )
    ]
    results = []
    for referral_id in waiting:
        since = cluster.psql("SELECT now() AT TIME ZONE 'UTC'", db=db)
        context = {"default_referral_id": referral_id, "default_decision": "approve"}
        wizards = []
        for client in clients:
            saved = client.call(
                "omiopi.referral.decision.wizard",
                "web_save",
                [],
                {
                    "referral_id": referral_id,
                    "decision": "approve",
                    "target_area_id": area_id,
                    "comment": "Concurrent decision (fault run)",
                },
                specification={},
                context=context,
            )
            wizards.append(saved[0]["id"])
        barrier = threading.Barrier(len(clients))
        outcomes = [None] * len(clients)
        threads = [
            threading.Thread(
                target=_confirm, args=(barrier, client, wizard, context, outcomes, i)
            )
            for i, (client, wizard) in enumerate(zip(clients, wizards, strict=True))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        decisions = cluster.psql(
            "SELECT count(*) FROM omiopi_referral_decision WHERE decision = "
            f"'approved' AND referral_id = {referral_id} AND stage_id = {stage_id}",
            db=db,
        )
        transitions = cluster.psql(
            "SELECT count(*) FROM omiopi_referral_stage_log WHERE referral_id = "
            f"{referral_id} AND date_start >= '{since}'::timestamp - interval '1 s'",
            db=db,
        )
        now_stage = cluster.psql(
            f"SELECT stage_id FROM omiopi_referral WHERE id = {referral_id}", db=db
        )
        succeeded = [o for o in outcomes if o and o[0] == "ok"]
        refused = [o for o in outcomes if o and o[0] != "ok"]
        results.append(
            {
                "referral": referral_id,
                "clients": len(clients),
                "succeeded": len(succeeded),
                "refused": [o[0] for o in refused],
                "slowest": max((o[1] for o in outcomes if o), default=0.0),
                "decisions": int(decisions or 0),
                "transitions": int(transitions or 0),
                "moved": int(now_stage or 0) != stage_id,
            }
        )
    return results


def _confirm(barrier, client, wizard_id, context, outcomes, index):
    """One approver confirming the decision dialog, once all are ready."""
    barrier.wait()
    started = time.time()
    try:
        client.button(
            "omiopi.referral.decision.wizard", "action_confirm", wizard_id, context
        )
        outcomes[index] = ("ok", time.time() - started)
    except RpcError as error:
        outcomes[index] = (str(error)[:160], time.time() - started)


def concurrency_verdict(result):
    return (
        result["succeeded"] == 1
        and result["decisions"] == 1
        and result["transitions"] == 1
        and result["moved"]
        and len(result["refused"]) == result["clients"] - 1
    )
