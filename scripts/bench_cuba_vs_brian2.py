#!/usr/bin/env python3
"""Side-by-side timing of NeuroSim and Brian2 C++ standalone on networks/cuba.json (one thread each).

Called by scripts/bench-cuba-vs-brian2.sh. Runs both simulators --repeats times, alternating them so that
machine load affects both alike, and prints the medians and the ratios Brian2 / NeuroSim of
  * simulation time: NeuroSim's summary.json simulate_cpu_seconds (processor time of the step loop, recording
    included) vs Brian2's device._last_run_time, which its network.cpp measures with std::clock(), i.e. also
    processor time (without OpenMP). Processor time keeps a busy machine's waiting out of both figures; on an
    idle machine it equals wall time. NeuroSim's wall time is printed too;
  * build time: NeuroSim's build_seconds (load, validate, connect, instantiate; no compile step) vs Brian2's
    wall time of run()+device.build() minus the simulation (code generation, C++ compile, synapse creation);
  * whole process wall time, start to exit.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_neurosim(duration_s, seed):
    out = tempfile.mkdtemp(prefix="neurosim_bench_")
    cmd = [os.path.join(ROOT, "neurosim"), "run", os.path.join(ROOT, "networks", "cuba.json"),
           "--duration", f"{duration_s}s", "--seed", str(seed), "--threads", "1", "--out", out]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    with open(os.path.join(out, "summary.json")) as f:
        s = json.load(f)
    spikes = sum(p["spikes"] for p in s["populations"])
    return {"simulate": s["simulate_cpu_seconds"], "simulate_wall": s["simulate_seconds"],
            "build": s["build_seconds"], "wall": wall,
            "rate": spikes / 4000 / duration_s}


def run_brian2(duration_s, seed):
    cmd = ["/usr/bin/python3", os.path.join(ROOT, "scripts", "cuba_brian2.py"), "--mode", "standalone",
           "--seeds", str(seed), "--duration", str(duration_s)]
    t0 = time.perf_counter()
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    r = json.loads([l for l in res.stdout.splitlines() if l.startswith("{")][-1])
    return {"simulate": r["simulate_seconds"], "build": r["build_seconds"], "wall": wall, "rate": r["mean_rate_hz"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--duration", type=float, default=1.0, help="biological seconds")
    args = ap.parse_args()
    subprocess.run([os.path.join(ROOT, "neurosim"), "--help"], check=True, stdout=subprocess.DEVNULL)
    ours, theirs = [], []
    for k in range(args.repeats):
        ours.append(run_neurosim(args.duration, 7 + k))
        theirs.append(run_brian2(args.duration, 7 + k))
        print(f"repeat {k + 1}: neurosim sim {ours[-1]['simulate']:.4f} s (wall {ours[-1]['simulate_wall']:.4f} s) "
              f"build {ours[-1]['build']:.3f} s | "
              f"brian2 sim {theirs[-1]['simulate']:.4f} s build {theirs[-1]['build']:.2f} s", flush=True)
    med = {key: (statistics.median(r[key] for r in ours), statistics.median(r[key] for r in theirs))
           for key in ("simulate", "build", "wall", "rate")}
    print(f"\nCUBA, {args.duration} s biological time, 1 thread each, median of {args.repeats} runs")
    print(f"{'':24}{'NeuroSim':>12}{'Brian2 cpp':>14}{'ratio B/N':>12}")
    print(f"{'simulation wall (s)':24}{statistics.median(r['simulate_wall'] for r in ours):12.4f}{'n/a':>14}")
    for key, label in (("simulate", "simulation CPU (s)"), ("build", "build (s)"), ("wall", "process wall (s)")):
        n, b = med[key]
        print(f"{label:24}{n:12.4f}{b:14.4f}{b / n:12.2f}")
    print(f"{'mean rate (Hz)':24}{med['rate'][0]:12.3f}{med['rate'][1]:14.3f}")
    print(f"\nsimulation speed-up (Brian2 / NeuroSim): {med['simulate'][1] / med['simulate'][0]:.2f}x; "
          f"build speed-up: {med['build'][1] / med['build'][0]:.1f}x")
    try:
        load = os.getloadavg()
        print(f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs")
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
