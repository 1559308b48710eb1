#!/usr/bin/env bash
# Tests the deploy test: a checker that never fails proves nothing.
#
#   bash Tests/deploy/selftest.sh
#
# Writes a tiny hand-made site (Japanese heading id, percent-encoded fragment,
# trailing-slash redirect, relative and root-relative links, a 404 page, a
# sitemap and a feed) and runs deploy_test.sh --prebuilt on it: the clean
# site must pass, at the root and below a sub-path; each planted fault — a
# missing page, a missing #fragment, a link that forgot the sub-path, a file
# nginx may not read, a dead URL in the feed — must make it fail.
# Needs no teigen binary, so it runs even while the engine does not build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/teigen-deploy-selftest.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

passed=0 failed=0
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# site DIR PREFIX — the clean site, its links written for PREFIX (/ or /sub/path/).
site() {
    local dir=$1 p=$2
    rm -rf "$dir"
    mkdir -p "$dir/about" "$dir/css"
    cat >"$dir/index.html" <<EOF
<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ホーム</title>
<link rel="stylesheet" href="${p}css/style.css"><link rel="alternate" type="application/atom+xml" href="${p}index.xml"></head>
<body><h1 id="提言-1">提言</h1>
<a href="${p}about/">About</a> <a href="about/#team">Team</a> <a href="#%E6%8F%90%E8%A8%80-1">self</a>
<a href="${p}about">no trailing slash</a> <a href="https://example.org/">external, not fetched</a>
<!--EXTRA--></body></html>
EOF
    cat >"$dir/about/index.html" <<EOF
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About</title><link rel="stylesheet" href="../css/style.css"></head>
<body><h2 id="team">Team</h2><a href="${p}">Home</a> <a href="${p}#提言-1">提言</a></body></html>
EOF
    echo 'body { font-family: sans-serif }' >"$dir/css/style.css"
    cat >"$dir/404.html" <<EOF
<!doctype html><html><head><meta charset="utf-8"><title>Not found</title><link rel="stylesheet" href="${p}css/style.css"></head>
<body><a href="${p}">Home</a></body></html>
EOF
    local base="http://127.0.0.1:$port$p"
    cat >"$dir/sitemap.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>$base</loc></url><url><loc>${base}about/</loc></url></urlset>
EOF
    cat >"$dir/index.xml" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link href="$base"/><entry><title>About</title><link href="${base}about/"/></entry></feed>
EOF
    chmod -R a+rX "$dir"
}

plant() { # DIR HTML — add HTML to the home page
    python3 - "$1/index.html" "$2" <<'EOF'
import sys
path, extra = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read().replace("<!--EXTRA-->", extra)
open(path, "w", encoding="utf-8").write(text)
EOF
}

# expect pass|fail WHAT PREFIX — run the deploy test on $work/site and compare.
expect() {
    local want=$1 what=$2 prefix=$3 status=0
    bash "$here/deploy_test.sh" --prebuilt "$work/site" --prefix "$prefix" --port "$port" >"$work/out.log" 2>&1 || status=$?
    local got=pass
    (( status == 0 )) || got=fail
    if [[ "$got" == "$want" ]]; then
        echo "PASS: $what: deploy test says $got, as it should"
        passed=$((passed + 1))
    else
        echo "FAIL: $what: deploy test says $got, expected $want"
        cat "$work/out.log"
        failed=$((failed + 1))
    fi
}

site "$work/site" /
expect pass "clean site at /" /
plant "$work/site" '<a href="/gone/">missing page</a>'
expect fail "link to a missing page" /

site "$work/site" /
plant "$work/site" '<a href="/about/#nosuch">missing fragment</a>'
expect fail "link to a missing #fragment" /

site "$work/site" /
chmod 600 "$work/site/css/style.css"
expect fail "file not readable by the web server" /

site "$work/site" /sub/path/
expect pass "clean site at /sub/path/" /sub/path/
plant "$work/site" '<a href="/about/">forgot the base path</a>'
expect fail "link that forgot the base path" /sub/path/

site "$work/site" /sub/path/
echo "<feed xmlns=\"http://www.w3.org/2005/Atom\"><link href=\"http://127.0.0.1:$port/sub/path/gone/\"/></feed>" >"$work/site/extra.xml"
chmod 644 "$work/site/extra.xml"
expect fail "dead URL in a feed" /sub/path/

echo "deploy-selftest: $passed passed, $failed failed"
(( failed == 0 ))
