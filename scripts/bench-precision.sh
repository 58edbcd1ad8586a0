#!/usr/bin/env bash
# Times networks/cuba.json (1 s, one thread) with the clock engine in float32 and float64 and with the event
# engine, alternating the three in each repeat so machine load hits them alike, and prints the median
# simulate_cpu_seconds and simulate_seconds of each and the ratios to float32, with the load average.
# Usage: scripts/bench-precision.sh [repeats (default 5)] [neurosim.dll to use for the float32 side (A/B)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-5}"
dll="$root/Sim.Cli/bin/Release/net10.0/neurosim.dll"
base="${2:-$dll}"
(cd "$root" && dotnet build Sim.Cli/Sim.Cli.csproj -c Release -v q -nologo >/dev/null)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$repeats"); do
  dotnet "$base" run "$root/networks/cuba.json" --out "$out/f32-$r" >/dev/null
  dotnet "$dll" run "$root/networks/cuba.json" --precision float64 --out "$out/f64-$r" >/dev/null
  dotnet "$dll" run "$root/networks/cuba.json" --engine event --out "$out/event-$r" >/dev/null
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$repeats" <<'PY'
import json, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
def figures(side, key):
    return [json.load(open(f"{out}/{side}-{r}/summary.json"))[key] for r in range(1, n + 1)]
ref = {}
for side in ["f32", "f64", "event"]:
    cpu, wall = figures(side, "simulate_cpu_seconds"), figures(side, "simulate_seconds")
    spikes = sum(p["spikes"] for p in json.load(open(f"{out}/{side}-1/summary.json"))["populations"])
    ref.setdefault("cpu", statistics.median(cpu)); ref.setdefault("wall", statistics.median(wall))
    print(f"{side:6s} cpu {statistics.median(cpu):.3f} s (x{statistics.median(cpu) / ref['cpu']:.2f})  "
          f"wall {statistics.median(wall):.3f} s (x{statistics.median(wall) / ref['wall']:.2f})  "
          f"spikes {spikes}  cpu runs {' '.join(f'{c:.3f}' for c in cpu)}")
PY
