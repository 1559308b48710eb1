#!/usr/bin/env python3
"""Checks the site's full-text search in a real browser, with the shipped search page: the Japanese pages'
search, or another language's with its own search page and queries (--page en/search/ --queries
search_queries_en.toml).

Usage: python3 Tests/site/check_search.py PUBLIC_DIR [--queries FILE] [--page search/] [--timeout 20]

PUBLIC_DIR is a site built with `search: true` (teigen build writes search-index/LANG/). Serves it on a free
loopback port (sitebrowser.py), opens the search page in headless Chromium (selenium; /usr/bin/chromium with
/usr/bin/chromedriver), types each query of the query set (Tests/site/search_queries.toml) into the search box,
waits until the page says it is done (#search[data-state=done], explicit waits, no sleeps), shows every result
("さらに表示") and checks:
  - the results are exactly the pages a reference search finds: this script reads every page's searchable text
    itself (data-search-body, less data-search-ignore, hidden and aria-hidden parts and footnote marks; the
    first h1 is the title) and looks for every word of the query in it, character by character after NFKC and lower case,
    spaces next to Japanese ignored, a Latin word whole at its start (and at its end unless it ends the word
    typed); so no query returns a page without its words, and none misses a page with them;
  - what the query set asks: pages that must or must not be found, pages that must come first, a passage an
    excerpt must show;
  - every result shows a highlighted match, and every highlight is a word of the query;
  - every excerpt is the page's own text, cut only at a block, sentence or clause boundary or between words
    (the browser's Intl.Segmenter), with "…" exactly where it is cut inside a block;
  - no two results have the same title; the search and 404 pages are never found;
  - the status line is in the search page's language (Japanese, or without Japanese) and gives the number
    of results.
Prints every query's ranked results; exits 1 with the reasons on any failure.
Needs: pip install selenium; apt chromium chromium-driver fonts-noto-cjk.
"""
from __future__ import annotations

import argparse
import html.parser
import json
import os
import re
import sys
import time
import tomllib
import unicodedata
import urllib.parse
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitebrowser  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
NEVER_FOUND = ["search/", "404.html"]  # pages without data-search-body, under the search page's language root
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

CJK, WORD, SPACE, OTHER = "cjk", "word", "space", "other"


# ---------- Reading pages (as a reader sees them) ----------

BLOCKS = set("""address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary table tbody td tfoot
th thead tr ul""".split())
SKIPPED = set("script style template svg noscript head iframe object select textarea".split())
VOID = set("area base br col embed hr img input link meta source track wbr".split())


class Text:
    """Text with runs of white space collapsed to one space and blocks on lines of their own."""

    def __init__(self):
        self.parts: list[str] = []
        self.pending_space = False

    def add(self, text: str):
        for ch in text:
            if ch in " \t\n\r\f":
                self.pending_space = True
                continue
            # Invisible format characters (the word joiner before a footnote mark, soft hyphens) are not
            # text a reader sees: the index leaves them out too (SearchDocument.isInvisible).
            if unicodedata.category(ch) == "Cf" and ch not in "\u200c\u200d":
                continue
            if self.pending_space and self.parts and self.parts[-1] != "\n":
                self.parts.append(" ")
            self.pending_space = False
            self.parts.append(ch)

    def block(self):
        self.pending_space = False
        if self.parts and self.parts[-1] != "\n":
            self.parts.append("\n")

    def value(self) -> str:
        return "".join(self.parts).strip("\n")


