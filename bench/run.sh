#!/usr/bin/env bash
# Benchmarks Teigen against Hugo (and its Markdown against cmark) and writes
# BENCHMARKS.md at the repo root.
#
#   bash bench/run.sh            (or: make bench)
#
# What it measures, each as wall time, CPU time (user+sys) and peak RSS from
# /usr/bin/time, reporting medians:
#   1. Full builds of generated sites of 1,000 and 10,000 pages (bench/generate.py,
#      same content for both), `teigen build` and `hugo --quiet` run
#      alternately so that drifting machine load hits both alike, each into an
#      empty output folder.
#   2. `teigen markdown BIG.md` vs `cmark BIG.md` on a generated 5 MB document with tables
#      and footnotes, start-up alone (an empty file), and the in-process split (--timings).
#   1c. A site of RICH_PAGES pages (200) with two photographs and two code blocks each
#      (bench/generate_rich.py): images resized to three widths in WebP and JPEG and code highlighted,
#      by Teigen (libvips, Pygments) and Hugo (its image processing, Chroma), each with an empty
#      cache (cold) and again with the cache of the previous build (warm).
#   3. Cold build of the real site/ (fresh process, empty output folder).
#   4. `wrk -c 100 -d 10s` against `teigen serve` on one generated page (and
#      against nginx serving the same built page, for scale).
#
# Environment:
#   RUNS_1K (default 5), RUNS_10K (3), RUNS_MD (5), RUNS_RICH (3)  runs per case
#   RICH_PAGES (200)          pages of the images-and-code site
#   SIZES ("1000 10000")      generated site sizes, in pages
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
for pages in $sizes; do
    gen="$bench_dir/gen-$pages"
    python3 bench/generate.py --pages "$pages" --seed "$seed" --out "$gen" --teigen-links "${TEIGEN_LINKS:-md}"
    runs=$runs_1k
    (( pages >= 10000 )) && runs=$runs_10k
    teigen_ok=1
    [[ -n "$teigen" ]] || teigen_ok=0
    for run in $(seq 1 "$runs"); do
        # Alternate which goes first in each round.
        order=(teigen hugo)
        (( run % 2 == 0 )) && order=(hugo teigen)
        for tool in "${order[@]}"; do
            out="$bench_dir/out-$tool-$pages"
            # An empty output folder each time (outside the timing). The last one is moved
            # aside, not deleted: on ext4 without a journal (this machine's disk) the inode
            # allocator skips inodes freed in the last minute or more, one by one, so
            # deleting 10,000 files just before a build makes that build's file creation
            # grow with everything deleted before it, whichever tool runs. The moved
            # folders are deleted after the last measurement; `sync` flushes the previous
            # run's writes so they do not land in this one.
            [[ -e "$out" ]] && mv "$out" "$trash/$tool-$pages-$run"
            rm -rf "$out".*
            sync
            if [[ $tool == teigen ]]; then
                (( teigen_ok )) || continue
                measure teigen "build $pages" "$run" "$teigen" build --source "$gen/teigen/site" \
                    --theme "$gen/teigen/theme" --output "$out" || teigen_ok=0
            else
                measure hugo "build $pages" "$run" hugo --quiet --source "$gen/hugo" --destination "$out"
            fi
        done
        log "build $pages pages: round $run of $runs done"
    done
    # Same page count on both sides, or the comparison means nothing.
    for tool in teigen hugo; do
        out="$bench_dir/out-$tool-$pages"
        [[ -d "$out" ]] && printf '%s\t%s\n' "pages $tool $pages" "$(find "$out" -name '*.html' | wc -l)" >>"$bench_dir/counts.tsv"
    done
done

# --- 1b. Where the time goes: perf on one build of the largest site ------------------
# Sampling on the CPU clock (hardware counters are not offered on this VM); the
# report keeps the top shared objects, the top functions by own time, and
# Teigen's own functions by time including what they call (the stages).
if [[ -n "$teigen" ]] && command -v perf >/dev/null 2>&1; then
    largest=$(printf '%s\n' $sizes | sort -n | tail -1)
    gen="$bench_dir/gen-$largest"
    out="$bench_dir/out-profile"
    [[ -e "$out" ]] && mv "$out" "$trash/profile"
    sync
    if perf record -q -e cpu-clock -F 999 -g -o "$bench_dir/perf.data" -- "$teigen" build --source "$gen/teigen/site" \
        --theme "$gen/teigen/theme" --output "$out" >"$bench_dir/perf-record.log" 2>&1; then
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

# --- 1c. Images and highlighted code, cold and warm caches --------------------------------
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
export wrk_teigen wrk_nginx wrk_page wrk_site_pages
python3 bench/report.py "$results" "$bench_dir/counts.tsv" >"$report"
log "wrote $report"
cat "$report"
