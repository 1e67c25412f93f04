#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test with ctest.
#   scripts/test.sh            (from the project's root, as root on Debian 12)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/install-deps.sh"

build="${IC_BUILD_DIR:-$root/build/test}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build "$build" --parallel "$(nproc)"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"

# The core's tests again under AddressSanitizer and UBSan (clang), and short libFuzzer passes over what comes from
# elsewhere (alert answers, JSON imports, incident files), a fixed number of runs each. IC_SKIP_SANITIZERS=1 skips it.
if [ "${IC_SKIP_SANITIZERS:-0}" != "1" ]; then
    sanitized="${IC_ASAN_BUILD_DIR:-$root/build/asan-core}"
    cmake --preset asan-core -B "$sanitized"
    cmake --build "$sanitized" --parallel "$(nproc)"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$sanitized" --output-on-failure --parallel "$(nproc)"
fi
