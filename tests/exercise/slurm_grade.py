#!/usr/bin/env python3
# The Slurm test (ctest exercise/slurm): in a throwaway single-node Slurm (slurm_cluster.py), three students'
# copies of Lab 1 (released with --labs backprop: the reference pasted back, a sign-flipped dL/dx, a syntax error)
# graded with `grade --slurm --labs backprop` get full marks, 0 on linear_backward, 0 with the compiler's error,
# and the same results.json and class.csv as a local grade; a small sweep with --slurm prints the same lines
# and writes the same --out JSON as without (its timing key aside); a task that cannot start gives its student 0
# with a message, and the grade goes on. Without sbatch, both commands stop at once naming scripts/setup.
# usage: slurm_grade.py PLASTICITY_EXERCISE PLASTICITY_CLI (built from this source tree)
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # before the imports: no __pycache__ in tests/exercise
from exercise_helpers import TOP, expect, failures, flip_dx, paste_reference  # noqa: E402
from slurm_cluster import missing_programs, slurm_cluster  # noqa: E402

TIMING = {"samples_per_s"}  # the only keys a Slurm run may change


def students(tmp, reference_binary):
    """Three copies of Lab 1's release: right (the reference pasted back), wrong (dL/dx sign-flipped), broken
    (a missing semicolon in a region)."""
    release = tmp / "release"
    subprocess.run([str(TOP / "scripts/exercise"), "release", str(release), "--labs", "backprop", "--golden-from",
                    reference_binary], check=True)
    paste_reference(release)
    copies = [tmp / name for name in ("right", "wrong", "broken")]
    for copy in copies:
        shutil.copytree(release, copy)
    flip_dx(copies[1])
    linear = copies[2] / "engine/linear.cpp"
    linear.write_text(linear.read_text().replace("b.grad = grad_out.rowwise().sum();", "b.grad = grad_out", 1))
    return copies


def grade(copies, out, env, *slurm):
    """Each copy's results.json and class.csv of a grade into `out`."""
    started = time.time()
    subprocess.run([str(TOP / "scripts/exercise"), "grade", *map(str, copies), "--out", str(out), "--labs",
                    "backprop", *slurm], check=True, env=env)
    print(f"grade {' '.join(slurm) or 'locally'}: {time.time() - started:.0f} s", flush=True)
    results = {copy.name: json.loads((out / copy.name / "results.json").read_text()) for copy in copies}
    return results, (out / "class.csv").read_text()


def without_timing(value):
    if isinstance(value, dict):
        return {k: without_timing(v) for k, v in value.items() if k not in TIMING}
    return [without_timing(v) for v in value] if isinstance(value, list) else value


def sweep(cli, out, env, *slurm):
    """(exit code, stdout lines without timing keys, --out JSON without them) of a small sweep."""
    done = subprocess.run([cli, "sweep", "backprop", "--vary", "lr=0.001,0.01", "--set", "dataset=xor", "--epochs",
                           "1", "--out", str(out), *slurm], capture_output=True, text=True, env=env)
    lines = [without_timing(json.loads(line)) for line in done.stdout.splitlines()]
    return done.returncode, lines, without_timing(json.loads(out.read_text())) if out.exists() else None


def without_sbatch(cli, tmp):
    """Both commands without sbatch on the PATH stop at once, saying to run scripts/setup; sweep --slurm without
    --out is a bad argument."""
    env = {"PATH": "/nonexistent"}
    sweep_args = [cli, "sweep", "backprop", "--vary", "lr=0.001,0.01", "--slurm"]
    done = subprocess.run(sweep_args + ["--out", str(tmp / "x.json")], capture_output=True, text=True, env=env)
    expect(done.returncode == 7 and "scripts/setup installs slurm-wlm" in done.stderr,
           f"sweep --slurm without sbatch exits 7 naming scripts/setup: {done.returncode} {done.stderr.strip()}")
    done = subprocess.run(sweep_args, capture_output=True, text=True)
    expect(done.returncode == 2 and "sweep --slurm needs --out" in done.stderr,
           f"sweep --slurm without --out exits 2: {done.returncode}")
    done = subprocess.run([sys.executable, str(TOP / "scripts/exercise"), "grade", str(TOP), "--out", str(tmp / "x"),
                           "--slurm"], capture_output=True, text=True, env=env)
    expect(done.returncode == 2 and "scripts/setup installs slurm-wlm" in done.stderr,
           f"grade --slurm without sbatch stops naming scripts/setup: {done.returncode} {done.stderr.strip()}")


