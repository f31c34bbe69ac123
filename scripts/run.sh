#!/usr/bin/env bash
# The main job on a fresh machine: set up and build, index corpus/ into the default
# index (or $PRIVSEARCH_DB), and run an example search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/bin/privsearch-index corpus/
echo
build/bin/privsearch search "${@:-social media surveillance}"
