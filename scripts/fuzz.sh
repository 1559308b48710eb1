#!/usr/bin/env bash
# Fuzzes Teigen's parsers with libFuzzer under AddressSanitizer (the Fuzz/ package):
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 600)
#
# 1. builds Fuzz/ (swift build -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address: the C arena
#    libcmark allocates from gets its red zones and poisoning too) into Fuzz/.build;
# 2. replays, one by one under the sanitizer, the saved inputs of Tests/Fixtures/fuzz-regressions/<target>/
#    and the seeds of Fuzz/corpus/<target>/ (a failing one is reported, and fails the run);
# 3. fuzzes each target (FuzzFrontMatter, FuzzMarkdown; both at once when there are two cores) for
#    SECONDS_PER_TARGET with -timeout=10 -rss_limit_mb=2048 and leak detection, from the seeds plus
#    what earlier runs found (Fuzz/.build/corpus/<target>/, git-ignored: the fuzzer writes only
#    there). libFuzzer runs in fork mode and keeps going after a crash, so one run finds every
#    problem it can in the time given, not only the first;
# 4. replays each crash, timeout, leak or out-of-memory input for its report, keeps the smallest
#    input per distinct report (kind + top frames), copies it to
#    Tests/Fixtures/fuzz-regressions/<target>/ with the report as <name>.log, and exits 1 if there
#    was any problem.
#
# Environment: FUZZ_TARGETS (default "FuzzFrontMatter FuzzMarkdown"), FUZZ_ARGS (extra libFuzzer
# flags, e.g. "-max_len=8192"), FUZZ_PARALLEL (0: one target after the other; default: at once
# when nproc >= 2), FUZZ_CONFIG (debug, the default, or release: -O keeps Swift's overflow and
# bounds traps). Logs: Fuzz/.build/logs/<target>.log.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
seconds=${1:-600}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
    exit 2
fi
read -r -a targets <<<"${FUZZ_TARGETS:-FuzzFrontMatter FuzzMarkdown}"
read -r -a extra_args <<<"${FUZZ_ARGS:-}"
parallel=${FUZZ_PARALLEL:-$( (($(nproc) >= 2)) && echo 1 || echo 0)}
config=${FUZZ_CONFIG:-debug}

scratch=Fuzz/.build
regressions=Tests/Fixtures/fuzz-regressions
limits=(-timeout=10 -rss_limit_mb=2048 -detect_leaks=1)

# Reports come from the sanitizer and libFuzzer, symbolized; Swift's own backtracer is off (it
# reads the crashed process's memory, which AddressSanitizer reports as a second error).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=1:symbolize=1:handle_abort=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Leaks of libraries that Teigen cannot free (see the file) are not Teigen's findings.
export LSAN_OPTIONS="suppressions=$PWD/Tests/sanitizers/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
toolchain_bin=$(dirname "$(command -v swift)")
if [[ -x "$toolchain_bin/llvm-symbolizer" ]]; then
    export ASAN_SYMBOLIZER_PATH="$toolchain_bin/llvm-symbolizer"
elif command -v llvm-symbolizer >/dev/null; then
    ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
    export ASAN_SYMBOLIZER_PATH
fi
demangle() { if command -v swift-demangle >/dev/null; then swift-demangle --simplified; else cat; fi; }

echo "==> building ${targets[*]} ($config, libFuzzer + AddressSanitizer)"
for target in "${targets[@]}"; do
    if ! swift build --package-path Fuzz --scratch-path "$scratch" -c "$config" --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address 2>&1 | { grep -v "Cannot export local symbol" || true; }; then
        echo "fuzz: FAIL: building $target failed" >&2
        exit 1
    fi
done
bin=$(swift build --package-path Fuzz --scratch-path "$scratch" -c "$config" --show-bin-path)
for target in "${targets[@]}"; do
    [[ -x "$bin/$target" ]] || { echo "fuzz: FAIL: $bin/$target was not built" >&2; exit 1; }
done
mkdir -p "$scratch/logs"

# replay TARGET FILE LOG: runs one input under the sanitizer; its report goes to LOG.
replay() { "$bin/$1" "${limits[@]}" "$2" >"$3" 2>&1; }

# report LOG: the lines of a report worth reading, demangled.
report() {
    grep -E "ERROR|SUMMARY|Fatal error|ALARM|runtime failure|#[0-9]+ 0x" "$1" |
        grep -vE "compiler-rt/lib|libc\.so|__libc_|_start |FuzzerMain|LLVMFuzzerRunDriver|Main\.main\(\)|\\\$main" |
        head -"${2:-25}" | demangle
}

