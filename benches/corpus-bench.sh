#!/usr/bin/env bash
# benches/corpus-bench.sh — mgi-press on a realistic corpus: many countries, every language,
# every findings text different (benches/gen_corpus.py), against the stock Typst CLI 0.15.1.
#
# Usage (from the repository root):
#
#     bash benches/corpus-bench.sh                  # 5 timed runs of each batch
#     BENCH_RUNS=7 bash benches/corpus-bench.sh     # more repetitions
#
# Settings (environment):
#     BENCH_RUNS=5          timed runs of each batch command (after one untimed warm-up run)
#     BENCH_RSS_RUNS=3      runs of each peak-RSS measurement
#     BENCH_SMALL=8 BENCH_LARGE=32   corpus sizes (profiles; each has every language)
#     BENCH_SEED=1          corpus seed (the same seed gives the same corpus, byte for byte)
#     BENCH_LANGS="en fr"   languages (default: every language that has a pack in
#                           layouts/mgi/lang/ and a phrase bank in benches/gen_corpus.py)
#     BENCH_CLI_SERIAL=1    also time the CLI one document at a time (xargs -P1); 0 to skip
#     BENCH_CLI_MARKED=1    also time the CLI on the preview's view models (`data --marked`: with
#                           the source markers, as every build laid out before 2026-12-07); 0 to skip
#     BENCH_COPY=1          also time one profile alone and together with a copy of it in a second
#                           folder (`build -j 1`, every language); 0 to skip
#     BENCH_OWN=1           also time the CLI on each document's own parts only (findings and key
#                           sources; benches/own_parts.py), the share no reuse can save; 0 to skip
#     MGI_PRESS=path        use this binary instead of building target/release/mgi-press
#     BENCH_NO_BUILD=1      do not run cargo; use target/release/mgi-press as it is
#     TYPST=path            the stock CLI (default: /tmp/typst-cli/bin/typst, then `typst` on PATH,
#                           else `cargo install typst-cli --version 0.15.1 --locked --root /tmp/typst-cli`)
#     BENCH_PROJECT=dir     take layouts/ and fonts/ from this folder instead of the repository;
#                           with MGI_PRESS, when the binary was built from another state than the
#                           working tree, e.g. `git archive COMMIT layouts fonts | tar -x -C dir`
#     BENCH_COMMIT=rev      the commit the binary was built from, for the report (default: HEAD,
#                           with the number of changed files in the working tree)
#     BENCH_KEEP=1          keep the temporary folder (corpora, PDFs, reports)
#     BENCH_BASELINE_BIN=path / BENCH_BASELINE_PROJECT=dir
#                           also time a baseline in the same run, interleaved with the rest:
#                           this mgi-press binary (default: the measured one) with layouts/ and
#                           fonts/ from this folder (default: the measured ones), e.g. the
#                           previous commit's `git archive COMMIT layouts fonts | tar -x -C dir`;
#                           batch rows and peak RSS for it, and its ratio to the measured build
#
# What it does, in one run (markdown tables on standard output, progress on standard error):
#
#   0. Snapshots: the mgi-press binary is copied, and layouts/ and fonts/ are copied into a
#      temporary project folder used by both tools (`--project`), so that other people rebuilding
#      or editing the repository during the run do not change what is measured.
#   1. Generates corpora of BENCH_SMALL and BENCH_LARGE profiles under the temporary folder
#      (python3 benches/gen_corpus.py) and runs `mgi-press check` on them: any error stops the run.
#   2. Batch, BENCH_SMALL profiles × every language in ONE `mgi-press build --force` process with
#      `-j 2` and with `-j 1`, against the stock CLI once per document with `xargs -P2` (and
#      `-P1`), on the same layout and the same view model: each CLI document gets its own copy of
#      layouts/mgi with its `mgi-press data` dump as data.json, and of the profile folder at
#      /profile, as benches/bench.sh does. Only the compiles are timed. The four commands are run
#      interleaved (A B C D A B C D …) after one untimed warm-up run each, timed with date +%s%N;
#      medians, ratios of medians and medians of the per-round (paired) ratios.
#      The CLI's view models are those `mgi-press data` writes, which since 2026-12-07 are the
#      batch's: without the preview's source markers; with BENCH_CLI_MARKED, the CLI also compiles
#      the preview's (`data --marked`) in the same rounds, which says what the markers cost.
#   2b. With BENCH_COPY: the first profile of the small corpus alone, and together with a copy of
#      it in a second folder, each in one `build --force -j 1` (every language; interleaved, and
#      the baseline's in the same rounds): what a second, identical profile costs.
#   3. Peak RSS (/usr/bin/time -v, "Maximum resident set size") of `build --force` for BENCH_SMALL
#      and BENCH_LARGE profiles × every language, with -j 1 and -j 2 (BENCH_RSS_RUNS runs each,
#      interleaved; medians), and of one stock CLI compile per language.
#   4. If `mgi-press build --help` lists `--check`: `build --check` of the up-to-date small corpus,
#      interleaved with an incremental `build` that finds nothing to do. Otherwise skipped.
#   With a baseline (BENCH_BASELINE_*), its `build -j 2` and `-j 1` run in the same rounds as the
#   four commands of 2., and its peak RSS in the same rounds as 3.
#   5. Where the time goes: per-document `millis` from `build --format json` (median, 90th
#      percentile, per language), their sum against the process's wall time.

set -euo pipefail

