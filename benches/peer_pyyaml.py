#!/usr/bin/env python3
"""The PyYAML peer of `adscheck classify -f jsonl`, for benches/bench-batch.sh: the same job
done the way a short script would do it. Walks the folders, reads each answer file with
PyYAML's C loader (CSafeLoader, the fastest PyYAML offers), decides ADS and Agency ADS with
the checklist's three-valued rules (ADS: (1)(a), (1)(b) and (1)(c) all yes; Agency ADS: ADS,
(2)(a) and (2)(b) all yes; any no decides no; otherwise undetermined), and writes one JSON
line per file. It uses as many processes as there are cores, as adscheck uses threads.
It checks nothing else (no schema, no positions, no reasons, no warnings): a floor for the
peer, not its equal.

Usage: peer_pyyaml.py DIR...
"""
import json
import multiprocessing
import os
import sys

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def value(answer):
    if isinstance(answer, dict):
        answer = answer.get("answer")
    if answer is True:
        return "yes"
    if answer is False:
        return "no"
    return answer if answer in ("yes", "no") else "undetermined"


def all_of(values):
    if "no" in values:
        return "no"
    return "yes" if all(v == "yes" for v in values) else "undetermined"


def classify(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=LOADER)
        answers = doc.get("answers") or {}
        ads = all_of([value(answers.get(q)) for q in ("1a", "1b", "1c")])
        agency = all_of([ads] + [value(answers.get(q)) for q in ("2a", "2b")])
        return json.dumps({"file": path, "tool": doc.get("tool"),
                           "determinations": {"ads": ads, "agency_ads": agency}})
    except Exception as e:  # a script reports and goes on
        return json.dumps({"file": path, "error": str(e)})


def files(roots):
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.endswith((".yaml", ".yml", ".json")):
                    yield os.path.join(folder, name)


def main():
    out = sys.stdout
    with multiprocessing.Pool(os.cpu_count()) as pool:
        for line in pool.imap(classify, files(sys.argv[1:]), chunksize=256):
            out.write(line + "\n")


if __name__ == "__main__":
    main()
