#!/usr/bin/env bash
# The interactive diagram at scale (BENCHMARKS.md, "Diagram HTML"): generates stores of N
# entities (bench/make_diagram_store.cpp; 10,000 by default), times the whole command
# `newsgraph diagram --format html` (median of RUNS, default 5, with peak RSS), then opens each
# page in headless Chromium (bench/diagram_html_bench.mjs): first frame, pan and zoom frames,
# a redraw. Run from the repository root after `cmake --build --preset release` (targets
# newsgraph and make_diagram_store). Environment: BUILD_DIR (default build/release), BENCH_DIR
# (default /tmp/newsgraph-diagram-bench), SIZES (default "10000"), RUNS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/release}
work=${BENCH_DIR:-/tmp/newsgraph-diagram-bench}
runs=${RUNS:-5}
mkdir -p "$work"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for size in ${SIZES:-10000}; do
  db="$work/diagram-$size.db"
  page="$work/diagram-$size.html"
  [ -f "$db" ] || "$build/bench/make_diagram_store" "$db" "$size"
  : >"$work/time.log"
  for ((run = 1; run <= runs; run++)); do
    /usr/bin/time -a -o "$work/time.log" -f "%e %M" \
      "$build/cli/newsgraph" diagram --db "$db" --format html -o "$page"
  done
  median=$(sort -n "$work/time.log" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
  echo "== $size entities: newsgraph diagram --format html ($(wc -c <"$page") bytes)"
  echo "   median of $runs: wall ${median% *} s, peak RSS ${median#* } KB"
  echo "   in Chromium: $(node bench/diagram_html_bench.mjs "$page" "$work/diagram-$size.png")"
done
