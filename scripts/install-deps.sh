#!/usr/bin/env bash
# Installs what newsgraph needs to build, test and run, from Debian's packages.
# Safe to run again: it installs only what is missing. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git clang-format
  libboost-graph-dev libserd-dev serdi rapidjson-dev libicu-dev libstemmer-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev
  wfrench hyperfine python3
  raptor2-utils nodejs libedit-dev clang libclang-rt-14-dev libgraphviz-dev graphviz
  chromium libmimalloc-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
else
  echo "install-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, pinned by their package-lock.json: Oxigraph, the SPARQL store of tests/rdf; Kuzu,
# the Cypher database of the query differential test (tests/query/kuzu); Cytoscape.js, inlined
# into the HTML diagram at build time (diagram/html); playwright-core, which drives Chromium in
# the HTML diagram test (tests/diagram/browser).
# Debian's nodejs comes without npm; some nodejs builds carry their own (and conflict with it).
if ! command -v npm > /dev/null; then
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends npm
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
for pair in "tests/rdf:oxigraph" "tests/query/kuzu:kuzu" "diagram/html:cytoscape" \
  "tests/diagram/browser:playwright-core"; do
  folder="$root/${pair%%:*}"
  package="${pair##*:}"
  if [ ! -f "$folder/node_modules/$package/package.json" ]; then
    echo "install-deps: npm ci in ${pair%%:*} ($package)"
    npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
  fi
done
