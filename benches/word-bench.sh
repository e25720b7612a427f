#!/usr/bin/env bash
# benches/word-bench.sh — `mgi-press docx export` and `docx import` of the sample profile, per
# language (a benchmark, not a timed test).
#
# Usage (from the repository root):
#
#     bash benches/word-bench.sh               # 7 runs of each
#     BENCH_RUNS=15 bash benches/word-bench.sh
#
# For each language of profiles/valdoria: export the review draft (whole process, wall time,
# median of BENCH_RUNS runs after one untimed warm-up), then import that untouched draft with
# --dry-run (reads the DOCX, maps every paragraph, compares every text, runs the import checks;
# writes nothing). Process start-up, opening the project (fonts, packs) and loading and checking
# the profile are inside both figures, as a user sees them. Prints a markdown table.

set -euo pipefail
cd "$(dirname "$0")/.."
runs="${BENCH_RUNS:-7}"
cargo build --release --locked -q
bin=target/release/mgi-press
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Median in milliseconds of a command run $runs times (after one warm-up run).
median_ms() {
  "$@" >/dev/null 2>&1
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
  done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

echo "| language | DOCX bytes | export (ms) | import --dry-run (ms) |"
echo "|---|---:|---:|---:|"
for lang in en fr es pt ru ar; do
  out="$tmp/valdoria.$lang.docx"
  export_ms=$(median_ms "$bin" docx export profiles/valdoria --lang "$lang" -o "$out")
  import_ms=$(median_ms "$bin" docx import "$out" --dry-run --profile profiles/valdoria)
  echo "| $lang | $(stat -c %s "$out") | $export_ms | $import_ms |"
done
