#!/usr/bin/env bash
# Reliability of `teigen build`'s output folder:
#
#   Tests/reliability/interrupt_test.sh TEIGEN_BINARY
#
# 1. interrupted builds: a generated site (bench/generate.py, 3000 pages) is built into public/; one page
#    is changed and the build is killed with SIGKILL at 20 moments spread over a measured build's
#    duration. After each kill public/ must be the previous good build, byte for byte (or, when the
#    kill came after the swap, the complete new build); the next successful build must give the new
#    build and leave no .public.staging-* folder beside public/ (staging folders of killed builds are
#    never moved away between kills, so this covers what each of the 20 kills left). Every other killed
#    build, and the last one, start with a spare tree (.public.spare, which a build updates in place)
#    holding a stale file, a stale folder and a changed page: none of it may reach public/.
# 2. disk full: the output folder on a 2 MB tmpfs holding a good small build; building a site too large
#    for it must fail with exit code 1 and a clear error on stderr (at most 20 lines, not one per file),
#    and leave the small build intact (and no staging folder). Needs mount(8) permission; prints SKIP
#    with the reason otherwise.
# 3. determinism: two copies of the site whose files were created in opposite orders (on a tmpfs when
#    possible, where directory order follows creation order), built with --jobs 1 and with the default
#    jobs: byte-identical trees.
#
# Prints PASS/FAIL/SKIP per check and `interrupt: N passed, N failed, N skipped`; exits 1 on any failure.
# About 2-3 minutes on 2 cores with a debug binary. Environment: INTERRUPT_PAGES (3000),
# INTERRUPT_KILLS (20), KEEP_TMP=1 keeps the work folder.
set -uo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 TEIGEN_BINARY" >&2
    exit 2
fi
teigen=$(realpath "$1")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pages=${INTERRUPT_PAGES:-3000}
kills=${INTERRUPT_KILLS:-20}
limit=240 # seconds any single build may take before it counts as hung

work=$(mktemp -d /tmp/teigen-interrupt.XXXXXX)
mounts=()
cleanup() {
    local mount
    for mount in "${mounts[@]}"; do umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null; done
    if [[ "${KEEP_TMP:-}" == 1 ]]; then echo "(kept $work)"; else rm -rf "$work"; fi
}
trap cleanup EXIT

passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); echo "PASS  $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP  $*"; }

# checksum TREE: one hash over every file's path (relative to TREE) and content.
checksum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1); }
# leftovers FOLDER NAME: staging folders of NAME in FOLDER.
leftovers() { find "$1" -mindepth 1 -maxdepth 1 -name ".$2.staging-*" -printf '%f\n' | sort; }
# build LOG ARGS...: a build that must finish, under a time limit; its output goes to LOG.
build() {
    local log=$1
    shift
    timeout --kill-after=10 "$limit" "$teigen" build "$@" >"$log" 2>&1
}
now() { date +%s.%N; }
# make_spare OUT: a spare tree beside OUT/public (the tree a rebuild updates in place instead of making a new
# one), sharing public/'s files as a real one does, plus what the next build must not keep: a stale file, a
# stale folder, and a page with other bytes (a file of its own: public/'s is not touched).
make_spare() {
    local spare="$1/.public.spare" page
    rm -rf "$spare"
    cp -al "$1/public" "$spare"
    echo stale >"$spare/stale-file.txt"
    mkdir -p "$spare/stale-folder" && echo stale >"$spare/stale-folder/index.html"
    page=$(cd "$spare" && find . -name index.html | sort | sed -n 2p)
    rm "$spare/$page" && echo "other bytes" >"$spare/$page"
}

echo "==> generating a $pages-page site"
start=$SECONDS
if ! python3 "$root/bench/generate.py" --pages "$pages" --seed 7 --out "$work/gen" >"$work/generate.log" 2>&1; then
    cat "$work/generate.log"
    fail "setup: bench/generate.py failed"
    exit 1
fi
theme="$work/gen/teigen/theme"
old_site="$work/gen/teigen/site"
new_site="$work/new-site"
cp -a "$old_site" "$new_site"
changed=$(cd "$new_site/content" && find . -name '*.md' ! -name '_index.md' | sort | head -1)
printf '\nA paragraph added by the interruption test.\n' >>"$new_site/content/$changed"

# ---------------------------------------------------------------------------------------------
echo "==> 1. interrupted builds"
mkdir -p "$work/out" "$work/reference"
public="$work/out/public"
if ! build "$work/good.log" --source "$old_site" --theme "$theme" --output "$public"; then
    tail -20 "$work/good.log"
    fail "setup: the first build failed"
    exit 1
fi
old_sum=$(checksum "$public")
cp -a "$public" "$work/good-public"

# One full build of the changed site, timed: its tree is what a finished build must give.
t0=$(now)
if ! build "$work/reference.log" --source "$new_site" --theme "$theme" --output "$work/reference/public"; then
    tail -20 "$work/reference.log"
    fail "setup: the build of the changed site failed"
    exit 1
