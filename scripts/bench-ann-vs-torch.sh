#!/usr/bin/env bash
# Training throughput (samples/s) of NeuroSim's ANN mode vs PyTorch on the CPU, in the same run, same threads:
# 784-256-256-10 and 784-1000-1000-10, batch 64, SGD, 10% dropout, no bias. Each pair is measured ROUNDS times,
# alternating NeuroSim and PyTorch so that background load hits both alike; the report gives the medians and the
# ratio neurosim / torch (goal >= 1.2).
#   scripts/bench-ann-vs-torch.sh [THREADS] [SECONDS] [ROUNDS]      (defaults: all cores, 5 s, 3 rounds)
# Needs: the .NET SDK, python3-torch (Debian: /usr/bin/python3), libopenblas0-pthread.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${1:-$(nproc)}"; seconds="${2:-5}"; rounds="${3:-3}"
for p in python3-torch libopenblas0-pthread; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || {
    echo "installing $p"; apt-get install -y -qq "$p"; }
done
bin="$root/runs/bench/bin"
dotnet build "$root/Sim.Bench/Sim.Bench.csproj" -c Release -nologo -v quiet -o "$bin" >/dev/null
echo "threads=$threads seconds=$seconds rounds=$rounds  $(date -u +%Y-%m-%dT%H:%MZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
for hidden in 256 1000; do
  ours=(); theirs=()
  for r in $(seq "$rounds"); do
    ours+=("$(OMP_NUM_THREADS=$threads dotnet "$bin/NeuroSim.Bench.dll" ann-throughput "$hidden" "$threads" "$seconds" \
      | awk '{print $4}')")
    theirs+=("$(OMP_NUM_THREADS=$threads /usr/bin/python3 "$root/scripts/bench-ann-vs-torch.py" "$hidden" "$threads" \
      "$seconds" | awk '{print $4}')")
  done
  /usr/bin/python3 - "$hidden" "${ours[*]}" "${theirs[*]}" <<'PY'
import statistics, sys
hidden, ours, theirs = sys.argv[1], [float(v) for v in sys.argv[2].split()], [float(v) for v in sys.argv[3].split()]
o, t = statistics.median(ours), statistics.median(theirs)
print(f"784-{hidden}-{hidden}-10  neurosim {o:9.0f} samples/s  torch {t:9.0f} samples/s  ratio {o / t:.2f}"
      f"   (runs: neurosim {ours}, torch {theirs})")
PY
done
