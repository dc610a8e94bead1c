# Debian chroots for the checks that need another system than the host (sourced by
# scripts/check-qt.sh and scripts/check-package.sh; bash, run as root).
#
#   chroot_create SUITE DIR [PACKAGE...]   debootstrap SUITE into DIR once (reused afterwards) and
#                                          install the packages that are missing
#   chroot_mount DIR                       /proc, /sys, /dev, /dev/pts, /dev/shm; undone on exit
#   chroot_bind SRC DIR/PATH [ro]          bind-mount a host folder into the chroot; undone on exit
#   chroot_overlay LOWER SCRATCH           a throwaway writable copy of LOWER at SCRATCH/root
#   chroot_run DIR COMMAND...              run COMMAND in DIR with a clean environment
#   chroot_remove DIR                      delete DIR once nothing is mounted below it
#
# Every mount is recorded and undone in reverse order by chroot_unmount_all, which an EXIT trap
# runs, also after a failure or Ctrl-C. Nothing here ever deletes a folder that has mounts in it.

QTARI_CHROOT_MIRROR=${QTARI_CHROOT_MIRROR:-http://deb.debian.org/debian}
_chroot_mounts=()

_chroot_log() { echo "chroot: $*" >&2; }

chroot_unmount_all() {
    local i m
    for ((i = ${#_chroot_mounts[@]} - 1; i >= 0; i--)); do
        m=${_chroot_mounts[i]}
        if mountpoint -q "$m"; then
            umount "$m" 2>/dev/null || umount -l "$m" || _chroot_log "could not unmount $m"
        fi
    done
    _chroot_mounts=()
}
trap chroot_unmount_all EXIT
trap 'exit 130' INT TERM

_chroot_mount() { # mount ARGS... TARGET (the target last)
    local target=${*: -1}
    mount "$@"
    _chroot_mounts+=("$target")
}

# Unmounts whatever is still mounted on DIR or below it (a run that was killed with -9,
# debootstrap's own /proc after it failed), deepest first; with "below", DIR itself stays (it may
# be the overlay a run has just mounted).
_chroot_clear_mounts() {
    local dir m pattern
    dir=$(realpath -m "$1")
    pattern="^${dir}(/|$)"
    [ "${2:-}" != below ] || pattern="^${dir}/"
    { findmnt -rn -o TARGET | grep -E "$pattern" || true; } | sort -r | while read -r m; do
        umount "$m" 2>/dev/null || umount -l "$m"
    done
}

# Deletes DIR, after unmounting what is mounted below it; refuses if anything stays mounted.
chroot_remove() {
    local dir
    dir=$(realpath -m "$1")
    [ -e "$dir" ] || return 0
    _chroot_clear_mounts "$dir"
    if findmnt -rn -o TARGET | grep -qE "^${dir}(/|$)"; then
        _chroot_log "$dir still has mounts; not deleting it"
        return 1
    fi
    rm -rf --one-file-system "$dir"
}

chroot_mount() {
    local dir=$1
    _chroot_clear_mounts "$dir" below
    _chroot_mount -t proc proc "$dir/proc"
    _chroot_mount -t sysfs sysfs "$dir/sys"
    _chroot_mount --bind /dev "$dir/dev"
    _chroot_mount -t devpts -o newinstance,ptmxmode=0666 devpts "$dir/dev/pts"
    _chroot_mount -t tmpfs -o mode=1777 tmpfs "$dir/dev/shm"
}

chroot_bind() {
    local src=$1 target=$2
    mkdir -p "$target"
    _chroot_mount --bind "$src" "$target"
    if [ "${3:-}" = ro ]; then
        mount -o remount,bind,ro "$target"
    fi
}

chroot_run() {
    local dir=$1
    shift
    chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# Installs the packages missing in the chroot at DIR (which has to be mounted).
_chroot_install() {
    local dir=$1
    shift
    local missing=() p
    for p in "$@"; do
        chroot_run "$dir" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$p")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    _chroot_log "installing ${missing[*]}"
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    chroot_run "$dir" apt-get update -q
    chroot_run "$dir" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
    chroot_run "$dir" apt-get clean
}

chroot_create() {
    local suite=$1 dir=$2
    shift 2
    if [ ! -e "$dir/.qtari-chroot" ]; then
        command -v debootstrap >/dev/null || {
            _chroot_log "installing debootstrap"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
        }
        local partial="$dir.partial"
        chroot_remove "$partial" # an earlier creation that did not finish
        mkdir -p "$(dirname "$dir")"
        _chroot_log "debootstrap $suite into $dir (once; later runs reuse it)"
        debootstrap --variant=minbase "$suite" "$partial" "$QTARI_CHROOT_MIRROR"
        # No daemon starts inside the chroot when a package is installed.
        printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"
        chmod 755 "$partial/usr/sbin/policy-rc.d"
        echo "$suite" >"$partial/.qtari-chroot"
        mv "$partial" "$dir"
    fi
    if [ $# -gt 0 ]; then
        chroot_mount "$dir"
        _chroot_install "$dir" "$@"
        chroot_unmount_all
    fi
}

# A writable layer over the chroot LOWER, at SCRATCH/root, thrown away with SCRATCH: every run
# starts from the system as debootstrap left it.
chroot_overlay() {
    local lower=$1 scratch=$2
    chroot_remove "$scratch"
    mkdir -p "$scratch/upper" "$scratch/work" "$scratch/root"
    _chroot_mount -t overlay overlay -o "lowerdir=$lower,upperdir=$scratch/upper,workdir=$scratch/work" \
        "$scratch/root"
}
