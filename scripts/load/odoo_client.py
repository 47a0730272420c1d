"""The requests Odoo's web client sends, over a Locust HTTP session.

Every request is recorded under a name that says what the user did ("case
files list", "referral submit"...). An answer that is not HTTP 200 with a
JSON-RPC ``result`` (an Odoo ``error``: access error, validation error,
concurrency failure that outlived Odoo's retries...) is a failure, counted
in Locust's statistics with Odoo's message, and ends the user's current task
(the user thinks, then does something else).
"""

import itertools
import sys
from pathlib import Path

from locust.exception import RescheduleTask

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# found through the line above
from webclient_views import (
    eval_domain,
    search_box_domain,
    search_filter_domain,
    spec_from_arch,
)


class RpcFailure(RescheduleTask):
    """An Odoo request failed: already counted, the task stops here."""


class OdooClient:
    """One signed-in user of the web client: its session cookie (kept by
    Locust's HTTP session), its context, and the views it has loaded."""

    def __init__(self, http, db):
        self.http = http
        self.db = db
        self.uid = None
        self.context = {}
        self.views = {}  # (model, action key) -> get_views' answer
        self._ids = itertools.count(1)

    # ------------------------------------------------------------------
    # Transport
    # ------------------------------------------------------------------

    def rpc(self, url, params, name, lost_race=None):
        """A JSON-RPC call. `lost_race(kind)` says whether an Odoo error
        of that kind means that another user acted first on the same record
        (two approvers deciding one referral): such an answer is recorded
        apart, as "<name> (lost race)", not as a failure, and gives None."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": params,
            "id": next(self._ids),
        }
        with self.http.post(
            url, json=payload, name=name, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                raise RpcFailure(name)
            try:
                answer = response.json()
            except ValueError:
                response.failure("the answer is not JSON")
                raise RpcFailure(name) from None
            if "error" in answer:
                error = answer["error"]
                data = error.get("data") or {}
                kind = (data.get("name") or "error").rsplit(".", 1)[-1]
                message = (data.get("message") or error.get("message") or "")[:200]
                if lost_race and lost_race(kind):
                    response.request_meta["name"] = f"{name} (lost race)"
                    response.success()
                    return None
                response.failure(f"{kind}: {message}")
                raise RpcFailure(name)
            response.success()
            return answer.get("result")

    def call(self, model, method, args=(), name=None, **kwargs):
        """``/web/dataset/call_kw``, as the web client calls the ORM."""
        kwargs["context"] = {**self.context, **kwargs.get("context", {})}
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name or f"{model}.{method}",
        )

    def button(self, model, method, record_id, name, context=None, lost_race=None):
        """A button of a form (``type="object"``)."""
        return self.rpc(
            "/web/dataset/call_button",
            {
                "model": model,
                "method": method,
                "args": [[record_id]],
                "kwargs": {"context": {**self.context, **(context or {})}},
            },
            name,
            lost_race=lost_race,
        )

    # ------------------------------------------------------------------
    # Signing in
    # ------------------------------------------------------------------

    def login(self, login, password):
        info = self.rpc(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
            "login",
        )
        if not info or not info.get("uid"):
            raise RpcFailure("login")
        self.uid = info["uid"]
        self.context = dict(info.get("user_context") or {})
        self.views = {}
        menus = (info.get("cache_hashes") or {}).get("load_menus") or "menus"
        with self.http.get(
            f"/web/webclient/load_menus/{menus}",
            name="login: menus",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                raise RpcFailure("login: menus")
        return info

    # ------------------------------------------------------------------
    # Screens: an action and its views, loaded once per session as the
    # web client caches them
    # ------------------------------------------------------------------

    def screen(self, action, name):
        """Open a menu's action (an XML id): its views and search view, and
        the domain the screen opens with (the action's domain and the
        filters its context selects by default)."""
        if action not in self.views:
            loaded = self.rpc(
                "/web/action/load",
                {"action_id": action, "context": self.context},
                f"{name}: action",
            )
            model = loaded["res_model"]
            views = [[view_id or False, kind] for view_id, kind in loaded["views"]]
            search = loaded.get("search_view_id")
            views.append([search[0] if search else False, "search"])
            answer = self.call(
                model,
                "get_views",
                name=f"{name}: views",
                views=views,
                options={
                    "action_id": loaded["id"],
                    "load_filters": True,
                    "toolbar": True,
                },
            )
            self.views[action] = Screen(self, model, loaded, answer)
        return self.views[action]

    def dialog(self, model, name):
        """The form of a model opened in a dialog (a wizard), no action."""
        key = ("dialog", model)
        if key not in self.views:
            answer = self.call(
                model,
                "get_views",
                name=f"{name}: views",
                views=[[False, "form"]],
                options={"load_filters": False, "toolbar": False},
            )
            self.views[key] = Screen(self, model, {}, answer)
        return self.views[key]


class Screen:
    """An opened action: what its list, kanban and form views ask for."""

    def __init__(self, client, model, action, answer):
        self.client = client
        self.model = model
        self.arch = {kind: view["arch"] for kind, view in answer["views"].items()}
        fields = answer["models"][model]["fields"]
        self.types = {field: info["type"] for field, info in fields.items()}
        self.context = _literal(action.get("context"), {}, client.uid)
        self.action_domain = _literal(action.get("domain"), [], client.uid)
        self.domain = self.action_domain
        for key, value in self.context.items():
            if key.startswith("search_default_") and value and "search" in self.arch:
                self.domain = self.domain + search_filter_domain(
                    self.arch["search"], key.removeprefix("search_default_"), client.uid
                )
        self.specs = {}

    def spec(self, kind):
        if kind not in self.specs:
            self.specs[kind] = spec_from_arch(self.arch[kind], self.types)
        return self.specs[kind]

    def call(self, method, args=(), name=None, **kwargs):
        context = {**self.context, **kwargs.pop("context", {})}
        return self.client.call(
            self.model, method, args, name, context=context, **kwargs
        )

    def box(self, text, domain=None):
        """The domain after typing `text` in the search box (in place of
        the default filters when `domain` is given)."""
        base = self.domain if domain is None else domain
        return base + search_box_domain(self.arch["search"], text)

    def filters(self, *names):
        """The action's domain with these filters of the search view."""
        domain = list(self.action_domain)
        for name in names:
            domain += search_filter_domain(self.arch["search"], name, self.client.uid)
        return domain

    def list_page(self, name, domain=None, limit=80, order=""):
        return self.call(
            "web_search_read",
            name=name,
            domain=self.domain if domain is None else domain,
            specification=self.spec("list"),
            offset=0,
            limit=limit,
            order=order,
            count_limit=10001,
        )

    def kanban(self, name, groupby, domain=None, limit=40):
        """A kanban grouped by `groupby`: the columns, then the first cards
        of each unfolded column (at most 10), as the client loads them."""
        groups = self.call(
            "web_read_group",
            name=f"{name}: columns",
            domain=self.domain if domain is None else domain,
            fields=[],
            groupby=[groupby],
            lazy=True,
        )["groups"]
        cards = []
        for group in groups[:10]:
            if group.get("__fold"):
                continue
            cards += self.call(
                "web_search_read",
                name=f"{name}: cards",
                domain=group["__domain"],
                specification=self.spec("kanban"),
                offset=0,
                limit=limit,
            )["records"]
        return cards

    def form(self, name, record_id):
        return self.call(
            "web_read", [[record_id]], name=name, specification=self.spec("form")
        )[0]

    def new(self, name, context=None):
        """A new record's form: its defaults and computed values."""
        return self.call(
            "onchange",
            [[], {}, [], self.spec("form")],
            name=name,
            context=context or {},
        )["value"]

    def save(self, name, values, record_id=None, context=None):
        """Saving the form: ``web_save`` creates or writes, then reads it."""
        return self.call(
            "web_save",
            [[record_id] if record_id else [], values],
            name=name,
            specification=self.spec("form"),
            context=context or {},
        )[0]

    def button(self, name, method, record_id, context=None, lost_race=None):
        return self.client.button(
            self.model,
            method,
            record_id,
            name,
            {**self.context, **(context or {})},
            lost_race=lost_race,
        )


def _literal(text, default, uid):
    """An action's domain or context (Python text), or `default`."""
    if not text:
        return default
    if not isinstance(text, str):
        return text
    try:
        return eval_domain(text, uid=uid)
    except (ValueError, SyntaxError):
        return default
