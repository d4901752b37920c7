#!/usr/bin/env python3
"""Data-file fuzz: every lab mode that loads a data file (derived: each ready lab from `plasticity-cli list`,
with each choice of its choice parameters, run with PLASTICITY_DATA / PLASTICITY_FASHION pointing at a
missing file) gets broken files in the format scripts/convert_digits.py and convert_fashion.py write
("PLDIGIT1", u32 LE count, per image 1 label byte + 784 pixel bytes): missing, a directory, zero-length,
truncated, random bytes, bad magic, mislabelled, misaligned (count and size disagreeing), a huge count and
too few images per class. Each must exit 4 with a stderr message naming the file, never crash.
Usage: data_fuzz.py PATH/TO/plasticity-cli PATH/TO/data"""
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from fuzz_checks import run_checks

CLI, DATA = sys.argv[1], sys.argv[2]
ENV_FILES = {"PLASTICITY_DATA": "mnist-subset.bin", "PLASTICITY_FASHION": "fashion-subset.bin"}
TIMEOUT_S = 30
HEADER, RECORD = 12, 1 + 28 * 28


def run(args, env, timeout_s=TIMEOUT_S):
    try:
        p = subprocess.run([CLI] + args, capture_output=True, timeout=timeout_s, env=dict(os.environ, **env))
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def smallest_valid(good):
    """A valid file with the fewest images the loader takes (201 per class): a run on it is short."""
    count = struct.unpack("<I", good[8:12])[0]
    per_class, records = {}, []
    for i in range(count):
        record = good[HEADER + i * RECORD:HEADER + (i + 1) * RECORD]
        if per_class.get(record[0], 0) < 201:
            per_class[record[0]] = per_class.get(record[0], 0) + 1
            records.append(record)
    return b"PLDIGIT1" + struct.pack("<I", len(records)) + b"".join(records)


def data_modes(labs, workdir):
    """(lab, [--set key=value], env var): one mode per lab and data file that needs the file. A mode needs a
    file when its run exits 4 naming it: first with every file missing (the first one loaded is named), then,
    for a mode that named a file, with that file small but valid and the others missing."""
    missing = {var: os.path.join(workdir, "missing-" + name) for var, name in ENV_FILES.items()}
    candidates = []
    for lab in labs:
        modes = [[]] + [["--set", "%s=%s" % (s["name"], c)] for s in lab["params"] if s["kind"] == "choice"
                        for c in s["choices"]]
        candidates += [(lab["id"], mode) for mode in modes]

    def named(candidate, env, timeout_s=TIMEOUT_S):
        code, err = run(["run", candidate[0], "--epochs", "1"] + candidate[1], env, timeout_s)
        return {var for var, path in missing.items() if code == 4 and "data file " + path in err}

    with ThreadPoolExecutor(max_workers=2) as pool:
        first = list(pool.map(lambda c: named(c, missing), candidates))
        needs = {}
        for var, name in ENV_FILES.items():
            small = os.path.join(workdir, "small-" + name)
            with open(os.path.join(DATA, name), "rb") as f, open(small, "wb") as out:
                out.write(smallest_valid(f.read()))
            env = dict(missing, **{var: small})
            probed = [c for c, n in zip(candidates, first) if n == {var}]
            for c, n in zip(probed, pool.map(lambda c: named(c, env, 10), probed)):
                needs[(c[0], tuple(c[1]))] = {var} | n
    out, seen = [], set()
    for (lab, mode), variables in needs.items():  # one mode per lab and file (the default first)
        for var in sorted(variables):
            if (lab, var) not in seen:
                seen.add((lab, var))
                out.append((lab, list(mode), var))
    return out


