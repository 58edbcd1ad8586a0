#!/usr/bin/env bash
# SNN experiments of docs/results-snn.md: 784-256-10 LIF on the bundled MNIST sample (8,000 train / 2,000 test),
# T = 25, Poisson input, spike-count cross-entropy, batch 128, with and without GRAPES and the learning-rate
# control, for the seeds given. Each run writes runs/snn-exp/<config>-s<seed>/metrics.json.
#   scripts/experiments-snn.sh EPOCHS "SEEDS" [THREADS]      e.g. scripts/experiments-snn.sh 8 "1 2 3" 2
# Then: /usr/bin/python3 scripts/snn-results.py runs/snn-exp  (prints the markdown tables)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
epochs="${1:-8}"
seeds="${2:-1 2 3}"
threads="${3:-2}"
out=runs/snn-exp
mkdir -p "$out"
# NEUROSIM may point at a frozen build (e.g. "dotnet /tmp/snn-cli/neurosim.dll") so that rebuilding the tree
# during a long series does not change or disturb the binary being measured.
read -r -a cli <<<"${NEUROSIM:-./neurosim}"
for seed in $seeds; do
  for config in mnist-snn mnist-snn-grapes mnist-snn-lr; do
    dir="$out/$config-s$seed"
    if [ -f "$dir/metrics.json" ] && [ "$(grep -c '"epoch"' "$dir/metrics.json")" -ge "$epochs" ]; then
      echo "== $config seed $seed: done already"; continue
    fi
    echo "== $config seed $seed ($(date -u +%H:%M:%S))"
    # Exit code 5 (synapses.msgpack not writable before the store helper's SynapseFile lands) does not
    # affect metrics.json, which is rewritten after every epoch.
    nice -n 10 "${cli[@]}" train "networks/$config.json" --out "$dir" --epochs "$epochs" --seed "$seed" \
      --threads "$threads" || echo "(exit $?)"
  done
done
