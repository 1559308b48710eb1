#!/usr/bin/env bash
# Everything `make test` (and so CI) runs, as a list of stages:
#
#   deps        scripts/install-deps.sh test
#   build       swift build --build-tests   (debug: tests and the teigen binary at once)
#   swift-test  swift test --skip-build     (Swift Testing prints its own per-test summary)
#   site-build  the real site/ built with the debug binary into a temp folder
#   content, validate-html, axe, search, search-en, hreflang, line-starts, footnotes, screenshots
#               Tests/site/* checks on that folder (the Japanese pages and the English edition under
#               en/), each run only if its script exists
#   print       Tests/site/check_print.py on the PDFs of the built site; their pages go to
#               screenshots/print-LANG-NN.png
#   publication Tests/site/check_publication.py: citation files (parsed), share images, copy-link
#               buttons of the built site; the share images go to screenshots/share-*.png
#   publication-fixture
#               the same checks on Tests/Fixtures/sites/publish, whose titles need escaping
#   overlay     Tests/site/check_overlay.py: teigen serve's error overlay and error page in Chromium
#   line-starts-selftest
#               check_line_starts.py must report the line starts planted in a fixture site
#   asan-markdown    scripts/asan.sh: the Markdown tests under AddressSanitizer/LeakSanitizer
#   deploy-selftest  Tests/deploy/selftest.sh: the deploy test must catch planted faults
#   reliability Tests/reliability/interrupt_test.sh: SIGKILL at 20 moments, a full disk, determinism
#   deploy      Tests/deploy/deploy_test.sh with the debug binary (nginx, linkchecker, teigen serve)
#   release-site  `make site` (the release build) into a folder of its own: the same bytes as site-build's,
#               and the release binary's `teigen markdown` on one line
#
# A failing stage does not stop the others (one run shows every problem), but
# stages that need the binary or the built site are skipped when those failed.
# Ends with the line `test: N passed, N failed[, N skipped]` counting stages,
# and exits 1 if any stage failed.
#
# Environment: SWIFT_FLAGS (extra flags for swift build/test, e.g.
# --scratch-path .build-ci), KEEP_TMP=1 keeps the built site.
set -uo pipefail # not -e: a failing stage is counted, not fatal

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
read -r -a swift_flags <<<"${SWIFT_FLAGS:-}"

passed=0 failed=0 skipped=0
results=()
work=$(mktemp -d /tmp/teigen-test.XXXXXX)
chmod 755 "$work"
cleanup() { if [[ "${KEEP_TMP:-}" == 1 ]]; then echo "(kept $work)"; else rm -rf "$work"; fi; }
trap cleanup EXIT

# stage NAME LIMIT_SECONDS COMMAND... — runs one stage under a time limit so a
# hung server or browser cannot eat CI's whole budget. LIMIT 0: COMMAND is a
# shell function of this script that applies its own limit (timeout(1) runs
# programs, not functions).
stage() {
    local name=$1 limit=$2
    shift 2
    echo
    echo "==> [$name] $*"
    local start=$SECONDS status=0
    if (( limit > 0 )); then
        timeout --kill-after=30 "$limit" "$@" || status=$?
    else
        "$@" || status=$?
    fi
    local took=$((SECONDS - start))
    if (( status == 0 )); then
        passed=$((passed + 1)); results+=("PASS  $name (${took}s)")
        echo "==> [$name] PASS (${took}s)"
    else
        failed=$((failed + 1))
        if (( status == 124 || status == 137 )); then
            results+=("FAIL  $name (timed out)")
        else
            results+=("FAIL  $name (exit $status, ${took}s)")
        fi
        echo "==> [$name] FAIL (exit $status, ${took}s)"
    fi
    return "$status"
}

skip() { # NAME REASON
    skipped=$((skipped + 1)); results+=("SKIP  $1 ($2)")
    echo; echo "==> [$1] SKIP: $2"
}

swift_test() {
    # Swift Testing runs tests in parallel on its own; `--parallel` would only
    # split XCTest cases into processes and drop XCTest's closing summary.
    local log="$work/swift-test.log" status=0
    timeout --kill-after=30 1800 swift test --skip-build "${swift_flags[@]}" 2>&1 | tee "$log" || status=$?
    # The summaries are spread over a long log (XCTest's, then Swift
    # Testing's): repeat them at the end of the stage where they are easy to find.
    echo "--- swift test summary"
    grep -E "^[[:space:]]*Executed [0-9]+ tests?,|Test run with [0-9]+ tests?" "$log" | tail -3
    return "$status"
}

stage deps 900 bash scripts/install-deps.sh test

have_binary=0 have_site=0
if stage build 2400 swift build --build-tests "${swift_flags[@]}"; then
    have_binary=1
    bin_dir=$(swift build --show-bin-path "${swift_flags[@]}")
    teigen="$bin_dir/teigen"
fi

if (( have_binary )); then
    stage swift-test 0 swift_test
else
    skip swift-test "build failed"
fi

site_out="$work/public"
if (( have_binary )); then
    # --base-url left to site/config.yaml: this is the site as it will be published.
    # --fail-on-warnings: the real site must build with zero warnings.
    if stage site-build 600 "$teigen" build --source site --output "$site_out" --fail-on-warnings; then
        have_site=1
    fi
else
    skip site-build "build failed"
fi

