#!/usr/bin/env python3
"""Rebuild lib/spec/ari.json from Asterisk's ARI api-docs (Swagger 1.1).

Inputs are one or more api-docs folders (each holding resources.json and the resource files) and/or
live Asterisk servers (their /ari/api-docs/). The newest input supplies the facts; every item gets a
`since`: the oldest Asterisk major among the inputs that has it. Our own `doc` lines are carried over
from an existing ari.json, matched by name; items without one get an empty doc and are counted.

Standard library only. The output is deterministic, so running it twice on the same input changes
nothing. See lib/codegen/README.md.
"""

import argparse
import base64
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

FORMAT = 1
REPO_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SPEC = os.path.join(REPO_DIR, 'lib', 'spec', 'ari.json')


# ---------------------------------------------------------------------------------------------
# Reading the inputs

class Source:
    """One Asterisk version's api-docs: its version, ARI apiVersion and resource documents."""

    def __init__(self, label, version, api_version, resources):
        self.label = label            # where it came from (folder or URL), for messages
        self.version = version        # (major, minor, patch) of Asterisk
        self.api_version = api_version
        self.resources = resources    # list of (name, document) in resources.json order

    @property
    def major(self):
        return self.version[0]


def parse_version(text):
    m = re.search(r'(\d+)\.(\d+)(?:\.(\d+))?', text or '')
    if not m:
        return None
    return (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def resource_names(listing):
    """Resource names in listing order, from paths such as /api-docs/channels.{format}."""
    names = []
    for api in listing.get('apis', []):
        base = api['path'].rsplit('/', 1)[-1]
        names.append(base.split('.', 1)[0])
    return names


def find_listing(folder):
    for candidate in (folder, os.path.join(folder, 'rest-api'), os.path.join(folder, 'rest-api', 'api-docs')):
        path = os.path.join(candidate, 'resources.json')
        if os.path.isfile(path):
            return candidate, path
    raise SystemExit(f'error: no resources.json in {folder}')


def load_folder(folder, version_text=None):
    base, listing_path = find_listing(folder)
    with open(listing_path, encoding='utf-8') as f:
        listing = json.load(f)
    version = parse_version(version_text or os.path.basename(os.path.normpath(folder)))
    if version is None:
        raise SystemExit(f'error: cannot tell the Asterisk version of {folder}; name the folder '
                         'after it (e.g. 22.10.1) or pass --version')
    resources = []
    for name in resource_names(listing):
        path = None
        for candidate in (os.path.join(base, name + '.json'), os.path.join(base, 'api-docs', name + '.json')):
            if os.path.isfile(candidate):
                path = candidate
                break
        if path is None:
            raise SystemExit(f'error: {folder} lists {name} but has no {name}.json')
        with open(path, encoding='utf-8') as f:
            resources.append((name, json.load(f)))
    return Source(folder, version, listing.get('apiVersion', ''), resources)


def fetch_json(url, user, password):
    request = urllib.request.Request(url)
    if user is not None:
        token = base64.b64encode(f'{user}:{password or ""}'.encode()).decode()
        request.add_header('Authorization', 'Basic ' + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read().decode('utf-8'))
    except urllib.error.HTTPError as e:
        hint = ' (check --user/--password)' if e.code == 401 else ''
        raise SystemExit(f'error: {url}: HTTP {e.code} {e.reason}{hint}')
    except (urllib.error.URLError, OSError) as e:
        raise SystemExit(f'error: {url}: {getattr(e, "reason", e)}')
    except ValueError as e:
        raise SystemExit(f'error: {url}: not JSON ({e})')


def load_server(url, user, password, version_text=None):
    root = url.rstrip('/')
    if root.endswith('/ari'):
        root = root[:-4]
    listing = fetch_json(root + '/ari/api-docs/resources.json', user, password)
    if version_text is None:
        info = fetch_json(root + '/ari/asterisk/info', user, password)
        version_text = info.get('system', {}).get('version', '')
    version = parse_version(version_text)
    if version is None:
        raise SystemExit(f'error: cannot tell the Asterisk version of {url}; pass --version')
    resources = []
    for name in resource_names(listing):
        doc_url = root + '/ari/api-docs/' + urllib.parse.quote(name) + '.json'
        resources.append((name, fetch_json(doc_url, user, password)))
    return Source(url, version, listing.get('apiVersion', ''), resources)


# ---------------------------------------------------------------------------------------------
# Extracting the facts of one version

def default_text(value):
    """Asterisk's defaultValue as a string, the way it is written in its JSON."""
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, str):
        return value
    return json.dumps(value)


