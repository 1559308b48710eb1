#!/usr/bin/env python3
"""Checks the site's Japanese full-text search (Pagefind) in a real browser.

Usage: python3 Tests/site/check_search.py PUBLIC_DIR [--page search/] [--timeout 20]

PUBLIC_DIR is a site built with `search: true` (teigen build runs Pagefind, which writes pagefind/).
Serves it on a free loopback port (sitebrowser.py), opens the search page in headless Chromium (selenium;
/usr/bin/chromium with /usr/bin/chromedriver), types each query into Pagefind's default UI, waits for the
results to settle (explicit waits, no sleeps), loads every page of results ("load more") and checks:
  - 核軍縮 finds both recommendations (/proposals/1/ and /proposals/2/);
  - トラック2 finds recommendation 2;
  - フィード (only in the footer) finds nothing: the header, menus and footer are not indexed;
  - zzqxjv finds nothing, and the UI says so (a non-empty message, no results);
  - no query ever returns the search page or the 404 page (neither carries data-pagefind-body);
  - the UI speaks Japanese (<html lang="ja">, Japanese result messages).
Prints every query's message and ranked results; exits 1 with the reasons on any failure.
Needs: pip install selenium; apt chromium chromium-driver fonts-noto-cjk.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
import urllib.parse
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitebrowser  # noqa: E402


@dataclass
class Query:
    text: str
    must_find: list[str] = field(default_factory=list)  # paths relative to the site root, e.g. proposals/1/
    expect_none: bool = False
    why: str = ""


QUERIES = [
    Query("核軍縮", must_find=["proposals/1/", "proposals/2/"], why="both recommendations mention 核軍縮"),
    Query("トラック2", must_find=["proposals/2/"], why="recommendation 2 proposes トラック2核対話"),
    Query("フィード", expect_none=True, why="the word is only in the footer, which is not indexed"),
    Query("zzqxjv", expect_none=True, why="nonsense"),
]
NEVER_FOUND = ["search/", "404.html"]  # pages without data-pagefind-body

# The state of Pagefind's default UI, read in one go so that each poll sees a consistent picture.
UI_STATE = """
const input = document.querySelector('.pagefind-ui__search-input');
const message = document.querySelector('.pagefind-ui__message');
const results = [...document.querySelectorAll('.pagefind-ui__result')];
return {
  ready: !!input,
  value: input ? input.value : null,
  message: message ? message.textContent.trim() : null,
  results: results.map(r => {
    const a = r.querySelector('.pagefind-ui__result-title .pagefind-ui__result-link');
    return {href: a ? a.href : null, title: a ? a.textContent.trim() : null,
            excerpt: (r.querySelector('.pagefind-ui__result-excerpt') || {}).textContent || '',
            sub: r.querySelectorAll('.pagefind-ui__result-nested').length};
  }),
  loading: document.querySelectorAll('.pagefind-ui__results .pagefind-ui__loading').length,
  more: !!document.querySelector('.pagefind-ui__results-area button.pagefind-ui__button'),
};
"""
# Pagefind's Japanese "searching…" message ([SEARCH_TERM]を検索しています): not a final answer yet.
IN_PROGRESS = re.compile(r"検索しています|読み込み中|Searching|Loading", re.IGNORECASE)
JAPANESE = re.compile(r"[\u3040-\u30ff]")  # hiragana or katakana


class Failure(Exception):
    pass


def settled(driver, query: str, min_results: int = 0):
    """A WebDriverWait predicate: the UI shows a final answer for `query` that did not change since the
    previous poll (message present and not in progress, no result still loading its fragment)."""
    last = {}

    def check(_):
        state = driver.execute_script(UI_STATE)
        ok = (state["value"] == query and state["message"] and not IN_PROGRESS.search(state["message"])
              and state["loading"] == 0 and len(state["results"]) >= min_results
              and all(r["href"] for r in state["results"]))
        stable = ok and last.get("state") == state
        last["state"] = state
        return state if stable else False

    return check


def relative(root_url: str, href: str) -> str:
    """The result's path relative to the site root, decoded, without its #fragment."""
    root_path = urllib.parse.urlparse(root_url).path
    path = urllib.parse.unquote(urllib.parse.urlparse(href).path)
    return path[len(root_path):] if path.startswith(root_path) else path