def corruptions(good, workdir):
    """name -> path of a broken file (or directory), made from the good file's bytes."""
    rng = random.Random(1)
    count = struct.unpack("<I", good[8:12])[0]
    files = {}

    def write(name, data):
        path = os.path.join(workdir, name + ".bin")
        with open(path, "wb") as f:
            f.write(data)
        files[name] = path

    files["missing"] = os.path.join(workdir, "missing.bin")
    files["directory"] = workdir
    write("zero-length", b"")
    write("truncated-header", good[:7])
    write("truncated-body", good[:HEADER + (count // 2) * RECORD + 100])
    write("truncated-last-byte", good[:-1])
    write("random-bytes", bytes(rng.getrandbits(8) for _ in range(len(good))))
    write("bad-magic", b"PLDIGIT2" + good[8:])
    write("label-10", good[:HEADER] + bytes([10]) + good[HEADER + 1:])
    write("label-255", good[:HEADER + 5 * RECORD] + bytes([255]) + good[HEADER + 5 * RECORD + 1:])
    write("count-plus-one", good[:8] + struct.pack("<I", count + 1) + good[HEADER:])
    write("count-minus-one", good[:8] + struct.pack("<I", count - 1) + good[HEADER:])
    write("trailing-bytes", good + b"\0" * 100)
    write("huge-count", good[:8] + struct.pack("<I", 0xFFFFFFFF) + good[HEADER:])
    write("zero-count", good[:8] + struct.pack("<I", 0))
    write("header-only", good[:HEADER])
    write("too-few-per-class", good[:8] + struct.pack("<I", 100) + good[HEADER:HEADER + 100 * RECORD])
    labels_shuffled = bytearray(good)
    for i in range(count):  # valid layout, random labels 0..15: some out of range
        labels_shuffled[HEADER + i * RECORD] = rng.randrange(16)
    write("random-labels", bytes(labels_shuffled))
    random_body = bytearray(good[:HEADER]) + bytes(rng.getrandbits(8) for _ in range(len(good) - HEADER))
    write("random-body", bytes(random_body))
    return files


def main():
    listing = subprocess.run([CLI, "list"], capture_output=True, check=True, timeout=60)
    labs = [lab for lab in json.loads(listing.stdout) if lab["ready"]]
    with tempfile.TemporaryDirectory(prefix="pl-data-fuzz-") as workdir:
        modes = data_modes(labs, workdir)
        print("lab modes that load data: " +
              ", ".join("%s %s (%s)" % (lab, " ".join(mode[1:]) or "defaults", env) for lab, mode, env in modes))
        cases = []
        for env_var, name in ENV_FILES.items():
            sub = os.path.join(workdir, name)
            os.mkdir(sub)
            with open(os.path.join(DATA, name), "rb") as f:
                broken = corruptions(f.read(), sub)
            cases += [(lab, mode, env_var, kind, path) for lab, mode, e in modes if e == env_var
                      for kind, path in broken.items()]

        def check(case):
            lab, mode, env_var, kind, path = case
            code, err = run(["run", lab, "--epochs", "1"] + mode, {env_var: path})
            where = "%s %s, %s=%s (%s)" % (lab, " ".join(mode), env_var, path, kind)
            if code == "timeout":
                return "no exit within %d s: %s" % (TIMEOUT_S, where)
            if code < 0 or code >= 128:
                return "CRASH (exit %s): %s\n  %s" % (code, where, err[-300:])
            if code != 4:
                return "exit %s, expected 4: %s\n  %s" % (code, where, err[:300])
            if "data file " + path not in err:
                return "UNCLEAR message (does not name the file): %s\n  %s" % (where, err[:300])
            return None

        problems, crashes, unclear = run_checks(check, cases)
    data_labs = sorted({lab for lab, _, _ in modes})
    print("data fuzz: %d inputs (%d lab modes x broken files) over %d labs (%s), %d crashes, "
          "%d unclear messages, %d failures" % (len(cases), len(modes), len(data_labs), ", ".join(data_labs),
                                                 crashes, unclear, len(problems)))
    if len(data_labs) == 0:
        print("no lab loads data: the probe is broken")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
