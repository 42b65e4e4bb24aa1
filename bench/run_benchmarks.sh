#!/usr/bin/env bash
# Measures what BENCHMARKS.md reports: Google Benchmark of the pipeline stages (with ICU's word
# BreakIterator as reference in the same run), and whole-command ingest timings over generated
# corpora of 50 and 200 MB (median of 3 runs, peak memory). Run from the repository root after
# `cmake --build --preset release`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/cli/newsgraph
work=${BENCH_DIR:-/tmp/newsgraph-bench}
mkdir -p "$work"

echo "== Google Benchmark (median of 5)"
build/release/bench/pipeline_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  | grep -E "median|Run on"

for mb in 50 200; do
  corpus="$work/corpus$mb"
  [ -d "$corpus" ] || python3 bench/make_corpus.py --source samples/articles --megabytes "$mb" --out "$corpus" >/dev/null
  echo "== whole command: newsgraph ingest over $mb MB (3 runs)"
  for run in 1 2 3; do
    rm -f "$work/bench.db"
    /usr/bin/time -f "   peak RSS %M KB, wall %e s" "$bin" ingest "$corpus" --db "$work/bench.db" 2>&1 \
      | grep -E "ingested|peak"
    rm -f "$work/bench.db"
    /usr/bin/time -f "   peak RSS %M KB, wall %e s" "$bin" ingest --entities-only "$corpus" \
      --db "$work/bench.db" 2>&1 | grep -E "ingested|peak" | sed 's/^/   entities only: /'
  done
done