# site_check NAME SCRIPT COMMAND... — run a Tests/site check if it exists yet.
site_check() {
    local name=$1 script=$2
    shift 2
    if [[ ! -f "$script" ]]; then
        skip "$name" "$script not written yet"
    elif (( ! have_site )); then
        skip "$name" "site did not build"
    else
        stage "$name" 900 "$@"
    fi
}
site_check content Tests/site/check_content.py python3 Tests/site/check_content.py "$site_out"
site_check validate-html Tests/site/validate_html.sh bash Tests/site/validate_html.sh "$site_out"
site_check axe Tests/site/check_axe.py python3 Tests/site/check_axe.py "$site_out"
site_check search Tests/site/check_search.py python3 Tests/site/check_search.py "$site_out"
# The English edition's own search page, searching the English pages only (search-index/en/).
site_check search-en Tests/site/check_search.py python3 Tests/site/check_search.py "$site_out" \
    --page en/search/ --queries Tests/site/search_queries_en.toml
# hreflang on every page: reciprocal, x-default, the language switcher's links, the sitemap's alternates.
site_check hreflang Tests/site/check_hreflang.py python3 Tests/site/check_hreflang.py "$site_out"
# Kinsoku: no rendered line starts with a closing bracket, 、, 。 or a footnote mark (320, 375, 1280 px).
site_check line-starts Tests/site/check_line_starts.py python3 Tests/site/check_line_starts.py "$site_out"
# Footnote marks and back-links: 24 px targets, line height, notes read in place, the no-JS fallback.
site_check footnotes Tests/site/check_footnotes.py python3 Tests/site/check_footnotes.py "$site_out"
if (( have_binary )); then
    # The line-start check's own test: a fixture site built with the theme, planted faults reported.
    stage line-starts-selftest 300 python3 Tests/site/check_line_starts.py --self-test "$teigen"
else
    skip line-starts-selftest "build failed"
fi
if (( have_site )); then
    stage check 300 "$teigen" check --output "$site_out"
else
    skip check "site did not build"
fi
[[ -f Tests/site/screenshots.py ]] && mkdir -p screenshots # git-ignored; kept for people to look at
site_check screenshots Tests/site/screenshots.py python3 Tests/site/screenshots.py "$site_out" screenshots/
site_check screenshots-dark Tests/site/screenshots.py python3 Tests/site/screenshots.py "$site_out" screenshots/ --dark

# The print edition: the PDFs the site build wrote, read as a reader would (every sentence of the seed,
# footnotes on their pages, fonts embedded, kinsoku), their pages as PNG in screenshots/.
site_check print Tests/site/check_print.py python3 Tests/site/check_print.py "$site_out" --screenshots screenshots/
# Citations (BibTeX and RIS read by real parsers), share images (1200×630), copy-link buttons.
site_check publication Tests/site/check_publication.py python3 Tests/site/check_publication.py "$site_out" --screenshots screenshots/
publication_fixture() {
    local copy="$work/publish-fixture"
    cp -R Tests/Fixtures/sites/publish "$copy" &&
        timeout --kill-after=30 300 "$teigen" build --source "$copy/site" --output "$copy/public" --fail-on-warnings &&
        timeout --kill-after=30 300 python3 Tests/site/check_publication.py "$copy/public" --no-copy-link
}
if (( have_binary )); then
    stage publication-fixture 0 publication_fixture
else
    skip publication-fixture "build failed"
fi

if (( have_binary )); then
    # `teigen serve` on a copy of the site: the error overlay and error page in headless Chromium
    # (opaque, the site's language, 320 px, dark mode), with screenshots/overlay-*.png, error-page-*.png.
    mkdir -p screenshots
    stage overlay 600 python3 Tests/site/check_overlay.py "$teigen" --screenshots screenshots
else
    skip overlay "build failed"
fi

# The Markdown module under AddressSanitizer/LeakSanitizer (its own build folder, .build-asan).
stage asan-markdown 1800 bash scripts/asan.sh

# The deploy test's own test: planted faults must fail it (needs no binary).
stage deploy-selftest 300 bash Tests/deploy/selftest.sh

if (( have_binary )); then
    # SIGKILL at 20 moments, a full disk (tmpfs), determinism across file order and --jobs.
    stage reliability 600 bash Tests/reliability/interrupt_test.sh "$teigen"
else
    skip reliability "build failed"
fi

if (( have_binary )); then
    # The deploy test builds the site itself, for two base URLs of its own.
    stage deploy 1200 bash Tests/deploy/deploy_test.sh "$teigen"
else
    skip deploy "build failed"
fi

# `make site` as the README gives it: the release build (static standard library, jemalloc, its own link
# flags) into a folder of its own, which must hold exactly the bytes the debug build wrote; and
# `teigen markdown` from the same binary.
release_site() {
    local out="$work/public-release" bin expected="<p><strong>「太字」</strong>。</p>"
    timeout --kill-after=30 1800 make site OUTPUT="$out" || return
    diff -r "$site_out" "$out" || return
    bin="$(swift build -c release --show-bin-path "${swift_flags[@]}")/teigen"
    [[ "$(printf '**「太字」**。\n' | timeout 60 "$bin" markdown)" == "$expected" ]]
}
if (( have_site )); then
    stage release-site 0 release_site
else
    skip release-site "site did not build"
fi

echo
echo "==> stages"
printf '    %s\n' "${results[@]}"
summary="test: $passed passed, $failed failed"
(( skipped )) && summary+=", $skipped skipped"
echo "$summary"
(( failed == 0 ))
