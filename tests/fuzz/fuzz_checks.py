"""Shared by the fuzz scripts: runs the checks two at a time (the machine's cores) and counts the problems."""
from concurrent.futures import ThreadPoolExecutor


def run_checks(check, cases):
    """check(case) returns None or a problem: "CRASH ...", "UNCLEAR ..." (a message that does not say what
    is wrong) or another failure. Prints the first 40; returns (problems, crashes, unclear messages)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        problems = [p for p in pool.map(check, cases) if p]
    for p in problems[:40]:
        print(p)
    crashes = sum(p.startswith("CRASH") for p in problems)
    unclear = sum(p.startswith("UNCLEAR") for p in problems)
    return problems, crashes, unclear
