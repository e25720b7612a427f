#!/usr/bin/env bash
# benches/bench.sh — mgi-press against the stock Typst CLI (0.15.1), on the sample profile.
#
# Usage (from the repository root):
#
#     bash benches/bench.sh                 # 7 repetitions of everything
#     BENCH_RUNS=11 bash benches/bench.sh   # more repetitions
#     BENCH_NO_HYPERFINE=1 bash benches/bench.sh   # force the built-in timing loop
#
# What it measures, in one run (whole-process wall time, medians of BENCH_RUNS runs after one
# untimed warm-up run, so the OS file cache is warm for both tools):
#
#   a. One document, cold: `mgi-press build profiles/valdoria --lang en --force` versus
#      `typst compile layouts/mgi/main.typ` on the same layout and the same view model, dumped
#      first with `mgi-press data ... -o layouts/mgi/data.json` (mgi-press serves those very bytes
#      from memory; the CLI reads the file). The dump is not timed.
#   b. Batch: the five languages of the sample (en ru ar fr es; fr and es fall back to English
#      text with the French/Spanish language packs) in ONE mgi-press process with `-j 2`, versus
#      the CLI once per document, two at a time (`xargs -P2`). Each CLI document gets its own
#      copy of the project (layouts/mgi with that language's data.json, profiles/valdoria) in a
#      temporary folder, because the layout reads `json("data.json")` beside main.typ; fonts come
#      from the repository's fonts/. Only the compiles are timed, not the dumps or copies.
#   d. In-process recompiles (cold, warm, one-paragraph edit, second language):
#      `cargo run --release --example edit_recompile` (see examples/edit_recompile.rs).
#
# Cleanup: layouts/mgi/data.json (git-ignored scratch) is restored to what it was before the run,
# or removed if there was none; temporary folders are deleted.
#
# Tools: builds target/release/mgi-press when missing; installs the Typst CLI 0.15.1 with
# `cargo install typst-cli --version 0.15.1 --locked` when `typst` is missing. Uses hyperfine when
# it is installed; otherwise a loop timed with `date +%s%N`, medians computed with awk.
# Results are printed as markdown tables; docs/performance.md records one run.

set -euo pipefail

RUNS="${BENCH_RUNS:-7}"
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
  echo "BENCH_RUNS must be a positive integer (got '$RUNS')" >&2
  exit 2
fi
if [[ ! -f Cargo.toml || ! -d layouts/mgi || ! -d profiles/valdoria ]]; then
  echo "run from the repository root: bash benches/bench.sh" >&2
  exit 2
fi
ROOT="$(pwd)"
LANGS=(en ru ar fr es)
BIN="$ROOT/target/release/mgi-press"
DATA="$ROOT/layouts/mgi/data.json"

# ---------------------------------------------------------------- tools
export PATH="$HOME/.cargo/bin:$PATH"
if [[ ! -x "$BIN" ]]; then
  echo "building target/release/mgi-press ..." >&2
  cargo build --release
fi
if ! command -v typst >/dev/null 2>&1; then
  echo "installing the stock Typst CLI 0.15.1 ..." >&2
  cargo install typst-cli --version 0.15.1 --locked
fi
TYPST="$(command -v typst)"
TYPST_VERSION="$("$TYPST" --version)"
case "$TYPST_VERSION" in
  *" 0.15.1"*) ;;
  *) echo "warning: expected typst 0.15.1, found: $TYPST_VERSION" >&2 ;;
esac
USE_HYPERFINE=0
if [[ -z "${BENCH_NO_HYPERFINE:-}" ]] && command -v hyperfine >/dev/null 2>&1; then
  USE_HYPERFINE=1
fi

# ---------------------------------------------------------------- scratch and cleanup
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mgi-bench.XXXXXX")"
HAD_DATA=0
if [[ -e "$DATA" ]]; then
  cp -p "$DATA" "$TMP/data.json.orig"
  HAD_DATA=1
