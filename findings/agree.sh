#!/usr/bin/env bash
# agree.sh FROM TO [profile]: random networks, clock --precision float64 vs --engine event; spikes.npz exact.
# Extra: EXTRA="--threads 2" adds options to the clock run.  BASE=1 also runs 52bd1ef's event engine (/tmp/b3-base).
cd "$(dirname "$0")/.."
N="dotnet Sim.Cli/bin/Release/net10.0/neurosim.dll"
B="dotnet /tmp/b3-base/Sim.Cli/bin/Release/net10.0/neurosim.dll"
W=/tmp/b3/agree; mkdir -p $W
for s in $(seq $1 $2); do
  f=$W/n$s.json; /usr/bin/python3 findings/gen.py $s $f ${3:-mixed}
  rm -rf $W/c$s $W/e$s $W/b$s
  $N run $f --precision float64 $EXTRA --out $W/c$s > $W/c$s.log 2>&1; rc1=$?
  $N run $f --engine event --out $W/e$s > $W/e$s.log 2>&1; rc2=$?
  if [ $rc1 != 0 ] || [ $rc2 != 0 ]; then echo "seed $s: rc clock=$rc1 event=$rc2: $(head -c 300 $W/c$s.log) | $(head -c 300 $W/e$s.log)"; continue; fi
  res=$(/usr/bin/python3 findings/cmpnpz.py $W/c$s/spikes.npz $W/e$s/spikes.npz | tr '\n' ' ')
  extra=""
  if [ -n "$BASE" ]; then
    $B run $f --engine event --out $W/b$s > $W/b$s.log 2>&1
    extra="base:$(/usr/bin/python3 findings/cmpnpz.py $W/b$s/spikes.npz $W/e$s/spikes.npz | tail -1)"
  fi
  n=$(grep -o '[0-9]* spikes' $W/c$s.log | awk '{s+=$1} END {print s}')
  echo "seed $s: spikes=$n $res $extra"
done
