#!/usr/bin/env python3
"""Checks the language links of every page of a built multilingual site.

Usage: python3 Tests/site/check_hreflang.py PUBLIC_DIR

For every HTML page (index.html, 404.html):
  - its <link rel="alternate" hreflang> list, when it has one, names the page itself (its own <html lang>
    and its canonical URL), each language once, and `x-default` once, pointing at the default language's
    version (the site's root language, the <html lang> of /index.html);
  - reciprocity: every page the list names exists, is in the language its hreflang says, and carries the
    very same list (Google ignores one-way hreflang);
  - the language switcher (.language-switcher): a link for each of the site's other languages, with
    matching hreflang and lang, leading to the page's version in that language when the list has one, and
    to that language's home otherwise;
and sitemap.xml lists, under each <url>, the same <xhtml:link rel="alternate"> set as the page's HTML.
Exits 1 and lists every failure; stdlib only.
"""
from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser


class Head(HTMLParser):
    """What the check reads of a page: <html lang>, canonical, alternates, the switcher's links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.canonical = ""
        self.alternates: list[tuple[str, str]] = []
        self.switcher: list[dict[str, str]] = []
        self.in_switcher = 0
        self.redirect = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.redirect = True
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a and "type" not in a:
            # The language versions of the page; an alternate of another type (the print edition's PDF,
            # type="application/pdf" with its own hreflang) is not one of them.
            self.alternates.append((a["hreflang"], a.get("href", "")))
        if self.in_switcher:
            if tag == "nav":
                self.in_switcher += 1
            elif tag == "a":
                self.switcher.append(a)
        elif tag == "nav" and "language-switcher" in a.get("class", "").split():
            self.in_switcher = 1

    def handle_endtag(self, tag):
        if self.in_switcher and tag == "nav":
            self.in_switcher -= 1


class Check:
    def __init__(self, public: str):
        self.public = os.path.abspath(public)
        self.failures: list[str] = []
        self.pages: dict[str, Head] = {}
        for root, _, files in os.walk(self.public):
            for name in files:
                if name in ("index.html", "404.html"):
                    rel = os.path.relpath(os.path.join(root, name), self.public).replace(os.sep, "/")
                    head = Head()
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        head.feed(f.read())
                    if not head.redirect:
                        self.pages[rel] = head
        home = self.pages.get("index.html")
        self.default_language = home.lang if home else ""
        origin = urllib.parse.urlparse(home.canonical) if home else None
        self.base_path = origin.path if origin else "/"

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def file_of(self, url: str) -> str | None:
        """The page an absolute or root-relative URL of the site leads to."""
        path = urllib.parse.unquote(urllib.parse.urlparse(url).path)
        if not path.startswith(self.base_path):
            return None
        rel = path[len(self.base_path):]
        for candidate in (rel + "index.html" if rel.endswith("/") or not rel else rel, rel + "/index.html"):
            if candidate in self.pages:
                return candidate
        return None

    def home_of(self, language: str) -> str | None:
        """A language's home: the home page's version in that language."""
        home = self.pages.get("index.html")
        if home is None or home.lang == language:
            return "index.html" if home else None
        href = dict(home.alternates).get(language)
        return self.file_of(href) if href else None

    def check_page(self, rel: str, head: Head) -> None:
        alternates = head.alternates
        languages = [lang for lang, _ in alternates]
        if alternates:
            if len(set(languages)) != len(languages):
                self.fail(f"{rel}: an hreflang is listed twice: {languages}")
            if (head.lang, head.canonical) not in alternates:
                self.fail(f"{rel}: its alternates do not name itself ({head.lang} {head.canonical}): {alternates}")
            defaults = [href for lang, href in alternates if lang == "x-default"]
            own = dict(alternates)
            if len(defaults) != 1:
                self.fail(f"{rel}: expected one x-default, found {len(defaults)}")
            elif own.get(self.default_language) != defaults[0]:
                self.fail(f"{rel}: x-default {defaults[0]} is not the {self.default_language} version {own.get(self.default_language)}")
            for lang, href in alternates:
                if lang == "x-default":
                    continue
                target = self.file_of(href)
                if target is None:
                    self.fail(f"{rel}: hreflang {lang} leads to {href}, which is not a page of the site")
                    continue
                other = self.pages[target]
                if other.lang != lang:
                    self.fail(f"{rel}: hreflang {lang} leads to {target}, whose <html lang> is {other.lang!r}")
                if sorted(other.alternates) != sorted(alternates):
                    self.fail(f"{rel}: not reciprocal with {target}: {sorted(alternates)} there {sorted(other.alternates)}")
        self.check_switcher(rel, head)

    def check_switcher(self, rel: str, head: Head) -> None:
        others = sorted({h.lang for h in self.pages.values()} - {head.lang})
        links = {a.get("hreflang", ""): a for a in head.switcher}
        if len(others) and sorted(links) != others:
            self.fail(f"{rel}: the language switcher should link to {others}, links to {sorted(links)}")
        own = dict(head.alternates)
        for lang, a in links.items():
            if a.get("lang") != lang:
                self.fail(f"{rel}: the switcher's link to {lang} should be lang={lang!r}, is {a.get('lang')!r}")
            target = self.file_of(a.get("href", ""))
            expected = self.file_of(own[lang]) if lang in own else self.home_of(lang)
            if target != expected:
                self.fail(f"{rel}: the switcher's link to {lang} leads to {target}, should lead to {expected}")

    def check_sitemap(self) -> None:
        path = os.path.join(self.public, "sitemap.xml")
        if not os.path.isfile(path):
            self.fail("sitemap.xml: missing")
            return
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
        listed = 0
        for url in ET.parse(path).getroot().findall("s:url", ns):
            loc = url.findtext("s:loc", default="", namespaces=ns)
            links = sorted((l.get("hreflang", ""), l.get("href", "")) for l in url.findall("x:link", ns) if l.get("rel") == "alternate")
            rel = self.file_of(loc)
            if rel is None:
                self.fail(f"sitemap.xml: {loc} is not a page of the site")
                continue
            listed += 1 if links else 0
            if links != sorted(self.pages[rel].alternates):
                self.fail(f"sitemap.xml: the alternates of {loc} differ from its page's: {links} / {sorted(self.pages[rel].alternates)}")
        if not listed:
            self.fail("sitemap.xml: no page has alternates")

    def run(self) -> int:
        for rel, head in sorted(self.pages.items()):
            self.check_page(rel, head)
        self.check_sitemap()
        with_alternates = sum(1 for h in self.pages.values() if h.alternates)
        if self.failures:
            for f in self.failures:
                print(f"FAIL {f}", file=sys.stderr)
            print(f"check_hreflang: {len(self.failures)} failure(s)", file=sys.stderr)
            return 1
        print(f"check_hreflang: {len(self.pages)} pages, {with_alternates} with reciprocal alternates; switchers and sitemap agree")
        return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public", help="the built site (public/)")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.public, "index.html")):
        print(f"check_hreflang: {args.public} has no index.html", file=sys.stderr)
        return 1
    return Check(args.public).run()


if __name__ == "__main__":
    sys.exit(main())
