#!/bin/sh
# What make needs from Debian's packages beyond the README's prerequisites, installed when missing
# (as root, or through sudo), so that `make dist` and `make test` do all set-up on a fresh machine:
#   test-tools      qemu-user-static (the linux_arm64 packages run under emulation), shellcheck
#                   (the launcher's lint), busybox (the launcher under a non-GNU userland)
#   jail-inputs DIR what the tests' jails hold beside the package: a static busybox (DIR/busybox,
#                   from busybox-static) and musl's loader (DIR/ld-musl-x86_64.so.1, from musl), for
#                   JailIT; downloaded with apt-get download and unpacked (nothing is installed)
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

jail_inputs() {
  target=$1
  [ -f "$target/.complete" ] && return 0
  rm -rf "$target" "$target.debs" && mkdir -p "$target" "$target.debs"
  (cd "$target.debs" && apt-get download -q busybox-static:amd64 musl:amd64)
  for deb in "$target.debs"/*.deb; do dpkg-deb -x "$deb" "$target.debs/x"; done
  cp "$target.debs/x/bin/busybox" "$target/busybox"
  # The loader is musl's libc itself (Debian links lib/ld-musl-x86_64.so.1 to it).
  cp "$target.debs/x/lib/x86_64-linux-musl/libc.so" "$target/ld-musl-x86_64.so.1"
  rm -rf "$target.debs"
  touch "$target/.complete"
}

case ${1:-} in
  test-tools) test_tools ;;
  jail-inputs) jail_inputs "${2:?jail-inputs needs a folder}" ;;
  *) echo "usage: $0 test-tools | jail-inputs DIR" >&2; exit 2 ;;
esac
