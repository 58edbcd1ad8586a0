#!/usr/bin/env bash
# Times NeuroSim against Brian2's C++ standalone mode on networks/cuba.json, same network and duration,
# one thread each, in one run (alternating, so machine load hits both alike), and prints the ratios of
# simulation wall times and build times. Usage: scripts/bench-cuba-vs-brian2.sh [--repeats 5] [--duration 1]
# Needs Debian's python3-brian (and g++) for the Brian2 side; installs it when run as root and it is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! /usr/bin/python3 -c 'import brian2' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y python3-brian g++ >/dev/null
  else
    echo "bench-cuba-vs-brian2: needs python3-brian (apt-get install python3-brian g++)" >&2
    exit 3
  fi
fi
exec /usr/bin/python3 "$root/scripts/bench_cuba_vs_brian2.py" "$@"
