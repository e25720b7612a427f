#!/usr/bin/env bash
# benches/bench.sh — mgi-press against the stock Typst CLI (0.15.1), on the sample profile.
#
# Usage (from the repository root):
#
#     bash benches/bench.sh                 # 7 repetitions of everything
#     BENCH_RUNS=11 bash benches/bench.sh   # more repetitions
#     BENCH_HYPERFINE=1 bash benches/bench.sh   # time a. and b. with hyperfine instead
#
# What it measures, in one run (whole-process wall time, medians of BENCH_RUNS runs after one
# untimed warm-up run of each command, so the OS file cache is warm for both tools; the two tools'
# runs are interleaved, A B A B ..., so that a shared machine's changing load hits both alike):
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
#   c. Batch over countries: six copies of the sample under other country names, in English, in
#      ONE mgi-press process with `-j 2`, versus the CLI once per document (`xargs -P2`) — what CI
#      does when it regenerates every profile.
#   d. In-process recompiles (cold, warm, one-paragraph edit, second language):
#      `cargo run --release --example edit_recompile` (see examples/edit_recompile.rs).
#
# Cleanup: layouts/mgi/data.json (git-ignored scratch) is restored to what it was before the run,
# or removed if there was none; temporary folders are deleted.
#
# Tools: builds target/release/mgi-press and the example with cargo (a no-op when up to date); installs the Typst CLI 0.15.1 with
# `cargo install typst-cli --version 0.15.1 --locked` when `typst` is missing. Timing: a loop timed
# with `date +%s%N`, medians computed with awk; hyperfine only when BENCH_HYPERFINE=1 (it cannot
# interleave two commands, which matters on a busy machine).
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
# Always through cargo (a no-op when up to date), so that a., b. and d. measure the current source.
echo "building target/release/mgi-press and the edit_recompile example ..." >&2
cargo build --release --quiet --bin mgi-press --example edit_recompile
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
if [[ -n "${BENCH_HYPERFINE:-}" ]]; then
  if command -v hyperfine >/dev/null 2>&1; then
    USE_HYPERFINE=1
  else
    echo "BENCH_HYPERFINE is set but hyperfine is not installed; using the built-in loop" >&2
  fi