# signature LOG: the kind of problem and the first three frames of our code, to tell problems apart.
signature() {
    local kind frames
    kind=$(grep -oE "(ERROR: [A-Za-z]+: [a-z -]+|Fatal error: [^:]*|ALARM: working on the last Unit)" "$1" | head -1)
    frames=$(grep -E "^ +#[0-9]+ 0x" "$1" | grep -vE "compiler-rt/lib|libc\.so|libswiftCore|<compiler-generated>" |
        sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //; s/ \/.*//' | head -3 | tr '\n' '|')
    echo "$kind|$frames"
}

failures=0

echo "==> replaying saved regression inputs and seeds"
for target in "${targets[@]}"; do
    replayed=0
    shopt -s nullglob
    for input in "$regressions/$target"/* "Fuzz/corpus/$target"/*; do
        [[ -f "$input" && "$input" != *.log && "$(basename "$input")" != README* ]] || continue
        replayed=$((replayed + 1))
        if ! replay "$target" "$input" "$scratch/logs/replay.log"; then
            echo "fuzz: FAIL: $target: $input fails:"
            report "$scratch/logs/replay.log" 12
            failures=$((failures + 1))
        fi
    done
    shopt -u nullglob
    echo "    $target: $replayed inputs replayed"
done

# fuzz TARGET: one bounded libFuzzer run (fork mode, one job); its log goes to Fuzz/.build/logs/TARGET.log.
fuzz() {
    local target=$1
    local work="$scratch/corpus/$target" artifacts="$scratch/artifacts/$target/" dict=()
    mkdir -p "$work" "$artifacts"
    [[ -f "Fuzz/dict/$target.dict" ]] && dict=("-dict=Fuzz/dict/$target.dict")
    "$bin/$target" "$work" "Fuzz/corpus/$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" "${limits[@]}" -artifact_prefix="$artifacts" \
        "${dict[@]}" "${extra_args[@]}" >"$scratch/logs/$target.log" 2>&1
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
    # Fork mode's progress lines: "#EXECS: cov: N ft: N corp: N exec/s: N oom/timeout/crash: a/b/c time: Ns ..."
    last=$(grep -E "^#[0-9]+: cov:" "$log" | tail -1)
    echo "--- $target: exit ${status[$target]}; ${last:-no progress line (see $log)}"
    shopt -s nullglob
    found=("$scratch/artifacts/$target"/{crash,timeout,leak,oom}-*)
    shopt -u nullglob
    # The smallest input of each distinct problem.
    declare -A best=() best_size=()
    for artifact in "${found[@]}"; do
        replay "$target" "$artifact" "$artifact.log"
        key=$(basename "$artifact" | cut -d- -f1)"|"$(signature "$artifact.log")
        size=$(stat -c %s "$artifact")
        if [[ -z "${best[$key]:-}" ]] || ((size < best_size[$key])); then
            best[$key]=$artifact
            best_size[$key]=$size
        fi
    done
    if ((${#found[@]})); then
        echo "    ${#found[@]} problem input(s), ${#best[@]} distinct"
    fi
    for key in "${!best[@]}"; do
        artifact=${best[$key]}
        name=$(basename "$artifact")
        mkdir -p "$regressions/$target"
        if [[ -f "$regressions/$target/$name" ]]; then
            echo "fuzz: FAIL: $target: $name again (already kept in $regressions/$target/):"
        else
            cp "$artifact" "$regressions/$target/$name"
            demangle <"$artifact.log" >"$regressions/$target/$name.log"
            echo "fuzz: FAIL: $target: $name (${best_size[$key]} bytes) saved to $regressions/$target/ with $name.log:"
        fi
        report "$artifact.log"
        failures=$((failures + 1))
    done
    unset best best_size
    if ((${#found[@]} == 0 && status[$target] != 0)); then
        echo "fuzz: FAIL: $target exited ${status[$target]} without saving an input; see $log"
        tail -20 "$log"
        failures=$((failures + 1))
    fi
done

if ((failures)); then
    echo "fuzz: FAIL ($failures problem(s))"
    exit 1
fi
echo "fuzz: PASS (${targets[*]}: ${seconds}s each; no crash, timeout, leak or out-of-memory)"
