#!/usr/bin/env bash
# Local Law 35 and the public directory at scale: a generated 2024-edition table of TOOLS tools
# (fixed seed; every text column filled, multi-paragraph descriptions, coded lists), imported
# into an empty inventory, imported again (every tool unchanged: a read of the whole inventory,
# nothing written), exported, summarised as JSON, and built into the public site (twice: the
# second build replaces the first). Prints wall time and peak memory of each step.
# Run twice, side by side: each tool reported in one year (the floor), then in three years
# (2022, 2023, 2024; each year's description and purpose differ), so that each year's report
# kept, the tool pages' timelines and the "What changed" page and feed show their cost.
# Needs: cargo, python3.
#
# Usage: benches/bench-ll35.sh [TOOLS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=${1:-10000}
WORK=${2:-target/bench-ll35}
BIN=$PWD/target/release/adscheck

echo "== building (release)"
cargo build --release --locked --quiet

ROOT=$WORK
for YEARS in 1 3; do
WORK=$ROOT/years-$YEARS
rm -rf "$WORK" && mkdir -p "$WORK"
echo "== each tool reported in $YEARS year(s)"
python3 - "$TOOLS" "$WORK/table.csv" "$YEARS" <<'PY'
import csv, random, sys
tools, out, years = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rng = random.Random(35)
columns = ["year", "agency", "department", "tool_name", "tool_desc", "purpose_desc", "date_use",
           "data_training", "data_input", "data_output", "vendor_name", "vendor_desc",
           "identifying_info", "computation_type", "purpose_type", "population_type",
           "population_type_individual", "population_type_other", "updated", "updated_desc"]
agencies = ["Fire Department", "Police Department", "Department of Education",
            "Department of Social Services", "Department of Transportation"]
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(columns)
    for i in range(tools):
        para = " ".join(rng.choice(["data", "model", "city", "residents", "services"]) for _ in range(60))
        agency = rng.choice(agencies) + (f" {i % 40}" if i % 7 == 0 else "")
        identifying = rng.choice(["true", "false"])
        for year in range(2025 - years, 2025):
            w.writerow([str(year), agency, "Bureau",
                        f"Tool {i}", f"Does thing {i}, as of {year}", f"{para}\n\n{para} {year}",
                        f"20{10 + i % 14}/0{1 + i % 9}",
                        "Past records", "Case data, 311 calls", "A score", "None", "", identifying,
                        "Scoring; Ranking", "Triage", "Individuals; Property", "Residents", "", "Yes", "Updated"])
PY
echo "== table: $(wc -c < "$WORK/table.csv") bytes, $TOOLS tools"
(

step() { # NAME COMMAND...
  local name=$1; shift
  python3 - "$name" "$@" <<'PY'
import resource, subprocess, sys, time
name, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if done.returncode != 0:
    sys.exit(f"{name}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
print(f"{name:<22} {elapsed:7.2f} s   peak {rss / 1024:7.1f} MiB")
PY
}

cd "$WORK"
step "import (new)" "$BIN" ll35 import table.csv --out inv
step "import (unchanged)" "$BIN" ll35 import table.csv --out inv
step "export (csv)" "$BIN" ll35 export inv --edition 2024 --year 2024 --out out.csv
step "report (json)" "$BIN" report inv -f json
step "report (site)" "$BIN" report inv --out site
step "report (site again)" "$BIN" report inv --out site
echo "== exported $(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open("out.csv", newline=""))))') - 1)) rows"
)
done
