#!/usr/bin/env bash
# Benchmarks Teigen against Hugo (and its Markdown against cmark) and writes
# BENCHMARKS.md at the repo root.
#
#   bash bench/run.sh            (or: make bench)
#
# What it measures, each as wall time, CPU time (user+sys) and peak RSS from
# /usr/bin/time, reporting medians; Teigen and Hugo run alternately (which goes
# first changes every round) so that drifting machine load hits both alike:
#   1. (a) Fresh builds of generated sites of 1,000 and 10,000 pages (bench/generate.py,
#      same content, equivalent minimal layouts), each into an empty output folder.
#   1b. (b) Rebuilds into the existing output folder on the real disk: nothing changed,
#      then 1 % of the pages edited (bench/edit.py) before each round.
#   1c. (c) Teigen with the project's own theme/ on the same content, and Hugo with layouts
#      doing equivalent work (menus, breadcrumbs, table of contents, JSON-LD, fingerprinted
#      assets with SRI hashes: hugo-full in bench/generate.py).
#   1d. The second corpus shape (--shape deep: longer pages, more footnotes and tables, fewer
#      and deeper sections): fresh builds and both kinds of rebuild.
#   1e. (d) 100,000 pages (BIG_PAGES): wall time, peak RSS, growth from 10,000. Hugo too when
#      the machine has the memory for it (HUGO_BIG=auto: at least 18 GiB available).
#   1f. (e) Process start-up: `--version`, and a one-page site.
#   1g. Where the time goes: `perf record` on one own-theme build of the largest site.
#   2. `teigen markdown BIG.md` vs `cmark BIG.md` on a generated 5 MB document with tables
#      and footnotes, start-up alone (an empty file), and the in-process split (--timings).
#   1h. A site of RICH_PAGES pages (200) with two photographs and two code blocks each
#      (bench/generate_rich.py): images resized to three widths in WebP and JPEG and code highlighted,
#      by Teigen (libvips, Pygments) and Hugo (its image processing, Chroma), each with an empty
#      cache (cold) and again with the cache of the previous build (warm).
#   3. Cold build of the real site/ (fresh process, empty output folder).
#   4. `wrk -c 100 -d 10s` against `teigen serve` on one generated page (and
#      against nginx serving the same built page, for scale).
#
# Environment:
#   RUNS_1K (default 5), RUNS_10K (3), RUNS_MD (5), RUNS_BIG (2), RUNS_RICH (3)  runs per case
#   SIZES ("1000 10000")      generated site sizes, in pages (the largest is used for
#                             rebuilds, the own theme, the deep shape and the profile)
#   BIG_PAGES (100000)        the large site ("" skips it); HUGO_BIG (auto, 1 or 0)
#   DEEP_PAGES (5000)         pages of the deep-shape site (about 4x longer pages)
#   RICH_PAGES (200)          pages of the images-and-code site
#   BENCH_DIR (.bench)        work folder (git-ignored)
#   BENCH_REPORT (BENCHMARKS.md at the repo root)
#   TEIGEN_BIN                a teigen binary instead of the release build;
#                             "none" measures Hugo and cmark only
#   TEIGEN_LINKS (md)         md or url: how generated pages link to each other
#                             in Teigen's copy (see bench/generate.py)
#   SWIFT_FLAGS               extra flags for swift build, as in the Makefile
# A Teigen step that fails is reported as such and the rest goes on, so the
# Hugo side works before the engine does.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
repo_root=$(pwd)
bench_dir=${BENCH_DIR:-$repo_root/.bench}
runs_1k=${RUNS_1K:-5}
runs_10k=${RUNS_10K:-3}
runs_md=${RUNS_MD:-5}
runs_big=${RUNS_BIG:-2}
big_pages=${BIG_PAGES-100000}
deep_pages=${DEEP_PAGES:-5000}
sizes=${SIZES:-"1000 10000"}
seed=1
report=${BENCH_REPORT:-$repo_root/BENCHMARKS.md}
read -r -a swift_flags <<<"${SWIFT_FLAGS:-}" # as in the Makefile, e.g. --scratch-path .build-x

