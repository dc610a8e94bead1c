#!/usr/bin/env python3
# qtari-inspector --demo --record FILE, then --open FILE: both run and exit 0 (offscreen, via
# --screenshot), and the file holds a header, events and REST pairs.
import json
import os
import subprocess
import sys
import tempfile


def run(args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(args, env=env, timeout=120).returncode


def main():
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        rec = os.path.join(tmp, "demo.jsonl")
        if run([exe, "--demo", "--record", rec, "--screenshot", os.path.join(tmp, "live.png"),
                "--screenshot-delay", "3000"]) != 0:
            print("FAIL: --demo --record did not exit 0")
            return 1
        with open(rec, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        if not lines or lines[0].get("type") != "QtAriRecording":
            print("FAIL: no QtAriRecording header line")
            return 1
        types = [line.get("type") for line in lines[1:]]
        events = [t for t in types if t not in ("RESTRequest", "RESTResponse")]
        if not events or types.count("RESTRequest") == 0:
            print("FAIL: no events or no REST exchanges recorded:", types[:20])
            return 1
        if types.count("RESTRequest") != types.count("RESTResponse"):
            print("FAIL: REST requests and responses do not pair up")
            return 1
        if run([exe, "--open", rec, "--screenshot", os.path.join(tmp, "offline.png"),
                "--screenshot-delay", "1500"]) != 0:
            print("FAIL: --open did not exit 0")
            return 1
        print("OK: %d lines, %d events" % (len(lines), len(events)))
        return 0


if __name__ == "__main__":
    sys.exit(main())
