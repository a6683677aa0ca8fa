#!/usr/bin/env bash
# Batch benchmark for `adscheck classify`: generates N realistic answer files (default 100,000)
# in nested folders (agency/year/), then times, in one run:
#   - the read floor: `find DIR -type f -exec cat {} + >/dev/null`
#   - `adscheck classify --format jsonl DIR >/dev/null`
#   - a one-file run against `cat` of that file (averaged over many runs)
#   - peak memory (max RSS) for 1,000 files and for N files
# and prints files/s, the ratios, and peak memory. Needs: cargo, python3.
#
# Usage: benches/bench-batch.sh [N] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
WORK=${2:-target/bench-batch}
SMALL=1000
BIN=target/release/adscheck

echo "== building (release)"
cargo build --release --locked --quiet

generate() { # COUNT DIR
  python3 - "$1" "$2" <<'PY'
import json, os, random, sys
count, root = int(sys.argv[1]), sys.argv[2]
rng = random.Random(49)
agencies = ["Fire Department", "Department of Education", "Department of Social Services",
            "Department of Sanitation", "Police Department", "Department of Health and Mental Hygiene",
            "Department of Housing Preservation and Development", "Department of Transportation",
            "Department of Buildings", "Administration for Children's Services",
            "Department of Correction", "Department of Finance", "Department of Parks and Recreation",
            "Department of Environmental Protection", "Department of Homeless Services",
            "Office of Technology and Innovation", "Department of Consumer and Worker Protection",
            "Department of Citywide Administrative Services", "Taxi and Limousine Commission",
            "Department of Probation"]
kinds = ["risk model", "eligibility screener", "route optimizer", "complaint triage",
         "inspection prioritization", "fraud detection", "demand forecast", "document classifier",
         "spreadsheet tracker", "chatbot", "scheduling tool", "translation service"]
options = {"1a": ["machine_learning", "data_processing", "ai_techniques", "other"],
           "1c": ["granting_denying_permission", "assigning_status_eligibility", "assigning_assistance",
                  "allocating_resources", "law_enforcement", "public_safety", "assigning_value", "auditing"],
           "2b": ["procedural_substantive_right", "protected_status", "program_eligibility",
                  "subject_to_program", "redress"]}
notes = ["Reviewed with the agency's counsel.", "Runs nightly on agency servers.",
         "Vendor-hosted; outputs reviewed by staff.", "Pilot in two boroughs.",
         "Used by caseworkers as one input among several."]
per_folder = 1000
for i in range(count):
    agency = agencies[i % len(agencies)]
    year = 2020 + (i // per_folder) % 6
    folder = os.path.join(root, agency.lower().replace(" ", "-").replace("'", ""), str(year),
                          f"batch-{i // (per_folder * len(agencies))}")
    os.makedirs(folder, exist_ok=True)
    answers = {}
    for q in ["1a", "1b", "1c", "2a", "2b"]:
        a = rng.choices(["yes", "no", "unsure"], weights=[80, 12, 8])[0]
        if rng.random() < 0.5:
            long = {"answer": a}
            if a == "yes" and q in options:
                long["options"] = rng.sample(options[q], rng.randint(1, 2))
            if rng.random() < 0.4:
                long["note"] = rng.choice(notes)
            answers[q] = long
        else:
            answers[q] = a
        if a == "no":
            break
    doc = {"checklist": "nyc-ll49-2018",
           "tool": {"name": f"{rng.choice(kinds).capitalize()} {i}", "agency": agency,
                    "description": "Generated for the batch benchmark.", "date_use": f"{year}-0{1 + i % 9}"},
           "answers": answers}
    if i % 10 == 0:
        with open(os.path.join(folder, f"tool-{i:06}.json"), "w") as f:
            json.dump(doc, f, indent=2)
    else:
        lines = ["checklist: nyc-ll49-2018", "tool:"]
        lines += [f"  {k}: {json.dumps(v)}" for k, v in doc["tool"].items()]
        lines.append("answers:")
        for q, a in answers.items():
            if isinstance(a, str):
                lines.append(f"  {q}: {a}")
            else:
                lines.append(f"  {q}:")
                lines.append(f"    answer: {a['answer']}")
                if "options" in a:
                    lines.append(f"    options: [{', '.join(a['options'])}]")
                if "note" in a:
                    lines.append(f"    note: {json.dumps(a['note'])}")
        with open(os.path.join(folder, f"tool-{i:06}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
PY
}

# Wall time (s) and peak RSS (KiB) of one command, run by a fresh python3 so that the RSS is
# that command's alone.
measure() { # COMMAND...
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
elapsed = time.perf_counter() - start
print(f"{elapsed:.4f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

# Mean wall time (ms) of REPEAT runs of a command.
mean_ms() { # REPEAT COMMAND...
  python3 - "$@" <<'PY'
import subprocess, sys, time
repeat, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm up
start = time.perf_counter()
for _ in range(repeat):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{(time.perf_counter() - start) / repeat * 1000:.3f}")
PY
}

for pair in "$N:$WORK/n$N" "$SMALL:$WORK/n$SMALL"; do
  count=${pair%%:*}; dir=${pair#*:}
  if [ ! -f "$dir/.complete" ]; then
    echo "== generating $count answer files in $dir"
    rm -rf "$dir"; mkdir -p "$dir"
    generate "$count" "$dir"
    touch "$dir/.complete"
  fi
done
BIG=$WORK/n$N
ONE=$(find "$BIG" -name '*.yaml' | sort | sed -n 1p)

echo "== warming the page cache"
find "$BIG" -type f -exec cat {} + >/dev/null

read -r floor _ < <(measure sh -c "find '$BIG' -type f -exec cat {} + >/dev/null")
read -r batch rss_big < <(measure "$BIN" classify --format jsonl "$BIG")
read -r _ rss_small < <(measure "$BIN" classify --format jsonl "$WORK/n$SMALL")
one=$(mean_ms 200 "$BIN" classify --format jsonl "$ONE")
cat_one=$(mean_ms 200 cat "$ONE")

python3 - "$N" "$floor" "$batch" "$rss_big" "$rss_small" "$one" "$cat_one" "$SMALL" <<'PY'
import sys
n, floor, batch, rss_big, rss_small, one, cat_one, small = sys.argv[1:]
n, floor, batch, one, cat_one = int(n), float(floor), float(batch), float(one), float(cat_one)
rss_big, rss_small = int(rss_big), int(rss_small)
print()
print(f"files                          {n}")
print(f"read floor (find | cat)        {floor:8.3f} s   {n / floor:10.0f} files/s")
print(f"adscheck classify --format jsonl {batch:6.3f} s   {n / batch:10.0f} files/s")
print(f"  ratio to the read floor      {batch / floor:8.2f} x   (target <= 2)")
print(f"one-file run                   {one:8.3f} ms")
print(f"cat of that file               {cat_one:8.3f} ms")
print(f"  ratio                        {one / cat_one:8.2f} x   (target <= 3)")
print(f"peak memory, {small} files       {rss_small / 1024:8.1f} MiB")
print(f"peak memory, {n} files     {rss_big / 1024:8.1f} MiB")
print(f"  ratio                        {rss_big / rss_small:8.2f} x   (target <= 1.5)")
PY