fi
TIMER="interleaved loop, date +%s%N"
[[ "$USE_HYPERFINE" == 1 ]] && TIMER="$(hyperfine --version), not interleaved"

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
# measure_pair A CMD_A B CMD_B: times two shell command lines RUNS times each, after one untimed
# warm-up run of each (which also fails the script early if a command fails).
# Default: an interleaved loop (A B A B ...) timed with `date +%s%N`, so that load changing over
# time (other jobs on a shared machine) hits both tools alike. With BENCH_HYPERFINE=1 and
# hyperfine installed: hyperfine, one command after the other (not interleaved).
# Writes the samples (ms, one a line) to $TMP/NAME.samples and the median to $TMP/NAME.median.
median_ms() { # reads one number per line, prints the median
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f\n", m }'
}
time_once() { # time_once CMD: prints the wall time of one run in ms
  local t0 t1
  t0=$(date +%s%N)
  bash -c "$1" >/dev/null 2>&1
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'
}
hyperfine_samples() { # hyperfine_samples NAME CMD
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$TMP/$1.json" -- "$2" >&2
  # hyperfine reports seconds; one sample per line, in milliseconds.
  awk '/"times"/ { on = 1; next } on && /\]/ { on = 0 }
       on { gsub(/[ ,]/, ""); if ($0 != "") printf "%.3f\n", $0 * 1000 }' \
    "$TMP/$1.json" > "$TMP/$1.samples"
}
measure_pair() {
  local a="$1" cmd_a="$2" b="$3" cmd_b="$4" i
  echo "  $a: $cmd_a" >&2
  echo "  $b: $cmd_b" >&2
  if [[ "$USE_HYPERFINE" == 1 ]]; then
    hyperfine_samples "$a" "$cmd_a"
    hyperfine_samples "$b" "$cmd_b"
  else
    bash -c "$cmd_a" >/dev/null 2>&1 || { echo "failed: $cmd_a" >&2; exit 1; }
    bash -c "$cmd_b" >/dev/null 2>&1 || { echo "failed: $cmd_b" >&2; exit 1; }
    : > "$TMP/$a.samples"
    : > "$TMP/$b.samples"
    for ((i = 0; i < RUNS; i++)); do
      time_once "$cmd_a" >> "$TMP/$a.samples"
      time_once "$cmd_b" >> "$TMP/$b.samples"
    done
  fi
  local n
  for n in "$a" "$b"; do
    median_ms < "$TMP/$n.samples" > "$TMP/$n.median"
    echo "    $n samples (ms): $(awk '{ printf "%.0f ", $1 }' "$TMP/$n.samples")" >&2
  done
}
med() { cat "$TMP/$1.median"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: //'; }
LOAD_START="$(loadavg)"
echo "== mgi-press benchmark: $RUNS runs, $(nproc) cores, $(uname -m), $TYPST_VERSION," \
  "timer: $TIMER" >&2

# ---------------------------------------------------------------- a. one document, cold
echo "== a. one document (en), whole process" >&2
# mgi-press builds the screen edition by default: the CLI compiles the same (its colours by the
# `mgi-edition` input, its PDF standards), on the screen edition's view model.
CLI_FLAGS=" --input mgi-edition=screen --pdf-standard a-2b --pdf-standard ua-1"
"$BIN" data profiles/valdoria --lang en -o "$DATA" 2>/dev/null
measure_pair a_mgi "'$BIN' build profiles/valdoria --lang en --force --out '$TMP/out-a'" \
  a_cli "'$TYPST' compile layouts/mgi/main.typ '$TMP/cli.pdf' --root . --font-path fonts --ignore-system-fonts$CLI_FLAGS"

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
measure_pair b_mgi "'$BIN' build profiles/valdoria$lang_flags --force -j 2 --out '$TMP/out-b'" \
  b_cli "printf '%s\n' ${LANGS[*]} | xargs -P2 -I{} '$TYPST' compile '$TMP/cli-proj/{}/layouts/mgi/main.typ' '$TMP/cli-out/{}.pdf' --root '$TMP/cli-proj/{}' --font-path '$ROOT/fonts' --ignore-system-fonts$CLI_FLAGS"
for l in "${LANGS[@]}"; do
  [[ -s "$TMP/cli-out/$l.pdf" && -s "$TMP/out-b/valdoria.$l.pdf" ]] || {
    echo "missing PDF for $l" >&2
    exit 1
  }
done

# ---------------------------------------------------------------- c. batch, 6 countries in English
# What CI does when data changes: many countries' profiles in one language. Copies of the sample
# under other country names, outside the project (mgi-press serves such a profile folder at
# /profile; the CLI copies put it there too).
COUNTRIES=(Valdoria Ostravia Kelmoria Tarvenia Miradel Sorland)
echo "== c. batch of ${#COUNTRIES[@]} countries (en), 2 at a time" >&2
for c in "${COUNTRIES[@]}"; do
  d="$TMP/countries/$c"
  mkdir -p "$TMP/countries"
  cp -R profiles/valdoria "$d"
  python3 - "$d/text/en.json" "$c" <<'PY'
import json, sys
path, name = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    text = json.load(f)
text["country"] = {"name": "Republic of " + name, "short_name": name}
with open(path, "w", encoding="utf-8") as f:
    json.dump(text, f, ensure_ascii=False, indent=2)
PY
  proj="$TMP/cli-countries/$c"
  mkdir -p "$proj/layouts"
  cp -R layouts/mgi "$proj/layouts/mgi"
  rm -f "$proj/layouts/mgi/data.json"
  cp -R "$d" "$proj/profile"
  "$BIN" data "$d" --lang en -o "$proj/layouts/mgi/data.json" 2>/dev/null
done
mkdir -p "$TMP/cli-out-c"
measure_pair c_mgi "'$BIN' build $(printf "'$TMP/countries/%s' " "${COUNTRIES[@]}") --lang en --force -j 2 --out '$TMP/out-c'" \
  c_cli "printf '%s\n' ${COUNTRIES[*]} | xargs -P2 -I{} '$TYPST' compile '$TMP/cli-countries/{}/layouts/mgi/main.typ' '$TMP/cli-out-c/{}.pdf' --root '$TMP/cli-countries/{}' --font-path '$ROOT/fonts' --ignore-system-fonts$CLI_FLAGS"
for c in "${COUNTRIES[@]}"; do
  [[ -s "$TMP/cli-out-c/$c.pdf" && -s "$TMP/out-c/$c.en.pdf" ]] || {
    echo "missing PDF for $c" >&2
    exit 1
  }
done

# ---------------------------------------------------------------- results a, b, c
N=${#LANGS[@]}
echo
echo "### Whole process: mgi-press vs typst CLI ($TYPST_VERSION), medians of $RUNS runs"
echo
echo "| measurement | mgi-press | typst CLI | mgi-press / CLI |"
echo "|---|---:|---:|---:|"
echo "| a. one document (en), cold process | $(med a_mgi) ms | $(med a_cli) ms | $(ratio "$(med a_mgi)" "$(med a_cli)") |"
echo "| b. batch of $N documents, 2 at a time (-j 2 / xargs -P2) | $(med b_mgi) ms | $(med b_cli) ms | $(ratio "$(med b_mgi)" "$(med b_cli)") |"
echo "| b. per document in the batch (batch / $N) | $(div "$(med b_mgi)" "$N") ms | $(div "$(med b_cli)" "$N") ms | $(ratio "$(med b_mgi)" "$(med b_cli)") |"
NC=${#COUNTRIES[@]}
echo "| c. batch of $NC countries in English, 2 at a time | $(med c_mgi) ms | $(med c_cli) ms | $(ratio "$(med c_mgi)" "$(med c_cli)") |"
echo "| c. per document in the batch (batch / $NC) | $(div "$(med c_mgi)" "$NC") ms | $(div "$(med c_cli)" "$NC") ms | $(ratio "$(med c_mgi)" "$(med c_cli)") |"
echo
echo "machine: $(nproc) cores, $(uname -m); timer: $TIMER;" \
  "load average at start: $LOAD_START, now: $(loadavg)"
echo

# ---------------------------------------------------------------- d. in-process recompiles
echo "== d. in-process recompiles (examples/edit_recompile.rs)" >&2
echo "### d. In-process recompiles"
echo
cargo run --release --quiet --example edit_recompile -- "$RUNS"
echo
echo "load average at the end: $(loadavg)"
