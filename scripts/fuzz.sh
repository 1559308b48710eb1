#!/usr/bin/env bash
# Fuzzes Teigen's parsers with libFuzzer under AddressSanitizer (the Fuzz/ package):
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 600)
#
# 1. builds Fuzz/ (swift build -Xswiftc -sanitize=fuzzer,address) into Fuzz/.build;
# 2. replays every saved input of Tests/Fixtures/fuzz-regressions/<target>/ under the sanitizer;
# 3. runs each target (FuzzFrontMatter, FuzzMarkdown; both at once when there are two cores) for
#    SECONDS_PER_TARGET with -timeout=10 -rss_limit_mb=2048 and leak detection, starting from the
#    seeds in Fuzz/corpus/<target>/ plus what earlier runs found (Fuzz/.build/corpus/<target>/,
#    git-ignored; the fuzzer writes only there);
# 4. copies every crash, timeout, leak or out-of-memory input to
#    Tests/Fixtures/fuzz-regressions/<target>/ (with its sanitizer report as <name>.log) and
#    exits 1 if there was any, or if a saved regression input still fails.
#
# Environment: FUZZ_TARGETS (default "FuzzFrontMatter FuzzMarkdown"), FUZZ_ARGS (extra libFuzzer
# flags, e.g. "-max_len=8192"), FUZZ_PARALLEL (0: one target after the other; default: both at
# once when nproc >= 2). Logs: Fuzz/.build/logs/<target>.log.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root=$PWD
seconds=${1:-600}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
    exit 2
fi
read -r -a targets <<<"${FUZZ_TARGETS:-FuzzFrontMatter FuzzMarkdown}"
read -r -a extra_args <<<"${FUZZ_ARGS:-}"
parallel=${FUZZ_PARALLEL:-$( (($(nproc) >= 2)) && echo 1 || echo 0)}

scratch=Fuzz/.build
regressions=Tests/Fixtures/fuzz-regressions

# The sanitizer's reports: symbolized (llvm-symbolizer from the toolchain when there is one),
# leak detection on, and the process ends on the first error so the input is saved.
symbolizer=$(command -v llvm-symbolizer || true)
[[ -z "$symbolizer" && -x "$(dirname "$(command -v swift)")/llvm-symbolizer" ]] &&
    symbolizer="$(dirname "$(command -v swift)")/llvm-symbolizer"
export ASAN_OPTIONS="detect_leaks=1:symbolize=1:handle_abort=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
[[ -n "$symbolizer" ]] && export ASAN_SYMBOLIZER_PATH="$symbolizer"

echo "==> building ${targets[*]} (libFuzzer + AddressSanitizer)"
for target in "${targets[@]}"; do
    if ! swift build --package-path Fuzz --scratch-path "$scratch" -c debug --product "$target" \
        -Xswiftc -sanitize=fuzzer,address 2>&1 | { grep -v "Cannot export local symbol" || true; }; then
        echo "fuzz: FAIL: building $target failed" >&2
        exit 1
    fi
done
bin=$(swift build --package-path Fuzz --scratch-path "$scratch" -c debug --show-bin-path)
for target in "${targets[@]}"; do
    [[ -x "$bin/$target" ]] || { echo "fuzz: FAIL: $bin/$target was not built" >&2; exit 1; }
done

# demangle: Swift symbols in a report, readable (swift demangle when available).
demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi; }

failures=0

echo "==> replaying saved regression inputs"
for target in "${targets[@]}"; do
    shopt -s nullglob
    for input in "$regressions/$target"/*; do
        [[ -f "$input" && "$input" != *.log && "$input" != *.md ]] || continue
        if ! "$bin/$target" -timeout=10 -rss_limit_mb=2048 "$input" >"$scratch/replay.log" 2>&1; then
            echo "fuzz: FAIL: $input still fails:"
            grep -E "ERROR|SUMMARY|Fatal error|#[0-9]+ 0x" "$scratch/replay.log" | head -20 | demangle
            failures=$((failures + 1))
        fi
    done
    shopt -u nullglob
done

# fuzz TARGET: one bounded libFuzzer run; its log goes to Fuzz/.build/logs/TARGET.log.
fuzz() {
    local target=$1
    local work="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target/" dict=()
    mkdir -p "$work" "$artifacts" "$scratch/logs"
    [[ -f "Fuzz/dict/$target.dict" ]] && dict=("-dict=Fuzz/dict/$target.dict")
    "$bin/$target" "$work" "Fuzz/corpus/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
        -artifact_prefix="$artifacts" -print_final_stats=1 "${dict[@]}" "${extra_args[@]}" \
        >"$scratch/logs/$target.log" 2>&1
}

echo "==> fuzzing ${targets[*]} for ${seconds}s each$( ((parallel)) && echo ", in parallel")"
rm -rf "$scratch/artifacts"
declare -A status
if ((parallel)); then
    declare -A pids
    for target in "${targets[@]}"; do
        fuzz "$target" &
        pids[$target]=$!
    done
    for target in "${targets[@]}"; do
        wait "${pids[$target]}"
        status[$target]=$?
    done
else
    for target in "${targets[@]}"; do
        fuzz "$target"
        status[$target]=$?
    done
fi

for target in "${targets[@]}"; do
    log="$scratch/logs/$target.log"
    stats=$(grep -E "^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)" "$log" | tail -1)
    execs=$(grep -E "^stat::number_of_executed_units:" "$log" | awk '{print $2}')
    echo "--- $target: exit ${status[$target]}, ${execs:-?} executions; last: ${stats:-none}"
    shopt -s nullglob
    found=("$scratch/artifacts/$target"/{crash,timeout,leak,oom}-*)
    shopt -u nullglob
    if ((${#found[@]})); then
        mkdir -p "$regressions/$target"
        for artifact in "${found[@]}"; do
            name=$(basename "$artifact")
            cp "$artifact" "$regressions/$target/$name"
            demangle <"$log" >"$regressions/$target/$name.log"
            echo "fuzz: FAIL: $target: $name saved as $regressions/$target/$name (report: $name.log)"
            grep -E "ERROR|SUMMARY|Fatal error|#[0-9]+ 0x" "$log" | head -30 | demangle
            failures=$((failures + 1))
        done
    elif ((status[$target] != 0)); then
        echo "fuzz: FAIL: $target exited ${status[$target]} without an artifact; see $log"
        tail -20 "$log"
        failures=$((failures + 1))
    fi
done

if ((failures)); then
    echo "fuzz: FAIL ($failures problem(s))"
    exit 1
fi
echo "fuzz: PASS (${targets[*]}: ${seconds}s each, no crash, timeout, leak or OOM)"
