#!/usr/bin/env bash
# SNN training throughput, NeuroSim vs PyTorch (CPU), same network, batch, steps and threads, in one run:
#   scripts/bench-snn-vs-torch.sh [THREADS] [BATCHES]
# Both report the median time of BATCHES training steps (784-256-10 LIF, T = 25, batch 128, Adam) after two
# warm-up steps; NeuroSim is measured twice (before and after PyTorch) so that load drift shows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${1:-2}"
batches="${2:-10}"
py=/usr/bin/python3
if ! "$py" -c 'import torch, numpy' 2>/dev/null; then
  echo "installing python3-torch python3-numpy (Debian)" >&2
  apt-get install -y -qq python3-torch python3-numpy >&2
fi
dotnet build "$root/Sim.Bench/Sim.Bench.csproj" -c Release -nologo -v quiet >&2
bench="$root/Sim.Bench/bin/Release/net10.0/NeuroSim.Bench.dll"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), threads $threads"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS=1
a=$(dotnet "$bench" snn-throughput "$threads" "$batches" | tee /dev/stderr | sed -n 's/.* \([0-9]*\) samples\/s/\1/p')
t=$("$py" "$root/scripts/snn_torch_bench.py" "$threads" "$batches" | tee /dev/stderr | sed -n 's/.* \([0-9]*\) samples\/s/\1/p')
b=$(dotnet "$bench" snn-throughput "$threads" "$batches" | tee /dev/stderr | sed -n 's/.* \([0-9]*\) samples\/s/\1/p')
awk -v a="$a" -v b="$b" -v t="$t" 'BEGIN { m = (a + b) / 2; printf "ratio NeuroSim/PyTorch: %.2fx (NeuroSim mean of two runs %.0f samples/s, PyTorch %.0f samples/s)\n", m / t, m, t }'
