#!/usr/bin/env bash
# Sets up, builds and runs every test with ctest; then the same tests again in a
# separate build with AddressSanitizer and UndefinedBehaviorSanitizer.
#   SKIP_SANITIZE=1  skip the sanitizer build (quicker local runs)
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests() {
    local dir=$1
    ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
}

scripts/setup.sh
run_tests build

if [ "${SKIP_SANITIZE:-0}" != 1 ]; then
    echo "== again under AddressSanitizer and UndefinedBehaviorSanitizer =="
    BUILD_DIR=build-sanitize BUILD_TYPE=Debug CMAKE_ARGS="-DPRIVSEARCH_SANITIZE=ON" scripts/setup.sh
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_tests build-sanitize
fi