RUNS="${BENCH_RUNS:-5}"
RSS_RUNS="${BENCH_RSS_RUNS:-3}"
SMALL="${BENCH_SMALL:-8}"
LARGE="${BENCH_LARGE:-32}"
SEED="${BENCH_SEED:-1}"
CLI_SERIAL="${BENCH_CLI_SERIAL:-1}"
BENCH_OWN="${BENCH_OWN:-1}"
BENCH_CLI_MARKED="${BENCH_CLI_MARKED:-1}"
BENCH_COPY="${BENCH_COPY:-1}"
for v in RUNS RSS_RUNS SMALL LARGE; do
  if ! [[ "${!v}" =~ ^[1-9][0-9]*$ ]]; then
    echo "BENCH_$v must be a positive integer (got '${!v}')" >&2
    exit 2
  fi
done
if [[ ! -f Cargo.toml || ! -d layouts/mgi || ! -f benches/gen_corpus.py ]]; then
  echo "run from the repository root: bash benches/corpus-bench.sh" >&2
  exit 2
fi
ROOT="$(pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
log() { echo "$*" >&2; }

# ---------------------------------------------------------------- tools
if [[ -n "${MGI_PRESS:-}" ]]; then
  SRC_BIN="$MGI_PRESS"
else
  if [[ -z "${BENCH_NO_BUILD:-}" ]]; then
    log "building target/release/mgi-press (a no-op when up to date) ..."
    cargo build --release --locked --quiet --bin mgi-press
  fi
  SRC_BIN="$ROOT/target/release/mgi-press"
fi
[[ -x "$SRC_BIN" ]] || { log "no mgi-press binary at $SRC_BIN"; exit 2; }

if [[ -n "${TYPST:-}" ]]; then
  :
elif [[ -x /tmp/typst-cli/bin/typst ]]; then
  TYPST=/tmp/typst-cli/bin/typst
elif command -v typst >/dev/null 2>&1; then
  TYPST="$(command -v typst)"
else
  log "installing the stock Typst CLI 0.15.1 into /tmp/typst-cli ..."
  CARGO_TARGET_DIR=/tmp/typst-cli-target \
    cargo install typst-cli --version 0.15.1 --locked --root /tmp/typst-cli
  TYPST=/tmp/typst-cli/bin/typst
fi
TYPST_VERSION="$("$TYPST" --version)"
case "$TYPST_VERSION" in
  *" 0.15.1"*) ;;
  *) log "warning: expected typst 0.15.1, found: $TYPST_VERSION" ;;
esac
HAVE_TIME=1
if [[ ! -x /usr/bin/time ]]; then
  HAVE_TIME=0
  log "warning: /usr/bin/time is missing (apt-get install -y time); peak RSS will be skipped"
fi