def allowed_facts(values, target):
    if not values:
        return
    kind = values.get('valueType')
    if kind == 'LIST':
        target['allowed'] = list(values.get('values', []))
    elif kind == 'RANGE':
        rng = {}
        for key in ('min', 'max'):
            if key in values:
                rng[key] = values[key]
        target['allowedRange'] = rng


def operation_facts(resource, api, op):
    out = {
        'nickname': op['nickname'],
        'method': op['httpMethod'],
        'path': api['path'],
        'response': op.get('responseClass', 'void'),
    }
    if op.get('upgrade'):
        out['upgrade'] = op['upgrade']
    params = []
    for p in op.get('parameters', []):
        where = p['paramType']
        param = {
            'name': p['name'],
            'in': where,
            'type': p['dataType'],
            # Asterisk sometimes leaves `required` out: it means optional, but a path parameter
            # is always needed to build the path.
            'required': True if where == 'path' else bool(p.get('required', False)),
            'allowMultiple': bool(p.get('allowMultiple', False)),
        }
        allowed_facts(p.get('allowableValues'), param)
        if 'defaultValue' in p:
            param['default'] = default_text(p['defaultValue'])
        params.append(param)
    out['parameters'] = params
    out['errors'] = [{'code': int(e['code'])} for e in op.get('errorResponses', [])]
    return out


def version_facts(source):
    """Resources (ordered), operations and models of one version, keyed for comparison."""
    resources = []
    models = {}
    for name, doc in source.resources:
        ops = []
        for api in doc.get('apis', []):
            for op in api.get('operations', []):
                ops.append(operation_facts(name, api, op))
        resources.append({'name': name, 'operations': ops})
        for model_name, model in doc.get('models', {}).items():
            fields = []
            for field_name, field in model.get('properties', {}).items():
                fact = {'name': field_name, 'type': field.get('type', ''),
                        'required': bool(field.get('required', False))}
                allowed_facts(field.get('allowableValues'), fact)
                fields.append(fact)
            entry = {'name': model.get('id', model_name), 'resource': name, 'fields': fields}
            if 'discriminator' in model:
                entry['discriminator'] = model['discriminator']
            if 'subTypes' in model:
                entry['subTypes'] = list(model['subTypes'])
            models[entry['name']] = entry
    # base: the model whose subTypes lists this one
    for entry in models.values():
        for sub in entry.get('subTypes', []):
            if sub in models:
                models[sub]['base'] = entry['name']
    return resources, models


# ---------------------------------------------------------------------------------------------
# Keeping our doc lines

def doc_keys(spec):
    docs = {}
    for res in spec.get('resources', []):
        r = res['name']
        docs[('resource', r)] = res.get('doc', '')
        for op in res.get('operations', []):
            o = op['nickname']
            docs[('operation', r, o)] = op.get('doc', '')
            for p in op.get('parameters', []):
                docs[('parameter', r, o, p['name'])] = p.get('doc', '')
            for e in op.get('errors', []):
                docs[('error', r, o, int(e['code']))] = e.get('doc', '')
    for model in spec.get('models', []):
        m = model['name']
        docs[('model', m)] = model.get('doc', '')
        for f in model.get('fields', []):
            docs[('field', m, f['name'])] = f.get('doc', '')
    return docs


# ---------------------------------------------------------------------------------------------
# Building the spec

