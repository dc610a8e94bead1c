#!/usr/bin/env bash
# Builds QtAri's API reference with Doxygen (docs/Doxyfile) into OUT/html (default build/docs).
# The generated headers are written first by lib/codegen/generate.py, straight from lib/spec, so
# no CMake build is needed. An undocumented public name, or any other Doxygen warning, fails the
# run (docs/Doxyfile sets WARN_AS_ERROR); the warnings are printed and kept in OUT/warnings.log.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-build/docs}")"
mkdir -p "$out"
rm -rf "$out/gen" "$out/html"
python3 lib/codegen/generate.py --spec lib/spec/ari.json --out "$out/gen" >/dev/null

export QTARI_SOURCE_DIR="$PWD" QTARI_GENERATED_DIR="$out/gen" QTARI_DOCS_OUT="$out"
export QTARI_VERSION="$(sed -n 's/^project(QtAri VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
if ! doxygen docs/Doxyfile; then
    cat "$out/warnings.log" >&2
    echo "docs: doxygen failed ($(grep -c . "$out/warnings.log" || true) warning(s)); document what it names" >&2
    exit 1
fi
echo "docs: $out/html/index.html"
