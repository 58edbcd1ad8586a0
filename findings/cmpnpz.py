#!/usr/bin/python3
"""Compare two .npz files exactly: same keys, dtypes, shapes, values. Prints first difference. Exit 1 if differ."""
import sys, numpy as np
a, b = np.load(sys.argv[1]), np.load(sys.argv[2])
ok = True
if sorted(a.files) != sorted(b.files):
    print("keys differ:", sorted(a.files), sorted(b.files)); ok = False
for k in sorted(set(a.files) & set(b.files)):
    x, y = a[k], b[k]
    if x.shape != y.shape or x.dtype != y.dtype:
        print(f"{k}: shape/dtype {x.shape}/{x.dtype} vs {y.shape}/{y.dtype}"); ok = False
        n = min(len(x), len(y))
        d = np.nonzero(x[:n] != y[:n])[0] if x.ndim == 1 else []
        if len(d): print(f"  first diff at {d[0]}: {x[d[0]]} vs {y[d[0]]}")
        continue
    if not np.array_equal(x, y):
        d = np.argwhere(x != y)
        print(f"{k}: {len(d)} differing entries; first at {tuple(d[0])}: {x[tuple(d[0])]!r} vs {y[tuple(d[0])]!r}")
        if x.dtype.kind == 'f': print(f"  max abs diff {np.max(np.abs(x.astype(float)-y.astype(float)))}")
        ok = False
print("IDENTICAL" if ok else "DIFFERENT")
sys.exit(0 if ok else 1)
