#!/usr/bin/env python3
"""Kinsoku in the browser: no rendered line of any page starts with a closing bracket, 、 or 。 (and the
other characters `line-break: strict` keeps off a line start), or with a footnote reference mark.

Usage: python3 Tests/site/check_line_starts.py PUBLIC_DIR [--widths 320 375 1280]
       python3 Tests/site/check_line_starts.py --self-test TEIGEN [--keep DIR]

Serves PUBLIC_DIR (sitebrowser.py) and opens every index.html and 404.html in headless Chromium at each
width (the search page showing the results of a query, so that its excerpts are checked too), runs
line_starts.js, which finds every rendered line from the layout, and prints each offence as
`PAGE @ WIDTHpx: KIND 'CHAR' starts the line 'LINE' (after 'END OF THE LINE BEFORE') at ELEMENT`
(or `(the first line of its block)`: then the text itself starts so).
Exits 1 if there is any.

--self-test proves the check can fail: it builds Tests/site/fixtures/line-starts with the real theme
(TEIGEN is the teigen binary), expects exactly the offences bad.md plants (one per paragraph, with hard
line breaks) at each width, and none on good.md, where every kind of inline markup is followed by every
closing bracket and punctuation, at widths from 300 to 1280 px.
Needs: pip install selenium; apt chromium chromium-driver fonts-noto-cjk.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sitebrowser  # noqa: E402

WIDTHS = [320, 375, 1280]
FIXTURE = os.path.join(HERE, "fixtures", "line-starts")
ROOT = os.path.dirname(os.path.dirname(HERE))

# What bad.md plants, in page order: the first character of each offending line and its kind.
PLANTED = [
    ("」", "closing punctuation"),
    ("、", "closing punctuation"),
    ("。", "closing punctuation"),
    ("1", "footnote mark"),
    ("』", "closing punctuation"),
]
SWEEP = list(range(300, 1281, 20))  # good.md: its sentences wrap at a different place at each width


def scanner() -> str:
    with open(os.path.join(HERE, "line_starts.js"), encoding="utf-8") as f:
        return f.read()


def open_page(driver, root: str, rel: str) -> None:
    if rel in sitebrowser.SEARCH_PAGES:
        sitebrowser.open_search_results(driver, root, sitebrowser.SEARCH_PAGES[rel], page=rel)
    else:
        driver.get(sitebrowser.url_for(root, rel))
    driver.execute_script("return document.fonts.ready.then(() => true)")


def scan(driver, script: str, width: int) -> dict:
    sitebrowser.set_viewport(driver, width, 900)
    return driver.execute_script(script)


def describe(rel: str, width: int, offence: dict) -> str:
    before = f" (after '{offence['before']}')" if offence["before"] else " (the first line of its block)"
    return (f"{rel} @ {width}px: {offence['kind']} '{offence['start']}' starts the line "
            f"'{offence['line']}'{before} at {offence['element']}")


def check_site(public: str, widths: list[int]) -> int:
    pages = sitebrowser.pages_or_exit(public, "check_line_starts")
    script = scanner()
    offences = 0
    lines = 0
    started = time.monotonic()
    with sitebrowser.serve(public) as root, sitebrowser.chromium() as driver:
        for rel in pages:
            # Load each page once at the first width; resizing reflows it for the others.
            sitebrowser.set_viewport(driver, widths[0], 900)
            open_page(driver, root, rel)
            for width in widths:
                result = scan(driver, script, width)
                lines += result["lines"]
                if result["lines"] == 0:
                    print(f"FAIL {rel} @ {width}px: no rendered line found", file=sys.stderr)
                    offences += 1
                for offence in result["offences"]:
                    print("FAIL " + describe(rel, width, offence), file=sys.stderr)
                    offences += 1
    took = time.monotonic() - started
    if offences:
        print(f"check_line_starts: {offences} line(s) start with a closing bracket, punctuation or a footnote "
              f"mark ({len(pages)} pages × {len(widths)} widths, {took:.1f} s)", file=sys.stderr)
        return 1
    print(f"check_line_starts: {lines} lines on {len(pages)} pages at {', '.join(map(str, widths))} px: "
          f"none starts with a closing bracket, punctuation or a footnote mark ({took:.1f} s)")
    return 0


def self_test(teigen: str, keep: str | None) -> int:
    failures = []
    with tempfile.TemporaryDirectory(prefix="teigen-line-starts.") as tmp:
        public = keep or os.path.join(tmp, "public")
        build = subprocess.run([teigen, "build", "--source", FIXTURE, "--theme", os.path.join(ROOT, "theme"),
                                "--output", public, "--fail-on-warnings"], capture_output=True, text=True)
        if build.returncode != 0:
            print(f"check_line_starts --self-test: the fixture site did not build:\n{build.stderr}", file=sys.stderr)
            return 1
        script = scanner()
        with sitebrowser.serve(public) as root, sitebrowser.chromium() as driver:
            open_page(driver, root, "bad/index.html")
            for width in WIDTHS:
                found = [(o["start"], o["kind"]) for o in scan(driver, script, width)["offences"]]
                if found != PLANTED:
                    failures.append(f"bad/ @ {width}px: expected {PLANTED}, the check reported {found}")
                else:
                    print(f"ok: bad/ @ {width}px: the {len(PLANTED)} planted line starts are reported")
            open_page(driver, root, "good/index.html")
            for width in SWEEP:
                result = scan(driver, script, width)
                failures += ["good/ reported: " + describe("good/", width, o) for o in result["offences"]]
                if result["lines"] < 20:
                    failures.append(f"good/ @ {width}px: only {result['lines']} lines found")
            print(f"ok: good/ at {len(SWEEP)} widths from {SWEEP[0]} to {SWEEP[-1]} px: "
                  f"{'nothing' if not failures else 'something'} reported")
    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description="no line starts with a closing bracket, punctuation or a footnote mark")
    ap.add_argument("public", nargs="?", help="the built site (public/)")
    ap.add_argument("--widths", nargs="+", type=int, default=WIDTHS)
    ap.add_argument("--self-test", metavar="TEIGEN", help="check the check on a fixture site built with TEIGEN")
    ap.add_argument("--keep", metavar="DIR", help="with --self-test: build the fixture site into DIR and keep it")
    args = ap.parse_args()
    if args.self_test:
        return self_test(args.self_test, args.keep)
    if not args.public:
        ap.error("PUBLIC_DIR (a built site) or --self-test TEIGEN is needed")
    return check_site(args.public, args.widths)


if __name__ == "__main__":
    sys.exit(main())
