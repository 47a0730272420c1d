"""Printing, failing and running commands."""

import os
import shlex
import subprocess
import sys


def say(message=""):
    print(message, flush=True)


def fail(message, code=1):
    say(f"ERROR: {message}")
    sys.exit(code)


def run(cmd, check=True, **kwargs):
    say("$ " + " ".join(shlex.quote(str(c)) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=check, **kwargs)


def is_root():
    return hasattr(os, "geteuid") and os.geteuid() == 0
