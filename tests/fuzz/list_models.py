#!/usr/bin/env python3
# Copyright (C) 2026 The QtAri authors. SPDX-License-Identifier: LGPL-3.0-or-later
"""Writes the X-macro list of every generated model with a fromJson() for target_models.cpp.

Usage: list_models.py <generated>/include/QtAri/models.h <out.h>
Reads the headers models.h includes, so the list follows the spec without editing the target.
"""
import pathlib
import re
import sys


def main():
    models_h = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    names = []
    for include in re.findall(r'#include <QtAri/([a-z0-9_]+\.h)>', models_h.read_text()):
        text = (models_h.parent / include).read_text()
        for cls in re.findall(r'class QTARI_EXPORT (\w+)', text):
            if re.search(r'static Result<%s> fromJson\(const QJsonObject &' % cls, text):
                names.append(cls)
    if not names:
        sys.exit('list_models.py: no models with fromJson() found in ' + str(models_h))
    # An X-macro list (no include guard): the includer defines QTARI_FUZZ_MODEL(Name).
    lines = ['// Written by tests/fuzz/list_models.py from the generated headers.', '']
    lines += ['QTARI_FUZZ_MODEL(%s)' % name for name in names]
    text = '\n'.join(lines) + '\n'
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists() or out.read_text() != text:
        out.write_text(text)


if __name__ == '__main__':
    main()
