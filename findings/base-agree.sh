#!/usr/bin/env bash
# base-agree.sh FROM TO [profile] [event args]: random networks; event engine of main vs 52bd1ef (spikes + state exact).
cd "$(dirname "$0")/.."
N="dotnet Sim.Cli/bin/Release/net10.0/neurosim.dll"; B="dotnet /tmp/b3-base/Sim.Cli/bin/Release/net10.0/neurosim.dll"
W=/tmp/b3/base; mkdir -p $W; from=$1; to=$2; prof=${3:-mixed}; shift 3
for s in $(seq $from $to); do
  f=$W/n$s.json; /usr/bin/python3 findings/gen.py $s $f $prof; rm -rf $W/e$s $W/b$s
  $N run $f --engine event "$@" --out $W/e$s > $W/e$s.log 2>&1; r1=$?
  $B run $f --engine event "$@" --out $W/b$s > $W/b$s.log 2>&1; r2=$?
  if [ $r1 != 0 ] || [ $r2 != 0 ]; then echo "seed $s: rc main=$r1 base=$r2 $(head -c 200 $W/e$s.log)"; continue; fi
  r="spikes:$(/usr/bin/python3 findings/cmpnpz.py $W/b$s/spikes.npz $W/e$s/spikes.npz | tail -1)"
  [ -f $W/e$s/state.npz ] && r="$r state:$(/usr/bin/python3 findings/cmpnpz.py $W/b$s/state.npz $W/e$s/state.npz | tail -1)"
  echo "seed $s: $r"
done
