#!/usr/bin/env bash
# The store at one million relations: generates it once (bench/store_bench.cpp), then times
# whole commands that open it and answer a query (5 runs: wall, user and sys CPU, peak memory;
# report medians and the load average, the machine being shared). Run from the
# repository root after `cmake --build --preset release`; BUILD=dir to use another build.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build/release}
db=${NEWSGRAPH_STORE_BENCH:-/tmp/newsgraph-store-bench.db}
relations=${NEWSGRAPH_STORE_BENCH_RELATIONS:-1000000}
[ -f "$db" ] || "$build/bench/store_bench" --generate "$db" "$relations"
ls -l "$db"
for command in "relations --entity entity-5000" "stats"; do
  echo "== newsgraph $command --db $db (5 runs)"
  for run in 1 2 3 4 5; do
    /usr/bin/time -f "   wall %e s, user %U s, sys %S s, peak RSS %M KB, load $(cut -d' ' -f1 /proc/loadavg)" \
      "$build/cli/newsgraph" $command --db "$db" 2>&1 >/dev/null | tail -1
  done
done
echo "== Google Benchmark: open (rows -> KnowledgeGraph)"
NEWSGRAPH_STORE_BENCH="$db" "$build/bench/store_bench" --benchmark_filter=BM_OpenStore
