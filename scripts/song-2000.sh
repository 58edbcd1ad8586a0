#!/usr/bin/env bash
# Song, Miller & Abbott (2000): additive STDP drives the input weights of a Poisson-driven LIF neuron to a
# bimodal distribution. Writes docs/images/song2000-weights.png and prints the fractions near 0 and w_max.
# Usage: scripts/song-2000.sh [SECONDS (default 1500)] [PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Sim.Bench -c Release -nologo -v quiet >&2
exec dotnet Sim.Bench/bin/Release/net10.0/NeuroSim.Bench.dll song2000 "${1:-1500}" "${2:-docs/images/song2000-weights.png}"