class PageReader(html.parser.HTMLParser):
    """The searchable text of one page: the data-search-body parts, the first h1 as the title."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.redirects = False
        self.marked = False
        self.stack: list[tuple[str, bool, bool]] = []  # name, marks, ignores
        self.marked_depth = 0
        self.ignored_depth = 0
        self.text = Text()
        self.title = ""
        self.heading: Text | None = None
        self.heading_is_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.redirects = True
        if tag in VOID:
            if tag in ("br", "hr"):
                self.block()
            return
        marks = "data-search-body" in a
        ignores = ("data-search-ignore" in a or "hidden" in a or a.get("aria-hidden") == "true" or tag in SKIPPED
                   or a.get("role") in ("doc-noteref", "doc-backlink"))
        self.marked = self.marked or marks
        if tag in BLOCKS:
            self.block()
        if (re.fullmatch(r"h[1-6]", tag) and self.heading is None and not ignores and self.ignored_depth == 0):
            self.heading = Text()
            self.heading_is_h1 = tag == "h1"
            self.stack.append((tag, marks, ignores, True))
        else:
            self.stack.append((tag, marks, ignores, False))
        self.marked_depth += marks
        self.ignored_depth += ignores

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        names = [s[0] for s in self.stack]
        if tag not in names:
            return
        while self.stack:
            name, marks, ignores, heading = self.stack.pop()
            if heading:
                self.finish_heading()
            self.marked_depth -= marks
            self.ignored_depth -= ignores
            if name in BLOCKS:
                self.block()
            if name == tag:
                break

    def finish_heading(self):
        words, self.heading = self.heading.value(), None
        if not words or self.marked_depth == 0:
            return
        if self.heading_is_h1 and not self.title:
            self.title = words
            return
        self.text.block()
        self.text.add(words)
        self.text.block()

    def block(self):
        if self.marked_depth:
            self.text.block()

    def handle_data(self, data):
        if self.ignored_depth or not self.marked_depth:
            return
        (self.heading or self.text).add(data)


@dataclass
class Page:
    path: str  # from the site root: /proposals/1/ (folders end with /)
    lang: str
    title: str
    text: str


def read_pages(public: str) -> dict[str, Page]:
    pages = {}
    for root, _, files in os.walk(public):
        for name in files:
            if not name.endswith(".html"):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, public).replace(os.sep, "/")
            if rel.startswith("search-index/"):
                continue
            reader = PageReader()
            with open(full, encoding="utf-8") as f:
                reader.feed(f.read())
            if reader.redirects or not reader.marked:
                continue
            path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            pages[path] = Page(path, reader.lang, reader.title, reader.text.value())
    return pages


# ---------- The reference search ----------

class Rules:
    """The character rules of the index (README, "Search"): fold, kinds, spaces next to CJK dropped."""

    def __init__(self, cjk_ranges):
        self.cjk = [tuple(r) for r in cjk_ranges]

    @staticmethod
    def fold(ch: str) -> str:
        normal = unicodedata.normalize("NFKC", ch)
        lower = normal.lower()
        return lower if len(lower) == 1 else normal if len(normal) == 1 else ch

    def kind(self, ch: str) -> str:
        v = ord(ch)
        if v < 0x80:
            if ch.isascii() and ch.isalnum():
                return WORD
            return SPACE if ch in " \t\f\r" else OTHER
        if any(a <= v <= b for a, b in self.cjk):
            return CJK
        category = unicodedata.category(ch)
        if category[0] in "LMN":
            return WORD
        return SPACE if category == "Zs" else OTHER

    def folded(self, text: str) -> str:
        out, pending, previous_cjk, last_kept = [], False, False, -2
        for offset, ch in enumerate(text):
            f = self.fold(ch)
            if last_kept == offset - 1 and unicodedata.category(f)[0] == "M":
                composed = unicodedata.normalize("NFC", out[-1] + f)
                if len(composed) == 1:
                    out[-1] = composed
                    previous_cjk = self.kind(composed) == CJK
                    last_kept = offset
                    continue
            k = self.kind(f)
            if k == SPACE:
                pending = pending or (not previous_cjk and bool(out))
                continue
            if pending and k != CJK:
                out.append(" ")
            pending = False
            out.append(f)
            previous_cjk = k == CJK
            last_kept = offset
        return "".join(out)

    def phrases(self, query: str) -> list[str]:
        """The words of a query, folded: "quoted words" together, others cut at white space; characters that
        are neither CJK nor word at either end dropped (they match nothing)."""
        out = []
        for m in re.finditer(r'"([^"]*)"?|[^\s"]+', unicodedata.normalize("NFKC", query)):
            p = self.folded(m.group(1) if m.group(1) is not None else m.group(0))
            while p and self.kind(p[0]) not in (CJK, WORD):
                p = p[1:]
            while p and self.kind(p[-1]) not in (CJK, WORD):
                p = p[:-1]
            if p and p not in out:
                out.append(p)
        return out

    def occurs(self, phrase: str, text: str) -> bool:
        """Whether `phrase` is in `text` (both folded): token characters equal, any other character of the
        phrase standing for any one character; a run of Latin letters or digits whole at its start, and whole
        at its end unless it ends the phrase (then it may go on: SIPR finds SIPRI)."""
        kinds = [self.kind(c) for c in phrase]
        n = len(phrase)
        for i in range(len(text) - n + 1):
            ok = True
            for j, (c, k) in enumerate(zip(phrase, kinds)):
                t = text[i + j]
                if k in (CJK, WORD):
                    if t != c:
                        ok = False
                        break
                else:  # a wildcard; next to a word it must not be a letter (the word is whole there)
                    near_word = (j > 0 and kinds[j - 1] == WORD) or (j + 1 < n and kinds[j + 1] == WORD)
                    if near_word and self.kind(t) == WORD:
                        ok = False
                        break
            if not ok:
                continue
            if kinds[0] == WORD and i > 0 and self.kind(text[i - 1]) == WORD:
                continue
            return True
        return False


# ---------- The query set ----------

@dataclass
class Query:
    text: str
    why: str = ""
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    first: list[str] = field(default_factory=list)
    none: bool = False
    excerpt: list[dict] = field(default_factory=list)


def load_queries(path: str) -> list[Query]:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    queries = []
    for q in data.get("query", []):
        excerpt = q.get("excerpt", [])
        queries.append(Query(q["text"], q.get("why", ""), q.get("must", []), q.get("must_not", []),
                             q.get("first", []), q.get("none", False), excerpt if isinstance(excerpt, list) else [excerpt]))
    return queries


# ---------- The browser ----------

UI_STATE = """
const s = document.getElementById('search');
const more = document.querySelector('.search__more');
const marks = e => [...e.querySelectorAll('mark')].map(m => m.textContent);
return {
  state: s ? s.dataset.state : null, query: s ? s.dataset.query : null,
  status: (document.querySelector('.search__status') || {}).textContent || '',
  more: !!more && !more.hidden,
  results: [...document.querySelectorAll('.search-result')].map(li => {
    const a = li.querySelector('.search-result__title a');
    return {href: a.href, title: a.textContent, titleMarks: marks(a),
      excerpts: [...li.querySelectorAll('.search-result__excerpt')].map(p => ({text: p.textContent, marks: marks(p)})),
      passages: [...li.querySelectorAll('.search-result__passage-link')].map(p => ({href: p.href, text: p.textContent, marks: marks(p)}))};
  }),
};
"""

WORD_BOUNDARIES = """
const [text, offsets] = arguments;
const boundaries = new Set([0, text.length]);
for (const s of new Intl.Segmenter('ja', {granularity: 'word'}).segment(text)) boundaries.add(s.index);
return offsets.map(o => boundaries.has(o));
"""


class Failure(Exception):
    pass


def run_query(driver, wait_for, search_url: str, query: str, timeout: float) -> dict:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.common.exceptions import TimeoutException

    driver.get(search_url)
    try:
        box = wait_for(timeout).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#search .search__input")))
    except TimeoutException:
        raise Failure("the search box (#search .search__input) never appeared: is js/search.js loaded?") from None
    box.clear()
    box.send_keys(query)
    if box.get_attribute("value") != query:  # an input method that dropped characters: set it directly
        driver.execute_script("arguments[0].value = arguments[1];"
                              "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, query)

    def answered(minimum: int):
        def check(_):
            state = driver.execute_script(UI_STATE)
            done = state["state"] in ("done", "error") and state["query"] == query.strip()
            return state if done and len(state["results"]) >= minimum else False
        return check

    try:
        state = wait_for(timeout).until(answered(0))
    except TimeoutException:
        now = driver.execute_script(UI_STATE)
        raise Failure(f"no answer within {timeout:g} s (state {now['state']!r}, status {now['status']!r})") from None
    if state["state"] == "error":
        raise Failure(f"the search page reports an error: {state['status']!r}")
    while state["more"]:
        count = len(state["results"])
        button = driver.find_element(By.CSS_SELECTOR, ".search__more")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button)
        button.click()
        try:
            state = wait_for(timeout).until(answered(count + 1))
        except TimeoutException:
            raise Failure(f"'さらに表示' added no results within {timeout:g} s") from None
    return state


def relative(root_url: str, href: str) -> str:
    """The result's path from the site root (/proposals/1/), decoded, without its #fragment."""
    root_path = urllib.parse.urlparse(root_url).path
    path = urllib.parse.unquote(urllib.parse.urlparse(href).path)
    return "/" + path[len(root_path):] if path.startswith(root_path) else path


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------- Checks ----------

