#!/usr/bin/env bash
# Installs the Debian 12 packages QtAri's build, tests, demo, benchmarks, docs and packages need
# (appstream validates the Inspector's metainfo, doxygen makes the API reference, QCoro is optional).
# Idempotent: packages already present are left alone. Run as root (or through sudo).
# --list prints the list instead (scripts/check-qt.sh installs the same set in a newer Debian).
set -euo pipefail

packages=(
    build-essential cmake ninja-build python3 pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev libgl-dev
    qt6-declarative-dev qt6-declarative-dev-tools qml6-module-qtqml qml6-module-qtqml-models
    qml6-module-qtqml-workerscript qml6-module-qtquick qml6-module-qtquick-controls
    qml6-module-qtquick-layouts qml6-module-qtquick-templates qml6-module-qtquick-window
    qml6-module-qttest
    xvfb xauth
    zlib1g-dev openssl libsimdjson-dev
    appstream doxygen qcoro-qt6-dev
)
if [ "${1:-}" = --list ]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi
# node and npm run the ari-client comparison tests and benchmarks; a machine that already has
# them (from any source) keeps its own.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
