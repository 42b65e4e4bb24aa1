#!/usr/bin/env bash
# Loads the Turtle export of samples/ into Oxigraph and asks it SPARQL questions
# (sparql_test.mjs). Usage: run_sparql_test.sh NEWSGRAPH SOURCE_DIR WORK_DIR
# Exits 77 (skipped) when node or the oxigraph package is missing, except under CI=true,
# where that is a failure: scripts/install-deps.sh installs both.
set -euo pipefail
bin=$1
src=$2
work=$3

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "rdf_sparql_oxigraph: FAILED: $1 (CI=true: run scripts/install-deps.sh)" >&2
    exit 1
  fi
  echo "rdf_sparql_oxigraph: SKIPPED: $1 (run scripts/install-deps.sh to install it)"
  exit 77
}
command -v node > /dev/null || missing "node is not installed"
[ -f "$src/tests/rdf/node_modules/oxigraph/package.json" ] ||
  missing "the npm package oxigraph is not installed in tests/rdf/node_modules"

rm -rf "$work"
mkdir -p "$work"
"$bin" ingest "$src/samples/articles" --db "$work/samples.db" > "$work/ingest.log" 2>&1 ||
  { cat "$work/ingest.log"; exit 1; }
"$bin" export --format turtle --db "$work/samples.db" -o "$work/samples.ttl"
"$bin" export --format json --db "$work/samples.db" -o "$work/samples.json"
node "$src/tests/rdf/sparql_test.mjs" "$work/samples.ttl" "$work/samples.json"
