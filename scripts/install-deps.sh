#!/usr/bin/env bash
# Installs what newsgraph needs to build, test and run, from Debian's packages.
# Safe to run again: it installs only what is missing. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git clang-format
  libboost-graph-dev libserd-dev serdi rapidjson-dev libicu-dev libstemmer-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev
  wfrench hyperfine python3
  raptor2-utils nodejs
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

# npm packages of the tests: Oxigraph, the SPARQL store of tests/rdf (package-lock.json pins it).
# Debian's nodejs comes without npm; some nodejs builds carry their own (and conflict with it).
if ! command -v npm > /dev/null; then
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends npm
fi
rdf_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/rdf"
if [ ! -f "$rdf_tests/node_modules/oxigraph/package.json" ]; then
  echo "install-deps: npm ci in tests/rdf (oxigraph)"
  npm ci --prefix "$rdf_tests" --no-audit --no-fund --loglevel=error
fi
