#!/usr/bin/env bash
# Runs the ANN / GRAPES comparisons of issue 3 and writes their tables to docs/results.md (ANN section).
#
#   scripts/experiments-ann.sh                      # everything, 3 seeds, 20 epochs, full Fashion-MNIST
#   RUN_GROUPS="shallow fa" EPOCHS=10 TRAIN_LIMIT=20000 scripts/experiments-ann.sh
#
# Groups (each config is run for every seed in SEEDS; results go to runs/experiments/GROUP/CONFIG/seedS/):
#   shallow    784-256-256-10 ReLU, batch 64, no bias, He-uniform, 10% dropout: SGD lr 0.01, SGD + GRAPES lr 0.01,
#              SGD lr 0.02, SGD lr 0.03 (the learning-rate control)
#   deep       the same four with 6 hidden layers of 256
#   fa         feedback alignment and DFA, with and without GRAPES, lr 0.01 (784-256-256-10)
#   forgetting 5 pixel-permuted Fashion-MNIST tasks, 1 epoch each, SGD lr 0.001 momentum 0.9, batch 64,
#              with and without GRAPES: accuracy matrix and mean forgetting (neurosim train --tasks 5)
# Environment: SEEDS (default "1 2 3"), EPOCHS (20), TRAIN_LIMIT / TEST_LIMIT (default: all samples),
# THREADS (OpenBLAS threads per run, default 1), DATA (default fashion-mnist), RUN_GROUPS (default all four),
# OUT (runs folder, default runs/experiments), RESULTS (default docs/results.md), SKIP_BUILD=1, ONLY (a regex:
# run only the configurations whose name matches, e.g. ONLY='lr0.0[23]').
# Finished runs (metrics.json with all epochs) are skipped, so an interrupted script can be rerun.
# Needs: the .NET SDK, Debian's dataset-fashion-mnist, /usr/bin/python3 (standard library only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SEEDS="${SEEDS:-1 2 3}"; EPOCHS="${EPOCHS:-20}"; THREADS="${THREADS:-1}"; DATA="${DATA:-fashion-mnist}"
RUN_GROUPS="${RUN_GROUPS:-shallow deep fa forgetting}"
TRAIN_LIMIT="${TRAIN_LIMIT:-}"; TEST_LIMIT="${TEST_LIMIT:-}"
out="${OUT:-$root/runs/experiments}"
results="${RESULTS:-$root/docs/results.md}"
bin="$out/bin"
mkdir -p "$out/nets"

# A private build, so that editing the sources while the script runs cannot change the binary under it
# (SKIP_BUILD=1 reuses it, e.g. for a second instance running other groups in parallel).
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build "$root/Sim.Cli/Sim.Cli.csproj" -c Release -nologo -v quiet -o "$bin" >/dev/null
fi
neurosim() { nice -n 10 dotnet "$bin/neurosim.dll" "$@"; }

# make_net NAME HIDDEN_LAYERS LR GRAPES(true|false) SIGNAL OPTIMIZER MOMENTUM EPOCHS
make_net() {
  /usr/bin/python3 - "$out/nets/$1.json" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$DATA" <<'PY'
import json, sys
path, hidden, lr, grapes, signal, kind, momentum, epochs, data = sys.argv[1:]
sizes = [784] + [256] * int(hidden) + [10]
names = ["in"] + [f"h{i + 1}" for i in range(int(hidden))] + ["out"]
pops = [{"name": "in", "size": 784, "kind": "input"}]
pops += [{"name": n, "size": 256, "kind": "relu"} for n in names[1:-1]]
pops += [{"name": "out", "size": 10, "kind": "linear"}]
projs = [{"name": f"{a}_{b}", "source": a, "target": b, "connect": {"rule": "all_to_all"},
          "weight": {"init": "he_uniform"}, "bias": False} for a, b in zip(names, names[1:])]
net = {"name": path.rsplit("/", 1)[-1][:-5], "populations": pops, "projections": projs,
       "training": {"epochs": int(epochs), "batch_size": 64, "seed": 1, "loss": "cross_entropy",
                    "optimizer": {"kind": kind, "lr": float(lr), "momentum": float(momentum)},
                    "signal": signal, "grapes": {"enabled": grapes == "true"}, "dropout": 0.1,
                    "data": {"set": data}}}
json.dump(net, open(path, "w"), indent=1)
PY
}