# ---------------------------------------------------------------- scratch
TMP="$(mktemp -d "${TMPDIR:-/tmp}/mgi-corpus-bench.XXXXXX")"
cleanup() {
  if [[ -n "${BENCH_KEEP:-}" ]]; then
    log "kept $TMP"
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT
mkdir -p "$TMP/bin" "$TMP/project/profiles" "$TMP/reports" "$TMP/samples" "$TMP/rss"
cp "$SRC_BIN" "$TMP/bin/mgi-press"
BIN="$TMP/bin/mgi-press"
SRC_PROJ="${BENCH_PROJECT:-$ROOT}"
[[ -d "$SRC_PROJ/layouts" && -d "$SRC_PROJ/fonts" ]] || { log "no layouts/ and fonts/ in $SRC_PROJ"; exit 2; }
cp -R "$SRC_PROJ/layouts" "$SRC_PROJ/fonts" "$TMP/project/"
rm -f "$TMP/project/layouts/"*/data.json
PROJ="$TMP/project"
BASELINE=0
if [[ -n "${BENCH_BASELINE_BIN:-}" || -n "${BENCH_BASELINE_PROJECT:-}" ]]; then
  BASELINE=1
  BASE_BIN_SRC="${BENCH_BASELINE_BIN:-$SRC_BIN}"
  BASE_PROJ_SRC="${BENCH_BASELINE_PROJECT:-$SRC_PROJ}"
  [[ -x "$BASE_BIN_SRC" ]] || { log "no baseline mgi-press binary at $BASE_BIN_SRC"; exit 2; }
  [[ -d "$BASE_PROJ_SRC/layouts" && -d "$BASE_PROJ_SRC/fonts" ]] || { log "no layouts/ and fonts/ in $BASE_PROJ_SRC"; exit 2; }
  cp "$BASE_BIN_SRC" "$TMP/bin/mgi-press-baseline"
  mkdir -p "$TMP/project-baseline"
  cp -R "$BASE_PROJ_SRC/layouts" "$BASE_PROJ_SRC/fonts" "$TMP/project-baseline/"
  rm -f "$TMP/project-baseline/layouts/"*/data.json
  BASELINE_DESC="$BASE_BIN_SRC with layouts and fonts from $BASE_PROJ_SRC"
fi
# Languages: every one with a pack in the layout and a phrase bank in the generator.
read -r -a GEN_LANGS <<< "$(python3 "$ROOT/benches/gen_corpus.py" --print-langs)"
if [[ -n "${BENCH_LANGS:-}" ]]; then
  read -r -a LANGS <<< "$BENCH_LANGS"
else
  LANGS=()
  for l in "${GEN_LANGS[@]}"; do
    [[ -f "$PROJ/layouts/mgi/lang/$l.json" ]] && LANGS+=("$l")
  done
fi
for l in "${LANGS[@]}"; do
  [[ " ${GEN_LANGS[*]} " == *" $l "* ]] || { log "no phrase bank for '$l' (have: ${GEN_LANGS[*]})"; exit 2; }
done
NL=${#LANGS[@]}
(( NL > 0 )) || { log "no language to build"; exit 2; }
MGI_VERSION="$("$BIN" --version 2>/dev/null || echo unknown)"
if [[ -n "${BENCH_COMMIT:-}" ]]; then
  COMMIT="$(git -C "$ROOT" log -1 --format='%h (%cd)' --date=short "$BENCH_COMMIT" 2>/dev/null || echo "$BENCH_COMMIT")"
  COMMIT="$COMMIT (as given in BENCH_COMMIT; layouts and fonts from ${BENCH_PROJECT:-the working tree})"
else
  DIRTY="$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -c . || true)"
  COMMIT="$(git -C "$ROOT" log -1 --format='%h (%cd)' --date=short 2>/dev/null || echo unknown)"
  COMMIT="$COMMIT (HEAD; $DIRTY tracked files changed in the working tree)"
fi
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: //'; }
LOAD_START="$(loadavg)"
log "== corpus benchmark: $RUNS runs, $(nproc) cores, $(uname -m), $MGI_VERSION, $TYPST_VERSION"

# ---------------------------------------------------------------- timing helpers
now_ns() { date +%s%N; }
ms_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f\n", (b - a) / 1e6 }'; }
run_quiet() { # run_quiet CMD: runs a shell command line, output discarded; fails the script on error
  if ! bash -c "$1" >/dev/null 2>"$TMP/last.err"; then
    log "failed: $1"
    tail -n 20 "$TMP/last.err" >&2
    exit 1
  fi
}
# measure NAME... : the commands in CMD[NAME], each run once untimed, then RUNS rounds of all of
# them in order (interleaved). Samples (ms) go to $TMP/samples/NAME; a command's JSON report, if it
# writes $TMP/reports/NAME.json, is kept per round as $TMP/reports/NAME.<round>.json.
declare -A CMD
measure() {
  local name i t0
  for name in "$@"; do
    log "  $name: ${CMD[$name]}"
    run_quiet "${CMD[$name]}"
    rm -f "$TMP/reports/$name.json"
    : > "$TMP/samples/$name"
    rm -f "$TMP/samples/$name.cpu"
  done
  for ((i = 0; i < RUNS; i++)); do
    for name in "$@"; do
      t0=$(now_ns)
      if [[ "$HAVE_TIME" == 1 ]]; then
        # CPU time (user + system, children included) as well: less disturbed than wall time
        # by other work on a shared machine.
        run_quiet "/usr/bin/time -f '%U %S' -o '$TMP/cpu.last' bash -c $(printf '%q' "${CMD[$name]}")"
        awk '{ printf "%.1f\n", ($1 + $2) * 1000 }' "$TMP/cpu.last" >> "$TMP/samples/$name.cpu"
      else
        run_quiet "${CMD[$name]}"
      fi
      ms_since "$t0" >> "$TMP/samples/$name"
      if [[ -f "$TMP/reports/$name.json" ]]; then
        mv "$TMP/reports/$name.json" "$TMP/reports/$name.$i.json"
      fi
    done
    log "    round $((i + 1))/$RUNS: $(for n in "$@"; do printf '%s=%.0f ' "$n" "$(tail -n 1 "$TMP/samples/$n")"; done)"
  done
}

# ---------------------------------------------------------------- 1. corpora
log "== 1. generating corpora of $SMALL and $LARGE profiles (seed $SEED; ${LANGS[*]}) and checking them"
CHECK_SUMMARY=""
for n in "$SMALL" "$LARGE"; do
  # --mgi-press: texts that are the same as the English on purpose (names) are confirmed with
  # `i18n mark --same` when the binary has it, as a translator would.
  python3 "$ROOT/benches/gen_corpus.py" "$TMP/corpus-$n" "$n" --seed "$SEED" \
    --langs "$(IFS=,; echo "${LANGS[*]}")" --mgi-press "$BIN" --project "$PROJ" > "$TMP/corpus-$n.list"
  mapfile -t dirs < "$TMP/corpus-$n.list"
  if ! "$BIN" check --project "$PROJ" --color never "${dirs[@]}" > "$TMP/check-$n.out" 2>&1; then
    log "mgi-press check failed on the generated corpus of $n profiles:"
    tail -n 40 "$TMP/check-$n.out" >&2
    exit 1
  fi
  warnings=$(grep -Eo '[0-9]+ warnings?' "$TMP/check-$n.out" | awk '{ s += $1 } END { print s + 0 }')
  CHECK_SUMMARY+="$n profiles: mgi-press check passed (0 errors, $warnings warnings); "
done
log "   $CHECK_SUMMARY"
CORPUS_STATS="$(python3 - "$TMP/corpus-$LARGE" <<'PY'
import glob, json, os, sys
root = sys.argv[1]
pars, distinct, chars, notes = 0, set(), {}, 0
for f in sorted(glob.glob(os.path.join(root, "*", "text", "??.json"))):
    lang = os.path.basename(f)[:2]
    t = json.load(open(f, encoding="utf-8"))
    for dim in t["findings"].values():
        for lst in dim.values():
            for p in lst.values():
                pars += 1
                distinct.add(p)
                chars.setdefault(lang, []).append(len(p))
                notes += p.count("^[")
print(f"{pars} findings paragraphs in {len(glob.glob(os.path.join(root, '*')))} profiles × {len(chars)} languages, "
      f"{len(distinct)} distinct; {notes} footnotes")
PY
)"
log "   $CORPUS_STATS"

mapfile -t SMALL_DIRS < "$TMP/corpus-$SMALL.list"
mapfile -t LARGE_DIRS < "$TMP/corpus-$LARGE.list"
LANG_FLAGS=""
for l in "${LANGS[@]}"; do LANG_FLAGS+=" --lang $l"; done
# The edition (BENCH_EDITION, default screen: what `build` writes by default). A binary that
# predates editions builds its one kind of PDF, and gets no flag.
EDITION="${BENCH_EDITION:-screen}"
edition_flag() { # edition_flag BINARY
  if "$1" build --help 2>/dev/null | grep -q -- '--edition'; then printf ' --edition %s' "$EDITION"; fi
}
EDITION_FLAGS="$(edition_flag "$TMP/bin/mgi-press")"
# The CLI compiles the same edition: its colours (sys.inputs) and its PDF standards. For print,
# mgi-press also makes the file PDF/X-4 and preflights it, which the CLI cannot do.
case "$EDITION" in
  screen) CLI_FLAGS=" --input mgi-edition=screen --pdf-standard a-2b --pdf-standard ua-1" ;;
  print) CLI_FLAGS=" --input mgi-edition=print --pdf-standard 1.6" ;;
  *) log "BENCH_EDITION must be screen or print (got '$EDITION')"; exit 2 ;;
