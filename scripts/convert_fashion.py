#!/usr/bin/env python3
"""Converts Debian's Fashion-MNIST (dataset-fashion-mnist, idx files) into the digit file format of
convert_digits.py: 'PLDIGIT1', u32 count, per image one u8 label + 784 u8 pixels. Keeps the first 1,000
images of each class of the official training file, in file order, class by class (10,000 in all), so the
loader's split (last 200 of each class = test) gives 8,000 train / 2,000 test, like the MNIST subset."""
import gzip, struct, sys, pathlib

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
per_class = 1000
images = gzip.decompress((src / "train-images-idx3-ubyte.gz").read_bytes())
labels = gzip.decompress((src / "train-labels-idx1-ubyte.gz").read_bytes())
magic, n, rows, cols = struct.unpack(">IIII", images[:16])
assert magic == 2051 and rows == cols == 28, f"{src}: not an idx3 file of 28x28 images"
assert struct.unpack(">II", labels[:8]) == (2049, n), f"{src}: labels do not match the images"
kept = [[] for _ in range(10)]
for i in range(n):
    label = labels[8 + i]
    if len(kept[label]) < per_class:
        kept[label].append(images[16 + i * 784:16 + (i + 1) * 784])
records = bytearray()
for label in range(10):
    assert len(kept[label]) == per_class, f"class {label}: only {len(kept[label])} images"
    for pixels in kept[label]:
        records.append(label)
        records += pixels
out.write_bytes(b"PLDIGIT1" + struct.pack("<I", 10 * per_class) + records)
print(f"convert_fashion: {10 * per_class} images -> {out} ({out.stat().st_size} bytes)")
