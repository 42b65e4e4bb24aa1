#!/usr/bin/env bash
# Builds the query fuzzer with clang and runs it for a bounded time (default 60 s) from the
# queries of the test cases. Usage: tests/query/run_fuzzer.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
seconds=${1:-60}
build=${2:-/tmp/build-query-fuzz}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
cmake -S "$source_dir" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_BUILD_TESTS=OFF \
  -DNEWSGRAPH_BUILD_BENCH=OFF > /dev/null
cmake --build "$build" -j2 --target query_fuzzer
corpus="$build/query_corpus"
mkdir -p "$corpus"
# Seed: every query of the case files, one file each.
awk -v dir="$corpus" '
  /^(query|error|explain)/ { inq = 1; n++; file = dir "/case" n; next }
  /^----$/ { inq = 0; next }
  inq { print > file }
' "$source_dir"/tests/query/cases/*.test
"$build/query/query_fuzzer" "$corpus" -max_total_time="$seconds" -max_len=512 -timeout=10 \
  -rss_limit_mb=2048
