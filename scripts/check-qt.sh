#!/usr/bin/env bash
# ./dev check-qt VERSION: builds QtAri against another Qt than the host's and runs its test suite,
# inside a Debian chroot whose own packages bring that Qt. Only 6.8 (Debian 13, trixie) for now.
#
# The chroot is made once with debootstrap (QTARI_CHROOT_DIR, default
# /var/cache/qtari/chroots/<suite>) and reused; it gets the packages of scripts/setup-debian.sh
# under their names in that Debian. The working tree (as it is, committed or not) is bind-mounted
# read-only at /src/qtari with the shared folder (QTARI_SHARED_DIR, default ../shared) beside it
# at /src/shared; the build goes to /build/qtari in the chroot and is kept for the next run.
# Warnings are errors, as in every build of the project. Needs root; not part of CI (the first run
# downloads about 400 MB and builds everything).
#
# Extra arguments go to ctest (e.g. -R tst_client, -L inspector).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/chroot-lib.sh

version=${1:-}
shift || true
case "$version" in
6.8) suite=trixie ;;
*)
    echo "check-qt: only Qt 6.8 (Debian 13, trixie) can be checked; asked for '${version}'" >&2
    echo "usage: ./dev check-qt 6.8 [ctest arguments]" >&2
    exit 2
    ;;
esac
if [ "$(id -u)" -ne 0 ]; then
    echo "check-qt: needs root (debootstrap, chroot, mounts); run it with sudo" >&2
    exit 1
fi

root=${QTARI_CHROOT_DIR:-/var/cache/qtari/chroots/$suite}
shared=${QTARI_SHARED_DIR:-$PWD/../shared}
jobs=${QTARI_JOBS:-$(nproc 2>/dev/null || echo 2)}

# The host's package list (trixie has every one under the same name) without what is not needed
# here: the tests run on the offscreen platform (no X server), the API reference is not built,
# node is not installed (the ari-client comparison skips); ccache keeps rebuilds short.
drop=" doxygen xvfb xauth "
packages=(ccache)
while read -r p; do
    case "$drop" in *" $p "*) continue ;; esac
    packages+=("$p")
done < <(scripts/setup-debian.sh --list)

chroot_create "$suite" "$root" "${packages[@]}"

chroot_mount "$root"
chroot_bind "$PWD" "$root/src/qtari" ro
if [ -d "$shared" ]; then
    chroot_bind "$(realpath "$shared")" "$root/src/shared" ro
else
    echo "check-qt: no $shared; the tests that read it skip" >&2
    mkdir -p "$root/src/shared"
fi

qt=$(chroot_run "$root" dpkg-query -W -f='${Version}' qt6-base-dev)
rev=$(git describe --always --dirty 2>/dev/null || echo unknown)
echo "check-qt: QtAri $rev, Qt $qt (Debian $suite)"

# The build is kept for the next run, but only for the same working tree: objects built from
# another checkout (a git worktree mounted at the same /src/qtari) can be newer than this tree's
# sources and would be linked as they are. Another tree starts afresh; ccache keeps that short.
tree=$(realpath "$PWD")
if [ "$(cat "$root/build/qtari/.source-tree" 2>/dev/null)" != "$tree" ]; then
    rm -rf "$root/build/qtari"
    mkdir -p "$root/build/qtari"
    echo "$tree" > "$root/build/qtari/.source-tree"
fi

start=$SECONDS
chroot_run "$root" env CCACHE_DIR=/var/cache/ccache CCACHE_BASEDIR=/src \
    cmake -S /src/qtari -B /build/qtari -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DQTARI_WARNINGS_AS_ERRORS=ON -DQTARI_BUILD_EXAMPLES=ON \
    -DQTARI_SHARED_DIR=/src/shared
chroot_run "$root" env CCACHE_DIR=/var/cache/ccache CCACHE_BASEDIR=/src \
    cmake --build /build/qtari -j "$jobs" -- -k 0 # every error of the run, not just the first
built=$SECONDS
echo "check-qt: built in $((built - start)) s"

rc=0
chroot_run "$root" env QT_QPA_PLATFORM=offscreen \
    ctest --test-dir /build/qtari -j "$jobs" --timeout 300 --output-on-failure "$@" || rc=$?
echo "check-qt: ctest finished in $((SECONDS - built)) s (exit $rc); Qt $qt, QtAri $rev"
exit $rc
