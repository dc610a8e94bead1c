#!/usr/bin/env python3
# Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
"""Generate QtAri's C++ models, events, operations and bound operations from lib/spec/ari.json.

    generate.py --spec lib/spec/ari.json --out <build>/lib/generated
    generate.py --spec lib/spec/ari.json --list-outputs

Names and types are mapped by config.json beside this file; C++ helpers that are the same for
every spec are in templates/. Files are only rewritten when their content changes.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

CPP_SCALARS = {'QString', 'int', 'qint64', 'double', 'bool', 'QDateTime', 'QJsonObject'}


def fail(message):
    sys.exit('generate.py: error: ' + message)


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

class Names:
    def __init__(self, config):
        self.config = config
        self.acronyms = config.get('acronyms', {})
        self.reserved = set(config.get('reservedNames', []))
        self.suffix = config.get('reservedSuffix', '_')

    def words(self, name):
        """lowerCamel from snake_case or camelCase, acronyms as words (sendDTMF -> sendDtmf)."""
        for acronym, word in self.acronyms.items():
            name = re.sub(acronym + r'(?![a-z])', word, name)
        parts = [p for p in name.split('_') if p]
        if not parts:
            fail('empty name')
        text = parts[0] + ''.join(p[:1].upper() + p[1:] for p in parts[1:])
        return text[:1].lower() + text[1:]

    def member(self, name):
        text = self.words(name)
        if text in self.reserved:
            text += self.suffix
        return text

    @staticmethod
    def upper(text):
        return text[:1].upper() + text[1:]


def cpp_string(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def doc_text(item):
    doc = (item.get('doc') or '').strip().replace('\n', ' ')
    # Doc lines end up in Doxygen comments: "<id>" and "@default" are text there, not markup.
    return doc.replace('\\', '\\\\').replace('<', '\\<').replace('@', '\\@')


# --------------------------------------------------------------------------------------------
# The model of the spec, resolved to C++
# --------------------------------------------------------------------------------------------

class Field:
    def __init__(self, gen, owner, spec, index):
        self.spec = spec
        self.json = spec['name']
        self.name = gen.names.member(spec['name'])
        self.upper = Names.upper(gen.names.words(spec['name']))
        self.type_spec = spec['type']
        self.cpp = gen.cpp_type(spec['type'], owner)
        self.required = bool(spec.get('required'))
        self.since = spec.get('since')
        self.doc = doc_text(spec)
        self.allowed = spec.get('allowed')
        self.index = index
        self.model_deps = gen.model_deps(spec['type'])

    def comment(self):
        parts = []
        if self.doc:
            parts.append(self.doc.rstrip('.') + '.')
        parts.append('JSON "%s", %s%s.' % (self.json, self.type_spec,
                                           ', required' if self.required else ', optional'))
        if self.allowed:
            parts.append('One of: %s.' % ', '.join(self.allowed))
        if self.since and self.since != 18:
            parts.append('Since Asterisk %s.' % self.since)
        return ' '.join(parts)


class Generator:
    def __init__(self, spec_path, config):
        self.spec_path = spec_path
        self.config = config
        self.names = Names(config)
        with open(spec_path, encoding='utf-8') as f:
            self.spec = json.load(f)
        if self.spec.get('format') != 1:
            fail('%s: unsupported spec format %r' % (spec_path, self.spec.get('format')))
        self.spec_name = os.path.relpath(spec_path, os.path.join(HERE, '..', '..')) \
            if os.path.abspath(spec_path).startswith(os.path.abspath(os.path.join(HERE, '..', '..'))) \
            else os.path.basename(spec_path)
        self.type_map = config['typeMap']
        self.models = {m['name']: m for m in self.spec['models']}
        self.info_suffix = set(config.get('infoSuffix', []))
        self.renames = config.get('modelRenames', {})
        self.classify()

    # ---- classification ----
    def chain(self, name):
        out = []
        seen = set()
        while name:
            if name in seen:
                fail('base cycle at ' + name)
            seen.add(name)
            model = self.models.get(name)
            if model is None:
                fail('unknown base model ' + name)
            out.append(model)
            name = model.get('base')
        return list(reversed(out))

    def classify(self):
        msg = self.config.get('messageBase', 'Message')
        abstract = {msg, self.config.get('eventBase', 'Event')}
        self.value_models = []
        self.messages = []
        for model in sorted(self.spec['models'], key=lambda m: m['name']):
            chain = self.chain(model['name'])
            if chain[0]['name'] == msg:
                if model['name'] not in abstract:
                    self.messages.append(model)
            else:
                self.value_models.append(model)

    def base_name(self, name):
        return self.renames.get(name, name)

    def class_name(self, name):
        base = self.base_name(name)
        return base + 'Info' if name in self.info_suffix else base

    def event_name(self, name):
        return self.base_name(name) + 'Event'

    def is_value_model(self, name):
        return name in self.models and self.models[name] in self.value_models

    def cpp_type(self, type_spec, owner=''):
        m = re.fullmatch(r'List\[(.+)\]', type_spec)
        if m:
            inner = self.cpp_type(m.group(1), owner)
            return 'QStringList' if inner == 'QString' else 'QList<%s>' % inner
        if type_spec in self.type_map:
            return self.type_map[type_spec]
        if self.is_value_model(type_spec):
            return self.class_name(type_spec)
        fail('%s: unknown type %s' % (owner, type_spec))

    def model_deps(self, type_spec):
        m = re.fullmatch(r'List\[(.+)\]', type_spec)
        if m:
            return self.model_deps(m.group(1))
        return [type_spec] if self.is_value_model(type_spec) else []

    def fields_of(self, model, merged):
        specs = []
        if merged:
            seen = {}
            for part in self.chain(model['name']):
                for f in part.get('fields', []):
                    if f['name'] in seen:
                        specs[seen[f['name']]] = f
                    else:
                        seen[f['name']] = len(specs)
                        specs.append(f)
        else:
            specs = list(model.get('fields', []))
        fields = [Field(self, model['name'], f, i) for i, f in enumerate(specs)]
        names = [f.name for f in fields]
        if len(set(names)) != len(names):
            fail('%s: two fields map to the same C++ name: %s' % (model['name'], names))
        if len(fields) > 64:
            fail('%s: more than 64 fields' % model['name'])
        return fields

    # ---- helpers ----
    def banner(self, comment='//'):
        return ('%s Generated by lib/codegen/generate.py from %s. Do not edit: changes are lost.\n'
                % (comment, self.spec_name))

    @staticmethod
    def header_name(cls):
        return cls.lower() + '.h'

    @staticmethod
    def qt_includes(types):
        includes = set()
        for t in types:
            for key, header in (('QString', 'QString'), ('QStringList', 'QStringList'),
                                ('QDateTime', 'QDateTime'), ('QJsonObject', 'QJsonObject'),
                                ('QList', 'QList'), ('QByteArray', 'QByteArray')):
                if re.search(r'\b%s\b' % key, t):
                    includes.add('#include <QtCore/%s>' % header)
        return sorted(includes)

    def sorted_value_models(self):
        order, state = [], {}

        def visit(model):
            name = model['name']
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                fail('model cycle through ' + name)
            state[name] = 1
            for f in model.get('fields', []):
                for dep in self.model_deps(f['type']):
                    visit(self.models[dep])
            state[name] = 2
            order.append(model)

        for model in self.value_models:
            visit(model)
        return order

    # ------------------------------------------------------------------------------------------
    # Models
    # ------------------------------------------------------------------------------------------
    def model_header(self, model):
        cls = self.class_name(model['name'])
        fields = self.fields_of(model, merged=False)
        deps = sorted({self.class_name(d) for f in fields for d in f.model_deps} - {cls})
        out = [self.banner(), '#pragma once\n\n', '#include <QtAri/qtari_export.h>\n',
               '#include <QtAri/result.h>\n']
        for dep in deps:
            out.append('#include <QtAri/%s>\n' % self.header_name(dep))
        out.append('\n#include <QtCore/QJsonObject>\n#include <QtCore/QMetaType>\n'
                   '#include <QtCore/QSharedDataPointer>\n')
        for inc in self.qt_includes([f.cpp for f in fields]):
            if inc != '#include <QtCore/QJsonObject>':
                out.append(inc + '\n')
        out.append('\nQT_BEGIN_NAMESPACE\nclass QDebug;\nQT_END_NAMESPACE\n')
        out.append('\nnamespace QtAri {\n\nclass %sPrivate;\nnamespace Private {\nstruct ModelAccess;\n}\n\n' % cls)
        doc = doc_text(model) or 'The ARI model %s.' % model['name']
        out.append('//! \\brief %s\n//!\n' % doc)
        out.append('//! Value type for ARI\'s "%s" model (implicitly shared). fromJson() reports a '
                   'wrong or\n//! missing field as an InvalidResponse error; fields it does not know '
                   'are kept and written\n//! back by toJson(); optional fields that were absent '
                   'stay absent.\n' % model['name'])
        out.append('class QTARI_EXPORT %s\n{\n    Q_GADGET\n' % cls)
        for f in fields:
            out.append('    Q_PROPERTY(%s %s READ %s WRITE set%s FINAL)\n'
                       % (self.qualified(f.cpp), f.name, f.name, f.upper))
        out.append('public:\n')
        # Comments on the declaration's own line (//!<), here and below: documenting a member
        # never moves code to another line.
        out.append('    %s(); //!< A value with every field absent.\n'
                   '    %s(const %s &other); //!< Shares \\a other\'s data (copied on write).\n'
                   '    %s(%s &&other) noexcept; //!< Takes \\a other\'s data.\n'
                   '    %s &operator=(const %s &other); //!< Shares \\a other\'s data.\n'
                   '    %s &operator=(%s &&other) noexcept; //!< Takes \\a other\'s data.\n'
                   '    ~%s(); //!< Releases this reference to the data.\n'
                   '    void swap(%s &other) noexcept { d.swap(other.d); } //!< Swaps with \\a other.\n\n'
                   % ((cls,) * 11))
        for f in fields:
            out.append('    //! %s\n' % f.comment())
            out.append('    %s %s() const;\n' % (f.cpp, f.name))
            out.append('    void set%s(%s); //!< Sets %s() (has%s() becomes true).\n'
                       % (f.upper, self.param_decl(f.cpp, 'value'), f.name, f.upper))
            out.append('    //! Whether "%s" was present in the JSON or has been set.\n' % f.json)
            out.append('    bool has%s() const;\n' % f.upper)
        out.append('\n    //! Members of the JSON object that this version of the spec does not '
                   'describe.\n')
        out.append('    QJsonObject unknownFields() const;\n'
                   '    void setUnknownFields(const QJsonObject &fields); //!< Replaces unknownFields().\n\n')
        out.append('    //! Decodes ARI JSON; an InvalidResponse error names the model and the '
                   'field.\n')
        out.append('    static Result<%s> fromJson(const QJsonObject &json);\n' % cls)
        out.append('    //! Encodes back to ARI JSON, unknown fields included.\n')
        out.append('    QJsonObject toJson() const;\n\n')
        out.append('    friend QTARI_EXPORT bool operator==(const %s &a, const %s &b); '
                   '//!< Equal when toJson() is.\n' % (cls, cls))
        out.append('    friend bool operator!=(const %s &a, const %s &b) { return !(a == b); } '
                   '//!< Not equal.\n\n' % (cls, cls))
        out.append('private:\n    friend struct Private::ModelAccess;\n    QSharedDataPointer<%sPrivate> d;\n};\n\n' % cls)
        out.append('//! Writes the value as compact JSON.\n'
                   'QTARI_EXPORT QDebug operator<<(QDebug debug, const %s &value);\n\n' % cls)
        out.append('} // namespace QtAri\n\nQ_DECLARE_SHARED(QtAri::%s)\n' % cls)
        return ''.join(out)

    @staticmethod
    def qualified(cpp):
        def repl(m):
            word = m.group(0)
            if word in CPP_SCALARS or word in ('QList', 'QStringList') or word.startswith('q'):
                return word
            return 'QtAri::' + word
        return re.sub(r'\b[A-Za-z_][A-Za-z0-9_]*\b', repl, cpp)

    @staticmethod
    def param_decl(cpp, name):
        if cpp in ('int', 'qint64', 'double', 'bool'):
            return '%s %s' % (cpp, name)
        return 'const %s &%s' % (cpp, name)

    def read_members(self, fields, model_name, target, bits, known_type=False):
        out = []
        for f in fields:
            if known_type and f.json == 'type':
                out.append('    if (knownType) {\n        %s.%s = *knownType;\n        ++seen;\n'
                           '    } else if (!Private::readMember(json, %s, "type", true, %s.%s, nullptr, 0, seen,\n'
                           '                                    error)) {\n        return error;\n    }\n'
                           % (target, f.name, cpp_string(model_name), target, f.name))
                continue
            present = '&%s.present' % target if bits else 'nullptr'
            out.append('    if (!Private::readMember(json, %s, %s, %s, %s.%s, %s, %d, seen, error))\n'
                       '        return error;\n'
                       % (cpp_string(model_name), cpp_string(f.json),
                          'true' if f.required else 'false', target, f.name, present, f.index))
        if fields:
            out.append('    if (seen != json.size()) {\n        static const QLatin1StringView known[] = {\n')
            for f in fields:
                out.append('            QLatin1StringView(%s),\n' % cpp_string(f.json))
            out.append('        };\n        Private::collectUnknown(json, known, std::size(known), '
                       '%s.unknownFields);\n    }\n' % target)
        else:
            out.append('    if (seen != json.size())\n'
                       '        Private::collectUnknown(json, nullptr, 0, %s.unknownFields);\n' % target)
        return ''.join(out)

    def interned(self, spec_name, is_message):
        """JSON names of the string fields of spec_name whose values the decoders share."""
        table = self.config.get('internedFields', {})
        names = set(table.get(spec_name, []))
        if is_message:
            names |= set(table.get(self.config.get('eventBase', 'Event'), []))
        return names

    def fast_reader(self, cls, fields, model=True, known_type=False, spec_name=None):
        """Fast::Reader<cls>::read: one pass over the members, dispatched on the key."""
        target = 'data' if model else 'value'
        interned = self.interned(spec_name, not model) if spec_name else set()
        out = ['bool Reader<%s>::read(od::object &object, %s &value, Context &ctx)\n{\n' % (cls, cls)]
        if model:
            out.append('    auto &data = ModelAccess::data(value);\n')
        out.append('    quint64 seen = 0;\n'
                   '    for (auto member : object) {\n'
                   '        od::field field;\n'
                   '        std::string_view key;\n'
                   '        if (std::move(member).get(field) != simdjson::SUCCESS\n'
                   '            || field.unescaped_key().get(key) != simdjson::SUCCESS)\n'
                   '            return false;\n'
                   '        od::value item = field.value();\n'
                   '        int bit = -1;\n'
                   '        bool ok = true;\n')
        by_len = {}
        for f in fields:
            by_len.setdefault(len(f.json.encode('utf-8')), []).append(f)
        if by_len:
            out.append('        switch (key.size()) {\n')
            for length in sorted(by_len):
                out.append('        case %d:\n' % length)
                first = True
                for f in by_len[length]:
                    out.append('            %sif (key == std::string_view(%s)) {\n'
                               % ('' if first else '} else ', cpp_string(f.json)))
                    first = False
                    out.append('                bit = %d;\n' % f.index)
                    if not (known_type and f.json == 'type'):
                        reader = 'readInterned' if f.json in interned and f.cpp == 'QString' else 'readValue'
                        out.append('                ok = %s(item, %s.%s, ctx);\n' % (reader, target, f.name))
                out.append('            }\n            break;\n')
            out.append('        default:\n            break;\n        }\n')
        out.append('        if (bit < 0) {\n'
                   '            if (!readUnknown(key, item, %s.unknownFields, ctx))\n'
                   '                return false;\n'
                   '            continue;\n'
                   '        }\n'
                   '        if (!ok || (seen & (quint64(1) << bit)))\n'
                   '            return false; // a wrong value or a second member of that name\n'
                   '        seen |= quint64(1) << bit;\n'
                   '    }\n' % target)
        required = 0
        for f in fields:
            if f.required:
                required |= 1 << f.index
        out.append('    if ((seen & 0x%xull) != 0x%xull)\n        return false;\n' % (required, required))
        if model:
            out.append('    data.present = seen;\n')
        out.append('    return true;\n}\n\n')
        return ''.join(out)

    def fast_readers_header(self):
        out = [self.banner(), '#pragma once\n\n// The fast decoders of every model and message (see fastjson_p.h).\n\n'
               '#include "fastjson_p.h"\n\n#include <QtAri/events.h>\n#include <QtAri/models.h>\n\n'
               'namespace QtAri::Private::Fast {\n\n']
        for model in self.value_models:
            cls = self.class_name(model['name'])
            out.append('template <> struct Reader<%s>\n{\n    static bool read(od::object &object, %s &value, Context &ctx);\n};\n'
                       % (cls, cls))
        for m in self.messages:
            cls = self.event_name(m['name'])
            out.append('template <> struct Reader<%s>\n{\n    static bool read(od::object &object, %s &value, Context &ctx);\n};\n'
                       % (cls, cls))
        out.append('\n//! Decodes the event object of a frame whose "type" is \\a name (of \\a type, never Unknown)\n'
                   '//! into \\a out, keeping \\a bytes; false when the fast path does not take it.\n'
                   'bool decodeEvent(od::object &object, EventType type, const QString &name,\n'
                   '                 const QByteArray &bytes, Context &ctx, Event &out);\n\n'
                   '} // namespace QtAri::Private::Fast\n')
        return ''.join(out)

    def models_source(self):
        out = [self.banner(), '#include "codegen_p.h"\n#include "fastreaders_p.h"\n\n']
        for model in self.value_models:
            out.append('#include <QtAri/%s>\n' % self.header_name(self.class_name(model['name'])))
        out.append('\n#include <iterator>\n\nnamespace QtAri {\n')
        for model in self.value_models:
            cls = self.class_name(model['name'])
            fields = self.fields_of(model, merged=False)
            out.append('\n// ---- %s ----\n\n' % cls)
            out.append('class %sPrivate : public QSharedData\n{\npublic:\n' % cls)
            for f in fields:
                init = {'int': ' = 0', 'qint64': ' = 0', 'double': ' = 0', 'bool': ' = false'}.get(f.cpp, '')
                out.append('    %s %s%s;\n' % (f.cpp, f.name, init))
            out.append('    QJsonObject unknownFields;\n    quint64 present = 0;\n};\n\n')
            out.append('%s::%s() : d(new %sPrivate) { }\n' % (cls, cls, cls))
            out.append('%s::%s(const %s &other) = default;\n' % (cls, cls, cls))
            out.append('%s::%s(%s &&other) noexcept = default;\n' % (cls, cls, cls))
            out.append('%s &%s::operator=(const %s &other) = default;\n' % (cls, cls, cls))
            out.append('%s &%s::operator=(%s &&other) noexcept = default;\n' % (cls, cls, cls))
            out.append('%s::~%s() = default;\n\n' % (cls, cls))
            for f in fields:
                bit = 'quint64(1) << %d' % f.index
                out.append('%s %s::%s() const { return d->%s; }\n' % (f.cpp, cls, f.name, f.name))
                out.append('void %s::set%s(%s)\n{\n    d->%s = value;\n    d->present |= %s;\n}\n'
                           % (cls, f.upper, self.param_decl(f.cpp, 'value'), f.name, bit))
                out.append('bool %s::has%s() const { return d->present & (%s); }\n' % (cls, f.upper, bit))
            out.append('QJsonObject %s::unknownFields() const { return d->unknownFields; }\n' % cls)
            out.append('void %s::setUnknownFields(const QJsonObject &fields) { d->unknownFields = fields; }\n\n'
                       % cls)
            out.append('Result<%s> %s::fromJson(const QJsonObject &json)\n{\n' % (cls, cls))
            out.append('    %s value;\n    %sPrivate &data = *value.d;\n    qsizetype seen = 0;\n'
                       '    Error error;\n' % (cls, cls))
            out.append(self.read_members(fields, model['name'], 'data', True))
            out.append('    return value;\n}\n\n')
            out.append('QJsonObject %s::toJson() const\n{\n    QJsonObject json = d->unknownFields;\n' % cls)
            for f in fields:
                write = 'Private::writeField(json, QLatin1StringView(%s), d->%s);' % (cpp_string(f.json), f.name)
                if f.required:
                    out.append('    %s\n' % write)
                else:
                    out.append('    if (d->present & (quint64(1) << %d))\n        %s\n' % (f.index, write))
            out.append('    return json;\n}\n\n')
            out.append('bool operator==(const %s &a, const %s &b)\n{\n'
                       '    return a.d == b.d || a.toJson() == b.toJson();\n}\n\n' % (cls, cls))
            out.append('QDebug operator<<(QDebug debug, const %s &value)\n{\n'
                       '    return Private::debugJson(debug, "QtAri::%s", value.toJson());\n}\n' % (cls, cls))
            out.append('\nnamespace Private::Fast {\n\n')
            out.append(self.fast_reader(cls, fields, model=True, spec_name=model['name']))
            out.append('} // namespace Private::Fast\n')
        out.append('\n} // namespace QtAri\n')
        return ''.join(out)

    def models_aggregate(self):
        out = [self.banner(), '#pragma once\n\n// Every generated ARI model value type.\n\n']
        for model in self.sorted_value_models():
            out.append('#include <QtAri/%s>\n' % self.header_name(self.class_name(model['name'])))
        return ''.join(out)

    # ------------------------------------------------------------------------------------------
    # Events
    # ------------------------------------------------------------------------------------------
    def enum_name(self, name):
        return self.base_name(name)

    def events_header(self):
        deps = set()
        all_fields = {}
        for m in self.messages:
            fields = self.fields_of(m, merged=True)
            all_fields[m['name']] = fields
            for f in fields:
                deps.update(self.class_name(d) for d in f.model_deps)
        out = [self.banner(), '#pragma once\n\n#include <QtAri/qtari_export.h>\n#include <QtAri/result.h>\n']
        for dep in sorted(deps):
            out.append('#include <QtAri/%s>\n' % self.header_name(dep))
        out.append('\n#include <QtCore/QDateTime>\n#include <QtCore/QExplicitlySharedDataPointer>\n'
                   '#include <QtCore/QJsonObject>\n#include <QtCore/QList>\n#include <QtCore/QMetaType>\n'
                   '#include <QtCore/QObject>\n#include <QtCore/QString>\n#include <QtCore/QStringList>\n'
                   '#include <QtCore/QStringView>\n\n#include <optional>\n\n')
        out.append('QT_BEGIN_NAMESPACE\nclass QDebug;\nQT_END_NAMESPACE\n\n')
        out.append('namespace QtAri {\n\n')
        out.append('//! The ARI message types (%d: the events and MissingParams).\n' % len(self.messages))
        out.append('namespace Events {\nQ_NAMESPACE_EXPORT(QTARI_EXPORT)\n\n')
        out.append('//! The "type" of an ARI message; Unknown for a type this spec does not describe.\n')
        out.append('enum class Type {\n    Unknown,\n')
        for m in self.messages:
            out.append('    %s,\n' % self.enum_name(m['name']))
        out.append('};\nQ_ENUM_NS(Type)\n\n} // namespace Events\n\n')
        out.append('using EventType = Events::Type; //!< The type of an ARI message (Events::Type).\n\n')
        out.append('//! The type for ARI\'s \\a name ("StasisStart"); EventType::Unknown if the spec '
                   'has no such message.\n')
        out.append('QTARI_EXPORT EventType eventTypeFromName(QStringView name);\n')
        out.append('//! ARI\'s name for \\a type ("StasisStart"); empty for Unknown.\n')
        out.append('QTARI_EXPORT QLatin1StringView eventTypeName(EventType type);\n\n')
        for m in self.messages:
            name = self.event_name(m['name'])
            fields = all_fields[m['name']]
            doc = doc_text(m) or 'The ARI message %s.' % m['name']
            out.append('//! \\brief %s\n//!\n' % doc)
            out.append('//! Members mirror the JSON fields; optional ones are std::optional and stay '
                       'absent when\n//! Asterisk left them out. unknownFields keeps what the spec does '
                       'not describe.\n')
            if m.get('since') and m['since'] != 18:
                out.append('//! Since Asterisk %s.\n' % m['since'])
            out.append('struct QTARI_EXPORT %s\n{\n' % name)
            out.append('    static constexpr EventType staticType = EventType::%s; '
                       '//!< The type this struct decodes (Event::as()).\n\n'
                       % self.enum_name(m['name']))
            for f in fields:
                out.append('    //! %s\n' % f.comment())
                if f.required:
                    init = {'int': ' = 0', 'qint64': ' = 0', 'double': ' = 0', 'bool': ' = false'}.get(f.cpp, '')
                    if f.json == 'type':
                        init = ' = QStringLiteral(%s)' % cpp_string(m['name'])
                    out.append('    %s %s%s;\n' % (f.cpp, f.name, init))
                else:
                    out.append('    std::optional<%s> %s;\n' % (f.cpp, f.name))
            out.append('    //! Members of the JSON object that this version of the spec does not '
                       'describe.\n    QJsonObject unknownFields;\n\n')
            out.append('    //! Decodes ARI JSON; an InvalidResponse error names the message and the '
                       'field.\n')
            out.append('    static Result<%s> fromJson(const QJsonObject &json);\n' % name)
            out.append('    //! Encodes back to ARI JSON, unknown fields included.\n')
            out.append('    QJsonObject toJson() const;\n};\n\n')
        out.append(EVENT_CLASS)
        out.append('\n} // namespace QtAri\n\nQ_DECLARE_SHARED(QtAri::Event)\n'
                   'Q_DECLARE_METATYPE(QtAri::Event)\n')
        return ''.join(out)

    def events_source(self):
        out = [self.banner(), '#include "codegen_p.h"\n#include "fastreaders_p.h"\n#include "framedecoder_p.h"\n\n#include <QtAri/events.h>\n\n'
               '#include <QtCore/QJsonDocument>\n\n#include <algorithm>\n#include <iterator>\n#include <type_traits>\n#include <variant>\n\n'
               'namespace QtAri {\n\n']
        names = sorted(m['name'] for m in self.messages)
        out.append('namespace {\n\nstruct TypeEntry\n{\n    QLatin1StringView name;\n    EventType type;\n};\n\n')
        out.append('// Sorted by name for binary search.\nconst TypeEntry typeTable[] = {\n')
        for n in names:
            out.append('    { QLatin1StringView(%s), EventType::%s },\n' % (cpp_string(n), self.enum_name(n)))
        out.append('};\n\n} // namespace\n\n')
        out.append('EventType eventTypeFromName(QStringView name)\n{\n'
                   '    const auto it = std::lower_bound(std::begin(typeTable), std::end(typeTable), name,\n'
                   '            [](const TypeEntry &entry, QStringView key) {\n'
                   '                return QStringView(key).compare(entry.name) > 0;\n            });\n'
                   '    if (it != std::end(typeTable) && name == it->name)\n        return it->type;\n'
                   '    return EventType::Unknown;\n}\n\n')
        out.append('QLatin1StringView eventTypeName(EventType type)\n{\n    switch (type) {\n')
        for m in self.messages:
            out.append('    case EventType::%s:\n        return QLatin1StringView(%s);\n'
                       % (self.enum_name(m['name']), cpp_string(m['name'])))
        out.append('    case EventType::Unknown:\n        break;\n    }\n    return QLatin1StringView();\n}\n\n')
        out.append('namespace {\n\n// Decoding with the "type" already read by Event::decode() (or nullptr to read it).\n'
                   'template<class T>\nResult<T> decodeTyped(const QJsonObject &json, const QString *knownType);\n\n')
        for m in self.messages:
            name = self.event_name(m['name'])
            fields = self.fields_of(m, merged=True)
            out.append('template<>\nResult<%s> decodeTyped<%s>(const QJsonObject &json, const QString *knownType)\n{\n'
                       % (name, name))
            out.append('    %s event;\n    qsizetype seen = 0;\n    Error error;\n' % name)
            body = self.read_members(fields, m['name'], 'event', False, known_type=True)
            out.append(body)
            out.append('    return event;\n}\n\n')
        out.append('} // namespace\n\n')
        for m in self.messages:
            name = self.event_name(m['name'])
            fields = self.fields_of(m, merged=True)
            out.append('Result<%s> %s::fromJson(const QJsonObject &json)\n{\n'
                       '    return decodeTyped<%s>(json, nullptr);\n}\n\n' % (name, name, name))
            out.append('QJsonObject %s::toJson() const\n{\n    QJsonObject json = unknownFields;\n' % name)
            for f in fields:
                out.append('    Private::writeField(json, QLatin1StringView(%s), %s);\n'
                           % (cpp_string(f.json), f.name))
            out.append('    return json;\n}\n\n')
        # Event
        out.append(EVENT_SOURCE_HEAD)
        out.append('Result<Event> Event::decode(const QJsonObject &json)\n{\n'
                   '    const auto typeIt = json.constFind(QLatin1StringView("type"));\n'
                   '    if (typeIt == json.constEnd() || !typeIt.value().isString())\n'
                   '        return Error(Error::Kind::InvalidResponse,\n'
                   '                     QStringLiteral("ARI message without a string \\"type\\""));\n'
                   '    const QString name = typeIt.value().toString();\n'
                   '    switch (eventTypeFromName(name)) {\n'
                   '    case EventType::Unknown:\n'
                   '        return Event(new EventData<std::monostate>(EventType::Unknown, name, json, {}));\n')
        for m in self.messages:
            out.append('    case EventType::%s:\n        return make<%s>(name, json);\n'
                       % (self.enum_name(m['name']), self.event_name(m['name'])))
        out.append('    }\n    return Event();\n}\n\n')
        out.append('namespace Private::Fast {\n\n')
        for m in self.messages:
            out.append(self.fast_reader(self.event_name(m['name']), self.fields_of(m, merged=True),
                                        model=False, known_type=True, spec_name=m['name']))
        out.append('namespace {\n\ntemplate<class T>\n'
                   'bool fastMake(od::object &object, const QString &name, const QByteArray &bytes, Context &ctx,\n'
                   '              Event &out)\n{\n'
                   '    T value;\n    value.type = name;\n'
                   '    if (!Reader<T>::read(object, value, ctx))\n        return false;\n'
                   '    out = EventAccess::fromData(new EventData<T>(T::staticType, name, bytes, std::move(value)));\n'
                   '    return true;\n}\n\n} // namespace\n\n')
        out.append('bool decodeEvent(od::object &object, EventType type, const QString &name,\n'
                   '                 const QByteArray &bytes, Context &ctx, Event &out)\n{\n    switch (type) {\n')
        for m in self.messages:
            out.append('    case EventType::%s:\n        return fastMake<%s>(object, name, bytes, ctx, out);\n'
                       % (self.enum_name(m['name']), self.event_name(m['name'])))
        out.append('    case EventType::Unknown:\n        break;\n    }\n    return false;\n}\n\n'
                   '} // namespace Private::Fast\n\n')
        out.append('} // namespace QtAri\n')
        return ''.join(out)

    # ------------------------------------------------------------------------------------------
    # Operations
    # ------------------------------------------------------------------------------------------
    def op_name(self, resource, op):
        key = '%s.%s' % (resource['name'], op['nickname'])
        renamed = self.config.get('operationRenames', {}).get(key)
        return renamed or self.names.member(op['nickname'])

    def api_class(self, resource):
        return Names.upper(resource['name']) + 'Api'

    def param_type(self, p):
        t = p['type']
        if p['in'] == 'body':
            return 'QJsonObject'
        cpp = self.cpp_type(t, p['name'])
        if p.get('allowMultiple'):
            cpp = 'QStringList' if cpp == 'QString' else 'QList<%s>' % cpp
        return cpp

    def response(self, op):
        r = op.get('response', 'void')
        if r == 'void' or op.get('upgrade'):
            return 'void', 'Private::decodeVoid', None
        if r == 'binary':
            return 'QByteArray', 'Private::decodeBinary', None
        m = re.fullmatch(r'List\[(.+)\]', r)
        if m:
            inner = self.cpp_type(m.group(1), op['nickname'])
            return 'QList<%s>' % inner, 'Private::decodeList<%s>' % inner, m.group(1)
        if self.is_value_model(r):
            cls = self.class_name(r)
            return cls, 'Private::decodeValue<%s>' % cls, r
        fail('%s: unsupported response type %s' % (op['nickname'], r))

    def status_result(self, resource, op):
        """The statusResults entry of an operation (config.json), or None."""
        key = '%s.%s' % (resource['name'], op['nickname'])
        entry = self.config.get('statusResults', {}).get(key)
        return entry if isinstance(entry, dict) else None

    def op_params(self, op):
        """(required, optional) parameter lists; required in path order, then spec order."""
        path_order = re.findall(r'\{([^}]+)\}', op['path'])
        params = op.get('parameters', [])
        by_name = {p['name']: p for p in params}
        for name in path_order:
            if name not in by_name:
                fail('%s: path parameter %s is not declared' % (op['nickname'], name))
        required = [by_name[n] for n in path_order]
        required += [p for p in params if p['in'] != 'path' and p.get('required')]
        optional = [p for p in params if p['in'] != 'path' and not p.get('required')]
        return required, optional

    def param_doc(self, p):
        parts = []
        doc = doc_text(p)
        if doc:
            parts.append(doc.rstrip('.') + '.')
        parts.append('%s parameter "%s" (%s%s).' % (p['in'], p['name'], p['type'],
                                                      ', comma-joined list' if p.get('allowMultiple') else ''))
        if p.get('allowed'):
            parts.append('One of: %s.' % ', '.join(p['allowed']))
        if 'allowedRange' in p:
            parts.append('Range: %s.' % json.dumps(p['allowedRange']))
        if 'default' in p:
            parts.append('Asterisk\'s default: %s.' % p['default'])
        if p.get('since') and p['since'] != 18:
            parts.append('Since Asterisk %s.' % p['since'])
        return ' '.join(parts)

    def options_name(self, resource, op):
        return Names.upper(self.op_name(resource, op)) + 'Options'

    def api_header(self, resource):
        cls = self.api_class(resource)
        ops = resource['operations']
        types = []
        deps = set()
        for op in ops:
            for p in op.get('parameters', []):
                types.append(self.param_type(p))
            ret, _, model = self.response(op)
            types.append(ret)
            if model:
                deps.add(self.class_name(model))
        own = sorted({e['header'] for e in (self.status_result(resource, op) for op in ops) if e})
        out = [self.banner(), '#pragma once\n\n#include <QtAri/qtari_export.h>\n#include <QtAri/result.h>\n'
               '#include <QtAri/transport.h>\n']
        for header in own:
            out.append('#include <QtAri/%s>\n' % header)
        for dep in sorted(deps):
            out.append('#include <QtAri/%s>\n' % self.header_name(dep))
        out.append('\n#include <QtCore/QFuture>\n')
        for inc in self.qt_includes(types + ['QString']):
            out.append(inc + '\n')
        out.append('\n#include <optional>\n\nnamespace QtAri {\n\n')
        doc = doc_text(resource) or 'The ARI "%s" resource.' % resource['name']
        out.append('//! \\brief %s\n//!\n' % doc)
        out.append('//! One method per operation of /%s: required parameters are positional, optional '
                   'ones go in\n//! the operation\'s Options struct (unset members are not sent). Every '
                   'returned future finishes\n//! with a value or an Error (Http errors carry '
                   'Asterisk\'s message and "%s.<operation>").\n//! The *Request() builders check '
                   'required parameters (Error::Kind::InvalidArgument) before\n//! anything is '
                   'sent and percent-encode path segments and query values.\n'
                   % (resource['name'], resource['name']))
        out.append('class QTARI_EXPORT %s\n{\npublic:\n' % cls)
        out.append('    //! Operations are sent through \\a transport, which must outlive this '
                   'object.\n')
        out.append('    explicit %s(Transport *transport);\n' % cls)
        out.append('    %s(const %s &) = delete; //!< Not copyable.\n'
                   '    %s &operator=(const %s &) = delete; //!< Not copyable.\n'
                   % (cls, cls, cls, cls))
        out.append('    Transport *transport() const { return m_transport; } //!< The transport it sends on.\n\n')
        no_call = set(self.config.get('noCallOperations', []))
        for op in ops:
            name = self.op_name(resource, op)
            required, optional = self.op_params(op)
            opt = self.options_name(resource, op)
            out.append('    // ---- %s %s (%s.%s) ----\n' % (op['method'], op['path'], resource['name'],
                                                         op['nickname']))
            out.append('    //! Optional parameters of %s(); members left unset are not sent.\n' % name)
            out.append('    struct %s\n    {\n' % opt)
            for p in optional:
                out.append('        //! %s\n' % self.param_doc(p))
                out.append('        std::optional<%s> %s;\n' % (self.param_type(p), self.names.member(p['name'])))
            out.append('    };\n')
            args = ', '.join(self.param_decl(self.param_type(p), self.names.member(p['name']))
                             for p in required)
            args_opt = (args + ', ' if args else '') + 'const %s &options' % opt
            out.append('    //! Builds the request for %s.%s; InvalidArgument if a required '
                       'parameter is empty.\n' % (resource['name'], op['nickname']))
            out.append('    static Result<Request> %sRequest(%s = {});\n' % (name, args_opt))
            key = '%s.%s' % (resource['name'], op['nickname'])
            if key in no_call:
                out.append('\n')
                continue
            ret, _, _ = self.response(op)
            by_status = self.status_result(resource, op)
            if by_status:
                ret = by_status['type']
            doc = doc_text(op) or '%s %s' % (op['method'], op['path'])
            out.append('    //! %s\n' % doc)
            if by_status:
                out.append('    //! Answers with a %s by status: %s; any other status is an Error.\n'
                           % (ret, ', '.join('%s %s' % (code, value.split('::')[-1])
                                             for code, value in by_status['statuses'].items())))
            for p in required:
                out.append('    //! \\a %s: %s\n' % (self.names.member(p['name']), self.param_doc(p)))
            errors = [str(e['code']) for e in op.get('errors', [])
                      if not by_status or str(e['code']) not in by_status['statuses']]
            if errors:
                out.append('    //! Documented error statuses: %s.\n' % ', '.join(errors))
            if op.get('since') and op['since'] != 18:
                out.append('    //! Since Asterisk %s.\n' % op['since'])
            out.append('    QFuture<Result<%s>> %s(%s = {}) const;\n\n' % (ret, name, args_opt))
        out.append('private:\n    Transport *m_transport = nullptr;\n};\n\n} // namespace QtAri\n')
        return ''.join(out)

    def api_source(self, resource):
        cls = self.api_class(resource)
        out = [self.banner(), '#include "codegen_p.h"\n\n#include <QtAri/%s>\n\nnamespace QtAri {\n\n'
               % self.header_name(cls)]
        out.append('%s::%s(Transport *transport) : m_transport(transport) { }\n\n' % (cls, cls))
        no_call = set(self.config.get('noCallOperations', []))
        for op in resource['operations']:
            name = self.op_name(resource, op)
            required, optional = self.op_params(op)
            opt = self.options_name(resource, op)
            opname = '%s.%s' % (resource['name'], op['nickname'])
            args = ', '.join(self.param_decl(self.param_type(p), self.names.member(p['name']))
                             for p in required)
            args_opt = (args + ', ' if args else '') + 'const %s::%s &options' % (cls, opt)
            unused = not optional
            if unused:
                args_opt = args_opt.replace('&options', '&')
            out.append('Result<Request> %s::%sRequest(%s)\n{\n' % (cls, name, args_opt))
            for p in required:
                var = self.names.member(p['name'])
                t = self.param_type(p)
                if t in ('QString', 'QStringList', 'QJsonObject'):
                    out.append('    if (%s.isEmpty())\n        return Private::missingParameter(%s, %s);\n'
                               % (var, cpp_string(opname), cpp_string(p['name'])))
            out.append('    Request request;\n    request.method = QByteArrayLiteral(%s);\n'
                       '    request.operation = QStringLiteral(%s);\n'
                       % (cpp_string(op['method']), cpp_string(opname)))
            op_since = int(op.get('since') or 18)
            if op_since > 18:
                out.append('    request.since = %d;\n' % op_since)
            # path
            pieces = re.split(r'(\{[^}]+\})', op['path'])
            exprs = []
            for piece in pieces:
                if not piece:
                    continue
                if piece.startswith('{'):
                    exprs.append('Private::encodeSegment(%s)' % self.names.member(piece[1:-1]))
                else:
                    exprs.append('LIT' + cpp_string(piece))
            if len(exprs) == 1 and exprs[0].startswith('LIT'):
                out.append('    request.path = QByteArrayLiteral(%s);\n' % cpp_string(op['path']))
            else:
                out.append('    request.path = %s;\n' % self.path_concat(exprs))
            # query
            query = [p for p in op.get('parameters', []) if p['in'] == 'query']
            if query:
                out.append('    Private::QueryBuilder query;\n')
                for p in query:
                    var = self.names.member(p['name'])
                    src = var if p.get('required') else 'options.%s' % var
                    out.append('    query.add(%s, %s);\n' % (cpp_string(p['name']), src))
                out.append('    request.query = query.take();\n')
            body = [p for p in op.get('parameters', []) if p['in'] == 'body']
            if len(body) == 1 and body[0]['type'] == 'object':
                p = body[0]
                var = self.names.member(p['name'])
                if p.get('required'):
                    out.append('    request.body = Private::encodeBody(%s);\n' % var)
                else:
                    out.append('    if (options.%s)\n        request.body = Private::encodeBody(*options.%s);\n'
                               % (var, var))
            elif body:
                out.append('    QJsonObject body;\n')
                for p in body:
                    var = self.names.member(p['name'])
                    if p.get('required'):
                        out.append('    body.insert(QLatin1StringView(%s), %s);\n' % (cpp_string(p['name']), var))
                    else:
                        out.append('    if (options.%s)\n        body.insert(QLatin1StringView(%s), *options.%s);\n'
                                   % (var, cpp_string(p['name']), var))
                out.append('    if (!body.isEmpty())\n        request.body = Private::encodeBody(body);\n')
            # optional parameters newer than the operation: needed only when given
            for p in optional:
                p_since = int(p.get('since') or 18)
                if p_since > op_since:
                    out.append('    if (options.%s)\n        Private::needs(request, %d, %s);\n'
                               % (self.names.member(p['name']), p_since,
                                  cpp_string('%s parameter %s' % (opname, p['name']))))
            out.append('    return request;\n}\n\n')
            if opname in no_call:
                continue
            ret, decode, _ = self.response(op)
            by_status = self.status_result(resource, op)
            if by_status:
                ret = by_status['type']
                cases = ''.join('        case %d:\n            return %s;\n' % (int(code), value)
                                for code, value in by_status['statuses'].items())
                decode = ('[](const Response &response, const QString &operation) -> Result<%s> {\n'
                          '        switch (response.status) {\n%s        default:\n            break;\n'
                          '        }\n        if (!Private::isSuccess(response))\n'
                          '            return Private::httpError(response, operation);\n'
                          '        return Private::invalidResponse(operation, QStringLiteral("unexpected status %%1")'
                          '.arg(response.status));\n    }' % (ret, cases))
            call_args = ', '.join([self.names.member(p['name']) for p in required] + ['options'])
            args_opt2 = (args + ', ' if args else '') + 'const %s::%s &options' % (cls, opt)
            out.append('QFuture<Result<%s>> %s::%s(%s) const\n{\n' % (ret, cls, name, args_opt2))
            out.append('    return Private::call<%s>(m_transport, %sRequest(%s), %s);\n}\n\n'
                       % (ret, name, call_args, decode))
        out.append('} // namespace QtAri\n')
        return ''.join(out)

    @staticmethod
    def path_concat(exprs):
        # QByteArray concatenation of literal views and encoded segments
        first, rest = exprs[0], [e[3:] if e.startswith('LIT') else e for e in exprs[1:]]
        if first.startswith('LIT'):
            first = 'QByteArray(%s)' % first[3:]
        return ' + '.join([first] + rest)

    # ------------------------------------------------------------------------------------------
    # Bound operations on live objects
    # ------------------------------------------------------------------------------------------
    def bound_ops(self, live):
        resource = next((r for r in self.spec['resources'] if r['name'] == live['resource']), None)
        if resource is None:
            fail('live type %s: no resource %s' % (live['class'], live['resource']))
        ids = live['params']
        prefix = live.get('pathPrefix')
        result = []
        for op in resource['operations']:
            if prefix and not op['path'].startswith(prefix):
                continue
            path_params = re.findall(r'\{([^}]+)\}', op['path'])
            if not all(i in path_params for i in ids):
                continue
            if '%s.%s' % (resource['name'], op['nickname']) in self.config.get('noCallOperations', []):
                continue
            result.append(op)
        names = {}
        drop = self.config.get('boundDropSuffix', 'WithId')
        api_names = {self.op_name(resource, op) for op in result}
        for op in result:
            key = '%s.%s' % (resource['name'], op['nickname'])
            name = self.config.get('boundRenames', {}).get(key) or self.op_name(resource, op)
            if name.endswith(drop):
                short = name[:-len(drop)]
                if short not in api_names:
                    name = short
            names[op['nickname']] = name
        return resource, result, names

    def live_return(self, op):
        """(cpp type, live class or None, is list) for a bound operation's result."""
        r = op.get('response', 'void')
        m = re.fullmatch(r'List\[(.+)\]', r)
        inner = m.group(1) if m else r
        live_classes = {l['class'] for l in self.config['live']}
        if inner in live_classes and self.is_value_model(inner):
            live = inner
            if m:
                return 'QList<%s *>' % live, live, True
            return '%s *' % live, live, False
        ret, _, _ = self.response(op)
        return ret, None, False

    def base_header(self, live):
        cls = live['class'] + 'Base'
        resource, ops, names = self.bound_ops(live)
        api = self.api_class(resource)
        forwards = set()
        for op in ops:
            _, lv, _ = self.live_return(op)
            if lv:
                forwards.add(lv)
        out = [self.banner(), '#pragma once\n\n#include <QtAri/qtari_export.h>\n#include <QtAri/result.h>\n'
               '#include <QtAri/%s>\n\n#include <QtCore/QFuture>\n#include <QtCore/QObject>\n'
               '#include <QtCore/QString>\n\nnamespace QtAri {\n\nclass Client;\n' % self.header_name(api)]
        for f in sorted(forwards):
            out.append('class %s;\n' % f)
        id_doc = ' + "/" + '.join(ids for ids in live['params'])
        out.append('\n//! \\brief The operations of /%s bound to one %s (generated).\n//!\n'
                   % (resource['name'], live['class']))
        out.append('//! Each method is %s\'s operation of the same name with this object\'s id (%s) '
                   'filled in;\n//! results that describe a live object come back as that object '
                   '(owned by the Client).\n' % (api, id_doc))
        out.append('class QTARI_EXPORT %s : public QObject\n{\n    Q_OBJECT\npublic:\n' % cls)
        out.append('    ~%s() override;\n\n' % cls)
        out.append('    //! The ARI id of this object (%s).\n    QString id() const;\n' % id_doc)
        out.append('    //! The client this object belongs to.\n    QtAri::Client *client() const;\n\n')
        for op in ops:
            required, _ = self.op_params(op)
            required = [p for p in required if p['name'] not in live['params']]
            opt = '%s::%s' % (api, self.options_name(resource, op))
            args = [self.param_decl(self.param_type(p), self.names.member(p['name'])) for p in required]
            args.append('const %s &options = {}' % opt)
            ret, _, _ = self.live_return(op)
            out.append('    //! %s %s (%s.%s)\n' % (op['method'], op['path'], resource['name'], op['nickname']))
            out.append('    QFuture<Result<%s>> %s(%s);\n' % (ret, names[op['nickname']], ', '.join(args)))
        out.append('\nprotected:\n    %s(const QString &id, QtAri::Client *client, QObject *parent); '
                   '//!< For the live class deriving from this one.\n' % cls)
        out.append('    //! Replaces the id (for objects whose id the server assigns).\n'
                   '    void setId(const QString &id);\n\n')
        out.append('private:\n    QString m_id;\n    QtAri::Client *m_client = nullptr;\n};\n\n'
                   '} // namespace QtAri\n')
        return ''.join(out)

    def bases_source(self):
        out = [self.banner(), '#include "codegen_p.h"\n#include "live_p.h"\n\n#include <QtAri/client.h>\n']
        for live in self.config['live']:
            out.append('#include <QtAri/%s>\n' % self.header_name(live['class'] + 'Base'))
            out.append('#include <QtAri/%s>\n' % self.header_name(live['class']))
        out.append('\nnamespace QtAri {\n\nnamespace {\n\n'
                   'Error noClient(const char *operation)\n{\n'
                   '    return Error(Error::Kind::NotConnected, QStringLiteral("the object has no client"),\n'
                   '                 QLatin1StringView(operation));\n}\n\n} // namespace\n\n')
        for live in self.config['live']:
            cls = live['class'] + 'Base'
            resource, ops, names = self.bound_ops(live)
            api = self.api_class(resource)
            accessor = resource['name'][:1].lower() + resource['name'][1:]
            out.append('// ---- %s ----\n\n' % cls)
            out.append('%s::%s(const QString &id, QtAri::Client *client, QObject *parent)\n'
                       '    : QObject(parent), m_id(id), m_client(client)\n{\n}\n\n' % (cls, cls))
            out.append('%s::~%s() = default;\n\n' % (cls, cls))
            out.append('QString %s::id() const { return m_id; }\n' % cls)
            out.append('QtAri::Client *%s::client() const { return m_client; }\n' % cls)
            out.append('void %s::setId(const QString &id) { m_id = id; }\n\n' % cls)
            for op in ops:
                required, _ = self.op_params(op)
                extra = [p for p in required if p['name'] not in live['params']]
                opt = '%s::%s' % (api, self.options_name(resource, op))
                args = [self.param_decl(self.param_type(p), self.names.member(p['name'])) for p in extra]
                args.append('const %s &options' % opt)
                ret, lv, is_list = self.live_return(op)
                api_ret, _, _ = self.response(op)
                name = names[op['nickname']]
                opname = '%s.%s' % (resource['name'], op['nickname'])
                out.append('QFuture<Result<%s>> %s::%s(%s)\n{\n' % (ret, cls, name, ', '.join(args)))
                out.append('    if (!m_client)\n        return Private::readyFuture(Result<%s>(noClient(%s)));\n'
                           % (ret, cpp_string(opname)))
                call_args = []
                if live['params'] == ['tech', 'resource']:
                    out.append('    const qsizetype slash = m_id.indexOf(u\'/\');\n'
                               '    const QString tech = slash < 0 ? m_id : m_id.left(slash);\n'
                               '    const QString resource = slash < 0 ? QString() : m_id.mid(slash + 1);\n')
                for p in required:
                    if p['name'] in live['params']:
                        call_args.append(self.names.member(p['name']) if live['params'] == ['tech', 'resource'] else 'm_id')
                    else:
                        call_args.append(self.names.member(p['name']))
                call_args.append('options')
                call = 'm_client->%s()->%s(%s)' % (accessor, self.op_name(resource, op), ', '.join(call_args))
                if lv:
                    helper = 'toLiveList' if is_list else 'toLive'
                    out.append('    return Private::%s<%s>(m_client, %s);\n}\n\n' % (helper, lv, call))
                else:
                    out.append('    return %s;\n}\n\n' % call)
        out.append('} // namespace QtAri\n')
        return ''.join(out)

    # ------------------------------------------------------------------------------------------
    # Output list and writing
    # ------------------------------------------------------------------------------------------
    def outputs(self):
        """[(kind, relative path, content function)]; kinds: header, source, bound-header,
        bound-source. Forwarders count as headers."""
        items = []

        def header(cls, fn, kind='header'):
            rel = 'include/QtAri/' + self.header_name(cls)
            items.append((kind, rel, fn))
            items.append((kind, 'include/QtAri/' + cls, lambda rel=rel: self.forwarder(rel)))

        for model in self.value_models:
            header(self.class_name(model['name']), lambda model=model: self.model_header(model))
        items.append(('header', 'include/QtAri/models.h', self.models_aggregate))
        items.append(('header', 'include/QtAri/events.h', self.events_header))
        for fwd in ['Event', 'EventType'] + [self.event_name(m['name']) for m in self.messages]:
            items.append(('header', 'include/QtAri/' + fwd,
                          lambda: self.forwarder('include/QtAri/events.h')))
        for resource in self.spec['resources']:
            header(self.api_class(resource), lambda r=resource: self.api_header(r))
        items.append(('private', 'src/codegen_p.h', lambda: self.template('codegen_p.h', header=True)))
        items.append(('source', 'src/codegen.cpp', lambda: self.template('codegen.cpp')))
        items.append(('private', 'src/fastjson_p.h', lambda: self.template('fastjson_p.h', header=True)))
        items.append(('private', 'src/framedecoder_p.h',
                      lambda: self.template('framedecoder_p.h', header=True)))
        items.append(('private', 'src/fastreaders_p.h', self.fast_readers_header))
        items.append(('source', 'src/fastjson.cpp', lambda: self.template('fastjson.cpp')))
        items.append(('source', 'src/models.cpp', self.models_source))
        items.append(('source', 'src/events.cpp', self.events_source))
        for resource in self.spec['resources']:
            cls = self.api_class(resource)
            items.append(('source', 'src/%s.cpp' % cls.lower(), lambda r=resource: self.api_source(r)))
        for live in self.config['live']:
            header(live['class'] + 'Base', lambda l=live: self.base_header(l), kind='bound-header')
        items.append(('bound-source', 'src/livebases.cpp', self.bases_source))
        return items

    def forwarder(self, rel):
        return self.banner() + '#include <QtAri/%s>\n' % os.path.basename(rel)

    def template(self, name, header=False):
        with open(os.path.join(HERE, 'templates', name), encoding='utf-8') as f:
            text = f.read()
        return self.banner() + ('#pragma once\n\n' if header else '') + text


