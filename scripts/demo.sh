#!/usr/bin/env bash
# The main job on the bundled samples: install, build, ingest samples/, print a summary, the
# relations and the events, and write the JSON and ACLED CSV exports and a diagram under out/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target newsgraph

bin=build/release/cli/newsgraph
mkdir -p out
rm -f out/samples.db
"$bin" ingest samples/articles --db out/samples.db
echo
"$bin" stats --db out/samples.db
echo
"$bin" entities --db out/samples.db --limit 20
echo
"$bin" relations --db out/samples.db --type SUPPORTS
echo
"$bin" timeline --db out/samples.db --place kidal
"$bin" export --format json --db out/samples.db -o out/samples.json
"$bin" export --format acled-csv --db out/samples.db -o out/samples-acled.csv
"$bin" diagram --db out/samples.db -o out/samples.dot
"$bin" diagram --db out/samples.db -o out/samples.svg
"$bin" diagram --db out/samples.db -o out/samples.html
echo
echo "wrote out/samples.json ($(wc -c < out/samples.json) bytes), out/samples-acled.csv;"
echo "diagram of the samples: out/samples.svg (Graphviz source: out/samples.dot), and"
echo "out/samples.html to explore in a browser (search, filters, evidence of each relation);"
echo "store: out/samples.db"