esac
quote_all() { local s="" d; for d in "$@"; do s+=" '$d'"; done; printf '%s' "$s"; }
SMALL_ARGS="$(quote_all "${SMALL_DIRS[@]}")"
LARGE_ARGS="$(quote_all "${LARGE_DIRS[@]}")"
ND_SMALL=$((SMALL * NL))
ND_LARGE=$((LARGE * NL))

# ---------------------------------------------------------------- 2. batch vs CLI
log "== 2. batch of $ND_SMALL documents ($SMALL profiles × ${LANGS[*]})"
# The same documents on the preview's view models (with the source markers), when this
# mgi-press can write them.
MARKED=0
if [[ "$BENCH_CLI_MARKED" == 1 ]] && "$BIN" data --help 2>/dev/null | grep -q -- '--marked'; then
  MARKED=1
fi
: > "$TMP/cli-docs.txt"
for d in "${SMALL_DIRS[@]}"; do
  p="$(basename "$d")"
  for l in "${LANGS[@]}"; do
    proj="$TMP/cli/$p.$l"
    mkdir -p "$proj/layouts"
    cp -R "$PROJ/layouts/mgi" "$proj/layouts/mgi"
    cp -R "$d" "$proj/profile"
    "$BIN" data --project "$PROJ" "$d" --lang "$l"${EDITION_FLAGS} -o "$proj/layouts/mgi/data.json" 2>/dev/null
    if [[ "$MARKED" == 1 ]]; then
      marked="$TMP/cli-marked/$p.$l"
      mkdir -p "$marked/layouts"
      cp -R "$PROJ/layouts/mgi" "$marked/layouts/mgi"
      ln -s "$proj/profile" "$marked/profile"
      "$BIN" data --project "$PROJ" "$d" --lang "$l"${EDITION_FLAGS} --marked -o "$marked/layouts/mgi/data.json" 2>/dev/null
    fi
    echo "$p.$l" >> "$TMP/cli-docs.txt"
  done
done
mkdir -p "$TMP/cli-out"
cli_cmd() { # cli_cmd PARALLELISM
  printf "xargs -P%s -I{} '%s' compile '%s/cli/{}/layouts/mgi/main.typ' '%s/cli-out/{}.pdf' --root '%s/cli/{}' --font-path '%s/fonts' --ignore-system-fonts%s < '%s/cli-docs.txt'" \
    "$1" "$TYPST" "$TMP" "$TMP" "$TMP" "$PROJ" "$CLI_FLAGS" "$TMP"
}
mgi_cmd() { # mgi_cmd NAME JOBS PROFILE_ARGS [BINARY PROJECT]
  printf "'%s' build --project '%s'%s%s%s --force -j %s --out '%s/out-%s' --format json > '%s/reports/%s.json'" \
    "${4:-$BIN}" "${5:-$PROJ}" "$3" "$LANG_FLAGS" "$(edition_flag "${4:-$BIN}")" "$2" "$TMP" "$1" "$TMP" "$1"
}
base_cmd() { # base_cmd NAME JOBS PROFILE_ARGS: the baseline binary and layouts
  mgi_cmd "$1" "$2" "$3" "$TMP/bin/mgi-press-baseline" "$TMP/project-baseline"
}
# The same documents with only their own parts (findings, key sources; benches/own_parts.py):
# what the CLI spends on each document's own text, the part no reuse of the shared parts saves.
OWN=0
if [[ "$BENCH_OWN" == 1 ]]; then
  OWN=1
  while read -r doc; do
    src="$TMP/cli/$doc" dst="$TMP/cli-own/$doc"
    mkdir -p "$dst/layouts"
    cp -R "$src/layouts/mgi" "$dst/layouts/mgi"
    ln -s "$src/profile" "$dst/profile"
    python3 "$ROOT/benches/own_parts.py" "$dst/layouts/mgi/main.typ" || { OWN=0; break; }
  done < "$TMP/cli-docs.txt"
  [[ "$OWN" == 1 ]] || log "   own parts: main.typ not as expected; the CLI row on own parts is skipped"
fi
mkdir -p "$TMP/cli-own-out"
if [[ "$MARKED" == 1 ]]; then
  mkdir -p "$TMP/cli-marked-out"
  CMD[cli_marked_p2]="xargs -P2 -I{} '$TYPST' compile '$TMP/cli-marked/{}/layouts/mgi/main.typ' '$TMP/cli-marked-out/{}.pdf' --root '$TMP/cli-marked/{}' --font-path '$PROJ/fonts' --ignore-system-fonts$CLI_FLAGS < '$TMP/cli-docs.txt'"
