#!/usr/bin/env bash
# The html edition's cost per document against its screen PDF (examples/web_bench.rs): warm
# (the cover's sizes cached, as for every language after the first of a profile) and cold.
# Usage: benches/web-bench.sh [RUNS]   (run from anywhere; builds the example in release)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_RUNS="${1:-${BENCH_RUNS:-5}}" cargo run --release --quiet --example web_bench
