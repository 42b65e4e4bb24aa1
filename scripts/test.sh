#!/usr/bin/env bash
# Installs, builds and runs every test: the release build (warnings are errors) with its
# accuracy gates on ../shared/seeds and samples/, a bounded fuzzing run of the query parser and
# binder, then the ASan + UBSan build of the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

echo "== formatting (clang-format, .clang-format)"
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror

echo "== release build and tests"
cmake --workflow --preset release

echo "== accuracy gates through the CLI (entity, relation and event F1)"
bin=build/release/cli/newsgraph
if [ -d ../shared/seeds ]; then
  "$bin" eval --gold ../shared/gold/seeds.json ../shared/seeds --min-f1 0.95 \
    --min-relation-f1 0.85 --min-event-f1 0.6
fi
"$bin" eval --gold samples/gold.json samples/articles --min-f1 0.95 --min-relation-f1 0.84 \
  --min-event-f1 0.4

echo "== query parser and binder fuzzed for 60 s (libFuzzer, clang)"
bash tests/query/run_fuzzer.sh 60 build/fuzz

echo "== ASan + UBSan build and tests"
cmake --workflow --preset asan
