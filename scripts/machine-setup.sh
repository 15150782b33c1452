#!/bin/sh
# What make needs from Debian's packages beyond the README's prerequisites, installed when missing
# (as root, or through sudo), so that `make dist` and `make test` do all set-up on a fresh machine:
#   apt-arm64       apt knows arm64 packages (dpkg --add-architecture arm64 && apt-get update):
#                   `make dist` downloads the linux_arm64 runtime's jmods with apt-get download
#   test-tools      qemu-user-static (the linux_arm64 packages run under emulation), shellcheck
#                   (the launcher's lint), busybox (the launcher under a non-GNU userland)
#   arm64-sysroot DIR   the arm64 C libraries the arm64 JVM loads under qemu-aarch64-static -L DIR,
#                   downloaded with apt-get download and unpacked there (nothing is installed)
set -eu

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "machine-setup: '$*' needs root; run it as root, or build fewer platforms (make dist PLATFORMS=linux_amd64)" >&2
    exit 1
  fi
}

apt_knows() {
  apt-cache show --no-all-versions "$1" >/dev/null 2>&1
}

apt_arm64() {
  apt_knows openjdk-17-jdk-headless:arm64 && return 0
  dpkg --print-foreign-architectures | grep -qx arm64 || as_root dpkg --add-architecture arm64
  as_root apt-get update -q
}

test_tools() {
  missing=
  command -v qemu-aarch64-static >/dev/null 2>&1 || missing="$missing qemu-user-static"
  command -v shellcheck >/dev/null 2>&1 || missing="$missing shellcheck"
  command -v busybox >/dev/null 2>&1 || missing="$missing busybox"
  [ -z "$missing" ] && return 0
  apt_knows busybox || as_root apt-get update -q
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

arm64_sysroot() {
  target=$1
  [ -f "$target/.complete" ] && return 0
  apt_arm64
  rm -rf "$target" "$target.debs" && mkdir -p "$target" "$target.debs"
  (cd "$target.debs" && apt-get download -q libc6:arm64 libgcc-s1:arm64 libstdc++6:arm64 zlib1g:arm64)
  for deb in "$target.debs"/*.deb; do dpkg-deb -x "$deb" "$target"; done
  [ -e "$target/lib/ld-linux-aarch64.so.1" ] || { echo "machine-setup: no arm64 loader in $target" >&2; exit 1; }
  rm -rf "$target.debs"
  touch "$target/.complete"
}

case ${1:-} in
  apt-arm64) apt_arm64 ;;
  test-tools) test_tools ;;
  arm64-sysroot) arm64_sysroot "${2:?arm64-sysroot needs a folder}" ;;
  *) echo "usage: $0 apt-arm64 | test-tools | arm64-sysroot DIR" >&2; exit 2 ;;
esac
