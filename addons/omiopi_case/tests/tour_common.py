import base64
import os
import re
from pathlib import Path

from odoo.tests import HttpCase

# A tour step that logs "omiopi-guide:<name>" asks for a screenshot of the
# page, saved as <name>.png in $OMIOPI_GUIDE_DIR (`make guide` sets it for
# docs/guide/img): the user guide shows what the tours see.
GUIDE_MARK = "omiopi-guide:"
GUIDE_NAME = re.compile(r"^[a-z0-9-]+$")


class OmiopiTourCase(HttpCase):
    """Tours of the role journeys, on the demo data, as the demo users (their
    password is their login), in Spanish."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("es_ES")
        modules = cls.env["ir.module.module"].search(
            [("name", "=like", "omiopi_%"), ("state", "=", "installed")]
        )
        modules._update_translations(filter_lang=["es_ES"])

    def authenticate(self, user, password, browser=None):
        session = super().authenticate(user, password, browser=browser)
        if browser is not None:
            _watch_for_guide_screenshots(browser)
        return session

    def run_journey(self, tour, login, url="/odoo"):
        """Run `tour` as the demo user `login`, from where they land."""
        self.start_tour(url, tour, login=login, timeout=180)


def _watch_for_guide_screenshots(browser):
    folder = os.environ.get("OMIOPI_GUIDE_DIR")
    handle_console = browser._handlers["Runtime.consoleAPICalled"]

    def handle(**event):
        args = event.get("args")
        message = args and browser._from_remoteobject(args[0])
        if folder and isinstance(message, str) and message.startswith(GUIDE_MARK):
            name = message[len(GUIDE_MARK) :].strip()
            if GUIDE_NAME.match(name):
                _save_screenshot(browser, Path(folder) / f"{name}.png")
        return handle_console(**event)

    browser._handlers["Runtime.consoleAPICalled"] = handle


def _save_screenshot(browser, path):
    def write(future):
        data = (future.result(timeout=0) or {}).get("data")
        if data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(data))

    future = browser._websocket_send("Page.captureScreenshot", with_future=True)
    if future is not None:
        future.add_done_callback(write)
