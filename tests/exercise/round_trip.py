#!/usr/bin/env python3
# The exercise round trip (ctest label "exercise"): release a student's copy into a temporary folder, then in
# that copy (one build dir, reused): untouched, every public test fails with "not implemented", a lab run
# (backprop's, plasticity's Oja) exits 6 with the notice and a ctest that reaches a stub is skipped; with the
# reference regions pasted back every public test passes (and that ctest runs and passes); with a sign-flipped
# dL/dx in the linear backward exactly backprop.linear_backward's tests fail; graded (with its public test
# runner edited to pass everything) next to the reference, it gets the clean tests' results in Gradescope's
# format and fails Lab 1's lab-level check (93% on MNIST), which the reference passes; a check's at_most bound
# fails a run above it.
# usage: round_trip.py PLASTICITY_EXERCISE (built from this source tree: its golden data are the release's)
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # before the import: no __pycache__ in tests/exercise
from exercise_helpers import TOP, exercise, expect, failures, flip_dx, paste_reference


def check(copy):
    """The public tests of the copy (scripts/exercise check --json): list of dicts."""
    done = subprocess.run([str(copy / "scripts/exercise"), "check", "--json"], cwd=copy, capture_output=True,
                          text=True)
    if not done.stdout.startswith("{"):
        sys.exit("round trip: check printed no results:\n" + done.stdout + done.stderr)
    return json.loads(done.stdout)["tests"]


STUB_TEST = "lab/a diverging learning rate stops the run with a clear message"  # runs the linear backward


def ctest_stub_test(copy):
    """ctest's output for STUB_TEST in the copy (pl_lab_tests built in the check's build dir)."""
    problem = exercise.build(copy, "pl_lab_tests", tests=True)
    done = subprocess.run(["ctest", "--test-dir", str(copy / exercise.BUILD), "-R", f"^{STUB_TEST}$"],
                          capture_output=True, text=True)
    return problem + done.stdout + done.stderr


def main():
    reference_binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="pl-exercise-") as tmp:
        copy = Path(tmp) / "copy"
        subprocess.run([str(TOP / "scripts/exercise"), "release", str(copy), "--golden-from", reference_binary],
                       check=True)
        expect(not (copy / "tests/unit/test_optimizers.cpp").read_text().count("exercise:backprop.adam_step"),
               "the release has no hidden test")

        tests = check(copy)
        expect(len(tests) > 0 and all(not t["passed"] and "is not implemented yet: " in t["message"]
                                      for t in tests),
               f"the untouched release fails all {len(tests)} public tests with 'not implemented'")
        build = exercise.build(copy, "plasticity-cli")
        expect(build == "", "the copy's plasticity-cli builds")
        for lab in [["backprop", "--set", "dataset=xor", "--epochs", "1"], ["plasticity", "--set", "rule=oja"]]:
            run = subprocess.run([str(copy / exercise.BUILD / "labs/plasticity-cli"), "run", *lab],
                                 capture_output=True, text=True)
            expect(run.returncode == 6 and "is not implemented yet: engine/" in run.stderr,
                   f"{lab[0]} on a stub exits 6 with the notice (exit {run.returncode}: {run.stderr.strip()[-120:]})")
        ran = ctest_stub_test(copy)
        expect("***Skipped" in ran and "0 tests failed out of 1" in ran,
               f"a ctest that reaches a stub is reported skipped, not failed: {ran[-300:]}")

        paste_reference(copy)
        tests = check(copy)
        wrong = [t for t in tests if not t["passed"]]
        expect(not wrong, f"with the reference pasted back all {len(tests)} public tests pass {wrong[:1]}")
        ran = ctest_stub_test(copy)
        expect(" Passed " in ran and "***Skipped" not in ran,
               f"with the reference pasted back that ctest runs and passes: {ran[-300:]}")

        flip_dx(copy)
        tests = check(copy)
        failed = sorted({t["exercise"] for t in tests if not t["passed"]})
        expect(failed == ["backprop.linear_backward"], f"a sign-flipped dL/dx fails only linear_backward: {failed}")
        expect(all(t["message"].startswith("dL/dx is wrong: largest error ") for t in tests if not t["passed"]),
               "each says 'dL/dx is wrong: largest error ...' first")

        checker = copy / "labs/exercise_check.cpp"
        checker.write_text(checker.read_text().replace("result.passed = result.message.empty();",
                                                       "result.passed = true;", 1))
        grades = Path(tmp) / "grades"
        subprocess.run([str(TOP / "scripts/exercise"), "grade", str(TOP), str(copy), "--out", str(grades),
                        "--timeout", "600"],  # a generous limit: ctest runs this next to other tests
                       check=True)
        reference = json.loads((grades / TOP.name / "results.json").read_text())
        checks = [t for t in reference["tests"] if t["name"].endswith(": lab-level check")]
        expect(checks and all(t["status"] == "passed" for t in checks)
               and reference["score"] == reference["max_score"],
               f"the reference passes all {len(checks)} lab-level checks and gets every point")
        result = json.loads((grades / "copy/results.json").read_text())
        mnist = next(t for t in result["tests"] if t["name"] == "backprop.mnist_accuracy: lab-level check")
        expect(mnist["score"] == 0 and "test_acc is 0." in mnist["output"]
               and "backprop.linear_backward" in mnist["output"],
               f"the wrong dL/dx fails Lab 1's lab-level check (93% on MNIST): {mnist['output'][:160]}")
        fields = {"name", "score", "max_score", "status", "output", "visibility"}
        expect(set(result) == {"score", "max_score", "tests"} and all(set(t) == fields for t in result["tests"]),
               "results.json has Gradescope's fields")
        linear = [t for t in result["tests"] if t["name"].startswith("backprop.linear_backward:")]
        expect(len(linear) == 2 and all(t["score"] == 0 and t["status"] == "failed" for t in linear),
               "the wrong dL/dx gets 0 on linear_backward's public and hidden tests, whatever the copy's runner says")
        others = [t for t in result["tests"] if t["name"].endswith(": public tests") and t not in linear]
        expect(all(t["status"] == "passed" for t in others), "every other exercise's public tests pass in the grade")
        expect((grades / "class.csv").read_text().startswith("student,score,max_score,"), "class.csv is written")
        files = exercise.source_files(TOP)
        oja = next(c for c in exercise.lab_checks(TOP, files, exercise.regions(TOP, files))
                   if c["id"] == "plasticity.oja_pc1")
        tight = exercise.lab_check_test(grades / "work/tree", dict(oja, at_most=0.0), [], 600)
        expect(tight["status"] == "failed" and "at most 0.0 needed" in tight["output"],
               f"the reference's Oja angle fails an at_most of 0: {tight['output'][:160]}")
    print("round trip: " + ("passed" if not failures else f"{len(failures)} checks failed"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