def build_spec(sources, old_docs):
    sources = sorted(sources, key=lambda s: s.version)
    newest = sources[-1]
    per_version = [(s.major, version_facts(s)) for s in sources]

    def since(present):
        for major, facts in per_version:
            if present(facts):
                return major
        return newest.major

    def find_op(facts, r, o):
        for res in facts[0]:
            if res['name'] == r:
                for op in res['operations']:
                    if op['nickname'] == o:
                        return op
        return None

    missing = []

    def doc(key):
        text = old_docs.get(key, '')
        if not text:
            missing.append(key)
        return text

    resources_out = []
    for res in version_facts(newest)[0]:
        r = res['name']
        ops_out = []
        for op in res['operations']:
            o = op['nickname']
            op_out = {'nickname': o, 'method': op['method'], 'path': op['path'],
                      'since': since(lambda f: find_op(f, r, o) is not None),
                      'doc': doc(('operation', r, o)), 'response': op['response']}
            if 'upgrade' in op:
                op_out['upgrade'] = op['upgrade']
            params_out = []
            for p in op['parameters']:
                n = p['name']
                p_out = dict(p)

                def has_param(f, r=r, o=o, n=n):
                    old = find_op(f, r, o)
                    return old is not None and any(x['name'] == n for x in old['parameters'])
                p_out['since'] = since(has_param)
                p_out['doc'] = doc(('parameter', r, o, n))
                params_out.append(p_out)
            op_out['parameters'] = params_out
            op_out['errors'] = [{'code': e['code'], 'doc': doc(('error', r, o, e['code']))}
                                for e in op['errors']]
            ops_out.append(op_out)
        resources_out.append({'name': r, 'doc': doc(('resource', r)),
                              'since': since(lambda f: any(x['name'] == r for x in f[0])),
                              'operations': ops_out})

    models_out = []
    newest_models = version_facts(newest)[1]
    for name in sorted(newest_models):
        model = newest_models[name]
        m_out = {'name': name, 'resource': model['resource'],
                 'since': since(lambda f: name in f[1]), 'doc': doc(('model', name))}
        for key in ('base', 'discriminator', 'subTypes'):
            if key in model:
                m_out[key] = model[key]
        fields_out = []
        for field in model['fields']:
            n = field['name']
            f_out = dict(field)
            f_out['since'] = since(lambda f, n=n: name in f[1]
                                   and any(x['name'] == n for x in f[1][name]['fields']))
            f_out['doc'] = doc(('field', name, n))
            fields_out.append(f_out)
        m_out['fields'] = fields_out
        models_out.append(m_out)

    api_versions = {}
    for s in sources:
        api_versions[str(s.major)] = s.api_version
    spec = {'format': FORMAT, 'apiVersions': api_versions,
            'resources': resources_out, 'models': models_out}
    return spec, missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--api-docs', action='append', default=[], metavar='DIR',
                        help='an api-docs folder named after its Asterisk version (repeatable)')
    parser.add_argument('--url', action='append', default=[],
                        help='a live Asterisk base URL, e.g. http://127.0.0.1:8088 (repeatable)')
    parser.add_argument('--user', help='ARI user for --url (Basic auth)')
    parser.add_argument('--password', help='ARI password for --url')
    parser.add_argument('--version', dest='version_text',
                        help='Asterisk version of the single input, when its name does not say')
    parser.add_argument('--docs-from', default=None, metavar='JSON',
                        help='ari.json whose doc lines are kept (default: the output file)')
    parser.add_argument('--out', default=DEFAULT_SPEC, help='output file (default: lib/spec/ari.json)')
    args = parser.parse_args(argv)

    if not args.api_docs and not args.url:
        parser.error('give at least one --api-docs folder or --url')
    single = len(args.api_docs) + len(args.url) == 1
    if args.version_text and not single:
        parser.error('--version only applies to a single input')
    version_text = args.version_text if single else None

    sources = [load_folder(d, version_text) for d in args.api_docs]
    sources += [load_server(u, args.user, args.password, version_text) for u in args.url]

    docs_path = args.docs_from or args.out
    old_docs = {}
    if os.path.isfile(docs_path):
        with open(docs_path, encoding='utf-8') as f:
            old_docs = doc_keys(json.load(f))

    spec, missing = build_spec(sources, old_docs)
    text = json.dumps(spec, indent=1, ensure_ascii=False) + '\n'
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    tmp = args.out + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)
    os.replace(tmp, args.out)

    ops = sum(len(r['operations']) for r in spec['resources'])
    params = sum(len(o['parameters']) for r in spec['resources'] for o in r['operations'])
    print(f'wrote {args.out}: {len(spec["resources"])} resources, {ops} operations, '
          f'{params} parameters, {len(spec["models"])} models')
    if missing:
        print(f'{len(missing)} items still lack a doc line', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
