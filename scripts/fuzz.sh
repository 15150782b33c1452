#!/bin/sh
# Runs each fuzz target under Jazzer's JUnit integration in fuzzing mode, ROUNDS times of the
# target's own bound (5 s), and prints the executions per target. The corpus Jazzer grows lives
# in provider/.cifuzz-corpus (git-ignored) and carries over from round to round and run to run;
# the committed seeds are under provider/src/test/resources/.../*FuzzTestInputs/.
#   scripts/fuzz.sh ROUNDS MVN...
# A finding fails the run: Jazzer writes the crashing input beside the seeds and the test fails
# with the exception; fix the bug, keep the input as a seed.
set -eu
rounds=$1
shift
targets="com.vpssnap.provider.terraform.CtyFuzzTest#msgpackDecode
com.vpssnap.provider.terraform.CtyFuzzTest#jsonDecode
com.vpssnap.provider.pulumi.StructCodecFuzzTest#decode
com.vpssnap.provider.cloud.locaweb.LocawebAnswersFuzzTest#readAnswer
com.vpssnap.provider.cloud.vpsorg.VpsorgAnswersFuzzTest#readAnswer"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in $targets; do
  executions=0
  round=1
  while [ "$round" -le "$rounds" ]; do
    if ! JAZZER_FUZZ=1 "$@" -B -ntp -q -pl provider test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
      cat "$log" >&2
      echo "fuzz: $target found a bug (above)" >&2
      exit 1
    fi
    runs=$(sed -n 's/^Done \([0-9]*\) runs in.*/\1/p' "$log" | tail -1)
    if [ -z "$runs" ]; then
      cat "$log" >&2
      echo "fuzz: $target did not fuzz (no 'Done N runs' line): is the target's name right?" >&2
      exit 1
    fi
    executions=$((executions + runs))
    round=$((round + 1))
  done
  echo "fuzz: $target: $executions executions in $rounds round(s) of 5 s, no finding"
done
