from odoo.tools import mute_logger


class OmiopiHttpMixin:
    """For HttpCase tests: a URL refused to one logged-in user and served to
    another (test users' passwords are their logins)."""

    def _get(self, url):
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            return self.url_open(url)

    def assert_url_refused_then_served(self, url, refused, served, starts=None):
        """Return the refused response, for further checks of its content."""
        self.authenticate(refused, refused)
        refused_response = self._get(url)
        self.assertNotEqual(refused_response.status_code, 200, f"{url} for {refused}")
        if starts:
            self.assertFalse(refused_response.content.startswith(starts))
        self.authenticate(served, served)
        response = self._get(url)
        self.assertEqual(response.status_code, 200, f"{url} for {served}")
        if starts:
            self.assertTrue(response.content.startswith(starts))
        return refused_response


class DemoRpcMixin:
    """JSON-RPC calls as the web client makes them (/web/dataset/call_kw),
    logged in as the demo users (their password is their login). A refusal
    is an AccessError in the JSON-RPC answer, never "anything but 200"."""

    def rpc(self, login, model, method, *args, **kwargs):
        if getattr(self, "_rpc_login", None) != login:
            self.authenticate(login, login)
            self._rpc_login = login
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assert_rpc_error(self, error, login, model, method, *args, **kwargs):
        """The call is answered with `error` (a Python exception class)."""
        from odoo.tests.common import JsonRpcException

        with self.assertRaises(JsonRpcException) as raised:
            self.rpc(login, model, method, *args, **kwargs)
        name = f"{error.__module__}.{error.__name__}"
        self.assertEqual(raised.exception.args[0], name, raised.exception)
        return raised.exception

    def assert_rpc_refused(self, login, model, method, *args, **kwargs):
        from odoo.exceptions import AccessError

        return self.assert_rpc_error(AccessError, login, model, method, *args, **kwargs)

    def demo_user(self, login):
        return self.env["res.users"].search([("login", "=", login)])

    def unreadable_by(self, login, model, domain):
        """A record of `model` matching `domain` that `login` may not read."""
        user = self.demo_user(login)
        records = self.env[model].search(domain)
        hidden = records - records.with_user(user)._filtered_access("read")
        self.assertTrue(hidden, f"the demo has no {model} hidden from {login}")
        return hidden[0]

    def readable_by(self, login, model, domain, operation="read"):
        user = self.demo_user(login)
        records = self.env[model].search(domain)
        allowed = records.with_user(user)._filtered_access(operation)
        self.assertTrue(allowed, f"the demo has no {model} {login} may {operation}")
        return allowed[0]