EVENT_CLASS = r'''class EventPrivate;
namespace Private {
struct EventAccess;
}

//! \brief One ARI message as received: its type, its JSON and its decoded struct.
//!
//! A small implicitly shared value. decode() never fails on a type the spec does not describe:
//! such a message becomes an Event of type Unknown that still carries its JSON.
//! \code
//! if (const auto *start = event.as<QtAri::StasisStartEvent>())
//!     qDebug() << start->channel.id() << start->args;
//! \endcode
class QTARI_EXPORT Event
{
public:
    //! An empty Event of type Unknown.
    Event();
    Event(const Event &other); //!< Shares \a other's data.
    Event(Event &&other) noexcept; //!< Takes \a other's data.
    Event &operator=(const Event &other); //!< Shares \a other's data.
    Event &operator=(Event &&other) noexcept; //!< Takes \a other's data.
    ~Event(); //!< Releases this reference to the data.
    void swap(Event &other) noexcept { d.swap(other.d); } //!< Swaps with \a other.

    EventType type() const; //!< The message's type; Unknown for one the spec does not describe.
    //! The message's "type" string as sent (also for Unknown types).
    QString typeName() const;
    //! The JSON object as received (parsed from the frame's bytes when first asked for).
    QJsonObject json() const;
    bool isUnknown() const { return type() == EventType::Unknown; } //!< type() is Unknown.
    //! Encodes the decoded struct back to JSON (for Unknown: the JSON as received).
    QJsonObject toJson() const;

    //! The decoded struct if this event is a \c T (e.g. StasisStartEvent), else nullptr. The
    //! pointer is valid as long as this Event (or a copy of it) exists.
    template<class T>
    const T *as() const
    {
        return type() == T::staticType ? static_cast<const T *>(payload()) : nullptr;
    }

    //! Decodes one ARI message. A missing "type" or a known type with wrong or missing fields is
    //! an InvalidResponse error; an unknown type is an Event of type Unknown.
    static Result<Event> decode(const QJsonObject &json);
    //! Parses \a json (one WebSocket text frame) and decodes it.
    static Result<Event> decode(const QByteArray &json);

private:
    friend struct Private::EventAccess;
    explicit Event(EventPrivate *d);
    template<class T>
    static Result<Event> make(const QString &name, const QJsonObject &json);
    const void *payload() const;
    QExplicitlySharedDataPointer<EventPrivate> d;
};

//! Writes the event's type and its JSON.
QTARI_EXPORT QDebug operator<<(QDebug debug, const Event &event);
'''