def check_marks(rules: Rules, phrases: list[str], r: dict, path: str) -> list[str]:
    problems = []
    marks = r["titleMarks"] + [m for e in r["excerpts"] + r["passages"] for m in e["marks"]]
    if not marks:
        problems.append(f"{path}: no highlighted word in its title or excerpts")
    for mark in marks:
        folded = squeeze(rules.folded(mark))
        if not any(mark_is(rules, folded, squeeze(p)) for p in phrases):
            problems.append(f"{path}: highlighted {mark!r}, which is not a word of the query")
    return problems


def mark_is(rules: Rules, mark: str, phrase: str) -> bool:
    if len(mark) < len(phrase):
        return False
    for c, p in zip(mark, phrase):
        if rules.kind(p) in (CJK, WORD) and c != p:
            return False
    rest = mark[len(phrase):]
    return not rest or (rules.kind(phrase[-1]) == WORD and all(rules.kind(c) == WORD for c in rest))


def excerpt_cuts(rules: Rules, page: Page, excerpt: str, path: str) -> tuple[list[str], list[tuple[str, int]]]:
    """Problems with where `excerpt` is cut, and the (text, offset) pairs Intl.Segmenter must confirm as
    word boundaries."""
    problems, ask = [], []
    lead, trail = excerpt.startswith("…"), excerpt.endswith("…")
    core = excerpt[1 if lead else 0: len(excerpt) - (1 if trail else 0)]
    text = page.text
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    stripped = "".join(text[i] for i in keep)
    needle = squeeze(core)
    at = stripped.find(needle)
    if not needle or at < 0:
        return [f"{path}: excerpt {excerpt!r} is not the page's text"], []
    start, end = keep[at], keep[at + len(needle) - 1] + 1
    block_start = start == 0 or text[start - 1] == "\n"
    block_end = end == len(text) or text[end] == "\n"
    if lead == block_start:
        problems.append(f"{path}: excerpt {excerpt[:30]!r}… {'has' if lead else 'lacks'} a leading '…' "
                        f"but starts {'at' if block_start else 'inside'} a block")
    if trail == block_end:
        problems.append(f"{path}: excerpt …{excerpt[-30:]!r} {'has' if trail else 'lacks'} a trailing '…' "
                        f"but ends {'at' if block_end else 'inside'} a block")

    def clean(i: int) -> bool:  # a cut next to a space, punctuation or a block edge
        before = text[i - 1] if i > 0 else "\n"
        after = text[i] if i < len(text) else "\n"
        return any(c.isspace() or unicodedata.category(c)[0] in "PS" for c in (before, after))

    for offset in (start, end):
        if not clean(offset):
            window_start = max(0, offset - 40)
            window = text[window_start: offset + 40]
            ask.append((window, len(text[window_start:offset].encode("utf-16-le")) // 2))
    return problems, ask


def main() -> int:
    ap = argparse.ArgumentParser(description="the site's search in headless Chromium")
    ap.add_argument("public", help="the built site (public/), built with search: true")
    ap.add_argument("--queries", default=os.path.join(HERE, "search_queries.toml"), help="the query set")
    ap.add_argument("--page", default="search/", help="the search page's path under the site root (search/)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each answer (20)")
    args = ap.parse_args()

    problems: list[str] = []
    page_file = os.path.join(args.public, args.page.rstrip("/"), "index.html")
    if not os.path.isfile(page_file):
        print(f"FAIL missing {os.path.relpath(page_file, args.public)} (needs content/search.md with layout: search)", file=sys.stderr)
        return 1
    with open(page_file, encoding="utf-8") as f:
        lang = re.search(r'<html[^>]*\blang="([^"]*)"', f.read()).group(1)
    language_root = "/" + args.page.rstrip("/").rsplit("/", 1)[0] + "/" if "/" in args.page.rstrip("/") else "/"
    never_found = [language_root + path for path in NEVER_FOUND]
    meta_file = os.path.join(args.public, "search-index", lang.lower(), "meta.json")
    for needed, hint in ((page_file, "content/search.md with layout: search"), (meta_file, "search: true in config.yaml")):
        if not os.path.isfile(needed):
            problems.append(f"missing {os.path.relpath(needed, args.public)} (needs {hint})")
    if problems:
        for p in problems:
            print(f"FAIL {p}", file=sys.stderr)
        return 1
    with open(meta_file, encoding="utf-8") as f:
        rules = Rules(json.load(f)["cjk"])
    pages = {path: p for path, p in read_pages(args.public).items() if p.lang == lang}
    texts = {path: rules.folded(p.title + "\n" + p.text) for path, p in pages.items()}
    queries = load_queries(args.queries)
    for path in never_found:
        pages.pop(path, None)

    from selenium.webdriver.support.ui import WebDriverWait

    started = time.monotonic()
    with sitebrowser.serve(args.public) as root, sitebrowser.chromium() as driver:
        def wait_for(seconds):
            return WebDriverWait(driver, seconds, poll_frequency=0.1)

        search_url = sitebrowser.url_for(root, args.page)
        for q in queries:
            def fail(message: str):
                problems.append(f"{q.text}: {message}")

            try:
                state = run_query(driver, wait_for, search_url, q.text, args.timeout)
            except Failure as e:
                fail(str(e))
                print(f"{q.text}: FAIL {e}")
                continue
            results = state["results"]
            found = [relative(root, r["href"]) for r in results]
            print(f"{q.text}: {state['status']}")
            for i, (path, r) in enumerate(zip(found, results), 1):
                excerpt = " | ".join(" ".join(e["text"].split()) for e in r["excerpts"])[:70]
                passages = "".join(f"\n        § {p['text'][:40]}" for p in r["passages"])
                print(f"  {i:2}. {path}  {r['title']}\n      {excerpt}{passages}")

            phrases = rules.phrases(q.text)
            expected = sorted(path for path, text in texts.items() if phrases and all(rules.occurs(p, text) for p in phrases))
            if sorted(found) != expected:
                missing = sorted(set(expected) - set(found))
                extra = sorted(set(found) - set(expected))
                fail(f"results differ from the pages that contain {phrases}: "
                     f"missing {missing}, not containing them {extra}")
            for path in found:  # the plain reading of "contains": the words, white space ignored
                if path in pages:
                    plain = squeeze(rules.folded(pages[path].title + pages[path].text))
                    for p in phrases:
                        if all(rules.kind(c) in (CJK, WORD, SPACE) for c in p) and squeeze(p) not in plain:
                            fail(f"{path} is found, but its text does not contain {p!r}")
            if len(found) != len(set(found)):
                fail(f"a page comes twice: {found}")
            for path in never_found:
                if path in found:
                    fail(f"{path} is found, but it must not be indexed")
            titles = [r["title"] for r in results]
            for t in sorted({t for t in titles if titles.count(t) > 1}):
                fail(f"{titles.count(t)} results have the same title {t!r}")
            if lang.startswith("ja") and not JAPANESE.search(state["status"]):
                fail(f"the status line is not Japanese: {state['status']!r}")
            if not lang.startswith("ja") and JAPANESE.search(state["status"].replace(q.text, "")):
                fail(f"the status line of a {lang} page is in Japanese: {state['status']!r}")
            if results and str(len(results)) not in state["status"]:
                fail(f"the status line {state['status']!r} does not give the number of results ({len(results)})")
            if not results and not state["status"].strip():
                fail("no results, and the page does not say so")

            for path in q.must:
                if path not in found:
                    fail(f"{path} is not found ({q.why})")
            for path in q.must_not:
                if path in found:
                    fail(f"{path} is found, but must not be ({q.why})")
            if q.first and sorted(found[: len(q.first)]) != sorted(q.first):
                fail(f"the first {len(q.first)} results are {found[:len(q.first)]}, "
                     f"expected {q.first} in any order ({q.why})")
            if q.none and found:
                fail(f"expected no results ({q.why})")
            for want in q.excerpt:
                if want["page"] not in found:
                    fail(f"{want['page']} is not found, so it cannot show {want['contains']!r}")
                    continue
                r = results[found.index(want["page"])]
                shown = [e for e in r["excerpts"] if e["marks"] and squeeze(want["contains"]) in squeeze(e["text"])]
                if not shown:
                    fail(f"no highlighted excerpt of /{want['page']} shows {want['contains']!r} ({q.why})")

            asks = []
            for path, r in zip(found, results):
                problems.extend(f"{q.text}: {p}" for p in check_marks(rules, phrases, r, path))
                if path not in pages:
                    continue
                for e in r["excerpts"]:
                    cut_problems, ask = excerpt_cuts(rules, pages[path], e["text"], path)
                    problems.extend(f"{q.text}: {p}" for p in cut_problems)
                    asks.extend((path, e["text"], window, offset) for window, offset in ask)
            for path, text, window, offset in asks:
                if not driver.execute_script(WORD_BOUNDARIES, window, [offset])[0]:
                    fail(f"{path}: excerpt {text!r} cuts a word in half (at {window[max(0, offset - 5):offset]}|"
                         f"{window[offset:offset + 5]})")

    if problems:
        for p in problems:
            print(f"FAIL {p}", file=sys.stderr)
        print(f"check_search: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check_search: {len(queries)} queries answered as expected ({time.monotonic() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
