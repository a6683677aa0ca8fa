#!/usr/bin/env bash
# Batch benchmark for `adscheck classify`, `check` and `report -f json`, each side by side
# with its floor in one run. Generates realistic answer files (fixed seed) in nested folders
# (agency/year/), then, with the page cache warm and ROUNDS rounds interleaved (quoted as
# medians, since the machine is shared):
#   - the parallel read floor: `find DIR -type f -print0 | xargs -0 -P<cores> cat >/dev/null`
#   - `adscheck classify --format jsonl DIR` (standard output and error to /dev/null), over
#     20,000 and N files (default 100,000): wall time, the ratio to the floor, user CPU per
#     file, peak memory;
#   - the PyYAML peer (benches/peer_pyyaml.py: the same decisions with PyYAML's C loader, one
#     process per core), once per size;
#   - `adscheck check` and `adscheck report --format json` over 10,000 files, against the
#     same floor;
#   - a one-file run against `cat` of that file, and peak memory for 1,000 files and for N.
# Needs: cargo, python3 (and PyYAML for the peer: `pip install pyyaml`; skipped without it).
#
# Usage: benches/bench-batch.sh [N] [WORKDIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
WORK=${2:-target/bench-batch}
ROUNDS=${3:-5}
SMALL=1000
CORES=$(nproc 2>/dev/null || echo 2)
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

# Wall time (s), user and system CPU (s) and peak RSS (KiB) of one command, standard output
# and error to /dev/null, run by a fresh python3 so that the figures are that command's alone.
measure() { # COMMAND...
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
elapsed = time.perf_counter() - start
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{elapsed:.4f} {u.ru_utime:.4f} {u.ru_stime:.4f} {u.ru_maxrss}")
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

# The median of each column of lines "wall user sys rss".
median() {
  python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
print(" ".join(f"{statistics.median(c):.4f}" for c in zip(*rows)))'
}

for count in 20000 "$N" 10000 "$SMALL"; do
  dir=$WORK/n$count
  if [ ! -f "$dir/.complete" ]; then
    echo "== generating $count answer files in $dir"
    rm -rf "$dir"; mkdir -p "$dir"
    generate "$count" "$dir"
    touch "$dir/.complete"
  fi
done

echo "== warming the page cache"
for count in 20000 "$N" 10000 "$SMALL"; do
  find "$WORK/n$count" -type f -print0 | xargs -0 cat >/dev/null
done

# ROUNDS rounds of a command and the floor over DIR, interleaved; prints the two medians.
side_by_side() { # DIR COMMAND...
  local dir=$1; shift
  local a b
  a=$(for _ in $(seq "$ROUNDS"); do measure "$@"; measure sh -c "find '$dir' -type f -print0 | xargs -0 -P$CORES cat" >&3; done 3>"$WORK/floor.txt" | median)
  b=$(median <"$WORK/floor.txt")
  echo "$a $b"
}

report() { # LABEL FILES "wall user sys rss" "floor wall ..."
  python3 - "$@" <<'PY'
import sys
label, n, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split()
wall, user, sys_, rss = map(float, a)
floor = float(b[0])
print(f"{label:<34} {wall:7.3f} s  {n / wall:9.0f} files/s  {wall / floor:5.2f}x the floor "
      f"({floor:.3f} s)  user {user / n * 1e6:5.1f} us/file  sys {sys_ / n * 1e6:5.1f} us/file  "
      f"peak {rss / 1024:6.1f} MiB")
PY
}

echo
echo "== side by side (medians of $ROUNDS rounds; floor: find | xargs -0 -P$CORES cat)"
for count in 20000 "$N"; do
  dir=$WORK/n$count
  read -r w u s r fw fu fs fr < <(side_by_side "$dir" "$BIN" classify --format jsonl "$dir")
  report "classify -f jsonl, $count files" "$count" "$w $u $s $r" "$fw $fu $fs $fr"
  if python3 -c "import yaml" 2>/dev/null; then
    read -r pw pu ps pr < <(measure python3 benches/peer_pyyaml.py "$dir")
    python3 -c "import sys; print(f'  PyYAML peer (C loader, $CORES processes) {float(sys.argv[1]):7.3f} s: adscheck is {float(sys.argv[1]) / float(sys.argv[2]):.1f}x faster')" "$pw" "$w"
  else
    echo "  PyYAML peer: skipped (no PyYAML)"
  fi
done
dir=$WORK/n10000
read -r w u s r fw fu fs fr < <(side_by_side "$dir" "$BIN" check "$dir")
report "check, 10000 files" 10000 "$w $u $s $r" "$fw $fu $fs $fr"
read -r w u s r fw fu fs fr < <(side_by_side "$dir" "$BIN" report --format json "$dir")
report "report -f json, 10000 files" 10000 "$w $u $s $r" "$fw $fu $fs $fr"

ONE=$(find "$WORK/n$SMALL" -name '*.yaml' | sort | sed -n 1p)
one=$(mean_ms 200 "$BIN" classify --format jsonl "$ONE")
cat_one=$(mean_ms 200 cat "$ONE")
read -r _ _ _ rss_small < <(measure "$BIN" classify --format jsonl "$WORK/n$SMALL")
read -r _ _ _ rss_big < <(measure "$BIN" classify --format jsonl "$WORK/n$N")
python3 - "$one" "$cat_one" "$rss_small" "$rss_big" "$SMALL" "$N" <<'PY'
import sys
one, cat_one, rss_small, rss_big = map(float, sys.argv[1:5])
small, n = sys.argv[5], sys.argv[6]
print(f"one-file run {one:.3f} ms, cat of that file {cat_one:.3f} ms: {one / cat_one:.2f}x")
print(f"peak memory: {small} files {rss_small / 1024:.1f} MiB, {n} files {rss_big / 1024:.1f} MiB "
      f"({rss_big / rss_small:.2f}x)")
PY
