#!/usr/bin/env bash
# Measures what BENCHMARKS.md reports for ingest:
#  1. Google Benchmark of the pipeline stages (tokens; tokens + sentences + entities; dates and
#     quantities, relations and events each alone; the whole analysis; the analysis merged into a
#     graph), with ICU's word BreakIterator as reference in the same run: median of 5.
#  2. The whole command, `newsgraph ingest CORPUS --db FILE` (every stage, events included) and
#     `--entities-only`, over generated corpora (200 MB by default): median of 3 runs of wall
#     time, CPU time (user + sys) and peak RSS. MB/s are corpus bytes over the median.
# Run from the repository root after `cmake --build --preset release`.
# Environment: BUILD_DIR (default build/release), BENCH_DIR (generated corpora and the store,
# default /tmp/newsgraph-bench), BENCH_SIZES (corpus sizes in MB, default "200"), RUNS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/release}
bin=$build/cli/newsgraph
work=${BENCH_DIR:-/tmp/newsgraph-bench}
runs=${RUNS:-3}
mkdir -p "$work"

echo "== Google Benchmark (median of 5, CPU time)"
"$build/bench/pipeline_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  | grep -E "median|Run on"

# Runs a command $runs times and prints the medians.
measure() {
  local label=$1 bytes=$2
  shift 2
  local log="$work/time.log"
  : >"$log"
  for ((run = 1; run <= runs; run++)); do
    rm -f "$work/bench.db"
    /usr/bin/time -o "$log" -a -f "%e %U %S %M" "$@" >/dev/null 2>&1
  done
  rm -f "$work/bench.db"
  python3 - "$label" "$bytes" "$log" <<'EOF'
import statistics, sys
label, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [list(map(float, line.split())) for line in open(path) if line.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) / 1024
mb = size / 1e6
print(f"   {label}: {len(rows)} runs, median wall {wall:.1f} s ({mb / wall:.1f} MB/s), "
      f"CPU {cpu:.1f} s ({mb / cpu:.1f} MB/s), peak RSS {rss:.0f} MB")
EOF
}

for mb in ${BENCH_SIZES:-200}; do
  corpus="$work/corpus$mb"
  [ -d "$corpus" ] || python3 bench/make_corpus.py --source samples/articles --megabytes "$mb" --out "$corpus" >/dev/null
  bytes=$(cat "$corpus"/* | wc -c)
  echo "== whole command over $mb MB ($bytes bytes of JSON Lines)"
  measure "full pipeline (entities, dates, relations, events)" "$bytes" \
    "$bin" ingest "$corpus" --db "$work/bench.db" -q
  measure "entities only (--entities-only)" "$bytes" \
    "$bin" ingest --entities-only "$corpus" --db "$work/bench.db" -q
done
