#!/usr/bin/env bash
# Deploy test: does the built site work when a real web server serves it?
#
#   bash Tests/deploy/deploy_test.sh TEIGEN_BINARY
#       Builds site/ twice with TEIGEN_BINARY — once for the root of a host
#       (--base-url http://127.0.0.1:PORT/) and once for a sub-path
#       (--base-url http://127.0.0.1:PORT2/sub/path/) — serves each with its
#       own nginx on a free loopback port, and crawls every internal link and
#       #fragment with linkchecker. Then crawls `teigen serve --port 0` the same way.
#
#   bash Tests/deploy/deploy_test.sh --prebuilt DIR [--prefix /sub/path/] [--port N]
#       Skips teigen: serves an already built folder with nginx (at / or at the
#       prefix, on port N or a free one) and crawls it. Used to test this
#       script itself on a hand-made site.
#
# Why nginx and not a Python server: a real server behaves like the deploy
# target (directory index, 301 for a missing trailing slash, error_page for
# 404, alias for a sub-path, workers that are not root), and the sub-path case
# is what catches links that forget the base path.
#
# Environment: TEIGEN_SITE (default: site/ of this repo), KEEP_TMP=1 keeps the
# temp folder for inspection. Exit status: 0 when every check passed, 1 otherwise.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/../.." && pwd)
site_src=${TEIGEN_SITE:-$repo_root/site}

usage() {
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

mode=full teigen="" prebuilt="" prefix=/ fixed_port=""
case "${1:-}" in
    ""|-h|--help) usage ;;
    --prebuilt)
        mode=prebuilt
        prebuilt=${2:?--prebuilt needs a folder}
        shift 2
        while (( $# )); do
            case "$1" in
                --prefix) prefix=${2:?--prefix needs a path}; shift 2 ;;
                --port) fixed_port=${2:?--port needs a number}; shift 2 ;;
                *) usage ;;
            esac
        done
        ;;
    *) teigen=$1 ;;
esac

for tool in nginx linkchecker curl python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (run scripts/install-deps.sh test)"; exit 1; }
done

passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# One temp folder for everything; nginx workers and linkchecker run as
# `nobody`, so it must be traversable by others (mktemp makes it 0700).
work=$(mktemp -d /tmp/teigen-deploy.XXXXXX)
chmod 755 "$work"

nginx_pidfiles=()
serve_pid=""
child_pid=""
cleanup() {
    local pidfile pid tries
    if [[ -n "$child_pid" ]]; then kill "$child_pid" 2>/dev/null || true; fi
    for pidfile in "${nginx_pidfiles[@]}"; do
        # Only the nginx masters this script started, by their own pid file;
        # wait until each is gone so no server outlives the test.
        [[ -s "$pidfile" ]] || continue
        pid=$(cat "$pidfile")
        kill -QUIT "$pid" 2>/dev/null || continue
        for tries in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ -n "$serve_pid" ]]; then
        kill "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP_TMP:-}" == 1 ]]; then echo "(kept $work)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_child COMMAND... — run a long command in the background and wait for it:
# bash runs a signal trap only after a *foreground* command ends, but
# interrupts `wait` at once, so a timeout's TERM still stops nginx promptly.
run_child() {
    "$@" &
    child_pid=$!
    local status=0
    wait "$child_pid" || status=$?
    child_pid=""
    return "$status"
}

