#!/usr/bin/python3
"""PyTorch side of scripts/bench-ann-vs-torch.sh: the same training step as Sim.Bench's AnnWorkload.

Usage: bench-ann-vs-torch.py HIDDEN THREADS SECONDS -> prints "torch HIDDEN THREADS samples_per_second".
784-H-H-10 ReLU, no biases, He-uniform (kaiming_uniform_ with relu gain), 10% dropout, cross-entropy, SGD lr 0.01,
batch 64 of random inputs in [0, 1); 2 s warm-up, then steps for SECONDS.
"""
import sys, time
import torch

hidden, threads, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(1)
layers = [torch.nn.Linear(784, hidden, bias=False), torch.nn.ReLU(), torch.nn.Dropout(0.1),
          torch.nn.Linear(hidden, hidden, bias=False), torch.nn.ReLU(), torch.nn.Dropout(0.1),
          torch.nn.Linear(hidden, 10, bias=False)]
for layer in layers:
    if isinstance(layer, torch.nn.Linear):
        torch.nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")
model = torch.nn.Sequential(*layers).train()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = torch.nn.CrossEntropyLoss()
x = torch.rand(64, 784)
y = torch.randint(0, 10, (64,))


def step():
    optimizer.zero_grad(set_to_none=True)
    loss_fn(model(x), y).backward()
    optimizer.step()


def measure(duration):
    start, steps = time.perf_counter(), 0
    while time.perf_counter() - start < duration:
        step()
        steps += 1
    return steps, time.perf_counter() - start


measure(2.0)
steps, elapsed = measure(seconds)
print(f"torch {hidden} {threads} {steps * 64 / elapsed:.1f}")
