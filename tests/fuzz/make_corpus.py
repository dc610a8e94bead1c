#!/usr/bin/env python3
# Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
"""Writes seed corpora for the fuzz targets from the recorded ARI traces.

    make_corpus.py [--traces DIR] [--spec ari.json] [--models-table fuzz_models_table.h]
                   [--per-kind N] OUT

OUT/<target>/ gets one small file per seed (named by a hash of its content, so runs are
idempotent). Sources: the event frames of <traces>/*.jsonl and v2/*.jsonl (event), the objects
nested in them and the REST response bodies (models), the status, content type and body of every
REST answer in the .rest.txt files (rest), the handshake URLs plus hand-written URLs with user info
and api_key (url), and the recorded requests, replayed in short sequences (simulator).
It also writes OUT/<target>.dict, libFuzzer dictionaries of the spec's names (model fields, event
types, path segments, parameters and their allowed values) and JSON punctuation.
At most --per-kind seeds of one kind (event type, model, operation) are kept, so the corpus stays
small; libFuzzer grows it from there.
"""
import argparse
import hashlib
import json
import pathlib
import re
import sys
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent


def load_trace_files(traces):
    dirs = [traces, traces / 'v2']
    jsonl = [p for d in dirs if d.is_dir() for p in sorted(d.glob('*.jsonl'))
             if not p.name.endswith('.meta.jsonl')]
    meta = [p for d in dirs if d.is_dir() for p in sorted(d.glob('*.meta.jsonl'))]
    rest = [p for d in dirs if d.is_dir() for p in sorted(d.glob('*.rest.txt'))]
    return jsonl, meta, rest


def parse_rest(path):
    """Yields dicts: method, path, query (decoded text), body, status, content_type, response."""
    record = None
    for line in path.read_text(encoding='utf-8', errors='replace').splitlines():
        m = re.match(r'^(GET|POST|PUT|DELETE) (\S+)$', line)
        if m:
            if record:
                yield record
            record = {'method': m.group(1), 'path': m.group(2), 'query': '', 'body': '',
                      'status': 0, 'content_type': '', 'response': ''}
            continue
        if record is None or not line.startswith('  '):
            continue
        key, _, value = line[2:].partition(': ')
        if key == 'query' and value != '(none)':
            record['query'] = value
        elif key == 'request-body':
            record['body'] = value
        elif key == 'status':
            record['status'] = int(value.split()[0]) if value.split()[0].isdigit() else 0
        elif key == 'header' and value.lower().startswith('content-type:'):
            record['content_type'] = value.split(':', 1)[1].strip()
        elif key == 'response' and value != '(empty)':
            record['response'] = value
    if record:
        yield record


def model_fields(spec_path):
    spec = json.loads(spec_path.read_text())
    return {m['name']: {f['name'] for f in m.get('fields', [])} for m in spec['models']}


def best_model(obj, fields):
    """The spec model whose fields fit the object's keys best (None when nothing fits)."""
    keys = set(obj)
    best, best_score = None, 0
    for name, names in fields.items():
        if not names:
            continue
        score = len(keys & names) - len(keys - names) - 0.1 * len(names - keys)
        if score > best_score:
            best, best_score = name, score
    return best


def walk_objects(value):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from walk_objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk_objects(v)


def cpp_model_names(args):
    """ARI model name -> index in the models target's table."""
    table = args.models_table
    if table is None or not table.exists():
        sys.exit('make_corpus.py: --models-table <build>/tests/auto/fuzzreplay/fuzz/gen/'
                 'fuzz_models_table.h is needed (build a fuzz target first)')
    classes = re.findall(r'QTARI_FUZZ_MODEL\((\w+)\)', table.read_text())
    # The generated headers say which ARI model each class is for.
    include = args.models_table.parents[5] / 'lib/generated/include/QtAri' \
        if args.generated is None else args.generated
    ari_to_index = {}
    for index, cls in enumerate(classes):
        header = include / (cls.lower() + '.h')
        ari = cls
        if header.exists():
            m = re.search(r'Value type for ARI\'s "(\w+)" model', header.read_text())
            if m:
                ari = m.group(1)
        ari_to_index[ari] = index
    return ari_to_index