fi
CMD[cli_own_p2]="xargs -P2 -I{} '$TYPST' compile '$TMP/cli-own/{}/layouts/mgi/main.typ' '$TMP/cli-own-out/{}.pdf' --root '$TMP/cli-own/{}' --font-path '$PROJ/fonts' --ignore-system-fonts$CLI_FLAGS < '$TMP/cli-docs.txt'"
CMD[mgi_j2]="$(mgi_cmd mgi_j2 2 "$SMALL_ARGS")"
CMD[cli_p2]="$(cli_cmd 2)"
CMD[mgi_j1]="$(mgi_cmd mgi_j1 1 "$SMALL_ARGS")"
CMD[cli_p1]="$(cli_cmd 1)"
BATCH=(mgi_j2 cli_p2 mgi_j1)
[[ "$CLI_SERIAL" == 1 ]] && BATCH+=(cli_p1)
[[ "$OWN" == 1 ]] && BATCH+=(cli_own_p2)
[[ "$MARKED" == 1 ]] && BATCH+=(cli_marked_p2)
if [[ "$BASELINE" == 1 ]]; then
  CMD[base_j2]="$(base_cmd base_j2 2 "$SMALL_ARGS")"
  CMD[base_j1]="$(base_cmd base_j1 1 "$SMALL_ARGS")"
  BATCH+=(base_j2 base_j1)
fi
measure "${BATCH[@]}"
if [[ "$OWN" == 1 ]]; then
  n_own=$(find "$TMP/cli-own-out" -name '*.pdf' -size +0 | wc -l)
  if [[ "$n_own" != "$ND_SMALL" ]]; then
    log "expected $ND_SMALL PDFs from the CLI on own parts, got $n_own"
    exit 1
  fi
fi
n_cli=$(find "$TMP/cli-out" -name '*.pdf' -size +0 | wc -l)
n_mgi=$(find "$TMP/out-mgi_j2" -name '*.pdf' -size +0 | wc -l)
if [[ "$n_cli" != "$ND_SMALL" || "$n_mgi" != "$ND_SMALL" ]]; then
  log "expected $ND_SMALL PDFs from each tool, got mgi-press $n_mgi, CLI $n_cli"
  exit 1
fi
if [[ "$MARKED" == 1 ]]; then
  # The markers print nothing: the CLI's PDFs must be the same with and without them.
  export MARKED_SAME=1
  while read -r doc; do
    cmp -s "$TMP/cli-out/$doc.pdf" "$TMP/cli-marked-out/$doc.pdf" || {
      log "warning: the CLI's PDF of $doc differs with the source markers"
      MARKED_SAME=0
    }
  done < "$TMP/cli-docs.txt"
fi

# ---------------------------------------------------------------- 2b. a profile and its copy
if [[ "$BENCH_COPY" == 1 ]]; then
  first="${SMALL_DIRS[0]}"
  copy="$TMP/copy/$(basename "$first")-copy"
  mkdir -p "$TMP/copy"
  cp -R "$first" "$copy"
  log "== 2b. $(basename "$first") alone and with a copy of it in a second folder, -j 1"
  CMD[copy_alone]="$(mgi_cmd copy_alone 1 " '$first'")"
  CMD[copy_both]="$(mgi_cmd copy_both 1 " '$first' '$copy'")"
  COPY=(copy_alone copy_both)
  if [[ "$BASELINE" == 1 ]]; then
    CMD[base_copy_alone]="$(base_cmd base_copy_alone 1 " '$first'")"
    CMD[base_copy_both]="$(base_cmd base_copy_both 1 " '$first' '$copy'")"
    COPY+=(base_copy_alone base_copy_both)
  fi
  measure "${COPY[@]}"
fi

# ---------------------------------------------------------------- 3. peak RSS
if [[ "$HAVE_TIME" == 1 ]]; then
  log "== 3. peak RSS of build, $SMALL and $LARGE profiles × $NL languages, -j 1 and -j 2 ($RSS_RUNS runs each)"
  for ((r = 0; r < RSS_RUNS; r++)); do
    for n in "$SMALL" "$LARGE"; do
      args="$SMALL_ARGS"
      [[ "$n" == "$LARGE" ]] && args="$LARGE_ARGS"
      for j in 1 2; do
        for who in rss rss_base; do
          [[ "$who" == rss_base && "$BASELINE" != 1 ]] && continue
          name="${who}_${n}_j$j"
          if [[ "$who" == rss ]]; then cmd="$(mgi_cmd "$name" "$j" "$args")"; else cmd="$(base_cmd "$name" "$j" "$args")"; fi
          t0=$(now_ns)
          run_quiet "/usr/bin/time -v -o '$TMP/rss/$name.$r.txt' $cmd"
          ms_since "$t0" >> "$TMP/samples/$name"
          mv "$TMP/reports/$name.json" "$TMP/reports/$name.$r.json"
          log "    $name run $((r + 1)): $(awk -F': ' '/Maximum resident set size/ { printf "%.1f MiB", $2 / 1024 }' "$TMP/rss/$name.$r.txt"), $(tail -n 1 "$TMP/samples/$name") ms"
        done
      done
    done
  done
  # The stock CLI, one process per document (xargs -P2 runs two of these at a time).
  first="$(basename "${SMALL_DIRS[0]}")"
  for l in "${LANGS[@]}"; do
    run_quiet "/usr/bin/time -v -o '$TMP/rss/cli_doc.$l.txt' '$TYPST' compile '$TMP/cli/$first.$l/layouts/mgi/main.typ' '$TMP/cli-rss.pdf' --root '$TMP/cli/$first.$l' --font-path '$PROJ/fonts' --ignore-system-fonts"
  done
