#!/usr/bin/env bash
# Fails a CI job when the real servers' snapshots no longer match the IaC state.
#
#   drift-check.sh pulumi [PROJECT_DIR]   pulumi preview --refresh --expect-no-changes
#   drift-check.sh tofu   [CONFIG_DIR]    tofu plan -detailed-exitcode
#
# Exit codes: 0 no drift, 1 drift found (the plan is printed), 2 the check itself failed
# (bad credentials, unreachable API, ...). Keeping 1 and 2 apart lets a pipeline page on drift
# and retry on errors. PULUMI / TOFU name the binaries (default: pulumi / tofu on PATH);
# PULUMI_STACK picks the stack (default: the selected one).
set -uo pipefail

tool=${1:-}
dir=${2:-.}
cd "$dir" || { echo "drift-check: no directory $dir" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT

case "$tool" in
  pulumi)
    stack_args=()
    [[ -n "${PULUMI_STACK:-}" ]] && stack_args=(--stack "$PULUMI_STACK")
    "${PULUMI:-pulumi}" preview --refresh --expect-no-changes --non-interactive --color=never \
      --diff "${stack_args[@]}" >"$out" 2>&1
    status=$?
    cat "$out"
    if [[ $status -eq 0 ]]; then
      echo "drift-check: no drift"; exit 0
    fi
    # pulumi exits non-zero both for drift and for errors; its message tells them apart.
    if grep -q "no changes were expected" "$out"; then
      echo "drift-check: DRIFT: the stack's snapshots differ from the servers (see the preview above)" >&2; exit 1
    fi
    echo "drift-check: the preview failed (exit $status); see above" >&2; exit 2
    ;;
  tofu)
    "${TOFU:-tofu}" plan -detailed-exitcode -input=false -lock=false -no-color >"$out" 2>&1
    status=$?
    cat "$out"
    case $status in
      0) echo "drift-check: no drift"; exit 0 ;;
      2) echo "drift-check: DRIFT: the plan has changes (see above)" >&2; exit 1 ;;
      *) echo "drift-check: the plan failed (exit $status); see above" >&2; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: drift-check.sh pulumi|tofu [DIR]" >&2; exit 2 ;;
esac