# REST target: the operation of target_rest.cpp for a model's single value and its list.
SINGLE_OP = {
    'Application': 'applications.get', 'AsteriskInfo': 'asterisk.getInfo',
    'AsteriskPing': 'asterisk.ping', 'Module': 'asterisk.getModule',
    'Variable': 'asterisk.getGlobalVar', 'Bridge': 'bridges.get', 'Channel': 'channels.get',
    'Variables': 'channels.getChannelVars', 'RTPstat': 'channels.rtpstatistics',
    'LiveRecording': 'channels.record', 'Playback': 'channels.play',
    'DeviceState': 'deviceStates.get', 'Endpoint': 'endpoints.get', 'Mailbox': 'mailboxes.get',
    'StoredRecording': 'recordings.getStored', 'Sound': 'sounds.get',
}
LIST_OP = {
    'Application': 'applications.list', 'Module': 'asterisk.listModules',
    'LogChannel': 'asterisk.listLogChannels', 'ConfigTuple': 'asterisk.getObject',
    'Bridge': 'bridges.list', 'Channel': 'channels.list', 'DeviceState': 'deviceStates.list',
    'Endpoint': 'endpoints.list', 'Mailbox': 'mailboxes.list',
    'StoredRecording': 'recordings.listStored', 'Sound': 'sounds.list',
}

HAND_URLS = [
    'http://127.0.0.1:8088', 'http://127.0.0.1:8088/', 'https://pbx.example.com:8089',
    'http://asterisk:asterisk@127.0.0.1:8088', 'http://asterisk:s%40cr%3At@pbx:8088/asterisk/',
    'http://pbx:8088/?api_key=asterisk:secret', 'http://pbx:8088/ari?api_key=user%3Apass&x=1',
    'http://u:p@pbx:8088/base?api_key=a:b&api_key=c:d#frag', 'http://[::1]:8088/ari',
    'https://user@pbx/ari/', 'ws://pbx:8088/ari/events?app=x&api_key=k', 'pbx:8088',
    'http://pbx:8088/a%2Fb/%3F?q#f', 'http://:@pbx', 'http://%F0%9F%98%80:x@h%C3%A9st/',
    'http://pbx:99999', 'file:///tmp/x', '//pbx/ari?api_key=:onlypassword',
]


def dict_token(text):
    out = ''
    for ch in text:
        out += ch if 0x20 <= ord(ch) < 0x7f and ch not in '"\\' else '\\x%02x' % (ord(ch) & 0xff)
    return '"%s"' % out


