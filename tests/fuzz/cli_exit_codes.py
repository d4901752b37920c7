#!/usr/bin/env python3
"""The CLI's exit codes and the defects of issue 10 they fixed: 4 for a missing data file in Lab 5 (was
SIGABRT), 5 for an unwritable --out checked before the run (was exit 3 after it), --epochs in Lab 3's mnist
mode (was ignored), --set '' (was ignored), a sweep of big networks creating its runs one at a time (was
bad_alloc with every run built up front), 2 with a message when memory runs out (was SIGABRT).
Usage: cli_exit_codes.py PATH/TO/plasticity-cli"""
import json
import os
import resource
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
failures = []


def run(args, env=None, memory_limit=None, timeout_s=120):
    def limit():
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    p = subprocess.run([CLI] + args, capture_output=True, text=True, timeout=timeout_s, preexec_fn=limit,
                       env=dict(os.environ, **(env or {})))
    return p.returncode, p.stdout, p.stderr


def expect(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        print("     " + detail[:600].replace("\n", "\n     "))


with tempfile.TemporaryDirectory(prefix="pl-cli-exit-") as tmp:
    missing = os.path.join(tmp, "missing.bin")
    code, out, err = run(["run", "surrogate-spikes", "--epochs", "1"], {"PLASTICITY_DATA": missing})
    expect("Lab 5 with a missing data file exits 4 naming the file", code == 4 and "data file " + missing in err,
           "exit %d\n%s" % (code, err))
    final = json.loads(out.splitlines()[-1]) if out else {}
    expect("... and its final line carries the error", final.get("error", "").startswith("data file"), out)

    code, out, err = run(["run", "backprop", "--epochs", "1"], {"PLASTICITY_DATA": tmp})
    expect("a data path that is a directory exits 4 naming it", code == 4 and "data file %s:" % tmp in err
           and "Is a directory" in err, "exit %d\n%s" % (code, err))

    out_file = os.path.join(tmp, "run.json")
    code, _, err = run(["run", "backprop", "--set", "dataset=xor", "--epochs", "1", "--out", out_file,
                        "--set", "dataset=mnist"], {"PLASTICITY_DATA": missing})
    expect("--out is still written for a run without data (exit 4)",
           code == 4 and json.load(open(out_file))["final"]["error"].startswith("data file"), err)

    unwritable = os.path.join(tmp, "no-such-dir", "run.json")
    code, out, err = run(["run", "backprop", "--set", "dataset=xor", "--epochs", "50", "--out", unwritable],
                         timeout_s=5)
    expect("an unwritable --out exits 5 before the run, with the OS's reason",
           code == 5 and out == "" and "No such file or directory" in err, "exit %d\n%s" % (code, err))
    code, _, err = run(["run", "backprop", "--set", "dataset=xor", "--epochs", "1", "--out", "/dev/full"])
    expect("a failed write of --out exits 5 with the OS's reason", code == 5 and "No space left" in err, err)
    new_file = os.path.join(tmp, "new.json")
    code, _, err = run(["run", "backprop", "--set", "hidden=abc", "--out", new_file])
    expect("checking --out leaves no file behind", code == 2 and not os.path.exists(new_file), err)

    code, out, err = run(["run", "bayes-by-backprop", "--set", "task=mnist", "--set", "mnist_hidden=10",
                          "--epochs", "1"])
    rows = [line for line in out.splitlines() if '"final"' not in line]
    expect("--epochs 1 runs one epoch of Lab 3's mnist mode", code == 0 and len(rows) == 1,
           "exit %d, %d rows\n%s" % (code, len(rows), err))
    code, _, err = run(["run", "bayes-by-backprop", "--set", "task=mnist", "--set", "epochs=2", "--set",
                        "mnist_hidden=10", "--set", "mnist_epochs=1"])
    expect("a parameter that does not apply to the mode is warned about", code == 0 and "epochs has no effect"
           in err, err)

    for bad in ["", "lr", "=1"]:
        code, _, err = run(["run", "backprop", "--set", bad])
        expect("--set '%s' exits 2" % bad, code == 2 and "--set needs key=value" in err, err)
    code, _, err = run(["run", "backprop", "--set", "seed=-5"])
    expect("an out-of-range value exits 2 naming the range", code == 2 and "seed=-5 is below the minimum 0" in err,
           err)

    code, out, err = run(["run", "backprop", "--set", "dataset=cubic", "--set", "optimizer=sgd", "--set",
                          "lr=10", "--set", "init_scale=5", "--epochs", "50"])
    expect("a diverging run exits 3", code == 3 and "diverged" in err, "exit %d\n%s" % (code, err))

    # 8 runs of 1,024 x 2 hidden units: about 40 MB each, 300 MB of address space for the whole sweep
    lrs = "lr=0.001,0.002,0.003,0.004,0.005,0.006,0.007,0.008"
    sweep_file = os.path.join(tmp, "sweep.json")
    code, out, err = run(["sweep", "backprop", "--vary", lrs, "--set", "dataset=xor", "--set", "hidden=1024,1024",
                          "--set", "batch=400", "--epochs", "1", "--out", sweep_file], memory_limit=300 << 20)
    expect("a sweep creates its runs one at a time (8 big runs in 300 MB)", code == 0, "exit %d\n%s" % (code, err))
    if code == 0:
        sweep = json.load(open(sweep_file))
        expect("... and writes Comparison::json's format", list(sweep) == ["lab", "vary", "runs"] and
               len(sweep["runs"]) == 8 and list(sweep["runs"][0])[:6] == ["lr", "lab", "params", "metrics",
                                                                          "metrics_digest", "final"],
               json.dumps(sweep)[:300])

    # 5 x 1,024 hidden units need over 90 MB in float32: in 75 MB of address space the run cannot be built
    big = ["--set", "dataset=xor", "--set", "hidden=1024,1024,1024,1024,1024", "--epochs", "1"]
    for command in (["run", "backprop"], ["sweep", "backprop", "--vary", "lr=0.001,0.002"]):
        code, _, err = run(command + big, memory_limit=75 << 20)
        expect("%s out of memory exits 2 with a message" % command[0], code == 2 and "out of memory" in err,
               "exit %d\n%s" % (code, err))

print("cli exit codes: %d failures" % len(failures))
sys.exit(1 if failures else 0)
