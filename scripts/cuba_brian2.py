#!/usr/bin/env python3
"""Brian2 reference run of the Vogels & Abbott (2005) CUBA network, as in Brian2's CUBA example.

Used twice by NeuroSim:
  * to measure the band of mean rate and ISI CV that Sim.Tests pins (runtime mode, several seeds);
  * by scripts/bench-cuba-vs-brian2.sh for the wall-time comparison (C++ standalone mode, one thread).

Prints one JSON object per run on stdout. The statistics are computed exactly as NeuroSim's summary.json
computes them: mean_rate_hz = spikes / (neurons * duration); cv_isi = mean over neurons with at least
two inter-spike intervals of std(ISI)/mean(ISI) (population std, ddof = 0).

Run with Debian's Python: /usr/bin/python3 scripts/cuba_brian2.py --mode runtime --seeds 1 2 3
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import warnings

warnings.filterwarnings("ignore")


def stats(i, t, n, duration_s):
    """Mean rate (Hz) and mean per-neuron ISI CV from spike indices i and times t (s)."""
    import numpy as np
    order = np.lexsort((t, i))
    i, t = i[order], t[order]
    cvs = []
    bounds = np.searchsorted(i, np.arange(n + 1))
    for k in range(n):
        ts = t[bounds[k]:bounds[k + 1]]
        if len(ts) >= 3:
            isi = np.diff(ts)
            cvs.append(isi.std() / isi.mean())
    return len(t) / (n * duration_s), (float(np.mean(cvs)) if cvs else float("nan"))


def run_once(mode, seed, duration_s, workdir):
    import brian2 as b2
    from brian2 import ms, mV, second
    b2.start_scope()
    if mode == "standalone":
        b2.set_device("cpp_standalone", directory=workdir, build_on_run=False)
        b2.prefs.devices.cpp_standalone.openmp_threads = 0
    else:
        b2.prefs.codegen.target = "numpy"
    b2.seed(seed)
    b2.defaultclock.dt = 0.1 * ms
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
    eqs = """
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    """
    P = b2.NeuronGroup(4000, eqs, threshold="v>Vt", reset="v = Vr", refractory=5 * ms, method="exact")
    P.v = "Vr + rand() * (Vt - Vr)"
    P.ge = 0 * mV
    P.gi = 0 * mV
    we = 1.62 * mV
    wi = -9 * mV
    Ce = b2.Synapses(P, P, on_pre="ge += we")
    Ci = b2.Synapses(P, P, on_pre="gi += wi")
    Ce.connect("i<3200", p=0.02)
    Ci.connect("i>=3200", p=0.02)
    mon = b2.SpikeMonitor(P)
    t0 = time.perf_counter()
    b2.run(duration_s * second)
    if mode == "standalone":
        b2.device.build(directory=workdir, compile=True, run=True, debug=False)
    total = time.perf_counter() - t0
    rate, cv = stats(mon.i[:].copy(), mon.t[:] / second, 4000, duration_s)
    out = {"mode": mode, "seed": seed, "duration_s": duration_s, "spikes": int(len(mon.t)),
           "mean_rate_hz": rate, "cv_isi": cv, "synapses": int(len(Ce) + len(Ci)), "total_seconds": total}
    if mode == "standalone":
        # _last_run_time: wall time of the simulation loop alone, measured inside the compiled binary.
        out["simulate_seconds"] = float(b2.device._last_run_time)
        out["build_seconds"] = total - out["simulate_seconds"]
        b2.device.reinit()
        b2.device.activate()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["runtime", "standalone"], default="runtime")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--duration", type=float, default=1.0, help="biological time in seconds")
    args = ap.parse_args()
    for seed in args.seeds:
        workdir = tempfile.mkdtemp(prefix="cuba_brian2_")
        try:
            print(json.dumps(run_once(args.mode, seed, args.duration, workdir)), flush=True)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