limits=()
[ -n "$TRAIN_LIMIT" ] && limits+=(--train-limit "$TRAIN_LIMIT")
[ -n "$TEST_LIMIT" ] && limits+=(--test-limit "$TEST_LIMIT")

# run GROUP CONFIG [extra args...]: one training per seed, skipped when already complete.
run() {
  local group=$1 config=$2; shift 2
  if [ -n "${ONLY:-}" ] && ! [[ $config =~ $ONLY ]]; then return; fi
  for seed in $SEEDS; do
    local dir="$out/$group/$config/seed$seed"
    if [ -f "$dir/metrics.json" ] && /usr/bin/python3 -c "import json,sys; m=json.load(open('$dir/metrics.json'));
sys.exit(0 if len(m['epochs']) >= $EPOCHS or 'tasks' in m else 1)" 2>/dev/null; then
      echo "done already: $group/$config seed $seed"; continue
    fi
    mkdir -p "$dir"
    echo "$(date -u +%H:%M:%S) $group/$config seed $seed"
    neurosim train "$out/nets/$config.json" --out "$dir" --seed "$seed" --threads "$THREADS" "${limits[@]}" "$@" \
      > "$dir/log.txt" 2>&1 || echo "  failed (exit $?): see $dir/log.txt"
  done
}

for group in $RUN_GROUPS; do
  case $group in
    shallow|deep)
      hidden=2; [ "$group" = deep ] && hidden=6
      make_net "$group-sgd-lr0.01" $hidden 0.01 false backprop sgd 0 "$EPOCHS"
      make_net "$group-grapes-lr0.01" $hidden 0.01 true backprop sgd 0 "$EPOCHS"
      make_net "$group-sgd-lr0.02" $hidden 0.02 false backprop sgd 0 "$EPOCHS"
      make_net "$group-sgd-lr0.03" $hidden 0.03 false backprop sgd 0 "$EPOCHS"
      for c in sgd-lr0.01 grapes-lr0.01 sgd-lr0.02 sgd-lr0.03; do run "$group" "$group-$c"; done ;;
    fa)
      make_net fa-fa 2 0.01 false feedback_alignment sgd 0 "$EPOCHS"
      make_net fa-fa-grapes 2 0.01 true feedback_alignment sgd 0 "$EPOCHS"
      make_net fa-dfa 2 0.01 false dfa sgd 0 "$EPOCHS"
      make_net fa-dfa-grapes 2 0.01 true dfa sgd 0 "$EPOCHS"
      for c in fa-fa fa-fa-grapes fa-dfa fa-dfa-grapes; do run fa "$c"; done ;;
    forgetting)
      make_net forgetting-sgd 2 0.001 false backprop momentum 0.9 1
      make_net forgetting-grapes 2 0.001 true backprop momentum 0.9 1
      for c in forgetting-sgd forgetting-grapes; do run forgetting "$c" --tasks 5; done ;;
    *) echo "unknown group $group"; exit 2 ;;
  esac
done

/usr/bin/python3 "$root/scripts/ann-results.py" "$out" "$results" \
  "SEEDS='$SEEDS' EPOCHS=$EPOCHS THREADS=$THREADS DATA=$DATA TRAIN_LIMIT='$TRAIN_LIMIT' TEST_LIMIT='$TEST_LIMIT' RUN_GROUPS='$RUN_GROUPS' scripts/experiments-ann.sh"
