#!/usr/bin/env python3
"""Checks the print edition (the PDFs) of a built site, as a reader would see them.

Usage: python3 Tests/site/check_print.py PUBLIC_DIR [--seed FILE] [--screenshots DIR]

The PDFs are those the site's pages announce (<link rel=alternate type=application/pdf hreflang=…>).
For each (poppler-utils: pdfinfo, pdffonts, pdftotext, pdftoppm; qpdf):
  - A4 pages, tagged, with title, author, subject and the document's language; the page count within
    the range stated for its language (PAGE_RANGES);
  - every font embedded (pdffonts), Noto CJK among them in Japanese, Noto in other languages;
  - in the Japanese PDF, each footnote (1-8, placed where the seed's superscripts are) on the same page
    as its reference mark, and numbered as on the site (that every sentence of the seed is in its text
    is check_content.py's part); in a document in another language, the same for the notes and marks of
    the site's pages in that language;
  - bookmarks (the PDF outline) for the contents and each chapter, in page order, each on the page showing
    its title; clickable links: internal ones to named destinations on the document's pages, external ones
    to absolute URLs (qpdf --json);
  - kinsoku: no line of text starts with closing punctuation, ー or a small kana, none ends with an
    opening bracket;
  - with --screenshots DIR, every page rendered to DIR/print-LANG-NN.png (pdftoppm, 100 dpi) to look at.
Exits 1 and lists every failure.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import re
import sys

from check_content import DEFAULT_SEED, Site, page_notes, pdf_info, pdf_pages_with_notes, print_editions, run, seed_notes

# How many pages each language's document may have: the Japanese one is a cover, the preface with the
# contents, then eight chapters of one to two pages each.
PAGE_RANGES = {"ja": range(10, 17), "en": range(10, 21)}
# The chapters each document has (config.yaml's `pdf:` pages): each gets a bookmark and a link in the contents.
CHAPTERS = 8
# Kinsoku (JIS X 4051): characters that may not start a line, and those that may not end one.
NO_START = set("、。，．・：；？！ー」』）】〉》〕］｝ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻‐゠–〜")
NO_END = set("「『（【〈《〔［｛")


class Check:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def __call__(self, cond: bool, msg: str) -> bool:
        if not cond:
            self.failures.append(msg)
        return cond


def check_info(check: Check, name: str, pdf: str, language: str) -> int:
    info = pdf_info(pdf)
    count = int(info.get("Pages", "0"))
    pages = PAGE_RANGES.get(language, range(1, 1000))
    check(count in pages, f"{name}: {count} pages, outside {pages.start}-{pages.stop - 1} for '{language}'")
    check(info.get("Page size", "").startswith("595.276 x 841.89"), f"{name}: pages are not A4: {info.get('Page size')}")
    check(info.get("Tagged") == "yes", f"{name}: the PDF is not tagged")
    for key in ("Title", "Author", "Subject"):
        check(bool(info.get(key)), f"{name}: the PDF has no {key}")
    # The document catalog (the trailer's /Root, inside a compressed object stream) says the language.
    root = re.search(r"/Root (\d+) 0 R", run("qpdf", "--show-object=trailer", pdf))
    catalog = run("qpdf", f"--show-object={root[1]}", pdf) if root else ""
    check(f"/Lang ({language})" in catalog, f"{name}: the PDF's catalog does not give its language ({language})")
    return count


def check_fonts(check: Check, name: str, pdf: str, language: str) -> None:
    rows = run("pdffonts", pdf).splitlines()[2:]
    check(bool(rows), f"{name}: pdffonts lists no fonts")
    for row in rows:
        # name type encoding emb sub uni object ID: the three yes/no columns before the object number.
        flags = re.findall(r"\b(yes|no)\b", row)
        check(len(flags) >= 3 and flags[-3] == "yes", f"{name}: font not embedded: {row.split()[0] if row.split() else row}")
    # Japanese is set in Noto Serif and Sans CJK JP; other languages in Noto Serif and Sans (fonts-noto-core).
    font = r"Noto-?(Serif|Sans)-?CJK" if language == "ja" else r"Noto-?(Serif|Sans)"
    check(any(re.search(font, r) for r in rows), f"{name}: no {'Noto CJK' if language == 'ja' else 'Noto'} font in the PDF")


def check_footnotes(check: Check, name: str, pages: list, notes: dict[int, str], calls: list[tuple[str, int]]) -> None:
    """Each note on one page, the page of its reference mark (the printed number after the words before it)."""
    check(bool(notes), f"{name}: no notes to look for")
    call_pages: dict[int, list[int]] = {}
    for prefix, n in calls:
        for p in pages:
            if prefix + str(n) in p.body:
                call_pages.setdefault(n, []).append(p.number)
    for n in sorted(notes):
        note_pages = [p.number for p in pages if n in p.notes]
        if not check(len(note_pages) == 1, f"{name}: footnote {n}: its text is on pages {note_pages}, expected on one page"):
            continue
        check(note_pages[0] in call_pages.get(n, []),
              f"{name}: footnote {n}: the note is on page {note_pages[0]}, its reference mark {n} on pages {call_pages.get(n, [])}")


def check_kinsoku(check: Check, name: str, pdf: str, count: int) -> None:
    for number in range(1, count + 1):
        for line in run("pdftotext", "-f", str(number), "-l", str(number), pdf, "-").splitlines():
            line = line.strip()
            if not line or line.isdigit():
                continue
            check(line[0] not in NO_START and line[-1] not in NO_END,
                  f"{name}: kinsoku: page {number} has a line that starts or ends with a character it may not: {line[:40]}")


def pdf_structure(pdf: str) -> tuple[dict, list[str], list]:
    """qpdf's JSON view of `pdf`: its objects (by "N 0 R"), its pages' objects in order, its outline."""
    data = json.loads(run("qpdf", "--json", "--json-key=qpdf", "--json-key=pages", "--json-key=outlines", pdf))
    objects = {key.removeprefix("obj:"): value.get("value") for key, value in data["qpdf"][1].items() if isinstance(value, dict)}
    return objects, [page["object"] for page in data["pages"]], data["outlines"]


@functools.lru_cache(maxsize=None)
def page_text(pdf: str, number: int) -> str:
    """Page `number`'s text without white space (each page read once: bookmarks often share a page)."""
    return re.sub(r"\s+", "", run("pdftotext", "-f", str(number), "-l", str(number), pdf, "-"))


