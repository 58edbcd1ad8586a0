#!/usr/bin/python3
"""PyTorch CPU twin of Sim.Bench's SNN training step (see Sim.Bench/Snn/SnnBenchmarkSetup.cs).

784-256-10 LIF, beta 0.95, threshold 1, reset by subtraction (gradient through the reset, as in NeuroSim),
fast-sigmoid surrogate 1/(1+25|x|)^2, no bias, Poisson input p = pixel, T = 25, spike-count cross-entropy,
Adam lr 5e-4, batch 128 real digits of data/mnist-sample. The input projection of all T steps is one matmul
(the fastest plain-PyTorch formulation). Usage: snn_torch_bench.py THREADS BATCHES [WARMUP] (WARMUP untimed steps
first, default 10 as on the NeuroSim side).
"""
import gzip
import os
import statistics
import sys
import time

import numpy as np
import torch

T, HIDDEN, CLASSES, BATCH, BETA = 25, 256, 10, 128, 0.95


class FastSigmoidSpike(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad / (1 + 25 * x.abs()) ** 2


def load_batch(root):
    with gzip.open(os.path.join(root, "data/mnist-sample/train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(root, "data/mnist-sample/train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    x = torch.tensor(images[:BATCH], dtype=torch.float32) / 255
    return x, torch.tensor(labels[:BATCH], dtype=torch.long)


def main():
    threads, batches = int(sys.argv[1]), int(sys.argv[2])
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    x, y = load_batch(root)
    fc1 = torch.nn.Linear(784, HIDDEN, bias=False)
    fc2 = torch.nn.Linear(HIDDEN, CLASSES, bias=False)
    opt = torch.optim.Adam(list(fc1.parameters()) + list(fc2.parameters()), lr=5e-4)
    spike = FastSigmoidSpike.apply

    def step():
        inp = (torch.rand(T, BATCH, 784) < x).float()
        cur1 = fc1(inp.view(T * BATCH, 784)).view(T, BATCH, HIDDEN)
        v1 = torch.zeros(BATCH, HIDDEN)
        s1 = torch.zeros(BATCH, HIDDEN)
        v2 = torch.zeros(BATCH, CLASSES)
        s2 = torch.zeros(BATCH, CLASSES)
        count = torch.zeros(BATCH, CLASSES)
        for t in range(T):
            v1 = BETA * v1 + cur1[t] - s1
            s1 = spike(v1 - 1.0)
            v2 = BETA * v2 + fc2(s1) - s2
            s2 = spike(v2 - 1.0)
            count = count + s2
        loss = torch.nn.functional.cross_entropy(count, y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    times, cpu = [], []
    for b in range(-warmup, batches):
        start, cpu_start = time.perf_counter(), time.process_time()
        step()
        if b >= 0:
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - cpu_start)
    median = statistics.median(times)
    print(f"pytorch {torch.__version__} snn 784-256-10 LIF T={T} batch={BATCH} threads={threads}: "
          f"median {median * 1000:.1f} ms/batch (fastest {min(times) * 1000:.1f}, process CPU "
          f"{statistics.median(cpu) * 1000:.1f} ms/batch), {BATCH / median:.0f} samples/s")


if __name__ == "__main__":
    main()
