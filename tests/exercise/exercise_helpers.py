# What the exercise tests share (round_trip.py, slurm_grade.py): scripts/exercise as a module, expect() and its
# failures, and the edits that make a student's copy: the reference pasted back, a wrong dL/dx.
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent.parent
loader = importlib.machinery.SourceFileLoader("exercise", str(TOP / "scripts/exercise"))
exercise = importlib.util.module_from_spec(importlib.util.spec_from_loader("exercise", loader))
loader.exec_module(exercise)  # (its importers set sys.dont_write_bytecode: no __pycache__ here)
failures = []


def expect(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what, flush=True)
    if not condition:
        failures.append(what)


def paste_reference(copy):
    """Puts the reference's solution of every region back into the copy."""
    for r in exercise.regions(TOP, exercise.source_files(TOP)):
        reference = (TOP / r["file"]).read_text().splitlines()
        target = copy / r["file"]
        lines = target.read_text().splitlines()
        stub = next(s for s in exercise.regions_in("\n".join(lines), r["file"]) if s["id"] == r["id"])
        lines[stub["hints"]:stub["end"]] = reference[r["hints"]:r["end"]]
        target.write_text("\n".join(lines) + "\n")


def flip_dx(copy):
    """A wrong gradient in the copy: the linear backward's dL/dx sign-flipped."""
    linear = copy / "engine/linear.cpp"
    right = "return W.value.transpose() * grad_out;"
    linear.write_text(linear.read_text().replace(right, "return -W.value.transpose() * grad_out;", 1))