def write_dicts(spec_path, out):
    spec = json.loads(spec_path.read_text())
    json_tokens = {'{', '}', '[', ']', ':', ',', '"', 'true', 'false', 'null', '-1', '1e308',
                   '0.5', '"2026-11-26T03:10:39.603+0000"', '"\\u0000"', '"\\ud800"'}
    names = set()
    for model in spec['models']:
        names.add('"%s"' % model['name'])
        for field in model.get('fields', []):
            names.add('"%s":' % field['name'])
            for value in field.get('allowed', []) or []:
                names.add('"%s"' % value)
    rest_tokens = set()
    for resource in spec['resources']:
        for op in resource['operations']:
            rest_tokens.add(op['method'] + ' ')
            for segment in op['path'].split('/'):
                if segment and not segment.startswith('{'):
                    rest_tokens.add('/' + segment)
            for param in op.get('parameters', []):
                rest_tokens.add(param['name'] + '=')
                rest_tokens.add('"%s":' % param['name'])
                for value in param.get('allowed', []) or []:
                    rest_tokens.add(value)
    url_tokens = {'http://', 'https://', 'ws://', '@', ':', '/', '?', '#', '&', '=', '%', '%3A',
                  '%40', '%2F', 'api_key=', '[::1]', ':8088', '/ari', '..', '%00'}
    dicts = {
        'event': json_tokens | names,
        'models': json_tokens | names,
        'rest': json_tokens | names | {'200 ', '204 ', '404 ', 'application/json', '\n'},
        'url': url_tokens,
        'simulator': json_tokens | rest_tokens | {'\n%%\n', ' ro', '?', '&', '%2F'},
    }
    for target, tokens in dicts.items():
        lines = [dict_token(t.encode('utf-8').decode('latin-1')) for t in sorted(tokens)]
        (out / (target + '.dict')).write_text('\n'.join(lines) + '\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--traces', type=pathlib.Path, default=HERE / '../data/traces')
    parser.add_argument('--spec', type=pathlib.Path, default=HERE / '../../lib/spec/ari.json')
    parser.add_argument('--models-table', type=pathlib.Path)
    parser.add_argument('--generated', type=pathlib.Path,
                        help='<build>/lib/generated/include/QtAri (default: from the table path)')
    parser.add_argument("--per-kind", type=int, default=3)
    parser.add_argument('out', type=pathlib.Path)
    args = parser.parse_args()

    jsonl, meta, rest = load_trace_files(args.traces.resolve())
    if not jsonl and not rest:
        sys.exit('make_corpus.py: no traces in %s' % args.traces)
    fields = model_fields(args.spec)
    model_index = cpp_model_names(args)
    seeds = {t: {} for t in ('event', 'models', 'rest', 'url', 'simulator')}
    counts = {}

    def add(target, kind, data):
        if isinstance(data, str):
            data = data.encode('utf-8')
        key = (target, kind)
        if counts.get(key, 0) >= args.per_kind or data in seeds[target].values():
            return
        counts[key] = counts.get(key, 0) + 1
        seeds[target][hashlib.sha1(data).hexdigest()[:16]] = data

    def add_model(obj):
        name = best_model(obj, fields)
        if name in model_index:
            add('models', name, bytes([model_index[name]]) + json.dumps(obj, separators=(',', ':')).encode())

    # Event frames (compact JSON, as Asterisk sends them) and the models inside them.
    for path in jsonl:
        for line in path.read_text(encoding='utf-8').splitlines():
            if not line.strip():
                continue
            frame = json.loads(line)
            add('event', frame.get('type', '?'), line)
            for obj in walk_objects(frame):
                if obj is not frame:
                    add_model(obj)

    # REST answers; the requests, in short sequences, for the simulator.
    for path in rest:
        records = list(parse_rest(path))
        for r in records:
            body = r['response']
            try:
                value = json.loads(body) if body else None
            except ValueError:
                value = None
            op, kind = 'channels.answer', 'empty'
            if isinstance(value, list):
                model = best_model(value[0], fields) if value and isinstance(value[0], dict) else 'Channel'
                op, kind = LIST_OP.get(model, 'channels.list'), 'list ' + str(model)
            elif isinstance(value, dict):
                model = best_model(value, fields)
                op, kind = SINGLE_OP.get(model, 'channels.get'), 'one ' + str(model)
            if value is not None:
                for obj in walk_objects(value):
                    add_model(obj)
            add('rest', '%s %d' % (kind, r['status']),
                '%s %d\n%s\n%s' % (op, r['status'], r['content_type'], body))

        def request_text(r):
            target = r['path'][4:] if r['path'].startswith('/ari') else r['path']
            if r['query']:
                items = [item.partition('=') for item in r['query'].split('&')]
                target += '?' + '&'.join(urllib.parse.quote(k, safe='') + '=' + urllib.parse.quote(v, safe='')
                                         for k, _, v in items)
            return '%s %s\n%s' % (r['method'], target, r['body'])

        for start in range(0, len(records), 6):
            chunk = records[start:start + 6]
            add('simulator', path.name + str(start), '\n%%\n'.join(request_text(r) for r in chunk))

    # URLs: the recorded WebSocket handshakes, then the hand-written ones.
    for path in meta:
        for line in path.read_text(encoding='utf-8').splitlines():
            url = json.loads(line).get('url')
            if url:
                add('url', 'trace', url.replace('ws://', 'http://'))
    for index, url in enumerate(HAND_URLS):
        add('url', 'hand %d' % index, url)

    args.out.mkdir(parents=True, exist_ok=True)
    write_dicts(args.spec, args.out)
    for target, files in seeds.items():
        folder = args.out / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(files.items()):
            (folder / name).write_bytes(data)
        print('%-10s %4d seeds -> %s' % (target, len(files), folder))


if __name__ == '__main__':
    main()
