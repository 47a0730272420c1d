"""The test command's reading of Odoo's log: a skip or an error is never a pass."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from omiopi_dev.load import toolbox

dev = toolbox()  # the commands' functions, as scripts/load/*.py see them

PREFIX = "2026-11-24 10:00:00,000 1234"
START = f"{PREFIX} INFO db odoo.modules.loading: loading 1 modules..."


def analyse(*lines):
    tally = dev.Tally()
    errors = dev.analyse_odoo_log([START, *lines], tally)
    return tally, errors


def test_all_passed():
    tally, errors = analyse(
        f"{PREFIX} INFO db odoo.tests.result: 0 failed, 0 error(s) of 12 tests "
        "when loading database 'db'"
    )
    assert (tally.passed, tally.failed, tally.skipped) == (12, 0, 0)
    assert not errors


def test_skipped_tour_is_not_passed():
    tally, _errors = analyse(
        f"{PREFIX} WARNING db odoo.addons.omiopi_case.tests.test_tour: "
        "websocket-client module is not installed",
        f"{PREFIX} INFO db odoo.addons.omiopi_case.tests.test_tour: skipped "
        "test_tour (TestTour.test_tour) : websocket-client module is not installed",
        f"{PREFIX} INFO db odoo.tests.result: 0 failed, 0 error(s) of 3 tests "
        "when loading database 'db'",
    )
    assert (tally.passed, tally.failed, tally.skipped) == (2, 0, 1)


def test_failures_and_errors_count_as_failed():
    tally, errors = analyse(
        f"{PREFIX} ERROR db odoo.addons.omiopi_case.tests.test_x: FAIL: test_a",
        f"{PREFIX} ERROR db odoo.tests.result: 1 failed, 2 error(s) of 10 tests "
        "when loading database 'db'",
    )
    assert (tally.passed, tally.failed) == (7, 3)
    assert len(errors) == 2


def test_no_result_line_is_a_failure():
    tally, _errors = analyse(
        f"{PREFIX} CRITICAL db odoo.service.server: Failed to initialize database"
    )
    assert tally.failed == 1 and tally.passed == 0


def test_closing_line_without_odoo_says_so():
    assert "NOT run" in dev.no_odoo_sentence()


def test_a_definition_warning_about_our_code_fails():
    _tally, errors = analyse(
        f"{PREFIX} WARNING db odoo.fields: omiopi.referral.stage_type: selection "
        "attribute will be ignored as the field is related",
        f"{PREFIX} WARNING db odoo.addons.mail.models.mail_thread: something else",
        f"{PREFIX} INFO db odoo.tests.result: 0 failed, 0 error(s) of 1 tests "
        "when loading database 'db'",
    )
    assert len(errors) == 1
