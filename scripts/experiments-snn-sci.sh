#!/usr/bin/env bash
# The science runs of docs/results-snn.md (session 2), one training process at a time, one BPTT thread, under a
# wall-clock deadline. Fashion-MNIST runs are grown one epoch per round over all 9 (config, seed) pairs, each round
# resuming from the checkpoint of the previous one (resume is bit-identical to an uninterrupted run), so that
# when time runs out every run of a table has the same number of epochs. A round starts only when the previous
# round's duration, plus 10%, still fits before the deadline. Order: 784-256-10 to 4 epochs, SNU (3 epochs, MNIST
# sample), 784-256-256-10 to 2, 784-256-10 to 6, deep to 3, 784-256-10 to 8, deep to 8.
#   scripts/experiments-snn-sci.sh DEADLINE_UTC [OUT]     e.g. scripts/experiments-snn-sci.sh 20:53 runs/snnsci2
# The runs use copies of the network files under OUT/cfg with "checkpoint": { "every_epochs": 1 } added (nothing
# else changed). NEUROSIM may point at a frozen build, e.g. "dotnet /tmp/snn-cli/neurosim.dll".
# Tables: /usr/bin/python3 scripts/snn-results.py OUT/fashion (and OUT/deep, OUT/snu).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
deadline=$(date -u -d "${1:?deadline, e.g. 20:53}" +%s)
out="${2:-runs/snnsci2}"
read -r -a cli <<<"${NEUROSIM:-./neurosim}"
mkdir -p "$out/cfg"
for c in mnist-snn mnist-snn-grapes mnist-snn-lr mnist-snn-deep mnist-snn-deep-grapes mnist-snn-deep-lr; do
  sed 's/"grapes":/"checkpoint": { "every_epochs": 1 }, "grapes":/' "networks/$c.json" >"$out/cfg/$c.json"
done
declare -A last=()   # seconds the last round of each table took

epochs_of() { if [ -f "$1/metrics.json" ]; then grep -c '"epoch"' "$1/metrics.json"; else echo 0; fi; }

# round TABLE TARGET CONFIGS...: brings every (config, seed) of TABLE to TARGET epochs, one epoch per call.
round() {
  local table=$1 target=$2; shift 2
  local need=${last[$table]:-0}
  if [ $(( $(date -u +%s) + need * 11 / 10 )) -gt "$deadline" ]; then
    echo "== $table to epoch $target: skipped, the last round took ${need}s ($(date -u +%H:%M:%S))"; return 1
  fi
  local t0; t0=$(date -u +%s)
  for seed in 1 2 3; do
    for c in "$@"; do
      local dir="$out/$table/$c-s$seed" resume=()
      local have; have=$(epochs_of "$dir")
      [ "$have" -ge "$target" ] && continue
      [ -f "$dir/checkpoint.msgpack" ] && resume=(--resume "$dir/checkpoint.msgpack")
      echo "== $table $c seed $seed: epoch $((have + 1)) to $target ($(date -u +%H:%M:%S))"
      nice -n 10 "${cli[@]}" train "$out/cfg/$c.json" --out "$dir" --epochs "$target" --seed "$seed" \
        --data fashion-mnist --threads 1 "${resume[@]}" >"$dir.log" 2>&1 || echo "(exit $?)"
    done
  done
  last[$table]=$(( $(date -u +%s) - t0 ))
  echo "== $table at epoch $target: round took ${last[$table]}s"
}

# round_to TABLE FROM TO CONFIGS...: rounds FROM..TO; stops at the first one that does not fit.
round_to() {
  local table=$1 from=$2 to=$3; shift 3
  for ((e = from; e <= to; e++)); do round "$table" "$e" "$@" || return 1; done
}

mkdir -p "$out/fashion" "$out/deep" "$out/snu"
lif=(mnist-snn mnist-snn-grapes mnist-snn-lr)
deep=(mnist-snn-deep mnist-snn-deep-grapes mnist-snn-deep-lr)
round_to fashion 1 4 "${lif[@]}"
for seed in 1 2 3; do
  for c in mnist-snu mnist-snu-plain mnist-snu-lr; do
    dir="$out/snu/$c-s$seed"
    [ "$(epochs_of "$dir")" -ge 3 ] && continue
    echo "== snu $c seed $seed ($(date -u +%H:%M:%S))"
    nice -n 10 "${cli[@]}" train "networks/$c.json" --out "$dir" --epochs 3 --seed "$seed" --threads 1 \
      >"$dir.log" 2>&1 || echo "(exit $?)"
  done
done
# First deep round: no measurement yet; the probe gave 1.4x the 784-256-10 time per sample.
last[deep]=$(( ${last[fashion]:-0} * 14 / 10 ))
round_to deep 1 2 "${deep[@]}"
round_to fashion 5 6 "${lif[@]}"
round_to deep 3 3 "${deep[@]}"
round_to fashion 7 8 "${lif[@]}"
round_to deep 4 8 "${deep[@]}"
echo "== all done ($(date -u +%H:%M:%S))"
