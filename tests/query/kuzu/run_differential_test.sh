#!/usr/bin/env bash
# Differential test against Kuzu (differential_test.mjs): ingests samples/ into a fresh store,
# then asks newsgraph and Kuzu the same questions. Exits 77 (skipped) when node or the kuzu
# package is missing (npm ci in tests/query/kuzu), except under CI=true.
# Usage: run_differential_test.sh NEWSGRAPH_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
binary=$1 source_dir=$2 work=$3
here="$source_dir/tests/query/kuzu"
if ! command -v node > /dev/null || [ ! -f "$here/node_modules/kuzu/package.json" ]; then
  echo "kuzu differential test: node or the kuzu package is missing (cd $here && npm ci)"
  [ "${CI:-}" = "true" ] && exit 1
  exit 77
fi
rm -rf "$work"
mkdir -p "$work"
"$binary" ingest "$source_dir/samples/articles" --db "$work/store.db" --quiet
node "$here/differential_test.mjs" "$binary" "$work/store.db" "$work/kuzu"
