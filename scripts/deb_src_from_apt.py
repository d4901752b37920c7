#!/usr/bin/env python3
"""Prints deb-src entries (deb822) mirroring the machine's own `deb` entries: the same URIs, suites,
components and Signed-By, read from /etc/apt/sources.list.d/*.sources and the one-line *.list files and
/etc/apt/sources.list. So `apt-get source` works behind whatever mirror or proxy apt already uses; no
package host is written in the repository."""
import glob
import pathlib

stanzas = []
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for block in pathlib.Path(path).read_text().split("\n\n"):
        fields = {}
        for line in block.splitlines():
            if line.startswith("#") or ":" not in line:
                continue
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
        if "deb" in fields.get("Types", "").split() and fields.get("Enabled", "yes") != "no":
            stanzas.append(fields)
lists = ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list"))
for path in lists:
    p = pathlib.Path(path)
    for line in p.read_text().splitlines() if p.exists() else []:
        words = line.split("#", 1)[0].split()
        if not words or words[0] != "deb":
            continue
        options, words = ({}, words[1:])
        if words and words[0].startswith("["):  # [signed-by=... arch=...]
            end = next(i for i, w in enumerate(words) if w.endswith("]"))
            for opt in " ".join(words[: end + 1]).strip("[]").split():
                if opt.startswith("signed-by="):
                    options["Signed-By"] = opt.split("=", 1)[1]
            words = words[end + 1 :]
        if len(words) >= 3:
            stanzas.append({"URIs": words[0], "Suites": words[1], "Components": " ".join(words[2:]), **options})

for fields in stanzas:
    print("Types: deb-src")
    for key in ("URIs", "Suites", "Components", "Signed-By"):
        if key in fields:
            print(f"{key}: {fields[key]}")
    print()