def main():
    reference_binary, cli = sys.argv[1], sys.argv[2]
    missing = missing_programs()
    if missing:
        sys.exit(f"slurm test: {', '.join(missing)} not installed: run scripts/setup (it installs slurm-wlm, munge)")
    with tempfile.TemporaryDirectory(prefix="pl-slurm-test-") as tmp_name:
        tmp = Path(tmp_name)
        without_sbatch(cli, tmp)
        copies = students(tmp, reference_binary)
        with slurm_cluster() as env:
            on_slurm, csv_on_slurm = grade(copies, tmp / "grades", env, "--slurm")
            swept_on_slurm = sweep(cli, tmp / "slurm-sweep.json", env, "--slurm")
            local, csv = grade(copies, tmp / "grades", None)  # the same DIR: its clean tree is built already
            swept = sweep(cli, tmp / "sweep.json", None)
            # a task that cannot start (its log in a folder that does not exist): no results.json of its own
            lost = grade(copies[:1], tmp / "grades", env, "--slurm", "--sbatch-args=--output=/nonexistent/%a.log")

        right, wrong, broken = (on_slurm[c.name] for c in copies)
        expect(right["score"] == right["max_score"] == 7, f"the reference pasted back gets 7 of 7: {right['score']}")
        linear = [t for t in wrong["tests"] if t["name"].startswith("backprop.linear_backward:")]
        expect(len(linear) == 2 and all(t["score"] == 0 for t in linear)
               and "0 of 1 hidden test cases passed" in linear[1]["output"],
               "the wrong dL/dx gets 0 on linear_backward's public tests and hidden test case")
        expect(wrong["score"] == 3,
               f"... and keeps the other exercises' points, fails the MNIST check: {wrong['score']}")
        expect(broken["score"] == 0 and all(t["status"] == "failed" for t in broken["tests"])
               and "engine/linear.cpp:" in broken["tests"][0]["output"]
               and ": error: " in broken["tests"][0]["output"],
               f"the syntax error gets 0 with the compiler's error: {broken['tests'][0]['output'][:200]!r}")
        for copy in copies:
            expect(on_slurm[copy.name] == local[copy.name], f"{copy.name}: results.json the same as the local grade's")
        expect(csv_on_slurm == csv and csv.count("\n") == 4, "class.csv the same as the local grade's")
        expect((tmp / "grades/grade.sbatch").is_file(), "the job script is kept: DIR/grade.sbatch")

        expect(swept[0] == swept_on_slurm[0] == 0, f"both sweeps exit 0: {swept[0]}, {swept_on_slurm[0]}")
        expect(len(swept[1]) == 4 and swept[1] == swept_on_slurm[1],
               "the sweep with --slurm prints the same 4 lines as without (samples_per_s aside)")
        expect(swept[2] is not None and swept[2] == swept_on_slurm[2],
               "the sweep with --slurm writes the same --out JSON (samples_per_s aside)")
        result = lost[0]["right"]
        expect(result["score"] == 0 and result["max_score"] == 7 and len(result["tests"]) == 7
               and all("the grading task did not finish" in t["output"] for t in result["tests"]),
               f"a task that did not finish gives its student 0 and says so: {result['tests'][0]['output'][:120]}")
    print("slurm test: " + ("passed" if not failures else f"{len(failures)} checks failed"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
