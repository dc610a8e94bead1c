#!/usr/bin/env bash
# Builds QtAri's API reference with Doxygen (docs/Doxyfile) into OUT/html (default build/docs).
# The generated headers are written first by lib/codegen/generate.py, straight from lib/spec, so
# no CMake build is needed. Doxygen reports every undocumented public name and every doc error
# (warnings.log); the run fails when there are more of them than docs/doxygen-warnings.count
# allows. That count only goes down: lower it when you document something; at 0, turn the
# Doxyfile's WARN_AS_ERROR on and drop the count.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-build/docs}")"
mkdir -p "$out"
rm -rf "$out/gen" "$out/html"
python3 lib/codegen/generate.py --spec lib/spec/ari.json --out "$out/gen" >/dev/null

export QTARI_SOURCE_DIR="$PWD" QTARI_GENERATED_DIR="$out/gen" QTARI_DOCS_OUT="$out"
export QTARI_VERSION="$(sed -n 's/^project(QtAri VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
doxygen docs/Doxyfile

warnings="$out/warnings.log"
count=$(grep -c . "$warnings" || true)
allowed=$(cat docs/doxygen-warnings.count)
echo "docs: $out/html/index.html; $count doxygen warning(s), $allowed allowed ($warnings)"
if [ "$count" -gt "$allowed" ]; then
    echo "docs: new undocumented public API or doc errors ($count > $allowed); see $warnings" >&2
    exit 1
fi
if [ "$count" -lt "$allowed" ]; then
    echo "docs: fewer warnings than allowed: lower docs/doxygen-warnings.count to $count"
fi
