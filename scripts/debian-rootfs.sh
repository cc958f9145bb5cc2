#!/usr/bin/env bash
# Writes a tar of a Debian 12 (bookworm) minbase rootfs made by debootstrap, for the real-engine image
# tests (tests/e2e/test_image.py) and optionally bench/image.sh. Needs root and debootstrap.
# Usage: scripts/debian-rootfs.sh OUT.tar
#   OUT.tar is a cache: when it exists the script does nothing. It is written to a temporary name and
#   renamed at the end, so an interrupted run never leaves a truncated OUT.tar; concurrent runs wait
#   for each other (flock on OUT.tar.lock) instead of bootstrapping twice.
# Environment: BULWARK_DEBIAN_MIRROR (default http://deb.debian.org/debian, the mirror apt uses here),
#   BULWARK_DEBIAN_SUITE (default bookworm).
# Exit status: 0 with OUT.tar written (or already there); 3 when the mirror cannot be reached (the
#   tests skip on that status only); another non-zero status for any other failure. On failure the
#   tail of debootstrap's log is on stderr.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUT.tar" >&2
  exit 64
fi
out=$1
if [ -e "$out" ]; then
  exit 0
fi
mirror=${BULWARK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${BULWARK_DEBIAN_SUITE:-bookworm}
if [ "$(id -u)" -ne 0 ]; then
  echo "$0: debootstrap needs root" >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null; then
  echo "$0: debootstrap is not installed (scripts/install-deps.sh)" >&2
  exit 1
fi

mkdir -p "$(dirname "$out")"
exec 9>"$out.lock"
flock 9
if [ -e "$out" ]; then
  exit 0
fi
# /tmp may be a small tmpfs; a minbase rootfs is about 200 MB.
partial="$out.partial.$$"
work=$(mktemp -d "${TMPDIR:-/var/tmp}/bulwark-rootfs.XXXXXX")
cleanup() {
  # debootstrap mounts /proc and /sys inside the target; never remove through a mount.
  local m
  while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done < <(awk -v d="$work/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$work"
  rm -f "$partial"
}
trap cleanup EXIT

rootfs="$work/rootfs"
log="$work/debootstrap.log"
echo "debian-rootfs: debootstrap --variant=minbase $suite $mirror" >&2
if ! debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$log" 2>&1; then
  echo "$0: debootstrap failed:" >&2
  tail -n 20 "$log" >&2
  if [ -f "$rootfs/debootstrap/debootstrap.log" ]; then
    tail -n 20 "$rootfs/debootstrap/debootstrap.log" >&2
  fi
  # wget's messages when the mirror is not reachable at all (debootstrap's own first error).
  if grep -Eq 'Failed getting release file|unable to resolve host|Connection refused|Connection timed out|Network is unreachable|No route to host' \
    "$log"; then
    echo "$0: the mirror $mirror cannot be reached" >&2
    exit 3
  fi
  exit 1
fi
# The downloaded .debs debootstrap leaves in apt's cache are not part of an image anyone ships.
rm -rf "$rootfs/var/cache/apt/archives/"*.deb
tar --numeric-owner -C "$rootfs" -cf "$partial" .
mv "$partial" "$out"
echo "debian-rootfs: wrote $out ($(du -h "$out" | cut -f1))" >&2