fi
cleanup() {
  if [[ "$HAD_DATA" == 1 ]]; then
    cp -p "$TMP/data.json.orig" "$DATA"
  else
    rm -f "$DATA"
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# ---------------------------------------------------------------- timing
# measure NAME COMMAND: runs COMMAND (a shell command line) once untimed, then RUNS times;
# writes the median in milliseconds to $TMP/NAME.median and all samples to $TMP/NAME.samples.
median_ms() { # reads one number per line, prints the median
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f\n", m }'
}
measure() {
  local name="$1" cmd="$2"
  echo "  $name: $cmd" >&2
  if [[ "$USE_HYPERFINE" == 1 ]]; then
    hyperfine --style none --warmup 1 --runs "$RUNS" \
      --export-json "$TMP/$name.json" -- "$cmd" >&2
    # hyperfine reports seconds; one sample per line, in milliseconds.
    awk '/"times"/ { on = 1; next } on && /\]/ { on = 0 }
         on { gsub(/[ ,]/, ""); if ($0 != "") printf "%.3f\n", $0 * 1000 }' \
      "$TMP/$name.json" > "$TMP/$name.samples"
  else
    bash -c "$cmd" >/dev/null 2>&1 # warm-up (and fail early if the command fails)
    : > "$TMP/$name.samples"
    local i t0 t1
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s%N)
      bash -c "$cmd" >/dev/null 2>&1
      t1=$(date +%s%N)
      awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }' >> "$TMP/$name.samples"
    done
  fi
  median_ms < "$TMP/$name.samples" > "$TMP/$name.median"
  echo "    samples (ms): $(awk '{ printf "%.0f ", $1 }' "$TMP/$name.samples")" >&2
}
med() { cat "$TMP/$1.median"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "== mgi-press benchmark: $RUNS runs, $(nproc) cores, $(uname -m), $TYPST_VERSION," \
  "timer: $([[ $USE_HYPERFINE == 1 ]] && hyperfine --version || echo 'date +%s%N loop')" >&2

# ---------------------------------------------------------------- a. one document, cold
echo "== a. one document (en), whole process" >&2
"$BIN" data profiles/valdoria --lang en -o "$DATA" 2>/dev/null
measure a_mgi "'$BIN' build profiles/valdoria --lang en --force --out '$TMP/out-a'"
measure a_cli "'$TYPST' compile layouts/mgi/main.typ '$TMP/cli.pdf' --root . --font-path fonts --ignore-system-fonts"

# ---------------------------------------------------------------- b. batch, 5 languages
echo "== b. batch of ${#LANGS[@]} documents (${LANGS[*]}), 2 at a time" >&2
for l in "${LANGS[@]}"; do
  proj="$TMP/cli-proj/$l"
  mkdir -p "$proj/layouts" "$proj/profiles"
  cp -R layouts/mgi "$proj/layouts/mgi"
  cp -R profiles/valdoria "$proj/profiles/valdoria"
  rm -f "$proj/layouts/mgi/data.json"
  "$BIN" data profiles/valdoria --lang "$l" -o "$proj/layouts/mgi/data.json" 2>/dev/null
done
mkdir -p "$TMP/cli-out"
lang_flags=""
for l in "${LANGS[@]}"; do lang_flags+=" --lang $l"; done
measure b_mgi "'$BIN' build profiles/valdoria$lang_flags --force -j 2 --out '$TMP/out-b'"
measure b_cli "printf '%s\n' ${LANGS[*]} | xargs -P2 -I{} '$TYPST' compile '$TMP/cli-proj/{}/layouts/mgi/main.typ' '$TMP/cli-out/{}.pdf' --root '$TMP/cli-proj/{}' --font-path '$ROOT/fonts' --ignore-system-fonts"
for l in "${LANGS[@]}"; do
  [[ -s "$TMP/cli-out/$l.pdf" && -s "$TMP/out-b/valdoria.$l.pdf" ]] || {
    echo "missing PDF for $l" >&2
    exit 1
  }
done

# ---------------------------------------------------------------- results a, b
N=${#LANGS[@]}
echo
echo "### Whole process: mgi-press vs typst CLI ($TYPST_VERSION), medians of $RUNS runs"
echo
echo "| measurement | mgi-press | typst CLI | mgi-press / CLI |"
echo "|---|---:|---:|---:|"
echo "| a. one document (en), cold process | $(med a_mgi) ms | $(med a_cli) ms | $(ratio "$(med a_mgi)" "$(med a_cli)") |"
echo "| b. batch of $N documents, 2 at a time (-j 2 / xargs -P2) | $(med b_mgi) ms | $(med b_cli) ms | $(ratio "$(med b_mgi)" "$(med b_cli)") |"
echo "| b. per document in the batch (batch / $N) | $(div "$(med b_mgi)" "$N") ms | $(div "$(med b_cli)" "$N") ms | $(ratio "$(med b_mgi)" "$(med b_cli)") |"
echo
echo "machine: $(nproc) cores, $(uname -m); timer: $([[ $USE_HYPERFINE == 1 ]] && hyperfine --version || echo 'date +%s%N loop')"
echo

# ---------------------------------------------------------------- d. in-process recompiles
echo "== d. in-process recompiles (examples/edit_recompile.rs)" >&2
echo "### d. In-process recompiles"
echo
cargo run --release --quiet --example edit_recompile -- "$RUNS"