free_port() {
    # Bind port 0 and report what the kernel picked; closed again at once, so
    # there is a tiny race with other programs, acceptable on a test machine.
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_http() { # URL [seconds]: true once the server answers anything
    local url=$1 tries=$(( ${2:-10} * 10 ))
    while (( tries-- > 0 )); do
        curl -s -o /dev/null --max-time 1 "$url" && return 0
        sleep 0.1
    done
    return 1
}

# start_nginx NAME DOCROOT PREFIX PORT — writes NAME/nginx.conf and starts a
# master (as root, workers as nobody) that writes its pid to NAME/nginx.pid.
start_nginx() {
    local name=$1 docroot=$2 prefix=$3 port=$4
    local dir="$work/$name"
    mkdir -p "$dir"
    local location language languages=""
    # A multilingual site has a not-found page per language (en/404.html): a
    # missing URL under /en/ answers with it, as a host would be set up.
    for language in $(cd "$docroot" && find . -mindepth 2 -maxdepth 2 -name 404.html | cut -d/ -f2 | sort); do
        if [[ "$prefix" == / ]]; then
            languages+="
        location /$language/ { error_page 404 /$language/404.html; }"
        else
            languages+="
        location $prefix$language/ { alias $docroot/$language/; error_page 404 $prefix$language/404.html; }"
        fi
    done
    if [[ "$prefix" == / ]]; then
        location="root $docroot;
        location / { }$languages"
    else
        # alias maps /sub/path/x onto DOCROOT/x; anything outside the prefix 404s,
        # which is what makes a link that forgot the base path fail the crawl.
        location="location $prefix { alias $docroot/; }$languages
        location / { return 404; }"
    fi
    cat >"$dir/nginx.conf" <<EOF
# Minimal nginx for one deploy test; generated by Tests/deploy/deploy_test.sh.
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/plain application/javascript application/xml application/atom+xml application/json;
    access_log $dir/access.log;
    client_body_temp_path $dir/tmp-body;
    proxy_temp_path $dir/tmp-proxy;
    fastcgi_temp_path $dir/tmp-fastcgi;
    uwsgi_temp_path $dir/tmp-uwsgi;
    scgi_temp_path $dir/tmp-scgi;
    server {
        listen 127.0.0.1:$port;
        server_name localhost;
        index index.html;
        error_page 404 ${prefix}404.html;
        # linkchecker waits 0.1–0.6 s between requests to a host unless the
        # host answers with this header; this server is ours to hammer.
        add_header LinkChecker maxrated always;
        $location
    }
}
EOF
    if ! nginx -t -q -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" 2>"$dir/nginx-t.log"; then
        fail "$name: nginx rejected its config"; cat "$dir/nginx-t.log" "$dir/error.log" 2>/dev/null
        return 1
    fi
    nginx_pidfiles+=("$dir/nginx.pid")
    nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf"
    if ! wait_for_http "http://127.0.0.1:$port/" 10; then
        fail "$name: nginx did not start on port $port"; cat "$dir/error.log"
        return 1
    fi
}

# crawl NAME ANCHORS URL [MORE_URLS...] — linkchecker over every internal
# link, and with ANCHORS=anchors every #fragment too. Zero errors required.
crawl() {
    local name=$1 anchors=$2 url=$3
    shift 3
    local what="link"
    [[ "$anchors" == anchors ]] && what="link or #fragment"
    local dir="$work/$name"
    mkdir -p "$dir"
    local host_pattern
    host_pattern=$(python3 -c 'import re, sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print("^https?://" + re.escape(p.netloc) + "/")' "$url")
    # linkchecker 10 reports a missing #fragment (AnchorCheck plugin) as a
    # *warning*, so --no-warnings would hide it. Instead warnings stay on and
    # every named, benign warning class (redirects, empty content, ...) is
    # ignored; the anchor warning has no name and so still fails the run.
    # Ask linkchecker's own Python (Debian's, not pyenv's) for the names.
    local benign lc_python
    lc_python=$(head -1 "$(command -v linkchecker)" | sed -n 's/^#! *//p')
    benign=$(${lc_python:-/usr/bin/python3} - 2>/dev/null <<'EOF'
from linkcheck.checker import const
print(",".join(sorted(v for k, v in vars(const).items() if k.startswith("WARN_") and isinstance(v, str))))
EOF
    ) || benign=""
    cat >"$dir/linkcheckerrc" <<EOF
[filtering]
# The whole host is internal, not just the start URL's folder: in the
# sub-path case a link to http://host/css/x.css (base path forgotten) must be
# fetched and fail, not skipped as "external".
internlinks=$host_pattern
checkextern=0
ignorewarnings=$benign

[checking]
# Only takes effect for servers that send the LinkChecker header (our nginx).
maxrequestspersecond=500

[output]
warnings=1
EOF
    # Each #fragment is fetched as a URL of its own; worth it where the
    # server is fast (nginx), not again on the throttled preview server.
    if [[ "$anchors" == anchors ]]; then printf '\n[AnchorCheck]\n' >>"$dir/linkcheckerrc"; fi
    chmod 644 "$dir/linkcheckerrc" # linkchecker drops to `nobody` before reading it
    local extra=()
    # Older linkchecker (9.x) switched anchor checking on with a flag instead.
    if [[ "$anchors" == anchors ]] && linkchecker --help 2>&1 | grep -q -- '--anchors'; then extra+=(--anchors); fi
    local status=0
    run_child linkchecker -f "$dir/linkcheckerrc" --no-status --no-robots -r -1 -t 4 --timeout 20 \
        "${extra[@]}" "$url" "$@" >"$dir/linkchecker.log" 2>&1 || status=$?
    local summary
    summary=$(grep -E "links? in [0-9]+ URLs? checked" "$dir/linkchecker.log" | tail -1 || true)
    local checked
    checked=$(sed -nE 's/.* in ([0-9]+) URLs? checked.*/\1/p' <<<"$summary")
    if (( status == 0 )) && [[ -n "$checked" ]] && (( checked >= 2 )); then
        pass "$name: linkchecker found no broken $what ($summary)"
    else
        if (( status == 0 )); then
            fail "$name: linkchecker reached ${checked:-no} URL(s), expected a whole site${summary:+ ($summary)}"
        else
            fail "$name: linkchecker exit $status${summary:+ ($summary)}"
        fi
        grep -v "^WARNING linkcheck.check .*dropping privileges" "$dir/linkchecker.log" | head -150
    fi
}

