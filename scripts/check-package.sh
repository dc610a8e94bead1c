#!/usr/bin/env bash
# ./dev check-package: the Debian packages of ./dev package, installed on a fresh Debian 12.
#
# Builds the packages on the host (./dev package), then, in a throwaway copy of a minimal
# Debian 12 chroot (debootstrap once into QTARI_CHROOT_DIR, default
# /var/cache/qtari/chroots/bookworm, reused read-only under an overlay, so every run starts from
# the same fresh system):
#   - installs the four .debs with apt-get, without recommended packages (so every Depends counts),
#   - builds tests/auto/package/consumer against the installed libqtari-dev and runs it,
#   - runs ari-sim --version and qtari-inspector --help and --version without a display, and the
#     Inspector's demo for a few seconds on the offscreen platform,
#   - removes the packages again with apt-get purge and checks that nothing of them is left.
# Needs root. Not part of CI. QTARI_SKIP_BUILD=1 reuses build/package/debs as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/chroot-lib.sh

if [ "$(id -u)" -ne 0 ]; then
    echo "check-package: needs root (debootstrap, chroot, mounts); run it with sudo" >&2
    exit 1
fi
suite=bookworm
base=${QTARI_CHROOT_DIR:-/var/cache/qtari/chroots/$suite}
scratch=${QTARI_CHROOT_SCRATCH:-$base.run}
archives=${QTARI_CHROOT_APT_CACHE:-$base.apt-archives} # downloaded .debs, kept between runs

[ "${QTARI_SKIP_BUILD:-}" = 1 ] || ./dev package
shopt -s nullglob
debs=(build/package/debs/*.deb)
shopt -u nullglob
[ ${#debs[@]} -gt 0 ] || { echo "check-package: no packages in build/package/debs" >&2; exit 1; }

chroot_create "$suite" "$base"
chroot_overlay "$base" "$scratch"
root=$scratch/root
chroot_mount "$root"
mkdir -p "$archives"
chroot_bind "$archives" "$root/var/cache/apt/archives"
mkdir -p "$root/tmp/qtari/debs"
cp "${debs[@]}" "$root/tmp/qtari/debs/"
cp -r tests/auto/package/consumer "$root/tmp/qtari/consumer"
cp /etc/resolv.conf "$root/etc/resolv.conf"

step() { echo; echo "check-package: $*"; }
in_root() { chroot_run "$root" "$@"; }
apt() { in_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y "$@"; }

step "apt-get install ${debs[*]##*/}"
apt update
apt install --no-install-recommends "${debs[@]/#build\/package\/debs\//\/tmp\/qtari\/debs\/}"
in_root dpkg-query -W libqtari0.1 libqtari-dev ari-sim qtari-inspector

step "ari-sim --version; qtari-inspector --help and --version (no display)"
in_root ari-sim --version
in_root qtari-inspector --help
in_root qtari-inspector --version

step "the Inspector's demo on the offscreen platform for 5 s"
rc=0
in_root env QT_QPA_PLATFORM=offscreen timeout 5 qtari-inspector --demo || rc=$?
if [ $rc -ne 124 ]; then # timeout's status: it was still running
    echo "check-package: qtari-inspector --demo ended by itself ($rc)" >&2
    exit 1
fi

step "build the consumer program against the installed libqtari-dev"
apt install --no-install-recommends g++ cmake make
in_root cmake -S /tmp/qtari/consumer -B /tmp/qtari/consumer-build
grep -q '^QtAri_DIR:PATH=/usr/lib/' "$root/tmp/qtari/consumer-build/CMakeCache.txt"
in_root cmake --build /tmp/qtari/consumer-build
in_root /tmp/qtari/consumer-build/qtari-consumer

step "apt-get purge"
apt purge libqtari0.1 libqtari-dev ari-sim qtari-inspector
left=$(in_root sh -c 'ls -d /usr/include/QtAri /usr/lib/*/cmake/QtAri /usr/lib/*/libQtAri* \
    /usr/bin/ari-sim /usr/bin/qtari-inspector 2>/dev/null' || true)
if [ -n "$left" ]; then
    echo "check-package: left after purge: $left" >&2
    exit 1
fi

chroot_unmount_all
chroot_remove "$scratch"
echo
echo "check-package: the packages install, build a program and run on a fresh Debian $suite"
