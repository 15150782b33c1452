#!/usr/bin/env bash
# make demo: a real `pulumi up` of examples/yaml against the emulator: create, revert, drift and
# refresh, destroy. Everything runs in a throw-away workspace; the emulator is stopped at the end.
set -euo pipefail
: "${PULUMI:?PULUMI must name the pulumi CLI}" "${PLUGIN_TARBALL:?}" "${VERSION:?}" "${EMULATOR_JAR:?}"
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/vpssnap-demo.XXXXXX")
emulator_pid=""

cleanup() {
  local status=$?
  # The warm plugin server this demo started (VPSSNAP_SERVER's default is on outside CI): its package
  # is about to be deleted, so it goes now rather than after its idle time.
  for endpoint in "$work"/run/vpssnap/server-*.endpoint; do
    [ -f "$endpoint" ] && kill "$(cut -d' ' -f3 "$endpoint")" 2>/dev/null
  done
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null
    wait "$emulator_pid" 2>/dev/null || true   # the emulator's own exit status (143) is not ours
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The emulator picks a free port and says which on its first line. A 1.5 s snapshot makes the waits visible.
java -jar "$EMULATOR_JAR" --port 0 --create-ms 1500 --revert-ms 1500 --restore-ms 1500 --delete-ms 800 \
  >"$work/emulator.out" 2>"$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 1 100); do
  url=$(sed -n 's/^vpssnap-emulator listening on //p' "$work/emulator.out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "${url:-}" ] || { echo "the emulator did not start:"; cat "$work/emulator.err"; exit 1; }

summary() { python3 "$root/scripts/emulator-report.py" state "$url"; }
requests() { python3 "$root/scripts/emulator-report.py" writes "$url"; }

export PATH="$(dirname "$PULUMI"):$PATH"
export PULUMI_HOME="$work/pulumi-home" PULUMI_CONFIG_PASSPHRASE="vpssnap-demo" PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_BACKEND_URL="file://$work/state"
mkdir -p "$work/state"
# The warm plugin server's folder (docs/guides/server.md), private to this demo.
export XDG_RUNTIME_DIR="$work/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
# Installed as users install it: the plugin tarball into this workspace's PULUMI_HOME.
"$PULUMI" plugin install resource vpssnap "$VERSION" --file "$PLUGIN_TARBALL" >/dev/null
cp -r "$root/examples/yaml" "$work/program"
cd "$work/program"

step "emulator at $url; stack 'demo' with the endpoints and secret tokens in its config"
"$PULUMI" stack init demo >/dev/null
"$PULUMI" config set vpssnap:locawebEndpoint "$url/v1"
"$PULUMI" config set --secret vpssnap:locawebToken lw-demo-token
"$PULUMI" config set vpssnap:vpsorgEndpoint "$url/api/v1"
"$PULUMI" config set --secret vpssnap:vpsorgToken vps-demo-token

step "1. pulumi up: take a rollback point on each cloud"
"$PULUMI" up --yes
echo "cloud now:"; summary; echo "write calls:"; requests

step "2. pulumi up with rollbackTo=rollback-1: revert both servers in place (no replacement)"
"$PULUMI" config set rollbackTo rollback-1
"$PULUMI" up --yes
echo "write calls:"; requests

step "3. someone deletes the Locaweb snapshot in the web panel; pulumi refresh notices"
web_id=$("$PULUMI" stack output webSnapshot); web_id=${web_id#*/}
curl -fsS -X DELETE "$url/_emulator/locaweb/servers/cpro0299/snapshots/$web_id" >/dev/null
"$PULUMI" refresh --yes
"$PULUMI" preview --diff | sed -n '/Resources:/,$p'

step "4. pulumi destroy: both snapshots deleted"
"$PULUMI" destroy --yes
echo "cloud now:"; summary; echo "write calls:"; requests

served=$(cat "$work"/run/vpssnap/server-*.log 2>/dev/null | grep -c ' opened$' || true)
echo "the warm plugin server took ${served:-0} of the engine's plugin sessions (the first one ran cold and started it; docs/guides/server.md)"

step "done: the emulator stops now"
