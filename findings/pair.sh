#!/usr/bin/env bash
# pair.sh FILE [extra clock args]  (COMMON="--seed 3 --duration 2s" for both runs): clock --precision float64 vs --engine event (and 52bd1ef's event engine if built).
cd "$(dirname "$0")/.."
N="dotnet Sim.Cli/bin/Release/net10.0/neurosim.dll"; B="dotnet /tmp/b3-base/Sim.Cli/bin/Release/net10.0/neurosim.dll"
f=$1; shift; o=/tmp/b3/pair/$(basename $f .json); rm -rf $o; mkdir -p $o
$N run $f --precision float64 $COMMON "$@" --out $o/c > $o/c.log 2>&1 || { echo "clock rc=$?"; cat $o/c.log; }
$N run $f --engine event $COMMON --out $o/e > $o/e.log 2>&1 || { echo "event rc=$?"; cat $o/e.log; }
echo -n "clock64 vs event: "; /usr/bin/python3 findings/cmpnpz.py $o/c/spikes.npz $o/e/spikes.npz | tr '\n' ' '; echo
if [ -f /tmp/b3-base/Sim.Cli/bin/Release/net10.0/neurosim.dll ] && [ -z "$NOBASE" ]; then
  $B run $f --engine event $COMMON --out $o/b > $o/b.log 2>&1 || { echo "base rc=$?"; cat $o/b.log; }
  echo -n "event(52bd1ef) vs event(main): "; /usr/bin/python3 findings/cmpnpz.py $o/b/spikes.npz $o/e/spikes.npz | tr '\n' ' '; echo
fi
if [ -f $o/b/state.npz ] && [ -f $o/e/state.npz ]; then
  echo -n "state event(52bd1ef) vs event(main): "; /usr/bin/python3 findings/cmpnpz.py $o/b/state.npz $o/e/state.npz | tr '\n' ' '; echo
fi