fi

# ---------------------------------------------------------------- 4. build --check
CHECK_STATE="skipped"
if "$BIN" build --help 2>/dev/null | grep -q -- '--check'; then
  log "== 4. build --check of the up-to-date $SMALL-profile corpus"
  # out-mgi_j2 holds the last forced build; an incremental build makes sure its stamps are current.
  run_quiet "'$BIN' build --project '$PROJ'$SMALL_ARGS$LANG_FLAGS$EDITION_FLAGS --out '$TMP/out-mgi_j2'"
  CMD[build_check]="'$BIN' build --project '$PROJ'$SMALL_ARGS$LANG_FLAGS$EDITION_FLAGS --check --out '$TMP/out-mgi_j2'"
  CMD[build_noop]="'$BIN' build --project '$PROJ'$SMALL_ARGS$LANG_FLAGS$EDITION_FLAGS -j 2 --out '$TMP/out-mgi_j2' --format json > '$TMP/reports/build_noop.json'"
  rc=0
  bash -c "${CMD[build_check]}" > "$TMP/build-check.out" 2>&1 || rc=$?
  if [[ "$rc" == 0 ]]; then
    measure build_check build_noop
    CHECK_STATE="done"
  else
    # Not timed: report what it said (an up-to-date corpus should pass).
    log "   build --check exited $rc on the up-to-date corpus:"
    tail -n 20 "$TMP/build-check.out" >&2
    CHECK_STATE="failed (exit $rc)"
  fi
else
  log "== 4. skipped: this mgi-press's \`build --help\` does not list --check"
fi

# ---------------------------------------------------------------- report
LOAD_END="$(loadavg)"
python3 - "$TMP" "$RUNS" "$SMALL" "$LARGE" "$NL" "$CLI_SERIAL" "$HAVE_TIME" "$CHECK_STATE" \
  "$COMMIT" "$(date -u +%Y-%m-%dT%H:%MZ)" "$MGI_VERSION" "$TYPST_VERSION" "$(nproc)" "$(uname -m)" \
  "$LOAD_START" "$LOAD_END" "$CHECK_SUMMARY" "$CORPUS_STATS" "$RSS_RUNS" "${LANGS[*]}" \
  "${BASELINE_DESC:-}" <<'PY'
import glob, json, os, re, statistics, sys

(tmp, runs, small, large, nl, cli_serial, have_time, check_state, commit, when, mgi_version,
 typst_version, cores, arch, load_start, load_end, check_summary, corpus_stats, rss_runs,
 langs, baseline) = sys.argv[1:]
runs, small, large, nl, rss_runs = int(runs), int(small), int(large), int(nl), int(rss_runs)
langs = langs.split()


def samples(name):
    p = os.path.join(tmp, "samples", name)
    if not os.path.exists(p):
        return []
    return [float(x) for x in open(p).read().split()]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def paired(a, b):
    return med([x / y for x, y in zip(samples(a), samples(b))])


def docs_of(report_glob):
    """Every document object (with millis) of the JSON reports matching the glob."""
    out = []

    def walk(v):
        if isinstance(v, dict):
            if "millis" in v and "lang" in v:
                out.append(v)
            else:
                for x in v.values():
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for f in sorted(glob.glob(os.path.join(tmp, "reports", report_glob))):
        try:
            walk(json.load(open(f, encoding="utf-8")))
        except ValueError:
            pass
    return out


def f0(x):
    return "–" if x != x else f"{x:.0f}"


def f1(x):
    return "–" if x != x else f"{x:.1f}"


def f2(x):
    return "–" if x != x else f"{x:.2f}"


nd = small * nl
print(f"## Realistic corpus: mgi-press vs typst CLI ({typst_version})")
print()
print(f"commit: {commit}; {mgi_version}; run {when}; "
      f"{cores} cores, {arch}; load average at start {load_start}, at the end {load_end}")
print()
print(f"corpus: {corpus_stats}. {check_summary}")
print()
if baseline:
    print(f"baseline: {baseline}")
    print()

# -------------------------------------------------------------- batch
print(f"### Batch: {small} profiles × {nl} languages = {nd} documents, medians of {runs} "
      f"interleaved runs")
print()
print("| command | wall time | per document | ÷ CLI -P2 (medians) | ÷ CLI -P2 (paired) "
      "| ÷ CLI -P1 (medians) | ÷ CLI -P1 (paired) |")
print("|---|---:|---:|---:|---:|---:|---:|")
rows = [("mgi_j2", f"mgi-press build, one process, -j 2"),
        ("mgi_j1", f"mgi-press build, one process, -j 1"),
        ("base_j2", f"baseline build, one process, -j 2"),
        ("base_j1", f"baseline build, one process, -j 1"),
        ("cli_p2", f"typst compile × {nd}, xargs -P2"),
        ("cli_p1", f"typst compile × {nd}, xargs -P1"),
        ("cli_own_p2", f"typst compile × {nd}, xargs -P2, own parts only"),
        ("cli_marked_p2", f"typst compile × {nd}, xargs -P2, preview's view models (with markers)")]
cp2, cp1 = med(samples("cli_p2")), med(samples("cli_p1"))
for name, label in rows:
    s = samples(name)
    if not s:
        continue
    m = med(s)
    r2 = f2(m / cp2) if name != "cli_p2" else "1"
    q2 = f2(paired(name, "cli_p2")) if name != "cli_p2" else "1"
    r1 = f2(m / cp1) if samples("cli_p1") and name != "cli_p1" else ("1" if name == "cli_p1" else "–")
    q1 = f2(paired(name, "cli_p1")) if samples("cli_p1") and name != "cli_p1" else ("1" if name == "cli_p1" else "–")
    print(f"| {label} | {m:.0f} ms | {m / nd:.1f} ms | {r2} | {q2} | {r1} | {q1} |")
