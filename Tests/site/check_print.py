#!/usr/bin/env python3
"""Checks the print edition (PDF) of the site against the seed document, as a reader would see it.

Usage: python3 Tests/site/check_print.py PDF [--seed FILE] [--pages MIN-MAX] [--screenshots DIR]

The checks (poppler-utils: pdfinfo, pdffonts, pdftotext, pdftoppm):
  - A4 pages, tagged, with title, author, subject; the page count within --pages (default 10-16);
  - every font embedded (pdffonts);
  - every sentence of the seed in the text (pdftotext), compared without whitespace and modulo the
    seed's OCR slips that the site corrects (米口/米中口 for 米ロ/米中ロ, 互惠 for 互恵);
  - each footnote (1-8, placed where the seed's superscripts are) on the same page as its reference
    mark, and numbered as on the site;
  - kinsoku: no line of text starts with closing punctuation, ー or a small kana, none ends with an
    opening bracket;
  - with --screenshots DIR, every page rendered to DIR/print-NN.png (pdftoppm, 100 dpi) to look at.
Exits 1 and lists every failure.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

from check_content import seed_sentences

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = os.path.join(HERE, "fixtures", "emergency-proposal-2024.txt")

# The seed's OCR slips, as the site corrects them (README, "Content corrections"). Applied to both texts,
# so the check holds before and after the site's text is corrected.
CORRECTIONS = [("米中口", "米中ロ"), ("米口", "米ロ"), ("互惠", "互恵")]
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Kinsoku (JIS X 4051): characters that may not start a line, and those that may not end one.
NO_START = set("、。，．・：；？！ー」』）】〉》〕］｝ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻‐゠–〜")
NO_END = set("「『（【〈《〔［｛")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def norm(s: str) -> str:
    s = re.sub(r"\s+", "", s)
    for slip, right in CORRECTIONS:
        s = s.replace(slip, right)
    return s


class Check:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def __call__(self, cond: bool, msg: str) -> bool:
        if not cond:
            self.failures.append(msg)
        return cond


def superscript_number(s: str) -> int:
    return int(s.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))


def seed_notes(seed: str) -> tuple[dict[int, str], list[tuple[str, int]]]:
    """The seed's notes (number → first words) and each reference mark (the three characters before it, number)."""
    notes = {}
    for line in seed.splitlines():
        m = re.match(rf"^([{SUPERSCRIPTS}]+)\s+(.+)", line.strip())
        if m:
            notes[superscript_number(m[1])] = norm(m[2])[:8]
    calls = []
    for m in re.finditer(rf"(\S{{3}})([{SUPERSCRIPTS}]+)", seed):
        calls.append((norm(m[1]), superscript_number(m[2])))
    return notes, calls


class Page:
    """One page's text in content order (pdftotext -raw): its body, then its notes by number."""

    def __init__(self, number: int, raw: str, notes: dict[int, str]):
        self.number = number
        lines = [l for l in raw.splitlines() if l.strip()]
        # The page number and the running head come last in WeasyPrint's content order.
        if lines and lines[-1].strip().isdigit():
            lines.pop()
        self.head = ""
        self.notes: dict[int, str] = {}
        body: list[str] = []
        current = None
        for line in lines:
            m = re.match(r"^(\d+) (.*)$", line.strip())
            if m and int(m[1]) in notes and norm(m[2]).startswith(notes[int(m[1])][:4]):
                current = int(m[1])
                self.notes[current] = norm(m[2])
            elif current is not None:
                self.notes[current] += norm(line)
            else:
                body.append(line)
        self.body_lines = body
        self.body = norm("".join(body))


def check_info(check: Check, pdf: str, pages: range) -> int:
    info = dict(re.findall(r"^([^:]+):\s*(.*)$", run("pdfinfo", pdf), re.M))
    count = int(info.get("Pages", "0"))
    check(count in pages, f"page count {count} is outside {pages.start}-{pages.stop - 1}")
    check(info.get("Page size", "").startswith("595.276 x 841.89"), f"pages are not A4: {info.get('Page size')}")
    check(info.get("Tagged") == "yes", "the PDF is not tagged")
    for key in ("Title", "Author", "Subject"):
        check(bool(info.get(key)), f"the PDF has no {key}")
    return count


def check_fonts(check: Check, pdf: str) -> None:
    rows = run("pdffonts", pdf).splitlines()[2:]
    check(bool(rows), "pdffonts lists no fonts")
    for row in rows:
        # name type encoding emb sub uni object ID: the three yes/no columns before the object number.
        flags = re.findall(r"\b(yes|no)\b", row)
        check(len(flags) >= 3 and flags[-3] == "yes", f"font not embedded: {row.split()[0] if row.split() else row}")
    check(any(re.search(r"Noto-?(Serif|Sans)-?CJK", r) for r in rows), "no Noto CJK font in the PDF")


def check_text(check: Check, pdf: str, count: int, seed: str) -> None:
    notes, calls = seed_notes(seed)
    pages = [Page(i, run("pdftotext", "-raw", "-f", str(i), "-l", str(i), pdf, "-"), notes) for i in range(1, count + 1)]
    body = "".join(p.body for p in pages)
    note_text = "".join(p.notes.get(n, "") for p in pages for n in sorted(p.notes))
    # Reference marks: the printed number right after the words the seed's superscript follows.
    call_pages: dict[int, list[int]] = {}
    for prefix, n in calls:
        for p in pages:
            if prefix + str(n) in p.body:
                call_pages.setdefault(n, []).append(p.number)
    for prefix, n in calls:
        body = body.replace(prefix + str(n), prefix)
    everything = body + note_text

    missing = [sentence for sentence in seed_sentences(seed) if norm(sentence).rstrip("。") not in everything]
    for m in missing:
        check(False, f"seed text not found in the PDF: {m[:90]}")

    for n in sorted(notes):
        note_pages = [p.number for p in pages if n in p.notes]
        if not check(len(note_pages) == 1, f"footnote {n}: its text is on pages {note_pages}, expected on one page"):
            continue
        check(note_pages[0] in call_pages.get(n, []),
              f"footnote {n}: the note is on page {note_pages[0]}, its reference mark {n} on pages {call_pages.get(n, [])}")

    bad = []
    for p in pages:
        for line in run("pdftotext", "-f", str(p.number), "-l", str(p.number), pdf, "-").splitlines():
            line = line.strip()
            if not line or line.isdigit():
                continue
            if line[0] in NO_START or line[-1] in NO_END:
                bad.append(f"page {p.number}: {line[:40]}")
    for b in bad:
        check(False, f"kinsoku: a line starts or ends with a character it may not: {b}")


def screenshots(pdf: str, folder: str) -> None:
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.startswith("print-") and name.endswith(".png"):
            os.remove(os.path.join(folder, name))
    run("pdftoppm", "-r", "100", "-png", pdf, os.path.join(folder, "print"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf")
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--pages", default="10-16", help="the page count's range, MIN-MAX")
    ap.add_argument("--screenshots", help="render every page to DIR/print-NN.png")
    args = ap.parse_args()
    low, high = (int(x) for x in args.pages.split("-"))
    check = Check()
    count = check_info(check, args.pdf, range(low, high + 1))
    check_fonts(check, args.pdf)
    with open(args.seed, encoding="utf-8") as f:
        check_text(check, args.pdf, count, f.read())
    if args.screenshots:
        screenshots(args.pdf, args.screenshots)
    if check.failures:
        for f in check.failures:
            print(f"FAIL {f}", file=sys.stderr)
        print(f"check_print: {len(check.failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"check_print: {args.pdf}: {count} pages, all print checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