EVENT_SOURCE_HEAD = r'''// ---- Event ----

class EventPrivate : public QSharedData
{
public:
    EventPrivate(EventType type, const QString &name, const QJsonObject &json)
        : type(type), name(name), json(json), hasJson(true)
    {
    }
    EventPrivate(EventType type, const QString &name, const QByteArray &bytes)
        : type(type), name(name), bytes(bytes)
    {
    }
    EventPrivate(const EventPrivate &) = delete;
    EventPrivate &operator=(const EventPrivate &) = delete;
    virtual ~EventPrivate() { delete parsed.loadRelaxed(); }
    virtual const void *payload() const = 0;
    virtual QJsonObject encode() const = 0;
    virtual std::optional<QString> asteriskId() const = 0;

    // The JSON object: as given, or parsed from the bytes on first use (by any thread: the first
    // one to finish publishes its copy).
    const QJsonObject &object() const
    {
        if (hasJson)
            return json;
        if (const QJsonObject *done = parsed.loadAcquire())
            return *done;
        auto *fresh = new QJsonObject(QJsonDocument::fromJson(bytes).object());
        if (parsed.testAndSetOrdered(nullptr, fresh))
            return *fresh;
        delete fresh;
        return *parsed.loadAcquire();
    }

    EventType type;
    QString name;
    QJsonObject json;
    QByteArray bytes; // the frame, when decoded from bytes
    bool hasJson = false;
    mutable QAtomicPointer<QJsonObject> parsed;
};

namespace {

template<class T>
class EventData final : public EventPrivate
{
public:
    EventData(EventType type, const QString &name, const QJsonObject &json, T &&value)
        : EventPrivate(type, name, json), value(std::move(value))
    {
    }
    EventData(EventType type, const QString &name, const QByteArray &bytes, T &&value)
        : EventPrivate(type, name, bytes), value(std::move(value))
    {
    }
    const void *payload() const override { return &value; }
    QJsonObject encode() const override
    {
        if constexpr (std::is_same_v<T, std::monostate>)
            return object();
        else
            return value.toJson();
    }
    std::optional<QString> asteriskId() const override
    {
        if constexpr (std::is_same_v<T, std::monostate>)
            return std::nullopt;
        else
            return value.asteriskId;
    }
    T value;
};

} // namespace

Event::Event() : d(new EventData<std::monostate>(EventType::Unknown, QString(), QJsonObject(), {}))
{
}
Event::Event(EventPrivate *data) : d(data) { }
Event::Event(const Event &other) = default;
Event::Event(Event &&other) noexcept = default;
Event &Event::operator=(const Event &other) = default;
Event &Event::operator=(Event &&other) noexcept = default;
Event::~Event() = default;

EventType Event::type() const { return d->type; }
QString Event::typeName() const { return d->name; }
QJsonObject Event::json() const { return d->object(); }
QJsonObject Event::toJson() const { return d->encode(); }
const void *Event::payload() const { return d->payload(); }

template<class T>
Result<Event> Event::make(const QString &name, const QJsonObject &json)
{
    Result<T> decoded = decodeTyped<T>(json, &name);
    if (!decoded)
        return decoded.error();
    return Event(new EventData<T>(T::staticType, name, json, std::move(*decoded)));
}

QDebug operator<<(QDebug debug, const Event &event)
{
    return Private::debugJson(debug, "QtAri::Event", event.json());
}

Result<Event> Event::decode(const QByteArray &json)
{
    thread_local Private::FrameDecoder decoder(false);
    return decoder.decodeEvent(json);
}

namespace Private {

Event EventAccess::fromData(EventPrivate *data) { return Event(data); }

void EventAccess::keepBytes(Event &event, const QByteArray &bytes)
{
    if (!event.d->hasJson)
        return;
    event.d->bytes = bytes;
}

bool EventAccess::sameFrame(const Event &a, const Event &b)
{
    if (a.d == b.d)
        return true;
    if (!a.d->bytes.isEmpty() && !b.d->bytes.isEmpty())
        return a.d->bytes == b.d->bytes;
    return a.json() == b.json();
}

std::optional<QString> EventAccess::asteriskId(const Event &event) { return event.d->asteriskId(); }

QByteArray EventAccess::bytes(const Event &event) { return event.d->bytes; }

Result<Event> EventAccess::decodeSlowly(const QJsonObject &object, const QByteArray &bytes)
{
    Result<Event> decoded = Event::decode(object);
    if (decoded)
        keepBytes(*decoded, bytes);
    return decoded;
}

} // namespace Private

'''


