#!/usr/bin/env python3
"""Runs axe-core on every page of a built site, in light and dark colour schemes.

Usage: python3 Tests/site/check_axe.py PUBLIC_DIR [--width 1280] [--height 900] [--show-moderate]

Serves PUBLIC_DIR on a free loopback port, opens every index.html and 404.html in headless Chromium
(selenium; /usr/bin/chromium with /usr/bin/chromedriver), injects axe-core from the PyPI package
axe-playwright-python (its bundled axe.min.js) and fails on any violation of impact serious or critical.
The search pages are checked showing the results of a query (search/?q=核軍縮, en/search/?q=disarmament).
Needs: pip install selenium; pip install --no-deps axe-playwright-python.
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitebrowser  # noqa: E402

FAILING = {"serious", "critical"}


def axe_source() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("check_axe: the package axe-playwright-python is not installed "
                 "(pip install --no-deps axe-playwright-python)")
    for folder in spec.submodule_search_locations:
        found = sorted(glob.glob(os.path.join(folder, "**", "axe.min.js"), recursive=True))
        if found:
            with open(found[0], encoding="utf-8") as f:
                return f.read()
    sys.exit("check_axe: axe.min.js not found inside axe_playwright_python")


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done({ok: true, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary, impact: n.impact}))}))}))
  .catch(e => done({ok: false, error: String(e)}));
"""


def main() -> int:
    ap = argparse.ArgumentParser(description="axe-core on every page, light and dark")
    ap.add_argument("public", help="the built site (public/)")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--show-moderate", action="store_true", help="also print (without failing) minor/moderate issues")
    args = ap.parse_args()
    pages = sitebrowser.pages_or_exit(args.public, "check_axe")
    source = axe_source()
    failures = 0
    checked = 0
    with sitebrowser.serve(args.public) as root, sitebrowser.chromium(args.width, args.height) as driver:
        for scheme in ("light", "dark"):
            sitebrowser.set_color_scheme(driver, scheme)
            for rel in pages:
                if rel in sitebrowser.SEARCH_PAGES:
                    try:
                        sitebrowser.open_search_results(driver, root, sitebrowser.SEARCH_PAGES[rel], page=rel)
                    except Exception as e:  # noqa: BLE001 - a timeout or a script error, reported alike
                        print(f"FAIL [{scheme}] {rel}: no search results for {sitebrowser.SEARCH_PAGES[rel]} "
                              f"({type(e).__name__})", file=sys.stderr)
                        failures += 1
                        continue
                else:
                    driver.get(sitebrowser.url_for(root, rel))
                # Emulation survives navigation, but make sure this document sees it.
                sitebrowser.set_color_scheme(driver, scheme)
                actual = driver.execute_script(
                    "return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'")
                if actual != scheme:
                    print(f"FAIL [{scheme}] {rel}: colour scheme emulation did not apply (got {actual})", file=sys.stderr)
                    failures += 1
                    continue
                driver.execute_script(source)
                result = driver.execute_async_script(RUN_AXE)
                checked += 1
                if not result.get("ok"):
                    print(f"FAIL [{scheme}] {rel}: axe did not run: {result.get('error')}", file=sys.stderr)
                    failures += 1
                    continue
                for v in result["violations"]:
                    serious = v["impact"] in FAILING
                    if not serious and not args.show_moderate:
                        continue
                    label = "FAIL" if serious else "note"
                    print(f"{label} [{scheme}] {rel}: {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>",
                          file=sys.stderr if serious else sys.stdout)
                    for n in v["nodes"][:10]:
                        target = " ".join(" > ".join(t) if isinstance(t, list) else str(t) for t in n["target"])
                        print(f"    at {target}", file=sys.stderr if serious else sys.stdout)
                        if n.get("summary") and serious:
                            for line in n["summary"].splitlines()[:4]:
                                print(f"       {line}", file=sys.stderr)
                    if serious:
                        failures += 1
    if failures:
        print(f"check_axe: {failures} serious/critical problem(s) on {checked} page views", file=sys.stderr)
        return 1
    print(f"check_axe: {checked} page views ({len(pages)} pages × light/dark) without serious or critical violations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
