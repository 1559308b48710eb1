#!/usr/bin/env python3
"""Checks what makes a built site citable and shareable, as a reference manager or a social site reads it.

Usage: python3 Tests/site/check_publication.py PUBLIC_DIR [--screenshots DIR]

  - every page with Google Scholar's citation_* meta tags offers BibTeX and RIS files that parse with
    real parsers (bibtexparser, rispy) and say what the meta tags say: the entry type (a report, or a
    chapter of the work named by citation_inbook_title), authors, title, publisher, year and month, URL;
    the BibTeX values decoded from TeX (pylatexenc) give back the text exactly; the suggested citation
    on the page names the authors, the title, the publisher and the URL;
  - every page but the not-found page has an og:image; a generated one is a 1200×630 PNG of the build
    with og:image:width, og:image:height and og:image:alt, and the page says twitter:card
    summary_large_image; the size tags of any image agree with the file;
  - every page with content (not the not-found or search page) has a copy-link button for its own
    canonical URL, hidden until the script shows it, with a status line (role=status) beside it;
  - with --screenshots DIR, each generated share image is copied to DIR/share-NAME.png to look at.
Exits 1 and lists every failure.
"""
from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
import urllib.parse

import bibtexparser
import rispy
from bibtexparser.bparser import BibTexParser
from pylatexenc.latex2text import LatexNodes2Text

from check_content import Site, norm, squash

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def metas(doc, name: str) -> list[str]:
    return [m.attrs.get("content", "") for m in doc.find_all("meta") if m.attrs.get("name") == name or m.attrs.get("property") == name]


def tex(value: str) -> str:
    """A BibTeX value as text: TeX decoded; pylatexenc writes \\textasciicircum as U+02C6, LaTeX prints ^."""
    return LatexNodes2Text().latex_to_text(value).replace("\u02c6", "^")


def linked_file(site: Site, rel: str, doc, suffix: str) -> str | None:
    for a in doc.find_all("a"):
        href = a.attrs.get("href", "")
        if urllib.parse.urlparse(href).path.endswith(suffix):
            return site.file_for_href(rel, href)
    return None


def check_citations(site: Site) -> int:
    cited = 0
    for rel, doc in site.html_pages():
        titles = metas(doc, "citation_title")
        if not titles:
            continue
        cited += 1
        title, authors = titles[0], metas(doc, "citation_author")
        publisher = (metas(doc, "citation_publisher") or [""])[0]
        date = (metas(doc, "citation_publication_date") or [""])[0]
        url = (metas(doc, "citation_fulltext_html_url") or [""])[0]
        container = (metas(doc, "citation_inbook_title") or [None])[0]
        year, month = (date.split("/") + ["", ""])[:2]
        site.check(bool(authors and publisher and year and month and url), f"{rel}: incomplete citation_* tags")
        bib = linked_file(site, rel, doc, ".bib")
        if site.check(bib is not None, f"{rel}: no link to a BibTeX file in the build"):
            with open(os.path.join(site.public, bib), encoding="utf-8") as f:
                entries = bibtexparser.load(f, parser=BibTexParser(common_strings=True)).entries
            if site.check(len(entries) == 1, f"{bib}: expected one entry, parsed {len(entries)}"):
                e = entries[0]
                site.check(e["ENTRYTYPE"] == ("incollection" if container else "techreport"), f"{bib}: entry type {e['ENTRYTYPE']}")
                site.check(tex(e.get("author", "")) == " and ".join(authors), f"{bib}: author {e.get('author')!r} is not {authors}")
                site.check(tex(e.get("title", "")) == title, f"{bib}: title {tex(e.get('title', ''))!r} is not {title!r}")
                field = "publisher" if container else "institution"
                site.check(tex(e.get(field, "")) == publisher, f"{bib}: {field} {e.get(field)!r} is not {publisher!r}")
                if container:
                    site.check(tex(e.get("booktitle", "")) == container, f"{bib}: booktitle {e.get('booktitle')!r} is not {container!r}")
                site.check(e.get("year") == year, f"{bib}: year {e.get('year')} is not {year}")
                site.check(e.get("month") == MONTHS[int(month) - 1] if month.isdigit() else False, f"{bib}: month {e.get('month')} is not {month}")
                site.check(e.get("url") == url, f"{bib}: url {e.get('url')} is not {url}")
        ris = linked_file(site, rel, doc, ".ris")
        if site.check(ris is not None, f"{rel}: no link to an RIS file in the build"):
            with open(os.path.join(site.public, ris), encoding="utf-8") as f:
                records = rispy.load(f)
            if site.check(len(records) == 1, f"{ris}: expected one record, parsed {len(records)}"):
                r = records[0]
                site.check(r.get("type_of_reference") == ("CHAP" if container else "RPRT"), f"{ris}: type {r.get('type_of_reference')}")
                site.check(r.get("authors") == authors, f"{ris}: authors {r.get('authors')} are not {authors}")
                site.check(r.get("title") == title, f"{ris}: title {r.get('title')!r} is not {title!r}")
                site.check(r.get("publisher") == publisher, f"{ris}: publisher {r.get('publisher')!r}")
                site.check(r.get("year") == year and r.get("date") == f"{year}/{month}//", f"{ris}: year/date {r.get('year')} {r.get('date')}")
                site.check(r.get("urls") == [url], f"{ris}: urls {r.get('urls')}")
                if container:
                    site.check(r.get("secondary_title") == container, f"{ris}: T2 {r.get('secondary_title')!r} is not {container!r}")
        text = norm(site.main(doc).text()) if doc.find("main") else norm(doc.find("body").text())
        for part in authors + [title, publisher, url]:
            site.check(norm(part) in text, f"{rel}: the suggested citation on the page lacks {part[:40]!r}")
    return cited


