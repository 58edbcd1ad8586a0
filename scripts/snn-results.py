#!/usr/bin/python3
"""Summarises runs/snn-exp/<config>-s<seed>/metrics.json into markdown: test accuracy (%) per epoch,
mean ± sample std over seeds. Usage: snn-results.py RUNS_DIR"""
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

for config, seeds in table.items():
    any_run = next(iter(seeds.values()))
    print(f"\n{config}: lr {any_run['learning_rate']}, GRAPES {any_run['grapes']}, seeds {', '.join(sorted(seeds))}")
    epochs = max(len(m["epochs"]) for m in seeds.values())
    print("| epoch | test acc % (mean ± std) | train loss | s/epoch | runs |")
    print("|---:|---:|---:|---:|---:|")
    for e in range(epochs):
        rows = [m["epochs"][e] for m in seeds.values() if len(m["epochs"]) > e]
        acc = [100 * r["test_accuracy"] for r in rows]
        loss = [r["train_loss"] for r in rows]
        secs = [r["seconds"] for r in rows]
        std = statistics.stdev(acc) if len(acc) > 1 else 0.0
        print(f"| {e + 1} | {statistics.mean(acc):.2f} ± {std:.2f} | {statistics.mean(loss):.4f} | "
              f"{statistics.mean(secs):.1f} | {len(rows)} |")