print()
if samples("mgi_j2.cpu"):
    print("CPU time (user + system, all processes of the command; medians; ratios paired):")
    print()
    print("| command | CPU time | per document | ÷ CLI -P2 | ÷ CLI -P1 |")
    print("|---|---:|---:|---:|---:|")
    for name, label in rows:
        c = samples(name + ".cpu")
        if c:
            q2 = f2(paired(name + ".cpu", "cli_p2.cpu")) if samples("cli_p2.cpu") else "–"
            q1 = f2(paired(name + ".cpu", "cli_p1.cpu")) if samples("cli_p1.cpu") else "–"
            print(f"| {label} | {med(c):.0f} ms | {med(c) / nd:.1f} ms | {q2} | {q1} |")
    print()
if samples("base_j2"):
    for j in ("2", "1"):
        a, b = samples(f"mgi_j{j}"), samples(f"base_j{j}")
        cpu = ""
        if samples(f"mgi_j{j}.cpu") and samples(f"base_j{j}.cpu"):
            cpu = (f"; CPU {f2(paired(f'mgi_j{j}.cpu', f'base_j{j}.cpu'))} (paired), "
                   f"{med(samples(f'mgi_j{j}.cpu')) / nd:.1f} against "
                   f"{med(samples(f'base_j{j}.cpu')) / nd:.1f} ms per document")
        print(f"- `-j {j}`: measured ÷ baseline {f2(med(a) / med(b))} (medians), "
              f"{f2(paired(f'mgi_j{j}', f'base_j{j}'))} (paired){cpu}")
    print()
if samples("cli_marked_p2"):
    print(f"- The CLI on the preview's view models (with the source markers) ÷ on the batch's "
          f"(without): wall {f2(paired('cli_marked_p2', 'cli_p2'))}, CPU "
          f"{f2(paired('cli_marked_p2.cpu', 'cli_p2.cpu')) if samples('cli_marked_p2.cpu') else '–'}"
          f" (paired); the PDFs are "
          f"{'byte-identical' if os.environ.get('MARKED_SAME') == '1' else 'NOT all byte-identical'}.")
    print()
if samples("copy_alone"):
    print(f"#### One profile alone and with a copy of it in a second folder (`build --force -j 1`, "
          f"{nl} languages), medians of {runs} interleaved runs")
    print()
    print("| binary | alone | with its copy | ÷ alone (medians) | ÷ alone (paired) | CPU ÷ alone (paired) |")
    print("|---|---:|---:|---:|---:|---:|")
    for who, label in (("", "measured"), ("base_", "baseline")):
        a, b = samples(f"{who}copy_alone"), samples(f"{who}copy_both")
        if a and b:
            c = f2(paired(f"{who}copy_both.cpu", f"{who}copy_alone.cpu")) if samples(f"{who}copy_alone.cpu") else "–"
            print(f"| {label} | {med(a):.0f} ms | {med(b):.0f} ms | {f2(med(b) / med(a))} "
                  f"| {f2(paired(f'{who}copy_both', f'{who}copy_alone'))} | {c} |")
    print()
if samples("cli_own_p2"):
    own = med(samples("cli_own_p2")) / cp2
    print(f"- Own parts only (benches/own_parts.py: findings and key sources, without the parts "
          f"that are the same in every profile of a language): the CLI takes {f2(own)} of its "
          f"time for the whole documents (paired {f2(paired('cli_own_p2', 'cli_p2'))}). Laying "
          f"out and exporting every shared part for free would still leave that much.")
    print()
print("Samples (ms, in the order run):")
print()
print("```")
for name, _ in rows + [(n, "") for n in ("copy_alone", "copy_both", "base_copy_alone", "base_copy_both")]:
    s = samples(name)
    if s:
        print(f"{name:>7}: " + " ".join(f"{x:.0f}" for x in s))
print("```")
print()

# -------------------------------------------------------------- peak RSS
def rss_mib(name):
    vals = []
    for f in sorted(glob.glob(os.path.join(tmp, "rss", name + ".*.txt"))):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f).read())
        if m:
            vals.append(int(m.group(1)) / 1024)
    return vals