bash scripts/install-deps.sh bench || exit 1
mkdir -p "$bench_dir"
results="$bench_dir/results.tsv" # tool, case, run, wall, user, sys, maxrss_kb, status
: >"$results"
: >"$bench_dir/counts.tsv" # kind tool pages -> HTML files written

log() { echo "bench: $*" >&2; }

# --- Teigen release build --------------------------------------------------------
teigen=""
if [[ -n "${TEIGEN_BIN:-}" ]]; then
    # TEIGEN_BIN=path uses that binary; TEIGEN_BIN=none measures only the others.
    [[ "$TEIGEN_BIN" != none ]] && teigen=$(readlink -f "$TEIGEN_BIN")
elif swift build -c release --product teigen ${RELEASE_FLAGS---static-swift-stdlib} "${swift_flags[@]}" >"$bench_dir/swift-build.log" 2>&1; then
    teigen="$(swift build -c release --show-bin-path "${swift_flags[@]}")/teigen"
    log "teigen: $teigen"
else
    log "release build of teigen failed (see $bench_dir/swift-build.log); Teigen rows will be missing"
fi

# measure TOOL CASE RUN COMMAND... — one timed run, appended to results.tsv.
# The command's own output goes to a log: only failures are shown.
measure() {
    local tool=$1 case=$2 run=$3
    shift 3
    local tfile="$bench_dir/time.out" out="$bench_dir/last-run.log" status=0
    /usr/bin/time -f '%e %U %S %M' -o "$tfile" "$@" >"$out" 2>&1 || status=$?
    # GNU time prepends "Command exited with non-zero status N" on failure.
    local numbers
    numbers=$(tail -1 "$tfile")
    printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$case" "$run" "${numbers// /$'\t'}" "$status" >>"$results"
    if (( status != 0 )); then
        log "$tool $case run $run failed (exit $status):"
        tail -20 "$out" >&2
    fi
    return "$status"
}

# --- 1. Generated sites ------------------------------------------------------------
trash="$bench_dir/trash"
rm -rf "$trash"
mkdir -p "$trash"
teigen_ok=1
[[ -n "$teigen" ]] || teigen_ok=0

# settle OUT: waits (outside any timing) until Teigen's detached removal of OUT's previous tree
# (.NAME.old-*) is done, then flushes the disk, so that no run pays for the one before.
settle() {
    local parent name
    parent=$(dirname "$1") name=$(basename "$1")
    for _ in $(seq 1 600); do
        compgen -G "$parent/.$name.old-*" >/dev/null || break
        sleep 0.1
    done
    sync
}
# fresh OUT: an empty output folder. The last one is moved aside, not deleted: on ext4 the
# inode allocator skips inodes freed in the last minute or more, one by one, so deleting
# 10,000 files just before a build makes that build's file creation grow with everything
# deleted before it, whichever tool runs. The moved folders are deleted after the last
# measurement.
# Teigen's spare tree beside it (.NAME.spare, the tree its last rebuild replaced) goes too.
fresh() {
    settle "$1"
    [[ -e "$1" ]] && mv "$1" "$(mktemp -d "$trash/old.XXXXXX")/"
    local spare
    spare="$(dirname "$1")/.$(basename "$1").spare"
    [[ -e "$spare" ]] && mv "$spare" "$(mktemp -d "$trash/old.XXXXXX")/"
    sync
}
# run_tool TOOL CASE RUN GEN OUT [THEME]: one build of GEN's copy for TOOL into OUT.
# THEME: "own" (Teigen with theme/, Hugo with hugo-full), default the minimal layouts.
run_tool() {
    local tool=$1 case=$2 run=$3 gen=$4 out=$5 theme=${6:-minimal}
    if [[ $tool == teigen ]]; then
        (( teigen_ok )) || return 0
        local theme_dir="$gen/teigen/theme"
        [[ $theme == own ]] && theme_dir="$repo_root/theme"
        measure teigen "$case" "$run" "$teigen" build --source "$gen/teigen/site" --theme "$theme_dir" --output "$out" || teigen_ok=0
        settle "$out"
    else
        local source="$gen/hugo"
        [[ $theme == own ]] && source="$gen/hugo-full"
        measure hugo "$case" "$run" hugo --quiet --source "$source" --destination "$out"
    fi
}
# rounds RUNS FUNCTION: calls FUNCTION RUN TOOL for both tools, RUNS rounds, alternating who goes first.
rounds() {
    local runs=$1 step=$2 run tool
    for run in $(seq 1 "$runs"); do
        local order=(teigen hugo)
        (( run % 2 == 0 )) && order=(hugo teigen)
        for tool in "${order[@]}"; do "$step" "$run" "$tool"; done
        log "$step $label: round $run of $runs done"
    done
}
# generate PAGES SHAPE FOLDER: the site for both tools, with hugo-full's assets (the own theme's).
generate() {
    python3 bench/generate.py --pages "$1" --seed "$seed" --shape "$2" --out "$3" --teigen-links "${TEIGEN_LINKS:-md}" || return 1
    rm -rf "$3/hugo-full/assets" && mkdir -p "$3/hugo-full/assets" && cp -r theme/assets/. "$3/hugo-full/assets/"
}
# The steps of the rounds below ($label, $gen, $prefix set by the caller).
# A fresh build has no render cache either (as on a new clone): Teigen's `.teigen-cache/` beside the site is removed.
fresh_step() { fresh "$bench_dir/out-$2-$label"; rm -rf "$gen/teigen/.teigen-cache"; run_tool "$2" "${prefix}build $pages" "$1" "$gen" "$bench_dir/out-$2-$label"; }
same_step() { run_tool "$2" "${prefix}rebuild-same $pages" "$1" "$gen" "$bench_dir/out-$2-$label"; }
edit_step() { run_tool "$2" "${prefix}rebuild-1pct $pages" "$1" "$gen" "$bench_dir/out-$2-$label"; }
# (c) For Teigen, each round also builds the minimal theme into a fresh folder, in turn with the own theme (which
# goes first alternates), so that the own/minimal ratio compares builds made on the disk in the same state.
own_step() {
    if [[ $2 == teigen ]] && (( $1 % 2 == 0 )); then own_minimal_step "$1"; fi
    fresh "$bench_dir/out-$2-own-$label"; rm -rf "$gen/teigen/.teigen-cache"
    run_tool "$2" "${prefix}own $pages" "$1" "$gen" "$bench_dir/out-$2-own-$label" own
    if [[ $2 == teigen ]] && (( $1 % 2 == 1 )); then own_minimal_step "$1"; fi
}
own_minimal_step() {
    fresh "$bench_dir/out-teigen-ownmin-$label"; rm -rf "$gen/teigen/.teigen-cache"
    run_tool teigen "${prefix}own-minimal $pages" "$1" "$gen" "$bench_dir/out-teigen-ownmin-$label"
}
# rebuilds RUNS: (b) into the output of the fresh builds: nothing changed, then 1 % edited each round.
rebuilds() {
    local runs=$1 run
    rounds "$runs" same_step
    for run in $(seq 1 "$runs"); do
        python3 bench/edit.py "$run" "$gen/teigen/site/content" "$gen/hugo/content" >/dev/null
        sync
        local order=(teigen hugo)
        (( run % 2 == 0 )) && order=(hugo teigen)
        for tool in "${order[@]}"; do edit_step "$run" "$tool"; done
        log "rebuild 1 % $label: round $run of $runs done"
    done
    python3 bench/edit.py 0 "$gen/teigen/site/content" "$gen/hugo/content" >/dev/null
}
count_pages() { # LABEL TOOL OUT: HTML files written, for the report's check that both made the same pages
    [[ -d "$3" ]] && printf '%s\t%s\n' "pages $2 $1" "$(find "$3" -name '*.html' | wc -l)" >>"$bench_dir/counts.tsv"
}

largest=$(printf '%s\n' $sizes | sort -n | tail -1)
prefix=""
for pages in $sizes; do
    gen="$bench_dir/gen-$pages"
    label=$pages
    generate "$pages" mixed "$gen"
    runs=$runs_1k
    (( pages >= 10000 )) && runs=$runs_10k
    rounds "$runs" fresh_step                     # (a)
    for tool in teigen hugo; do count_pages "$pages" "$tool" "$bench_dir/out-$tool-$pages"; done
    if (( pages == largest )); then
        rebuilds "$runs"                          # (b)
        # Teigen's rebuilds removed their old trees (10,000 folders each); ext4 without a journal skips inodes
        # freed in the last 30 to 60 seconds one by one when it makes new ones, which would slow whichever build
        # comes next. Untimed, the deletions are let age first.
        sync; sleep 65
        rounds "$runs" own_step                   # (c)
    fi
done

# (1d) The second corpus shape.
gen="$bench_dir/gen-deep-$deep_pages"
label="deep-$deep_pages" prefix="deep " pages=$deep_pages
generate "$deep_pages" deep "$gen"
rounds "$runs_10k" fresh_step
rebuilds "$runs_10k"
prefix=""

# (1e) 100,000 pages: Teigen every round, Hugo only where its memory fits without pushing others out.
if [[ -n "$big_pages" ]]; then
    gen="$bench_dir/gen-$big_pages"
    label=$big_pages pages=$big_pages
    generate "$big_pages" mixed "$gen"
    available_gib=$(awk '/MemAvailable/ { printf "%d", $2 / 1024 / 1024 }' /proc/meminfo)
    hugo_big=${HUGO_BIG:-auto}
    [[ $hugo_big == auto ]] && { (( available_gib >= 18 )) && hugo_big=1 || hugo_big=0; }
    echo "$hugo_big $available_gib" >"$bench_dir/hugo-big.txt"
    # By now the rounds above have left gigabytes of page cache and the inode tables of every tree they wrote in the
    # buffer cache. ext4's inode allocator looks each free inode up there (`recently_deleted`), so new files came
    # slower the more trees had been written before: a 100,000-page build's system time went from 15 to 60 s,
    # `find_get_block_common` and `recently_deleted` a fifth of its samples. The 10,000-page builds it is compared
    # with ran first, on a quiet disk; so, untimed and as root, the disk is flushed, the caches dropped after a
    # minute, and the corpus read back, as it was for them.
    sync; sleep 60
    if [[ -w /proc/sys/vm/drop_caches ]]; then
        echo 3 >/proc/sys/vm/drop_caches
        find "$gen" -type f -not -path '*/.teigen-cache/*' -print0 | xargs -0 cat >/dev/null
    else
        log "not root: the caches are not dropped before the $big_pages-page builds"
    fi
    for run in $(seq 1 "$runs_big"); do
        fresh_step "$run" teigen
        if (( hugo_big )) && (( run == 1 )); then fresh_step "$run" hugo; fi
        log "build $big_pages: round $run of $runs_big done"
    done
    for tool in teigen hugo; do count_pages "$big_pages" "$tool" "$bench_dir/out-$tool-$big_pages"; done
fi

# (1f) Process start-up: the version, and a one-page site.
gen="$bench_dir/gen-1"
generate 1 mixed "$gen"
for run in $(seq 1 "$runs_md"); do
    [[ -n "$teigen" ]] && measure teigen "startup version" "$run" "$teigen" --version
    measure hugo "startup version" "$run" hugo version
    label=1 pages=1 prefix="startup "
    fresh_step "$run" teigen
    fresh_step "$run" hugo
    prefix=""
done

# --- 1g. Where the time goes: perf on one own-theme build of the largest site ------------------
# Sampling on the CPU clock (hardware counters are not offered on this VM); the
# report keeps the top shared objects, the top functions by own time, and
# Teigen's own functions by time including what they call (the stages).
if [[ -n "$teigen" ]] && command -v perf >/dev/null 2>&1; then
    gen="$bench_dir/gen-$largest"
    out="$bench_dir/out-profile"
    fresh "$out"
    if perf record -q -e cpu-clock -F 999 -g -o "$bench_dir/perf.data" -- "$teigen" build --source "$gen/teigen/site" \
        --theme "$repo_root/theme" --output "$out" >"$bench_dir/perf-record.log" 2>&1; then
        demangle() { if command -v swift >/dev/null; then swift demangle --simplified --compact; else cat; fi; }
        perf report -i "$bench_dir/perf.data" --stdio --no-children -g none --sort dso 2>/dev/null |
            awk '/^ +[0-9.]+%/ { print $1 "\t" $2 }' | head -8 >"$bench_dir/profile-dso.tsv"
        perf report -i "$bench_dir/perf.data" --stdio --no-children -g none --sort dso,symbol 2>/dev/null |
            awk '/^ +[0-9.]+%/ { pct = $1; dso = $2; $1 = ""; $2 = ""; $3 = ""; sub(/^ +/, ""); sub(/ +- +-$/, ""); print pct "\t" dso "\t" $0 }' |
            head -15 | demangle >"$bench_dir/profile-self.tsv"
        # Inclusive time of Teigen's own functions (the module names start with Teigen).
        perf report -i "$bench_dir/perf.data" --stdio --children -g none --sort symbol 2>/dev/null |
            awk '/^ +[0-9.]+%/ && /Teigen/ { pct = $1; $1 = ""; $2 = ""; $3 = ""; sub(/^ +/, ""); sub(/ +- +-$/, ""); print pct "\t" $0 }' |
            demangle | grep -v -E $'\t(partial apply|closure|specialized closure|reabstraction)' | awk -F'\t' '!seen[$2]++' |
            head -15 >"$bench_dir/profile-children.tsv"
    else
        log "perf record failed (see $bench_dir/perf-record.log)"
    fi
fi

rm -rf "$trash" # after the timed builds (see above)

# --- 1h. Images and highlighted code, cold and warm caches --------------------------------
rich_pages=${RICH_PAGES:-200}
rich="$bench_dir/gen-rich-$rich_pages"
python3 bench/generate_rich.py --pages "$rich_pages" --images 2 --seed "$seed" --out "$rich"
for run in $(seq 1 "${RUNS_RICH:-3}"); do
    for state in cold warm; do
        for tool in teigen hugo; do
            out="$bench_dir/out-rich-$tool"
            rm -rf "$out"
            sync
            if [[ $tool == teigen ]]; then
                [[ -n "$teigen" ]] || continue
                [[ $state == cold ]] && rm -rf "$rich/teigen/.teigen-cache"
                measure teigen "rich $state" "$run" "$teigen" build --source "$rich/teigen/site" --theme "$rich/teigen/theme" --output "$out"
            else
                [[ $state == cold ]] && rm -rf "$rich/hugo/resources"
                measure hugo "rich $state" "$run" hugo --quiet --source "$rich/hugo" --destination "$out"
            fi
        done
    done
    log "images and code: round $run done"
done
for tool in teigen hugo; do
    out="$bench_dir/out-rich-$tool"
    [[ -d "$out" ]] && printf '%s\t%s\n' "rich files $tool" "$(find "$out" -type f \( -name '*.webp' -o -name '*.jpg' \) | wc -l)" >>"$bench_dir/counts.tsv"
done
export rich_pages

# --- 2. Markdown alone --------------------------------------------------------------
# A 5 MB document of mixed Japanese/English Markdown with tables and footnotes; cmark
# renders the same bytes (tables and notes as plain paragraphs).
big="$bench_dir/big.md"
python3 bench/generate.py --big-markdown "$big" --bytes 5000000 --seed "$seed"
head -c 1250000 "$big" | sed '$d' >"$bench_dir/quarter.md" # for the growth check: a quarter of it
: >"$bench_dir/empty.md"                                      # process start-up alone
# The builds above leave gigabytes of page cache and fragmented free memory. Teigen's Markdown arena asks for
# transparent huge pages for large documents (chunks of 4 MiB and more), and with THP defrag on `madvise`
# (Debian's default) the kernel then compacts memory inside the page fault: runs of 60 ms took 120-140 ms,
# 80-100 ms of it in the kernel. So, as root, the cache is dropped and memory compacted first (cmark's
# runs are unaffected either way), and each command runs once untimed to read its files back.
sync
if [[ -w /proc/sys/vm/drop_caches && -w /proc/sys/vm/compact_memory ]]; then
    echo 3 >/proc/sys/vm/drop_caches
    echo 1 >/proc/sys/vm/compact_memory
else
    log "not root: the page cache is not dropped before the Markdown runs"
fi
cmark "$big" >/dev/null
if [[ -n "$teigen" ]]; then "$teigen" markdown --no-highlight "$big" >/dev/null; fi
for run in $(seq 1 "$runs_md"); do
    # --no-highlight: cmark does not highlight either (the highlighter's cost is on a line of its own below).
    measure cmark "markdown 5MB" "$run" cmark "$big"
    if [[ -n "$teigen" ]]; then measure teigen "markdown 5MB" "$run" "$teigen" markdown --no-highlight "$big"; fi
    measure cmark "markdown empty" "$run" cmark "$bench_dir/empty.md"
    if [[ -n "$teigen" ]]; then
        measure teigen "markdown empty" "$run" "$teigen" markdown --no-highlight "$bench_dir/empty.md"
        measure teigen "markdown 1.25MB" "$run" "$teigen" markdown --no-highlight "$bench_dir/quarter.md"
    fi
done
# /usr/bin/time counts hundredths of a second: the wall times again in milliseconds (median of
# RUNS_MD × 3, alternating), for the ratios.
md_precise=$(python3 - "$bench_dir" "$runs_md" "$teigen" <<'PY'
import statistics, subprocess, sys, time
folder, runs, teigen = sys.argv[1], int(sys.argv[2]) * 3, sys.argv[3]
cases = [(f"cmark {n}", ["cmark", f"{folder}/{f}"]) for n, f in (("5MB", "big.md"), ("empty", "empty.md"))]
if teigen:
    cases += [(f"teigen {n}", [teigen, "markdown", "--no-highlight", f"{folder}/{f}"])
              for n, f in (("5MB", "big.md"), ("empty", "empty.md"), ("1.25MB", "quarter.md"))]
times = {name: [] for name, _ in cases}
for _ in range(runs):
    for name, command in cases:
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - start)
print(";".join(f"{name}={statistics.median(t) * 1000:.1f}" for name, t in times.items()))
PY
)
export md_precise
# In-process split (teigen markdown --timings: best of three inside each process, fastest of five
# processes per stage): libcmark's parse + render alone against the whole conversion, stage by stage,
# so the passes' cost is not hidden by start-up.
md_stages=""
if [[ -n "$teigen" ]]; then
    md_stages=$(python3 bench/markdown_timings.py "$teigen" "$big" 5 || true)
