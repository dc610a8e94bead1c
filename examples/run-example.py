#!/usr/bin/env python3
# Starts ari-sim on a free port, runs one example against it and returns the example's exit code.
# usage: run-example.py ARI_SIM EXAMPLE [--app NAME] [--sim-arg ARG ...] [--example-arg ARG ...]
import argparse
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("sim")
parser.add_argument("example")
parser.add_argument("--app", default="example")
parser.add_argument("--sim-arg", action="append", default=[])
parser.add_argument("--example-arg", action="append", default=[])
args = parser.parse_args()

sim = subprocess.Popen([args.sim, "--port", "0", "--quiet", *args.sim_arg],
                       stdout=subprocess.PIPE, text=True)
try:
    url = None
    for line in sim.stdout:
        if line.startswith("ari-sim listening on "):
            url = line.split()[-1]
            break
    if not url:
        print("run-example: ari-sim did not start", file=sys.stderr)
        sys.exit(2)
    try:
        result = subprocess.run([args.example, "--url", url, "--user", "asterisk",
                                 "--password", "asterisk", "--app", args.app, *args.example_arg],
                                timeout=60)
        code = result.returncode
    except subprocess.TimeoutExpired:
        print("run-example: the example did not exit", file=sys.stderr)
        code = 1
finally:
    sim.terminate()
    try:
        sim.wait(timeout=10)
    except subprocess.TimeoutExpired:
        sim.kill()
sys.exit(code)
