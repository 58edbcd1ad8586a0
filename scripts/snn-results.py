#!/usr/bin/python3
"""Summarises RUNS_DIR/<config>-s<seed>/metrics.json into markdown: per configuration, test accuracy (%) per
epoch as mean ± sample std over seeds, with training loss and seconds per epoch; then one table with a column per
configuration (mean ± std), and one with each seed's test accuracy per epoch. Usage: snn-results.py RUNS_DIR"""
import glob
import json
import os
import statistics
import sys

runs = sys.argv[1] if len(sys.argv) > 1 else "runs/snn-exp"
table = {}
for path in sorted(glob.glob(os.path.join(runs, "*", "metrics.json"))):
    name = os.path.basename(os.path.dirname(path))
    config, seed = name.rsplit("-s", 1)
    with open(path) as f:
        m = json.load(f)
    table.setdefault(config, {})[seed] = m


def mean_std(values):
    std = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.2f} ± {std:.2f}"


for config, seeds in sorted(table.items()):
    any_run = next(iter(seeds.values()))
    print(f"\n{config}: lr {any_run['learning_rate']}, GRAPES {any_run['grapes']}, data {any_run.get('data')}, "
          f"seeds {', '.join(sorted(seeds))}")
    epochs = max(len(m["epochs"]) for m in seeds.values())
    print("| epoch | test acc % (mean ± std) | train loss | s/epoch | runs |")
    print("|---:|---:|---:|---:|---:|")
    for e in range(epochs):
        rows = [m["epochs"][e] for m in seeds.values() if len(m["epochs"]) > e]
        acc = [100 * r["test_accuracy"] for r in rows]
        loss = [r["train_loss"] for r in rows]
        secs = [r["seconds"] for r in rows]
        print(f"| {e + 1} | {mean_std(acc)} | {statistics.mean(loss):.4f} | "
              f"{statistics.mean(secs):.1f} | {len(rows)} |")

configs = sorted(table)
epochs = max(len(m["epochs"]) for seeds in table.values() for m in seeds.values())
print("\nTest accuracy (%), mean ± sample std over seeds:\n")
print("| epoch | " + " | ".join(configs) + " |")
print("|---:|" + "---:|" * len(configs))
for e in range(epochs):
    cells = []
    for c in configs:
        acc = [100 * m["epochs"][e]["test_accuracy"] for m in table[c].values() if len(m["epochs"]) > e]
        cells.append(mean_std(acc) if acc else "")
    print(f"| {e + 1} | " + " | ".join(cells) + " |")

print("\nPer seed, test accuracy (%) at epochs 1, 2, ...:\n")
all_seeds = sorted({s for seeds in table.values() for s in seeds}, key=int)
print("| seed | " + " | ".join(configs) + " |")
print("|---:|" + "---|" * len(configs))
for s in all_seeds:
    cells = [", ".join(f"{100 * r['test_accuracy']:.2f}" for r in table[c][s]["epochs"]) if s in table[c] else ""
             for c in configs]
    print(f"| {s} | " + " | ".join(cells) + " |")