fi
duration=$(echo "scale=2; ($(now) - $t0) / 1" | bc)
new_sum=$(checksum "$work/reference/public")
echo "    a full build takes ${duration}s; previous build $old_sum, changed build $new_sum"
if [[ "$old_sum" == "$new_sum" ]]; then
    fail "setup: changing content/$changed did not change the output"
fi

kept_old=0 swapped=0 finished=0 kill_failures=0 most_left=0
for ((i = 1; i <= kills; i++)); do
    delay=$(echo "scale=2; $duration * ($i - 0.5) / $kills" | bc)
    # Every other build starts with a spare tree to update in place; the others with none, or what is left.
    ((i % 2 == 1)) && make_spare "$work/out"
    "$teigen" build --source "$new_site" --theme "$theme" --output "$public" >"$work/kill-$i.log" 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    { wait "$pid"; } 2>/dev/null # (without bash's "Killed" line)
    status=$?
    # 137: killed (128 + SIGKILL); 0: the build finished before the kill; anything else is a failed build.
    case $status in
        137) outcome=killed ;;
        0) outcome=finished ;;
        *) outcome="failed" ;;
    esac
    if [[ ! -d "$public" ]]; then
        fail "kill $i at ${delay}s: public/ is gone"
        kill_failures=$((kill_failures + 1))
        cp -a "$work/good-public" "$public"
        continue
    fi
    sum=$(checksum "$public")
    if [[ $outcome == failed ]]; then
        fail "kill $i at ${delay}s: the build failed by itself with exit $status:"
        tail -5 "$work/kill-$i.log"
        kill_failures=$((kill_failures + 1))
    elif [[ $outcome == finished ]]; then
        finished=$((finished + 1))
        if [[ "$sum" != "$new_sum" ]]; then
            fail "kill $i at ${delay}s: the build finished first, but public/ is not the changed build"
            kill_failures=$((kill_failures + 1))
        fi
    elif [[ "$sum" == "$old_sum" ]]; then
        kept_old=$((kept_old + 1))
    elif [[ "$sum" == "$new_sum" ]]; then
        swapped=$((swapped + 1)) # killed after the swap: the new build is complete, which is as good
    else
        fail "kill $i at ${delay}s: public/ is neither the previous build nor the changed one:"
        diff -rq "$work/good-public" "$public" | head -10
        kill_failures=$((kill_failures + 1))
    fi
    left_now=$(leftovers "$work/out" public | wc -l)
    ((left_now > most_left)) && most_left=$left_now
    echo "    kill $i at ${delay}s: $outcome (exit $status); public/ $([[ "$sum" == "$old_sum" ]] && echo "= previous build" || { [[ "$sum" == "$new_sum" ]] && echo "= changed build" || echo "CORRUPT"; }); staging folders beside it: $left_now"
    if [[ "$sum" != "$old_sum" ]]; then
        rm -rf "$public" && cp -a "$work/good-public" "$public"
    fi
done
if ((kill_failures == 0)); then
    pass "interrupted builds: $kills SIGKILLs over ${duration}s; public/ was the previous build after $kept_old, the complete changed build after $swapped (killed after the swap), $finished finished first"
else
    fail "interrupted builds: $kill_failures of $kills kills left a wrong public/"
fi

left_before=$(leftovers "$work/out" public | wc -l)
make_spare "$work/out"
if build "$work/after-kills.log" --source "$new_site" --theme "$theme" --output "$public"; then
    sum=$(checksum "$public")
    left=$(leftovers "$work/out" public)
    if [[ "$sum" == "$new_sum" && -z "$left" ]]; then
        pass "the build after the kills gives the changed build and leaves no staging folder (there were $left_before; never more than $most_left at once: each build removes those of killed builds)"
    else
        [[ "$sum" != "$new_sum" ]] && fail "the build after the kills gives a tree that is not the changed build"
        [[ -n "$left" ]] && fail "the build after the kills leaves staging folders beside public/: $(echo $left)"
    fi
else
    tail -20 "$work/after-kills.log"
    fail "the build after the kills failed"
fi

# ---------------------------------------------------------------------------------------------
echo "    ($((SECONDS - start))s so far)"
echo "==> 2. disk full"
small="$work/small"
mkdir -p "$small"
if ! mount_error=$(mount -t tmpfs -o size=2m tmpfs "$small" 2>&1); then
    skip "disk full: cannot mount a tmpfs ($mount_error)"
