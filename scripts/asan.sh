#!/usr/bin/env bash
# The Markdown module's tests under AddressSanitizer and LeakSanitizer: every libcmark node and
# iterator Teigen allocates must be freed, and no Swift code may touch freed or out-of-bounds memory.
#
#   bash scripts/asan.sh      (or: make asan; make test runs it as the `asan-markdown` stage)
#
# A separate build folder (.build-asan), since everything is compiled with -sanitize=address.
# Leaks are reported (detect_leaks=1) except XCTest's own, listed in Tests/sanitizers/lsan.supp.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The arena libcmark allocates from (CCmarkArena) is compiled with red zones and poisoning too;
# CmarkArenaTests checks that it was.
export TEIGEN_EXPECT_ASAN=1
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$(pwd)/Tests/sanitizers/lsan.supp:print_suppressions=0"
read -r -a extra <<<"${SWIFT_FLAGS:-}"
swift test --sanitize=address --scratch-path .build-asan "${extra[@]}" --filter TeigenMarkdownTests
