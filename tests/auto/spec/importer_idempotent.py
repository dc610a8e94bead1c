#!/usr/bin/env python3
"""Checks that lib/codegen/import_spec.py reproduces lib/spec/ari.json and is idempotent.

1. Import the four api-docs folders into a temporary file, keeping the doc lines of the committed
   spec: the result must be byte-identical to the committed spec.
2. Import the same folders again into that temporary file, keeping its own doc lines: nothing
   may change.
Exits 77 (CTest SKIP_RETURN_CODE) when the api-docs folders are absent.
"""

import argparse
import os
import subprocess
import sys
import tempfile

VERSIONS = ['18.26.4', '20.20.1', '22.10.1', '23.4.1']


def run(importer, folders, out, docs_from):
    cmd = [sys.executable, importer, '--out', out, '--docs-from', docs_from]
    for folder in folders:
        cmd += ['--api-docs', folder]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f'FAIL: importer exited with {result.returncode}')


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def first_difference(a, b):
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines()), 1):
        if x != y:
            return f'line {n}: {x!r} != {y!r}'
    return f'lengths differ ({len(a)} vs {len(b)} bytes)'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--importer', required=True)
    parser.add_argument('--spec', required=True)
    parser.add_argument('--api-docs-root', required=True)
    args = parser.parse_args()

    folders = [os.path.join(args.api_docs_root, v) for v in VERSIONS]
    absent = [f for f in folders if not os.path.isfile(os.path.join(f, 'resources.json'))]
    if absent:
        print('SKIP: api-docs not found: ' + ', '.join(absent))
        return 77

    committed = read(args.spec)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'ari.json')
        run(args.importer, folders, out, args.spec)
        first = read(out)
        if first != committed:
            print('FAIL: importing the api-docs does not reproduce ' + args.spec + ': '
                  + first_difference(first.decode(), committed.decode()))
            return 1
        run(args.importer, folders, out, out)
        second = read(out)
        if second != first:
            print('FAIL: a second import changed the output: '
                  + first_difference(second.decode(), first.decode()))
            return 1
    print(f'OK: {len(committed)} bytes reproduced, second run unchanged')
    return 0


if __name__ == '__main__':
    sys.exit(main())
