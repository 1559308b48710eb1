#!/usr/bin/env python3
"""Writes Sources/TeigenMarkdown/Emphasis/CJKTables.swift: the character classes the CommonMark
CJK-friendly amendments use (https://github.com/tats-u/markdown-cjk-friendly, specification.md),
from one Unicode version, and libcmark's own punctuation table.

Inputs:
- the Unicode Character Database of Debian's `unicode-data` package (/usr/share/unicode; its version
  is read from ReadMe.txt and written into the tables): EastAsianWidth.txt, Scripts.txt,
  UnicodeData.txt, StandardizedVariants.txt and emoji/emoji-data.txt;
- the `cmark` command (Debian's `cmark`, libcmark 0.30.2), asked which characters it counts as
  punctuation next to `*`, so that text without CJK characters is classified exactly as libcmark
  classifies it.

Run: `python3 scripts/generate-cjk-tables.py` (needs `apt-get install unicode-data cmark`), then
review the diff of the Swift file.
"""
import os
import re
import subprocess
import sys

UCD = os.environ.get("UCD", "/usr/share/unicode")
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "TeigenMarkdown", "Emphasis", "CJKTables.swift")
MAX = 0x10FFFF


def ucd_lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def code_range(field):
    if ".." in field:
        low, high = field.split("..")
        return int(low, 16), int(high, 16)
    return int(field, 16), int(field, 16)


def unicode_version():
    with open(os.path.join(UCD, "ReadMe.txt"), encoding="utf-8") as f:
        match = re.search(r"Version (\d+\.\d+\.\d+)", f.read())
    if not match:
        sys.exit("cannot read the Unicode version from ReadMe.txt")
    return match.group(1)


def east_asian_width():
    width = {}
    # EastAsianWidth.txt: unassigned code points of these blocks and planes default to W.
    for low, high in [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]:
        for code in range(low, high + 1):
            width[code] = "W"
    for fields in ucd_lines("EastAsianWidth.txt"):
        low, high = code_range(fields[0])
        for code in range(low, high + 1):
            width[code] = fields[1]
    return width


def property_set(name, value):
    found = set()
    for fields in ucd_lines(name):
        if fields[1] == value:
            low, high = code_range(fields[0])
            found.update(range(low, high + 1))
    return found


def general_categories():
    categories = {}
    lines = list(ucd_lines("UnicodeData.txt"))
    index = 0
    while index < len(lines):
        fields = lines[index]
        code = int(fields[0], 16)
        if fields[1].endswith(", First>"):
            last = int(lines[index + 1][0], 16)
            for value in range(code, last + 1):
                categories[value] = fields[2]
            index += 2
            continue
        categories[code] = fields[2]
        index += 1
    return categories


def libcmark_punctuation(categories):
    """The non-ASCII characters libcmark counts as punctuation: `a*Xb*` is emphasis unless X is
    punctuation (or whitespace, which libcmark's short list names)."""
    spaces = {0xA0, 0x1680, 0x202F, 0x205F, 0x3000} | set(range(0x2000, 0x200B))
    candidates = [
        code for code in range(0x80, MAX + 1)
        if code not in spaces and not 0xD800 <= code <= 0xDFFF and categories.get(code, "Cn") not in ("Cc", "Cs")
        and code not in (0x2028, 0x2029, 0x85)
    ]
    document = "".join("a*%sb*\n\n" % chr(code) for code in candidates)
    html = subprocess.run(["cmark"], input=document.encode("utf-8"), capture_output=True, check=True).stdout.decode("utf-8")
    paragraphs = html.split("</p>\n")
    punctuation = set()
    for code, paragraph in zip(candidates, paragraphs):
        if "<em>" not in paragraph:
            punctuation.add(code)
    if len(paragraphs) - 1 != len(candidates):
        sys.exit("cmark gave %d paragraphs for %d characters" % (len(paragraphs) - 1, len(candidates)))
    return punctuation


def ranges(codes):
    result = []
    for code in sorted(codes):
        if result and result[-1][1] == code - 1:
            result[-1][1] = code
        else:
            result.append([code, code])
    return result


def swift_ranges(name, doc, codes):
    lines = ["    /// " + line for line in doc]
    lines.append("    static let %s: [ClosedRange<UInt32>] = [" % name)
    items = ["0x%X...0x%X" % (low, high) for low, high in ranges(codes)]
    row = "       "
    for item in items:
        if len(row) + len(item) + 2 > 118:
            lines.append(row)
            row = "       "
        row += " " + item + ","
    if row.strip():
        lines.append(row)
    lines.append("    ]")
    return "\n".join(lines)


def main():
    version = unicode_version()
    width = east_asian_width()
    hangul = property_set("Scripts.txt", "Hangul")
    emoji_presentation = property_set("emoji/emoji-data.txt", "Emoji_Presentation")
    categories = general_categories()
    cjk = {code for code, value in width.items() if value in ("W", "F", "H") and code not in emoji_presentation} | hangul
    unicode_punctuation = {code for code, category in categories.items() if category[0] in "PS"}
    cjk_punctuation = cjk & unicode_punctuation
    cmark_punctuation = libcmark_punctuation(categories)
    # CJK ambiguous punctuation sequences: standardized variants described as a "fullwidth form"
    # whose base is punctuation of East Asian Width A.
    ambiguous = set()
    for fields in ucd_lines("StandardizedVariants.txt"):
        sequence = [int(part, 16) for part in fields[0].split()]
        if "fullwidth form" in fields[1] and sequence[0] in unicode_punctuation and width.get(sequence[0]) == "A":
            ambiguous.add(sequence[0])
    source = "\n\n".join([
        swift_ranges("cjkCharacters", [
            "CJK characters: East Asian Width W, F or H (unassigned ideograph blocks and planes 2 and 3 count",
            "as W) and not Emoji_Presentation, or Script Hangul.",
        ], cjk),
        swift_ranges("cjkPunctuation", [
            "The CJK characters that are Unicode punctuation in CommonMark 0.31.2's sense (General_Category P or S).",
        ], cjk_punctuation),
        swift_ranges("libcmarkPunctuation", [
            "The characters above U+007F that libcmark 0.30.2 counts as punctuation (General_Category P of an",
            "older Unicode, as its `cmark_utf8proc_is_punctuation` lists them), read from the `cmark` command.",
        ], cmark_punctuation),
        swift_ranges("ambiguousPunctuationBases", [
            "The first characters of CJK ambiguous punctuation sequences (a standardized variant described as a",
            "\"fullwidth form\", East Asian Width A, punctuation); each is followed by its variation selector.",
        ], ambiguous),
    ])
    header = (
        "// Generated by scripts/generate-cjk-tables.py from the Unicode Character Database %s\n"
        "// (Debian's unicode-data) and libcmark 0.30.2 (the cmark command). Do not edit.\n\n"
        "/// The character classes of the CommonMark CJK-friendly amendments, Unicode %s.\n"
        "enum CJKTables {\n"
        "    /// The Unicode version the tables come from.\n"
        "    static let unicodeVersion = \"%s\"\n\n" % (version, version, version)
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(header + source + "\n}\n")
    print("wrote %s (Unicode %s): %d CJK ranges, %d CJK punctuation ranges, %d libcmark punctuation ranges, %d ambiguous bases"
          % (os.path.normpath(OUT), version, len(ranges(cjk)), len(ranges(cjk_punctuation)), len(ranges(cmark_punctuation)), len(ambiguous)))


main()
