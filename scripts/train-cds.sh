#!/usr/bin/env bash
# Trains the class-data archives (AppCDS) for build/lib, so that build/bin's launchers start fast
# from the first run (elsewhere a launcher trains its own on first run): starts each launcher, lets it
# reach its handshake and idle a moment, then stops it; the JVM writes the classes it loaded
# to LIB/<front door>.jsa at exit. Run by `make install`; safe to skip (launchers work without).
set -euo pipefail
bin=${1:?usage: train-cds.sh BIN_DIR LIB_DIR}
lib=${2:?usage: train-cds.sh BIN_DIR LIB_DIR}

train() { # archive launcher [env...]
  local archive=$lib/$1 launcher=$bin/$2; shift 2
  rm -f "$archive"
  local out; out=$(mktemp)
  env "$@" VPSSNAP_CDS_TRAINING=off VPSSNAP_JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive" "$launcher" >"$out" 2>/dev/null &
  local pid=$!
  for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
  sleep 1
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
  [ -f "$archive" ] && echo "train-cds: $(basename "$archive") $(du -k "$archive" | cut -f1) KiB" \
    || echo "train-cds: no archive for $(basename "$launcher") (the launcher still works without)" >&2
}

train pulumi.jsa pulumi-resource-vpssnap
train terraform.jsa terraform-provider-vpssnap \
  TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2 \
  PLUGIN_PROTOCOL_VERSIONS=6 PLUGIN_MIN_PORT=10000 PLUGIN_MAX_PORT=25000
