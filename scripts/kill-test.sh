#!/usr/bin/env bash
# Kill test for atomic checkpoint and synapse-file writes (issue 6).
#
# Starts a NeuroSim process that writes checkpoints, kills it with SIGKILL at a random moment, then checks that
# every .msgpack file left in its output folder loads (`neurosim inspect` exits 0 only if the header, checksums,
# sizes and embedded definition all check out). Repeats ROUNDS times. A temporary file (.NAME.<hex>.tmp) left
# beside a target after a kill proves the kill landed in the middle of a write; the script counts those.
#
# usage: scripts/kill-test.sh [ROUNDS] [MODE] [NETWORK]
#   ROUNDS   number of kills (default 40)
#   MODE     loop  (default): the hidden command `neurosim write-checkpoints NETWORK`, which saves a checkpoint
#                   and a synapse file back to back without pause (about one kill in five lands while a
#                   temporary file exists; the rest land while the next payload is built in memory)
#            train: `neurosim train NETWORK --out DIR`; NETWORK must checkpoint often ("checkpoint_every": 1 in
#                   its training section); kills land mid-write less often, since training runs between writes
#   NETWORK  network file (default networks/cuba.json for loop; required for train)
# env: KILL_SEED (default 1) seeds the kill times; KILL_MIN_MS / KILL_MAX_MS bound them (default 400 / 2500);
#      TRAIN_ARGS adds arguments for train mode (e.g. "--train-limit 2000 --epochs 100").
# Exit status: 0 when every file loaded after every kill (and, in loop mode, at least one kill hit a write).
set -uo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-40}
mode=${2:-loop}
network=${3:-}
[ "$mode" = loop ] && network=${network:-networks/cuba.json}
if [ -z "$network" ] || [ ! -f "$network" ]; then
  echo "kill-test: network file '${network}' not found (train mode needs one)" >&2; exit 2
fi
RANDOM=${KILL_SEED:-1}
min_ms=${KILL_MIN_MS:-400}
max_ms=${KILL_MAX_MS:-2500}

./neurosim --help >/dev/null || { echo "kill-test: build failed" >&2; exit 1; }
dll="Sim.Cli/bin/Release/net10.0/neurosim.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
mkdir -p "$out"

if [ "$mode" = train ]; then
  # Checkpoint after every epoch so that kills often meet a write: a copy of the network with every_epochs 1.
  if ! grep -Eq '"every_epochs"[[:space:]]*:' "$network"; then
    echo "kill-test: $network has no training.checkpoint.every_epochs; train mode needs checkpoints" >&2; exit 2
  fi
  sed -E 's/"every_epochs"[[:space:]]*:[[:space:]]*[0-9]+/"every_epochs": 1/' "$network" >"$work/network.json"
  network_run="$work/network.json"
else
  network_run="$network"
fi

checked=0; failed=0; midwrite=0; empty=0
for ((round = 1; round <= rounds; round++)); do
  case "$mode" in
    loop)  dotnet "$dll" write-checkpoints "$network_run" --out "$out" >/dev/null 2>"$work/stderr" & ;;
    train) # shellcheck disable=SC2086
           dotnet "$dll" train "$network_run" --out "$out" ${TRAIN_ARGS:-} >/dev/null 2>"$work/stderr" & ;;
    *)     echo "kill-test: unknown mode '$mode' (loop or train)" >&2; exit 2 ;;
  esac
  pid=$!
  delay_ms=$((min_ms + (RANDOM * 32768 + RANDOM) % (max_ms - min_ms + 1)))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "kill-test: round $round: the process ended before the kill:" >&2; cat "$work/stderr" >&2; exit 1
  fi
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null

  temps=$(find "$out" -maxdepth 1 -name '.*.tmp' | wc -l)
  [ "$temps" -gt 0 ] && midwrite=$((midwrite + 1))
  find "$out" -maxdepth 1 -name '.*.tmp' -delete
  files=("$out"/*.msgpack)
  [ -e "${files[0]}" ] || { empty=$((empty + 1)); continue; }
  for f in "${files[@]}"; do
    checked=$((checked + 1))
    if ! dotnet "$dll" inspect "$f" >/dev/null 2>"$work/inspect"; then
      failed=$((failed + 1))
      echo "kill-test: round $round (killed after ${delay_ms} ms): $(basename "$f") does not load:" >&2
      cat "$work/inspect" >&2
      cp "$f" "$work/../kill-test-failed-round$round-$(basename "$f")" 2>/dev/null
    fi
  done
done

echo "kill-test ($mode, $network): $rounds kills, $midwrite landed mid-write (temporary file left)," \
  "$empty before any file existed; $checked files checked, $failed failed to load"
[ "$failed" -eq 0 ] || exit 1
if [ "$mode" = loop ] && [ "$midwrite" -eq 0 ]; then
  echo "kill-test: no kill landed during a write; the test proved nothing" >&2; exit 1
fi
exit 0