# check_output NAME DOCROOT BASE_URL — checks on the built files themselves.
check_output() {
    local name=$1 docroot=$2 base=$3
    if [[ ! -f "$docroot/index.html" ]]; then
        fail "$name: no index.html in the output"
        return
    fi
    # A deploy copies files as they are; a 0600 file is a 403 on any real server.
    local unreadable
    unreadable=$(find "$docroot" \( -type f ! -perm -o+r \) -o \( -type d ! -perm -o+rx \) | head -5)
    if [[ -n "$unreadable" ]]; then
        fail "$name: output not world-readable (nginx workers run as nobody): $unreadable"
    else
        pass "$name: every output file is world-readable"
    fi
    if [[ ! -f "$docroot/404.html" ]]; then
        fail "$name: no 404.html in the output"
        return
    fi
    # The 404 page is shown at any missing URL, at any depth, so a relative
    # link in it resolves against the wrong folder.
    local relative
    relative=$(python3 - "$docroot" <<'EOF'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
bad = []
for page in [root / "404.html"] + sorted(root.glob("*/404.html")):  # a language's own 404.html too
    html = page.read_text(encoding="utf-8")
    bad += [f"{page.relative_to(root)}: {u}" for u in re.findall(r'\b(?:href|src)\s*=\s*["\']([^"\']*)["\']', html)
            if u and not re.match(r'^(?:/|#|[a-zA-Z][a-zA-Z0-9+.-]*:)', u)]
print(" ".join(bad[:5]))
EOF
    )
    if [[ -n "$relative" ]]; then
        fail "$name: a 404 page has relative links, broken at a deep missing URL: $relative"
    else
        pass "$name: the 404 pages' links are all root-relative or absolute"
    fi
    # Server's answer to a missing deep URL: status 404 and the site's own page;
    # under a language's folder, that language's (en/404.html).
    local page missing body="$work/$name-404-body.html" code
    for page in 404.html $(cd "$docroot" && find . -mindepth 2 -maxdepth 2 -name 404.html | cut -c3- | sort); do
        missing="${base}$(dirname "$page" | sed 's|^\.$||; s|.$|&/|')no/such/teigen-page/"
        code=$(curl -s -o "$body" -w '%{http_code}' "$missing" || true)
        if [[ "$code" == 404 ]] && cmp -s "$body" "$docroot/$page"; then
            pass "$name: a missing URL ($missing) answers 404 with the site's $page"
        else
            fail "$name: GET $missing answered $code$(cmp -s "$body" "$docroot/$page" || echo " and not the site's $page")"
        fi
    done
}

# check_xml_links NAME DOCROOT BASE_URL — feeds are not crawled by linkchecker
# (sitemaps are): fetch every URL under BASE_URL that an XML file links to.
check_xml_links() {
    local name=$1 docroot=$2 base=$3
    local result
    result=$(python3 - "$docroot" "$base" <<'EOF'
import pathlib, re, sys, urllib.request, urllib.error
root, base = pathlib.Path(sys.argv[1]), sys.argv[2]
urls, files = set(), 0
for xml in sorted(root.rglob("*.xml")):
    files += 1
    text = xml.read_text(encoding="utf-8", errors="replace")
    for u in re.findall(r'(?:href="([^"]+)"|<loc>\s*([^<\s]+)\s*</loc>)', text):
        u = (u[0] or u[1]).replace("&amp;", "&")
        if u.startswith(base):
            urls.add((u.split("#")[0], xml.name))
bad = []
for u, src in sorted(urls):
    try:
        urllib.request.urlopen(u, timeout=10).close()
    except urllib.error.HTTPError as e:
        bad.append(f"{u} ({e.code}, from {src})")
    except OSError as e:
        bad.append(f"{u} ({e}, from {src})")
print(f"{files} {len(urls)}")
for b in bad[:20]:
    print(b)
EOF
    ) || { fail "$name: XML link check crashed"; return; }
    local counts bad
    counts=$(head -1 <<<"$result")
    bad=$(tail -n +2 <<<"$result")
    if [[ -n "$bad" ]]; then
        fail "$name: broken URLs in XML files (feeds/sitemap):"; echo "$bad"
    else
        pass "$name: ${counts% *} XML files: all ${counts#* } URLs under $base in them resolve"
    fi
}