def run_query(driver, wait_for, search_url: str, query: str, timeout: float):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.common.exceptions import ElementClickInterceptedException, TimeoutException

    driver.get(search_url)
    try:
        field_ = wait_for(timeout).until(
            EC.element_to_be_clickable((By.CSS_SELECTOR, ".pagefind-ui__search-input")))
    except TimeoutException:
        raise Failure("the Pagefind search box (.pagefind-ui__search-input) never appeared: "
                      "is pagefind/pagefind-ui.js loaded and PagefindUI started on #search?") from None
    field_.clear()
    field_.send_keys(query)
    if field_.get_attribute("value") != query:  # an input method that dropped characters: set it directly
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field_, query)
    try:
        state = wait_for(timeout).until(settled(driver, query))
    except TimeoutException:
        now = driver.execute_script(UI_STATE)
        raise Failure(f"no settled answer within {timeout:g} s (message: {now['message']!r}, "
                      f"{len(now['results'])} result(s), {now['loading']} still loading)") from None
    # Pagefind shows the first five results; load the rest so every match is checked.
    while state["more"]:
        shown = len(state["results"])
        button = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__results-area button.pagefind-ui__button")
        # The theme scrolls smoothly while the page has focus: jump instead, so the click lands on the button.
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button)
        try:
            wait_for(timeout).until(EC.element_to_be_clickable(button)).click()
        except (ElementClickInterceptedException, TimeoutException):
            driver.execute_script("arguments[0].click()", button)
        try:
            state = wait_for(timeout).until(settled(driver, query, min_results=shown + 1))
        except TimeoutException:
            raise Failure(f"'load more' did not add results within {timeout:g} s") from None
    return state


def main() -> int:
    ap = argparse.ArgumentParser(description="Pagefind search in headless Chromium")
    ap.add_argument("public", help="the built site (public/), built with search: true")
    ap.add_argument("--page", default="search/", help="the search page's path under the site root (search/)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each answer (20)")
    args = ap.parse_args()

    problems = []
    page_file = os.path.join(args.public, args.page.rstrip("/"), "index.html") if args.page.endswith("/") \
        else os.path.join(args.public, args.page)
    for needed, hint in ((page_file, "content/search.md with layout: search"),
                         (os.path.join(args.public, "pagefind", "pagefind-ui.js"), "search: true in config.yaml"),
                         (os.path.join(args.public, "pagefind", "pagefind-entry.json"), "search: true in config.yaml")):
        if not os.path.isfile(needed):
            problems.append(f"missing {os.path.relpath(needed, args.public)} (needs {hint})")
    if problems:
        for p in problems:
            print(f"FAIL {p}", file=sys.stderr)
        return 1

    from selenium.webdriver.support.ui import WebDriverWait

    started = time.monotonic()
    with sitebrowser.serve(args.public) as root, sitebrowser.chromium() as driver:
        def wait_for(seconds):
            return WebDriverWait(driver, seconds, poll_frequency=0.2)

        search_url = sitebrowser.url_for(root, args.page)
        for q in QUERIES:
            try:
                state = run_query(driver, wait_for, search_url, q.text, args.timeout)
            except Failure as e:
                problems.append(f"{q.text}: {e}")
                print(f"{q.text}: FAIL {e}")
                continue
            found = [relative(root, r["href"]) for r in state["results"]]
            print(f"{q.text}: {state['message']}")
            for i, (path, r) in enumerate(zip(found, state["results"]), 1):
                sub = f", {r['sub']} sub-result(s)" if r["sub"] else ""
                excerpt = " ".join(r["excerpt"].split())[:48]
                print(f"  {i:2}. /{path}  {r['title']}{sub}\n      {excerpt}…")

            lang = driver.execute_script("return document.documentElement.lang")
            if not (lang or "").startswith("ja"):
                problems.append(f"{q.text}: the search page is <html lang={lang!r}>, so the UI is not in Japanese")
            if not JAPANESE.search(state["message"]):
                problems.append(f"{q.text}: the UI's message is not Japanese: {state['message']!r}")
            for path in q.must_find:
                if path not in found:
                    problems.append(f"{q.text}: /{path} is not among the {len(found)} result(s) ({q.why}); "
                                    f"found: {', '.join('/' + f for f in found) or 'nothing'}")
            if q.expect_none and found:
                problems.append(f"{q.text}: expected no results ({q.why}), found: "
                                f"{', '.join('/' + f for f in found)}")
            if q.expect_none and not state["message"]:
                problems.append(f"{q.text}: no results, but the UI shows no message saying so")
            for path in NEVER_FOUND:
                if path in found:
                    problems.append(f"{q.text}: /{path} is in the results, but it must not be indexed")

    if problems:
        for p in problems:
            print(f"FAIL {p}", file=sys.stderr)
        print(f"check_search: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check_search: {len(QUERIES)} queries answered as expected ({time.monotonic() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