else
    mounts+=("$small")
    "$teigen" new site "$work/tiny" >"$work/tiny.log" 2>&1
    if ! build "$work/small-good.log" --source "$work/tiny/site" --theme "$work/tiny/theme" --output "$small/public"; then
        tail -20 "$work/small-good.log"
        fail "disk full: setup: the small site does not build into 2 MB"
    else
        small_sum=$(checksum "$small/public")
        echo "    previous build: $(du -sh "$small/public" | cut -f1) on a $(df -h --output=size "$small" | tail -1 | tr -d ' ') tmpfs; building $(du -sh "$old_site" | cut -f1) of content over it"
        timeout --kill-after=10 "$limit" "$teigen" build --source "$old_site" --theme "$theme" --output "$small/public" \
            >"$work/full.out" 2>"$work/full.err"
        status=$?
        echo "    exit $status; stderr ($(wc -l <"$work/full.err") lines, $(grep -c "error:" "$work/full.err") with 'error:'), first and last lines:"
        head -3 "$work/full.err" | cut -c1-220 | sed 's/^/      /'
        echo "      …"
        tail -2 "$work/full.err" | cut -c1-220 | sed 's/^/      /'
        if [[ $status -eq 1 ]]; then
            pass "disk full: the build fails with exit code 1"
        else
            fail "disk full: the build exits with $status, not 1"
        fi
        if grep -qiE "error: .*(space|cannot write|disk|full)" "$work/full.err"; then
            pass "disk full: stderr says what went wrong ($(grep -iE "error:" "$work/full.err" | head -1 | cut -c1-160))"
        else
            fail "disk full: no clear error on stderr (expected 'error: …' naming the lack of space)"
        fi
        # A full disk is one problem: reported once or a few times, not once per file left unwritten.
        lines=$(wc -l <"$work/full.err")
        if ((lines <= 20)); then
            pass "disk full: the error is not drowned in repeats ($lines lines on stderr)"
        else
            fail "disk full: $lines lines on stderr, one error per file that could not be written; the cause should be reported once (stop writing at the first failed write)"
        fi
        if [[ -d "$small/public" && "$(checksum "$small/public")" == "$small_sum" ]]; then
            pass "disk full: the previous output is intact"
        else
            fail "disk full: the previous output was changed"
        fi
        left=$(leftovers "$small" public)
        if [[ -z "$left" ]]; then
            pass "disk full: the failed build removed its staging folder ($(df -h --output=avail "$small" | tail -1 | tr -d ' ') free again)"
        else
            fail "disk full: the failed build left $(echo $left) on the full disk"
        fi
    fi
fi

# ---------------------------------------------------------------------------------------------
echo "    ($((SECONDS - start))s so far)"
echo "==> 3. determinism"
det="$work/det"
mkdir -p "$det"
if mount -t tmpfs -o size=1g tmpfs "$det" 2>/dev/null; then
    mounts+=("$det")
    where="on a tmpfs"
else
    where="on $(df --output=fstype "$det" | tail -1)"
fi
# copy SOURCE TARGET ORDER: copies a folder creating folders and files in sorted or reverse sorted
# order, keeping modification times.
copy() {
    python3 - "$@" <<'PY'
import os, shutil, sys
source, target, order = sys.argv[1:4]
folders = sorted(os.path.relpath(d, source) for d, _, _ in os.walk(source))
files = sorted(os.path.relpath(os.path.join(d, f), source) for d, _, names in os.walk(source) for f in names)
if order == "reverse":
    folders.reverse()
    files.reverse()
for folder in folders:
    os.makedirs(os.path.join(target, folder), exist_ok=True)
for file in files:
    shutil.copy2(os.path.join(source, file), os.path.join(target, file))
for folder in folders:
    shutil.copystat(os.path.join(source, folder), os.path.join(target, folder))
PY
}
copy "$new_site" "$det/a/site" sorted && copy "$theme" "$det/a/theme" sorted
copy "$new_site" "$det/b/site" reverse && copy "$theme" "$det/b/theme" reverse
first_a=$(ls -U "$det/a/site/content" | head -3 | tr '\n' ' ')
first_b=$(ls -U "$det/b/site/content" | head -3 | tr '\n' ' ')
echo "    copies $where; directory order of content/: a: $first_a… b: $first_b…"
if build "$work/det-a.log" --source "$det/a/site" --theme "$det/a/theme" --output "$det/out-a/public" --jobs 1 &&
    build "$work/det-b.log" --source "$det/b/site" --theme "$det/b/theme" --output "$det/out-b/public"; then
    sum_a=$(checksum "$det/out-a/public")
    sum_b=$(checksum "$det/out-b/public")
    if [[ "$sum_a" == "$sum_b" ]]; then
        pass "determinism: sorted copy with --jobs 1 and reverse copy with default jobs give byte-identical trees ($(find "$det/out-a/public" -type f | wc -l) files)"
    else
        fail "determinism: the trees differ (a: $sum_a, b: $sum_b):"
        diff -rq "$det/out-a/public" "$det/out-b/public" | head -10
    fi
    if [[ "$sum_a" == "$new_sum" ]]; then
        pass "determinism: the copies build to the same tree as the original folder in part 1"
    else
        fail "determinism: the output depends on where the site is (copy: $sum_a, part 1: $new_sum):"
        diff -rq "$det/out-a/public" "$work/reference/public" | head -10
    fi
else
    tail -20 "$work/det-a.log" "$work/det-b.log"
    fail "determinism: a build failed"
fi

echo "interrupt: $passed passed, $failed failed, $skipped skipped ($((SECONDS - start))s)"
((failed == 0))