def png_size(path: str) -> tuple[int, int] | None:
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_share_images(site: Site, screenshots: str | None) -> int:
    generated = 0
    for rel, doc in site.html_pages():
        robots = " ".join(metas(doc, "robots"))
        if "noindex" in robots:
            continue
        images = [i for i in metas(doc, "og:image") if i]
        if not site.check(len(images) == 1, f"{rel}: expected one og:image, found {images}"):
            continue
        site.check(metas(doc, "twitter:card") == ["summary_large_image"], f"{rel}: twitter:card should be summary_large_image")
        site.check(any(a.strip() for a in metas(doc, "og:image:alt")), f"{rel}: no og:image:alt")
        target = site.file_for_href(rel, urllib.parse.urlparse(images[0]).path)
        width, height = metas(doc, "og:image:width"), metas(doc, "og:image:height")
        if target is None:
            site.check(not width, f"{rel}: og:image {images[0]} is not in the build, yet has a width")
            continue
        size = png_size(os.path.join(site.public, target))
        if width or height:
            site.check(size == (int(width[0]), int(height[0])), f"{target}: {size} is not the {width}×{height} the page says")
        if os.path.basename(target).startswith("share."):
            generated += 1
            site.check(size == (1200, 630), f"{target}: a share image should be a 1200×630 PNG, is {size}")
            if screenshots:
                os.makedirs(screenshots, exist_ok=True)
                name = os.path.dirname(target).replace(os.sep, "-") or "home"
                shutil.copyfile(os.path.join(site.public, target), os.path.join(screenshots, f"share-{name}.png"))
    return generated


def check_copy_link(site: Site) -> None:
    for rel, doc in site.html_pages():
        if "noindex" in " ".join(metas(doc, "robots")) or doc.find("div", cls="search") is not None:
            continue
        canonical = doc.find("link", rel="canonical")
        if canonical is None:
            continue  # a redirect (alias)
        buttons = [b for b in doc.find_all("button", cls="copy-button") if "data-copy-text" in b.attrs]
        if not site.check(len(buttons) == 1, f"{rel}: expected one copy-link button, found {len(buttons)}"):
            continue
        button = buttons[0]
        site.check(button.attrs["data-copy-text"] == canonical.attrs.get("href"), f"{rel}: the copy-link button copies {button.attrs['data-copy-text']}")
        site.check("hidden" in button.attrs and button.attrs.get("type") == "button", f"{rel}: the copy-link button should be type=button and hidden without script")
        siblings = [c for c in button.parent.children if not isinstance(c, str)]
        site.check(any(c.attrs.get("role") == "status" for c in siblings), f"{rel}: no role=status line beside the copy-link button")
        site.check(bool(squash(button.text())), f"{rel}: the copy-link button has no text")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public", help="the built site (public/)")
    ap.add_argument("--screenshots", help="copy the generated share images to DIR/share-NAME.png")
    ap.add_argument("--no-copy-link", action="store_true", help="skip the copy-link check (a theme without the button)")
    args = ap.parse_args()
    site = Site(args.public)
    cited = check_citations(site)
    site.check(cited > 0, "no page has citation_* meta tags")
    generated = check_share_images(site, args.screenshots)
    site.check(generated > 0, "no page has a generated share image")
    if not args.no_copy_link:
        check_copy_link(site)
    if site.failures:
        for f in site.failures:
            print(f"FAIL {f}", file=sys.stderr)
        print(f"check_publication: {len(site.failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"check_publication: {cited} cited pages, {generated} share images, all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