def check_outline(check: Check, name: str, pdf: str, outline: list, count: int) -> None:
    """Bookmarks: a top-level entry for the contents and for each chapter, in page order, each on the page
    that shows its title (the chapters' own headings are nested below them)."""
    check(len(outline) >= CHAPTERS + 1, f"{name}: the PDF outline has {len(outline)} top-level entries, fewer than the contents and {CHAPTERS} chapters")
    pages = [entry.get("destpageposfrom1") or 0 for entry in outline]
    check(pages == sorted(pages), f"{name}: the outline's chapters are not in page order: {pages}")
    check(any(entry.get("kids") for entry in outline), f"{name}: no chapter has its headings nested in the outline")
    for entry in outline + [kid for entry in outline for kid in entry.get("kids", [])]:
        title, page = entry.get("title", ""), entry.get("destpageposfrom1") or 0
        if check(1 <= page <= count, f"{name}: the bookmark '{title}' points to no page ({page})"):
            # Long titles are wrapped and hyphenated on the page: their first words are enough.
            words = re.sub(r"\s+", "", title)[:12]
            check(words in page_text(pdf, page), f"{name}: the bookmark '{title}' points to page {page}, which does not show it")


def check_links(check: Check, name: str, objects: dict, pages: list[str]) -> None:
    """Clickable links: internal ones (the contents, cross-references, notes) go to a named destination on a
    page of the document; external ones are absolute URLs."""
    catalog = next((o for o in objects.values() if isinstance(o, dict) and o.get("/Type") == "/Catalog"), {})
    tree = catalog.get("/Names", {}).get("/Dests", {}).get("/Names", [])
    destinations = {tree[i]: tree[i + 1] for i in range(0, len(tree) - 1, 2)}
    internal = external = 0
    for annotation in objects.values():
        if not (isinstance(annotation, dict) and annotation.get("/Subtype") == "/Link"):
            continue
        action = annotation.get("/A")
        action = objects.get(action.removesuffix(" R") + " R", action) if isinstance(action, str) else action
        if isinstance(action, dict) and action.get("/S") == "/URI":
            external += 1
            uri = str(action.get("/URI", "")).removeprefix("u:")
            check(re.match(r"(https?|mailto):", uri) is not None, f"{name}: a link to '{uri}', which is not an absolute URL")
        elif "/Dest" in annotation:
            internal += 1
            target = destinations.get(annotation["/Dest"])
            check(isinstance(target, list) and target and target[0] in pages,
                  f"{name}: the link to {annotation['/Dest']} goes to no page of the document")
    check(internal >= CHAPTERS, f"{name}: {internal} internal links, fewer than the contents' {CHAPTERS} chapters")
    check(external >= 1, f"{name}: no external link is clickable")


def screenshots(pdf: str, language: str, folder: str) -> None:
    os.makedirs(folder, exist_ok=True)
    prefix = f"print-{language or 'xx'}"
    for name in os.listdir(folder):
        if name.startswith(prefix + "-") and name.endswith(".png"):
            os.remove(os.path.join(folder, name))
    run("pdftoppm", "-r", "100", "-png", pdf, os.path.join(folder, prefix))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public", help="the built site (public/)")
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--screenshots", help="render every page to DIR/print-LANG-NN.png")
    args = ap.parse_args()
    site = Site(args.public)
    check = Check()
    editions = print_editions(site)
    check(bool(editions), "the site announces no PDF")
    with open(args.seed, encoding="utf-8") as f:
        seed = f.read()
    for target, language in sorted(editions.items()):
        pdf = os.path.join(site.public, target)
        count = check_info(check, target, pdf, language)
        check_fonts(check, target, pdf, language)
        # The Japanese document's notes and marks are the seed's; another language's, its pages' on the site.
        notes, calls = seed_notes(seed) if language == "ja" else page_notes(site, language)
        check_footnotes(check, target, pdf_pages_with_notes(pdf, notes), notes, calls)
        check_kinsoku(check, target, pdf, count)
        objects, pages, outline = pdf_structure(pdf)
        check_outline(check, target, pdf, outline, count)
        check_links(check, target, objects, pages)
        if args.screenshots:
            screenshots(pdf, language, args.screenshots)
        print(f"check_print: {target}: {count} pages")
    failures = site.failures + check.failures
    if failures:
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        print(f"check_print: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("check_print: all print checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
