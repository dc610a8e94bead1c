#!/usr/bin/env python3
# Starts the outbound example on a free port, then ari-sim dialling it (--outbound) with scripted
# calls, and returns the example's exit code.
# usage: run-outbound.py ARI_SIM EXAMPLE --mode persistent|per-call [--calls N]
import argparse
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("sim")
parser.add_argument("example")
parser.add_argument("--mode", default="persistent")
parser.add_argument("--calls", default="4")
args = parser.parse_args()

example = subprocess.Popen([args.example, "--listen", "127.0.0.1", "--port", "0", "--user", "ws-user",
                            "--password", "ws-pass", "--app", "example-outbound", "--calls", args.calls,
                            "--timeout", "60"], stdout=subprocess.PIPE, text=True)
sim = None
code = 1
try:
    url = None
    for line in example.stdout:
        sys.stdout.write(line)
        if line.startswith("listening on "):
            url = line.split()[-1]
            break
    if not url:
        print("run-outbound: the example did not start", file=sys.stderr)
        sys.exit(2)
    target = url.replace("ws://", "ws://ws-user:ws-pass@")
    sim = subprocess.Popen([args.sim, "--port", "0", "--quiet", "--outbound", target,
                            "--outbound-mode", args.mode, "--outbound-app", "example-outbound",
                            "--traffic", "calls=4/s,duration=30s,dtmf=0,bridge=0,play=0,app=example-outbound"],
                           stdout=subprocess.DEVNULL)
    for line in example.stdout:
        sys.stdout.write(line)
    code = example.wait(timeout=70)
except subprocess.TimeoutExpired:
    print("run-outbound: the example did not exit", file=sys.stderr)
    example.kill()
finally:
    if sim:
        sim.terminate()
        try:
            sim.wait(timeout=10)
        except subprocess.TimeoutExpired:
            sim.kill()
sys.exit(code)
