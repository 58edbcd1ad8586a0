#!/usr/bin/env bash
# SNN training throughput, NeuroSim vs PyTorch (CPU), same network, batch, steps and threads, in one run:
#   scripts/bench-snn-vs-torch.sh [THREADS] [BATCHES] [ROUNDS] [WARMUP]
#   (defaults: 1 thread, 10 batches, 5 rounds, 10 warm-up steps)
# Each side reports the median time of BATCHES training steps (784-256-10 LIF, T = 25, batch 128, Adam) after
# WARMUP untimed steps (NeuroSim's JIT needs a few steps to finish optimising the hot methods). The sides
# alternate ROUNDS times (NeuroSim, PyTorch, NeuroSim, ...) so that background load hits both alike; the report
# gives each side's median over the rounds, their ratio, and the load average before and after. Each side also
# reports its process CPU time per step; on a machine shared with other jobs, the ratio of those medians (printed
# too) moves less with the load than the wall-clock ratio, which remains the measure. Needs the .NET SDK and
# python3-torch (Debian's /usr/bin/python3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${1:-1}"; batches="${2:-10}"; rounds="${3:-5}"; warmup="${4:-10}"
py=/usr/bin/python3
if ! "$py" -c 'import torch, numpy' 2>/dev/null; then
  echo "installing python3-torch python3-numpy (Debian)" >&2
  apt-get install -y -qq python3-torch python3-numpy >&2
fi
dotnet build "$root/Sim.Bench/Sim.Bench.csproj" -c Release -nologo -v quiet >/dev/null
bench="$root/Sim.Bench/bin/Release/net10.0/NeuroSim.Bench.dll"
echo "$(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), threads $threads," \
  "batches $batches, rounds $rounds, warm-up $warmup"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS=1
ours=(); theirs=(); ours_cpu=(); theirs_cpu=()
for r in $(seq "$rounds"); do
  line=$(dotnet "$bench" snn-throughput "$threads" "$batches" "$warmup"); echo "  $line"
  ours+=("$(sed -n 's/.* \([0-9]*\) samples\/s$/\1/p' <<<"$line")")
  ours_cpu+=("$(sed -n 's/.*process CPU \([0-9.]*\) ms.*/\1/p' <<<"$line")")
  line=$("$py" "$root/scripts/snn_torch_bench.py" "$threads" "$batches" "$warmup"); echo "  $line"
  theirs+=("$(sed -n 's/.* \([0-9]*\) samples\/s$/\1/p' <<<"$line")")
  theirs_cpu+=("$(sed -n 's/.*process CPU \([0-9.]*\) ms.*/\1/p' <<<"$line")")
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$py" - "${ours[*]}" "${theirs[*]}" "${ours_cpu[*]}" "${theirs_cpu[*]}" <<'PY'
import statistics, sys
ours, theirs, ours_cpu, theirs_cpu = ([float(v) for v in a.split()] for a in sys.argv[1:5])
o, t = statistics.median(ours), statistics.median(theirs)
oc, tc = statistics.median(ours_cpu), statistics.median(theirs_cpu)
print(f"ratio NeuroSim/PyTorch: {o / t:.2f}x (medians over {len(ours)} rounds: NeuroSim {o:.0f} samples/s, "
      f"PyTorch {t:.0f} samples/s)")
print(f"process CPU per step: NeuroSim {oc:.1f} ms, PyTorch {tc:.1f} ms: {tc / oc:.2f}x")
PY
