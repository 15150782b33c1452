#!/usr/bin/env bash
# Trains the class-data archives (AppCDS) in build/lib, so that build/bin's launchers start fast
# from their first run; elsewhere (an installed plugin) a launcher trains its own on first run.
# Each launcher's training mode runs its CdsTraining class: a server and a call to it, no API.
set -euo pipefail
bin=${1:?usage: train-cds.sh BIN_DIR}
for launcher in pulumi-resource-vpssnap terraform-provider-vpssnap; do
  if VPSSNAP_CDS_TRAINING=now "$bin/$launcher"; then
    echo "train-cds: $launcher: $(ls "$bin"/../lib/*.jsa 2>/dev/null | wc -l) archive(s) in lib"
  else
    echo "train-cds: $launcher: training failed; it still works, without an archive" >&2
  fi
done