def write_if_changed(path, content):
    try:
        with open(path, encoding='utf-8') as f:
            if f.read() == content:
                return False
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(content)
    os.replace(tmp, path)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--spec', required=True, help='lib/spec/ari.json')
    parser.add_argument('--config', default=os.path.join(HERE, 'config.json'))
    parser.add_argument('--out', help='output folder (gets include/QtAri/ and src/)')
    parser.add_argument('--list-outputs', action='store_true',
                        help='print "kind:relative/path" for every output and exit')
    args = parser.parse_args()
    with open(args.config, encoding='utf-8') as f:
        config = json.load(f)
    gen = Generator(args.spec, config)
    outputs = gen.outputs()
    paths = [rel for _, rel, _ in outputs]
    if len(set(p.lower() for p in paths)) != len(paths):
        fail('two outputs differ only in case')
    if args.list_outputs:
        for kind, rel, _ in outputs:
            print('%s:%s' % (kind, rel))
        return
    if not args.out:
        parser.error('--out is required unless --list-outputs is given')
    changed = 0
    for _, rel, fn in outputs:
        if write_if_changed(os.path.join(args.out, rel), fn()):
            changed += 1
    print('generate.py: %d files, %d changed' % (len(outputs), changed))


if __name__ == '__main__':
    main()