# test_nginx NAME DOCROOT PREFIX PORT — serve and check one built folder.
test_nginx() {
    local name=$1 docroot=$2 prefix=$3 port=$4
    local base="http://127.0.0.1:$port$prefix"
    start_nginx "$name" "$docroot" "$prefix" "$port" || return 0
    echo "== $name: nginx serves $docroot at $base"
    check_output "$name" "$docroot" "$base"
    local starts=("$base")
    # linkchecker parses sitemaps, so every URL listed there is checked too.
    if [[ -f "$docroot/sitemap.xml" ]]; then starts+=("${base}sitemap.xml"); fi
    crawl "$name" anchors "${starts[@]}"
    check_xml_links "$name" "$docroot" "$base"
}

# build NAME BASE_URL — teigen build of the real site into WORK/NAME/public.
build() {
    local name=$1 base=$2 out="$work/$1/public"
    mkdir -p "$work/$name"
    if run_child "$teigen" build --source "$site_src" --output "$out" --base-url "$base" >"$work/$name/build.log" 2>&1; then
        pass "$name: teigen build --base-url $base"
    else
        fail "$name: teigen build --base-url $base failed"; tail -50 "$work/$name/build.log"
        return 1
    fi
}

if [[ "$mode" == prebuilt ]]; then
    [[ "$prefix" == /* && "$prefix" == */ ]] || { echo "--prefix must start and end with /"; exit 2; }
    docroot=$(cd "$prebuilt" && pwd)
    test_nginx prebuilt "$docroot" "$prefix" "${fixed_port:-$(free_port)}"
else
    [[ -x "$teigen" ]] || { echo "FAIL: teigen binary not found or not executable: $teigen"; exit 1; }
    teigen=$(cd "$(dirname "$teigen")" && pwd)/$(basename "$teigen")
    [[ -f "$site_src/config.yaml" ]] || { echo "FAIL: no site at $site_src (config.yaml missing)"; exit 1; }

    # 1. Site at the root of a host.
    port=$(free_port)
    if build root "http://127.0.0.1:$port/"; then
        test_nginx root "$work/root/public" / "$port"
    fi

    # 2. Site below a sub-path, as on a project page of a shared host.
    port=$(free_port)
    if build subpath "http://127.0.0.1:$port/sub/path/"; then
        test_nginx subpath "$work/subpath/public" /sub/path/ "$port"
    fi

    # 3. The preview server: it must serve the same links it renders.
    echo "== serve: teigen serve --port 0"
    serve_log="$work/serve.log"
    "$teigen" serve --source "$site_src" --host 127.0.0.1 --port 0 >"$serve_log" 2>&1 &
    serve_pid=$!
    serve_url=""
    for _ in $(seq 1 600); do # up to 60 s: it builds the site before it listens
        serve_url=$(grep -oE 'Serving at http://[^[:space:]]+' "$serve_log" | head -1 | sed 's/^Serving at //' || true)
        [[ -n "$serve_url" ]] && break
        kill -0 "$serve_pid" 2>/dev/null || break
        sleep 0.1
    done
    # Drop what may trail the URL in a sentence ("…", a comma, a period).
    serve_url=$(sed -E 's/(…|[.,;)])+$//' <<<"$serve_url")
    if [[ -z "$serve_url" ]]; then
        fail "serve: teigen serve printed no 'Serving at http://…' line"; tail -30 "$serve_log"
    elif ! wait_for_http "$serve_url" 10; then
        fail "serve: nothing answers at $serve_url"; tail -30 "$serve_log"
    else
        pass "serve: teigen serve answers at $serve_url"
        # Fragments were checked on the same pages under nginx above.
        crawl serve no-anchors "$serve_url"
    fi
    kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
    serve_pid=""
fi

echo "deploy: $passed passed, $failed failed"
(( failed == 0 ))
