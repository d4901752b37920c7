#!/usr/bin/env python3
"""CLI fuzz: every parameter of every ready lab (read from `plasticity-cli list`, so a lab added later is
covered the day it lands) gets bad values: NaN, inf, 1e309, empty, non-numbers, Unicode, 100 kB strings, huge
and negative integers, hex, spaces, fractions for integers, malformed lists, choices not offered. Each must
exit 2 with a stderr message naming the parameter, never crash (a signal or exit >= 128) and never start a
run (a per-invocation timeout). Bad commands, options and --out paths are tried too.
Usage: cli_fuzz.py PATH/TO/plasticity-cli"""
import json
import os
import subprocess
import sys
import tempfile
from fuzz_checks import run_checks

CLI = sys.argv[1]
TIMEOUT_S = 20  # a rejected value exits at once; a run that starts is cut off and reported
HUGE_TEXT = "7" * 100_000

# Bad for every kind of parameter.
COMMON = ["", "NaN", "nan", "inf", "-inf", "Infinity", "1e309", "-1e309", "abc", "0x10", " 1", "1 ", "1,",
          ",", "1,,2", "\u2460", "\u65e5\u672c", "\u00e9t\u00e9", "\U0001F600", "1;2", "--set", HUGE_TEXT,
          "a" * 100_000]


def number_text(v):
    return str(int(v)) if float(v).is_integer() else repr(v)


def bad_values(spec):
    """The values `spec` (an entry of `list`'s params) must refuse."""
    kind = spec["kind"]
    values = list(COMMON)
    if kind in ("float", "int"):
        lo, hi = spec["min"], spec["max"]
        values += [number_text(hi * 10 + 1), "99999999999999999999", "-99999999999999999999", "1e300",
                   number_text(lo - 1 if lo >= 0 else lo * 10 - 1)]
        if kind == "int":
            values += ["3.7", "-2147483649", "2147483648"]
    elif kind == "int_list":
        values += ["256,", ",256", "1,,2", " 1,2", "1, 2", "3.7", "-5", "99999999999999999999", "0x100",
                   ",".join(["8"] * 11), "1e309,2"]
    elif kind == "choice":
        choice = spec["choices"][0]
        values += ["not-a-choice", choice + " ", " " + choice, choice.upper() + "X", choice + "\u00a0"]
    elif kind == "bool":
        values += ["maybe", "2", "TRUE!", "true ", " false", "-1"]
    seen, out = set(), []
    for v in values:  # a value is bad only if it is not one of the choices (e.g. "1" for a bool is fine)
        if v not in seen and not (kind == "bool" and v in ("1", "0", "true", "false", "on", "off", "yes", "no")):
            seen.add(v)
            out.append(v)
    return out


def run(args):
    try:
        p = subprocess.run([CLI] + args, capture_output=True, timeout=TIMEOUT_S)
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", ""


def shown(args):
    text = " ".join(a if len(a) < 60 else a[:40] + "...(%d bytes)" % len(a) for a in args)
    return text.encode("unicode_escape").decode()


def check(case):
    """case: (args, expected exit code, a word the message must contain). Returns a problem or None."""
    args, expected, word = case
    code, err = run(args)
    if code == "timeout":
        return "started a run (no exit within %d s): %s" % (TIMEOUT_S, shown(args))
    if code < 0 or code >= 128:
        return "CRASH (exit %s): %s\n  %s" % (code, shown(args), err[-300:])
    if code != expected:
        return "exit %s, expected %s: %s\n  %s" % (code, expected, shown(args), err[:300])
    if word and word not in err:
        return "UNCLEAR message (does not name '%s'): %s\n  %s" % (word, shown(args), err[:300])
    if len(err) > 4000:
        return "UNCLEAR message (%d bytes of stderr): %s" % (len(err), shown(args))
    return None


def main():
    listing = subprocess.run([CLI, "list"], capture_output=True, check=True, timeout=60)
    labs = [lab for lab in json.loads(listing.stdout) if lab["ready"]]
    cases = []
    for lab in labs:
        for spec in lab["params"]:
            for value in bad_values(spec):
                cases.append((["run", lab["id"], "--set", spec["name"] + "=" + value], 2, spec["name"]))
            cases.append((["sweep", lab["id"], "--vary", spec["name"] + "=" + bad_values(spec)[2] + ",x"], 2,
                          spec["name"]))
        for value in ["abc", "-1", "0", "1e309", "0x10", "3.7", "", HUGE_TEXT]:
            cases.append((["run", lab["id"], "--epochs", value], 2, "epochs"))
            cases.append((["run", lab["id"], "--seed", value if value != "0" else "-5"], 2, "seed"))
        cases += [
            (["run", lab["id"], "--set", ""], 2, "--set"),
            (["run", lab["id"], "--set", "=1"], 2, "--set"),
            (["run", lab["id"], "--set", "lr"], 2, "--set"),
            (["run", lab["id"], "--set", "no_such_param=1"], 2, "no_such_param"),
            (["run", lab["id"], "--set", HUGE_TEXT + "=1"], 2, "unknown parameter"),
            (["run", lab["id"], "--set"], 2, "--set"),
            (["run", lab["id"], "--bogus", "1"], 2, "--bogus"),
            (["run", lab["id"], "--vary", "seed=1,2"], 2, "--vary"),
            (["sweep", lab["id"]], 2, "--vary"),
            (["sweep", lab["id"], "--vary", "seed"], 2, "--vary"),
            (["sweep", lab["id"], "--vary", "seed=1"], 2, "two values"),
            (["sweep", lab["id"], "--vary", "seed=,,"], 2, "two values"),
            (["sweep", lab["id"], "--vary", "nope=1,2"], 2, "nope"),
        ]
    missing_dir = os.path.join(tempfile.gettempdir(), "pl-cli-fuzz-no-such-dir", "out.json")
    under_a_file = os.path.join(os.path.realpath(CLI), "out.json")  # the parent is not a directory
    for out in [missing_dir, "/", "", under_a_file, "/proc/version/out.json"]:
        for command in (["run", labs[0]["id"]], ["sweep", labs[0]["id"], "--vary", "seed=1,2"]):
            cases.append((command + ["--out", out], 5, "--out"))
    cases += [([], 2, "no command"), (["bogus"], 2, "bogus"), (["run"], 2, "lab id"), (["params"], 2, "lab id"),
              (["run", "--set"], 2, "lab id"), (["run", "no-such-lab"], 2, "no-such-lab"),
              (["params", "no-such-lab"], 2, "no-such-lab"), (["run", HUGE_TEXT], 2, "unknown lab"),
              ([HUGE_TEXT], 2, "unknown command")]

    problems, crashes, unclear = run_checks(check, cases)
    print("cli fuzz: %d inputs over %d labs, %d crashes, %d unclear messages, %d failures" %
          (len(cases), len(labs), crashes, unclear, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
