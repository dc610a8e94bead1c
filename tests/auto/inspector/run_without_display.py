#!/usr/bin/env python3
# Runs a program with no display at all (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset) and
# checks that it exits 0 and prints something matching a pattern.
# usage: run_without_display.py PATTERN PROGRAM [ARG ...]
import os
import re
import subprocess
import sys

pattern, *command = sys.argv[1:]
env = {k: v for k, v in os.environ.items()
       if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
out = result.stdout + result.stderr
if result.returncode != 0:
    sys.exit(f"exit code {result.returncode}, output:\n{out}")
if not re.search(pattern, out):
    sys.exit(f"output does not match {pattern!r}:\n{out}")
print(out)