fi
export md_stages

# --- 3. The real site, cold -----------------------------------------------------------
if [[ -n "$teigen" && -f site/config.yaml ]]; then
    for run in $(seq 1 5); do
        rm -rf "$bench_dir/out-real"
        measure teigen "real site" "$run" "$teigen" build --source site --output "$bench_dir/out-real" || break
    done
fi

# --- 3b. One-page edits in teigen serve on the largest generated site ----------------
if [[ -n "$teigen" ]]; then
    largest=$(printf '%s\n' $sizes | sort -n | tail -1)
    gen="$bench_dir/gen-$largest"
    if python3 bench/incremental.py "$teigen" "$gen/teigen/site" "$gen/teigen/theme" 5 >"$bench_dir/incremental.tsv"; then
        # As results rows: wall = milliseconds / 1000 (the server's own measure); the edit adds time to serve it.
        awk -v n="$largest" -F'\t' '$1=="full"{printf "teigen\tserve full %s\t1\t%.3f\t0\t0\t0\t0\n", n, $2/1000}
            $1=="edit"{i++; printf "teigen\tserve edit %s\t%d\t%.3f\t0\t0\t0\t0\n", n, i, $2/1000;
                       printf "teigen\tserve edit+serve %s\t%d\t%.3f\t0\t0\t0\t0\n", n, i, $3/1000}' \
            "$bench_dir/incremental.tsv" >>"$results"
    else
        log "incremental measurement failed"
    fi