if have_time == "1":
    print(f"### Peak RSS of `build --force` (medians of {rss_runs} runs; /usr/bin/time -v)")
    print()
    print("| corpus | documents | -j 1 peak RSS | -j 2 peak RSS | -j 2 ÷ -j 1 | -j 1 wall | -j 2 wall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    res = {}
    for n in (small, large):
        r1, r2 = rss_mib(f"rss_{n}_j1"), rss_mib(f"rss_{n}_j2")
        w1, w2 = med(samples(f"rss_{n}_j1")), med(samples(f"rss_{n}_j2"))
        res[n] = (med(r1), med(r2))
        print(f"| {n} profiles × {nl} languages | {n * nl} | {f1(med(r1))} MiB | {f1(med(r2))} MiB "
              f"| {f2(med(r2) / med(r1))} | {f0(w1)} ms | {f0(w2)} ms |")
    if small != large:
        a, b = res[small], res[large]
        print(f"| {large} ÷ {small} | {large // small if large % small == 0 else f'{large / small:.1f}'}× "
              f"| {f2(b[0] / a[0])} | {f2(b[1] / a[1])} | | | |")
    cli = []
    for l in langs:
        p = os.path.join(tmp, "rss", f"cli_doc.{l}.txt")
        if os.path.exists(p):
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(p).read())
            if m:
                cli.append((l, int(m.group(1)) / 1024))
    if cli:
        vals = [v for _, v in cli]
        print()
        print(f"For comparison, one stock CLI process compiling one document of the first profile: "
              f"median {med(vals):.1f} MiB, max {max(vals):.1f} MiB ("
              + ", ".join(f"{l} {v:.1f}" for l, v in cli) + "); `xargs -P2` runs two at a time.")
    if rss_mib(f"rss_base_{small}_j1"):
        print()
        print("Baseline, same runs: " + "; ".join(
            f"{n} profiles -j {j} {f1(med(rss_mib(f'rss_base_{n}_j{j}')))} MiB"
            for n in (small, large) for j in (1, 2)) + ".")
    print()
    print("RSS samples (MiB):")
    print()
    print("```")
    for who in ("rss", "rss_base"):
        for n in (small, large):
            for j in (1, 2):
                if rss_mib(f"{who}_{n}_j{j}"):
                    print(f"{who}_{n}_j{j}: " + " ".join(f"{x:.1f}" for x in rss_mib(f"{who}_{n}_j{j}")))
    print("```")
    print()
else:
    print("### Peak RSS: skipped (/usr/bin/time missing; apt-get install -y time)")
    print()

# -------------------------------------------------------------- build --check
if check_state == "done":
    c, n = samples("build_check"), samples("build_noop")
    print(f"### Up-to-date corpus ({small} profiles × {nl} languages), medians of {runs} runs")
    print()
    print("| command | wall time | samples (ms) |")
    print("|---|---:|---|")
    print(f"| `build --check` | {med(c):.0f} ms | {' '.join(f'{x:.0f}' for x in c)} |")
    print(f"| `build` (incremental, nothing to do) | {med(n):.0f} ms | {' '.join(f'{x:.0f}' for x in n)} |")
    print()
elif check_state == "skipped":
    print("### `build --check`: skipped (this mgi-press's `build --help` does not list `--check`)")
    print()
else:
    print(f"### `build --check`: {check_state} on the up-to-date corpus, not timed "
          "(its output is on standard error above)")
    print()

# -------------------------------------------------------------- per document
print("### Where the time goes: per-document `millis` of `build --format json`")
print()
print("Per document: the time mgi-press reports for the document, from its start to its PDF "
      "and stamp being written (all runs pooled). Sum ÷ wall: the documents' summed times over "
      "the process's wall time, which is the average number of documents in flight (Little's "
      "law): just under 1 with -j 1, at most 2 with -j 2 if each of the two threads had one "
      "document at a time.")
print()
print("| run | documents | median | p10 | p90 | max | sum ÷ wall | "
      + " | ".join(langs) + " | pages (median) |")
print("|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(langs) + "---:|")
configs = [("mgi_j2", f"{small} profiles, -j 2", "mgi_j2"),
           ("mgi_j1", f"{small} profiles, -j 1", "mgi_j1"),
           (f"rss_{large}_j2", f"{large} profiles, -j 2", f"rss_{large}_j2"),
           (f"rss_{large}_j1", f"{large} profiles, -j 1", f"rss_{large}_j1")]
for key, label, sname in configs:
    runs_docs = []
    for f in sorted(glob.glob(os.path.join(tmp, "reports", key + ".*.json"))):
        runs_docs.append(docs_of(os.path.basename(f)))
    docs = [d for r in runs_docs for d in r]
    if not docs:
        continue
    ms = [float(d["millis"]) for d in docs]
    walls = samples(sname)
    ratio = med([sum(float(d["millis"]) for d in r) / w for r, w in zip(runs_docs, walls) if r])
    per_lang = []
    for l in langs:
        per_lang.append(f0(med([float(d["millis"]) for d in docs if d.get("lang") == l])))
    pages = [d["pages"] for d in docs if isinstance(d.get("pages"), int)]
    print(f"| {label} | {len(docs) // max(1, len(runs_docs))} × {len(runs_docs)} runs | "
          f"{med(ms):.0f} ms | {pct(ms, .1):.0f} | {pct(ms, .9):.0f} | {max(ms):.0f} | "
          f"{f2(ratio)} | " + " | ".join(per_lang) + f" | {f0(med(pages))} |")
print()
statuses = {}
for d in docs_of("mgi_j2.*.json"):
    statuses[d.get("status")] = statuses.get(d.get("status"), 0) + 1
print("document statuses in the timed -j 2 runs: "
      + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))))
print()
stages = ["prepare", "compile", "export", "write"]
rows = [(label, [d for f in sorted(glob.glob(os.path.join(tmp, "reports", key + ".*.json")))
                 for d in docs_of(os.path.basename(f)) if isinstance(d.get("timings"), dict)])
        for key, label, _ in configs]
rows = [(label, docs) for label, docs in rows if docs]
if rows:
    print("Per stage (`timings` of `build --format json`, medians over the built documents, ms): "
          "prepare = resolve the view model and check the stamp (the profile is loaded and "
          "checked once for all its documents, outside this); compile = Typst's layout; "
          "export = PDF export (and, for print, PDF/X-4 and preflight); write = files and stamp.")
    print()
    print("| run | documents | " + " | ".join(stages) + " |")
    print("|---|---:|" + "---:|" * len(stages))
    for label, docs in rows:
        print(f"| {label} | {len(docs)} | "
              + " | ".join(f"{med([float(d['timings'][s]) for d in docs]):.1f}" for s in stages) + " |")
PY
