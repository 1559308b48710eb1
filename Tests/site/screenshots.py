#!/usr/bin/env python3
"""Full-page PNG screenshots of key pages at phone and desktop widths.

Usage: python3 Tests/site/screenshots.py PUBLIC_DIR OUT_DIR [--dark] [--pages home proposal1 members ...]
       [--paths notes/index.html ...]

Writes OUT_DIR/<page>-<width>[-dark].png for home, proposal 1, members, the search page (with the
results of a query) and proposal 1 with a note read in place (`note`: the viewport around reference mark 2,
its note open), and the same pages of the English edition (`en-home`, `en-proposal1`, …), at 390 px and
1280 px (headless Chromium via selenium, CDP Page.captureScreenshot with captureBeyondViewport).
`--paths` adds other pages by their path in PUBLIC_DIR (a trial page with code, images and shortcodes, say),
each named after its path (`notes-index-375.png`).
"""
from __future__ import annotations

import argparse
import base64
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitebrowser  # noqa: E402

PAGES = {
    "home": "index.html",
    "proposal1": "proposals/1/index.html",
    "proposal2": "proposals/2/index.html",
    "proposals": "proposals/index.html",
    "members": "members/index.html",
    "background": "background/index.html",
    "activities": "activities/index.html",
    "references": "references/index.html",
    "about": "about/index.html",
    "404": "404.html",
    "search": sitebrowser.SEARCH_PAGE,
    "note": "proposals/1/index.html",
    "topics": "topics/index.html",
    "topic": "topics/核軍備管理/index.html",
}
# The English edition: the same pages under en/.
PAGES.update({"en-" + name: "en/" + path for name, path in PAGES.items()})
DEFAULT = ["home", "proposal1", "members", "activities", "references", "search", "note"]
DEFAULT += ["en-" + name for name in DEFAULT]
NOTE_MARK = "fnref-2"  # the note `note` opens: four paragraphs, the longest on the page
WIDTHS = [390, 1280]


def capture(driver, path: str, width: int) -> None:
    sitebrowser.set_viewport(driver, width, 800)
    driver.execute_script("return document.fonts ? document.fonts.ready.then(() => true) : true")
    height = driver.execute_script(
        "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True, "fromSurface": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def capture_note(driver, path: str, width: int) -> None:
    """The viewport with the note of NOTE_MARK open in place (js/footnotes.js), the mark in the middle."""
    driver.execute_script("return document.fonts ? document.fonts.ready.then(() => true) : true")
    mark = driver.find_element("id", NOTE_MARK)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", mark)
    mark.click()
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "fromSurface": True})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def main() -> int:
    ap = argparse.ArgumentParser(description="full-page screenshots at 390 px and 1280 px")
    ap.add_argument("public")
    ap.add_argument("out")
    ap.add_argument("--dark", action="store_true", help="emulate prefers-color-scheme: dark")
    ap.add_argument("--pages", nargs="+", default=DEFAULT, choices=sorted(PAGES))
    ap.add_argument("--widths", nargs="+", type=int, default=WIDTHS)
    ap.add_argument("--paths", nargs="+", default=[], help="other pages, by their path in PUBLIC_DIR")
    args = ap.parse_args()
    for path in args.paths:
        name = path.removesuffix(".html").replace("/", "-")
        PAGES[name] = path
        args.pages.append(name)
    missing = [p for p in args.pages if not os.path.isfile(os.path.join(args.public, PAGES[p]))]
    if missing:
        print(f"screenshots: missing pages in {args.public}: {', '.join(PAGES[p] for p in missing)}", file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    suffix = "-dark" if args.dark else ""
    with sitebrowser.serve(args.public) as root, sitebrowser.chromium() as driver:
        for name in args.pages:
            for width in args.widths:
                sitebrowser.set_viewport(driver, width, 800)
                sitebrowser.set_color_scheme(driver, "dark" if args.dark else "light")
                if PAGES[name] in sitebrowser.SEARCH_PAGES:
                    # The page with results, not an empty box.
                    sitebrowser.open_search_results(driver, root, sitebrowser.SEARCH_PAGES[PAGES[name]], page=PAGES[name])
                else:
                    driver.get(sitebrowser.url_for(root, PAGES[name]))
                path = os.path.join(args.out, f"{name}-{width}{suffix}.png")
                if name.endswith("note"):
                    capture_note(driver, path, width)
                else:
                    capture(driver, path, width)
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