fi

# --- 4. Serving -------------------------------------------------------------------------
wrk_teigen="" wrk_nginx="" wrk_page=""
first_gen=$(for p in $sizes; do echo "$p"; done | sort -n | head -1)
gen="$bench_dir/gen-$first_gen"
wrk_run() { # URL -> "requests/s errors"
    local log="$bench_dir/wrk.log"
    wrk -t 2 -c 100 -d 10s "$1" >"$log" 2>&1 || { echo "failed 0"; return; }
    local rps errors
    rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$log")
    # Connect/read/write/timeout socket errors plus non-2xx/3xx answers.
    errors=$(awk '/Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) s += $i }
                  /Non-2xx or 3xx/ { s += $NF } END { print s + 0 }' "$log")
    echo "${rps:-?} $errors"
}
wrk_page=$(cd "$gen/teigen/site/content" && find . -name 'p-*.md' | sort | head -1 | sed -E 's#^\./##; s#\.md$#/#')
if [[ -n "$teigen" && -n "$wrk_page" ]]; then
    serve_log="$bench_dir/serve.log"
    "$teigen" serve --source "$gen/teigen/site" --host 127.0.0.1 --port 0 >"$serve_log" 2>&1 &
    serve_pid=$!
    url=""
    for _ in $(seq 1 600); do
        url=$(grep -oE 'Serving at http://[^[:space:]]+' "$serve_log" | head -1 | sed 's/^Serving at //; s/…$//')
        [[ -n "$url" ]] && break
        kill -0 "$serve_pid" 2>/dev/null || break
        sleep 0.1
    done
    up=0
    for _ in $(seq 1 50); do # the line may come just before it accepts connections
        [[ -n "$url" ]] && curl -sf -o /dev/null "${url%/}/$wrk_page" && { up=1; break; }
        sleep 0.1
    done
    if (( up )); then
        wrk_teigen=$(wrk_run "${url%/}/$wrk_page")
    else
        log "teigen serve did not come up or does not serve /$wrk_page"; tail -20 "$serve_log" >&2
    fi
    kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null
fi
# nginx on the same page as built by Teigen (or Hugo, until Teigen builds): a yardstick.
static_root="$bench_dir/out-teigen-$first_gen"
[[ -f "$static_root/$wrk_page/index.html" ]] || static_root="$bench_dir/out-hugo-$first_gen"
if command -v nginx >/dev/null && [[ -f "$static_root/$wrk_page/index.html" ]]; then
    ndir=$(mktemp -d /tmp/teigen-bench-nginx.XXXXXX)
    chmod 755 "$ndir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >"$ndir/nginx.conf" <<EOF
worker_processes 2;
pid $ndir/nginx.pid;
error_log $ndir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $ndir/body; proxy_temp_path $ndir/proxy; fastcgi_temp_path $ndir/fcgi;
    uwsgi_temp_path $ndir/uwsgi; scgi_temp_path $ndir/scgi;
    server { listen 127.0.0.1:$port; root $static_root; index index.html; }
}
EOF
    if nginx -p "$ndir" -e "$ndir/error.log" -c "$ndir/nginx.conf"; then
        sleep 0.5
        wrk_nginx=$(wrk_run "http://127.0.0.1:$port/$wrk_page")
        kill -QUIT "$(cat "$ndir/nginx.pid")" 2>/dev/null
        sleep 0.5
    fi
    rm -rf "$ndir"
fi

# --- Report -------------------------------------------------------------------------------
wrk_site_pages=$first_gen
hugo_big_note=""
if [[ -s "$bench_dir/hugo-big.txt" ]]; then
    read -r hugo_big available_gib <"$bench_dir/hugo-big.txt"
    (( hugo_big )) || hugo_big_note="Hugo was not run at ${big_pages} pages: the machine had ${available_gib} GiB of memory available (HUGO_BIG=auto runs it from 18 GiB; Hugo needs about 1.4 GiB per 10,000 pages here, and the machine is shared). The ${big_pages}-page targets are Teigen's own ratios."
fi
export wrk_teigen wrk_nginx wrk_page wrk_site_pages big_pages deep_pages hugo_big_note
python3 bench/report.py "$results" "$bench_dir/counts.tsv" >"$report"
log "wrote $report"
cat "$report"
