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
