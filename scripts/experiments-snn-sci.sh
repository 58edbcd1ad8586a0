#!/usr/bin/env bash
# The science runs of docs/results-snn.md (session 2), one training process at a time, one BPTT thread, under a
# wall-clock deadline. Fashion-MNIST runs are grown one epoch per round over all 9 (config, seed) pairs, each round
# resuming from the checkpoint of the previous one (resume is bit-identical to an uninterrupted run), so that
# when time runs out every run of a table has the same number of epochs. A round starts only when its estimate
# (the seconds of each run's last epoch + 10%, plus 6 s start-up per run) still fits before the deadline. Order:
# 784-256-10 to 4 epochs; SNU (3 epochs, MNIST sample); 784-256-256-10 to 2; 784-256-10 to 6; the he_uniform
# 784-256-256-10 variant on the MNIST sample (3 epochs); 784-256-256-10 to 3; 784-256-10 to 8; deep to 8.
#   scripts/experiments-snn-sci.sh DEADLINE_UTC [OUT]     e.g. scripts/experiments-snn-sci.sh 20:50 runs/snnsci2
# The Fashion-MNIST runs use copies of the network files under OUT/cfg with "checkpoint": { "every_epochs": 1 }
# added (nothing else changed). NEUROSIM may point at a frozen build, e.g. "dotnet /tmp/snn-cli/neurosim.dll".
# WAIT_PID: a training process of an earlier invocation to wait for before starting.
# Tables: /usr/bin/python3 scripts/snn-results.py OUT/fashion (and OUT/deep, OUT/snu, OUT/deep-he).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
deadline=$(date -u -d "${1:?deadline, e.g. 20:50}" +%s)
out="${2:-runs/snnsci2}"
read -r -a cli <<<"${NEUROSIM:-./neurosim}"
mkdir -p "$out/cfg" "$out/fashion" "$out/deep" "$out/snu" "$out/deep-he"
for c in mnist-snn mnist-snn-grapes mnist-snn-lr mnist-snn-deep mnist-snn-deep-grapes mnist-snn-deep-lr; do
  sed 's/"grapes":/"checkpoint": { "every_epochs": 1 }, "grapes":/' "networks/$c.json" >"$out/cfg/$c.json"
done
if [ -n "${WAIT_PID:-}" ]; then
  while kill -0 "$WAIT_PID" 2>/dev/null; do sleep 5; done
fi

epochs_of() { if [ -f "$1/metrics.json" ]; then grep -c '"epoch"' "$1/metrics.json"; else echo 0; fi; }
# Seconds of the last epoch of every run under DIR (one number per run).
last_seconds() {
  /usr/bin/python3 -c 'import glob, json, sys
for p in glob.glob(sys.argv[1] + "/*/metrics.json"):
    e = json.load(open(p))["epochs"]
    print(int(e[-1]["seconds"]) if e else 0)' "$1"
}
# Estimated seconds for one more epoch of all 9 runs of TABLE (FALLBACK when none has an epoch yet).
estimate() {
  local s; s=$(last_seconds "$out/$1" | awk '{t += $1; n++} END {if (n) printf "%d", t / n * 9 * 1.1 + 54}')
  echo "${s:-$2}"
}
fits() { [ $(( $(date -u +%s) + $1 )) -le "$deadline" ]; }

# round TABLE TARGET FALLBACK CONFIGS...: brings every (config, seed) of TABLE to TARGET epochs, one epoch each.
round() {
  local table=$1 target=$2 fallback=$3; shift 3
  local need; need=$(estimate "$table" "$fallback")
  if ! fits "$need"; then
    echo "== $table to epoch $target: skipped, estimated ${need}s ($(date -u +%H:%M:%S))"; return 1
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
        --data fashion-mnist --threads 1 "${resume[@]}" >>"$dir.log" 2>&1 || echo "(exit $?)"
    done
  done
  echo "== $table at epoch $target: round took $(( $(date -u +%s) - t0 ))s (estimated ${need}s)"
}

# round_to TABLE FROM TO FALLBACK CONFIGS...: rounds FROM..TO; stops at the first one that does not fit.
round_to() {
  local table=$1 from=$2 to=$3 fallback=$4; shift 4
  for ((e = from; e <= to; e++)); do round "$table" "$e" "$fallback" "$@" || return 1; done
}

# sample TABLE EPOCHS RUN_SECONDS CONFIGS...: 3 seeds of each config on the MNIST sample, from scratch; a run starts
# only if RUN_SECONDS (or the previous run's wall time + 10%) fits.
sample() {
  local table=$1 epochs=$2 need=$3; shift 3
  for seed in 1 2 3; do
    for c in "$@"; do
      local dir="$out/$table/$c-s$seed"
      [ "$(epochs_of "$dir")" -ge "$epochs" ] && continue
      if ! fits "$need"; then echo "== $table $c seed $seed: skipped ($(date -u +%H:%M:%S))"; continue; fi
      echo "== $table $c seed $seed ($(date -u +%H:%M:%S))"
      local t0; t0=$(date -u +%s)
      rm -rf "$dir"
      nice -n 10 "${cli[@]}" train "networks/$c.json" --out "$dir" --epochs "$epochs" --seed "$seed" --threads 1 \
        >"$dir.log" 2>&1 || echo "(exit $?)"
      need=$(( ($(date -u +%s) - t0) * 11 / 10 ))
    done
  done
}

lif=(mnist-snn mnist-snn-grapes mnist-snn-lr)
deep=(mnist-snn-deep mnist-snn-deep-grapes mnist-snn-deep-lr)
round_to fashion 1 4 2000 "${lif[@]}"
sample snu 3 120 mnist-snu mnist-snu-plain mnist-snu-lr
deep_first=$(( $(estimate fashion 2000) * 14 / 10 ))
round_to deep 1 2 "$deep_first" "${deep[@]}"
round_to fashion 5 6 2000 "${lif[@]}"
sample deep-he 3 120 mnist-snn-deep-he mnist-snn-deep-he-grapes mnist-snn-deep-he-lr
round_to deep 3 3 "$deep_first" "${deep[@]}"
round_to fashion 7 8 2000 "${lif[@]}"
round_to deep 4 8 "$deep_first" "${deep[@]}"
echo "== all done ($(date -u +%H:%M:%S))"
