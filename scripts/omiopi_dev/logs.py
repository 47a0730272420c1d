"""Reading Odoo's output: test results, errors, warnings; the tally of checks."""

import re
import shlex
import subprocess

from .console import say

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (?P<pid>\d+) (?P<level>[A-Z]+) "
    r"(?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
RESULT_LINE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests "
    r"when loading database"
)


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.lines = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        self.lines.append(
            f"{'PASS' if ok else 'FAIL'}  {name}{(': ' + detail) if detail else ''}"
        )

    def skip(self, name):
        self.skipped += 1
        self.lines.append(f"SKIP  {name}")


def stream_odoo(cmd, logfile):
    """Run Odoo, echo its log, keep a copy, and return (returncode, lines)."""
    lines = []
    with open(logfile, "w", encoding="utf-8") as out:
        say("$ " + " ".join(shlex.quote(str(c)) for c in cmd))
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        for line in proc.stdout:
            out.write(line)
            lines.append(line.rstrip("\n"))
            print(line, end="", flush=True)
        proc.wait()
    return proc.returncode, lines


# Warnings Odoo prints when it loads a model or a view that is not right:
# they point at our code when they name one of our add-ons.
DEFINITION_LOGGERS = (
    "odoo.fields",
    "odoo.models",
    "odoo.modules.loading",
    "odoo.modules.registry",
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_ui_view",
    "odoo.tools.translate",
)


def analyse_odoo_log(lines, tally):
    errors = []
    skipped = []
    results = []
    for line in lines:
        match = LOG_LINE.match(line)
        if not match:
            continue
        if match["level"] in ("ERROR", "CRITICAL") or (
            match["level"] == "WARNING"
            and match["logger"].startswith(DEFINITION_LOGGERS)
            and "omiopi" in match["msg"]
        ):
            errors.append(line)
        if match["level"] == "INFO" and match["msg"].startswith("skipped "):
            skipped.append(line)
        found = RESULT_LINE.search(match["msg"])
        if found:
            results.append(found)
    if not results:
        tally.check(
            "Odoo tests ran", False, "no test result line in the log (install failed?)"
        )
        return errors
    found = results[-1]
    failed, errored, ran = int(found["failed"]), int(found["errors"]), int(found["run"])
    # Errors in setUpClass are counted without a test being run: never below 0.
    tally.passed += max(ran - failed - errored - len(skipped), 0)
    tally.failed += failed + errored
    # A skipped test is not a passed test: a tour skips without Chromium.
    tally.skipped += len(skipped)
    tally.lines.append(
        f"{'PASS' if not (failed or errored or skipped) else 'FAIL'}  Odoo tests: "
        f"{ran} run, {failed} failed, {errored} error(s), {len(skipped)} skipped"
    )
    for line in skipped:
        tally.lines.append(f"      skipped: {line}")
    if ran == 0:
        tally.check("Odoo tests ran", False, "0 tests were run")
    return errors
