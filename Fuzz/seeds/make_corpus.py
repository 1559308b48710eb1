#!/usr/bin/env python3
"""Writes the seed corpora Fuzz/corpus/FuzzFrontMatter and Fuzz/corpus/FuzzMarkdown.

    python3 Fuzz/seeds/make_corpus.py

Seeds: the real site's pages and config, the invalid-input catalogue's pages/config/data files, the
CommonMark fixtures, and hand-written snippets for the extensions (footnotes, tables, Japanese soft
breaks, heading ids, links). Each Markdown seed gets an option byte in front (see MarkdownHarness).
Files are named after their content's SHA-1, as libFuzzer names the inputs it adds, so re-running is
idempotent and the fuzzer's own additions sit beside them.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Fuzz" / "corpus"

FRONT_MATTER_SNIPPETS = [
    "---\ntitle: 提言\n---\n本文。\n",
    "---\ntitle: All keys\ndescription: 説明\ndate: 2024-03-01\nlastmod: 2024-03-01T09:00:00+09:00\ndraft: false\n"
    "weight: 3\nslug: first\nurl: /special/\nlayout: member\naliases: [/old/, /older/]\nfeed: true\n"
    "footnoteStart: 5\nschemaType: Report\nrole: 座長\nparams:\n  image: a.png\n  list: [1, 2.5, true, null]\n---\n"
    "本文[^1]と[^note]。\n\n[^1]: 注。\n[^note]: 二つ目。\n",
    "\ufeff---\r\ntitle: BOM and CRLF\r\n---\r\nbody\r\n",
    "---\ntitle: closed by dots\n...\nbody\n",
    "---   \ntitle: trailing spaces\n---\t\n",
    "---\n---\n",
    "---\ntitle: &a 錨\ndescription: *a\nparams: {a: 1, b: [x, y], c: {d: e}}\n---\n",
    "---\ntitle: !!str 123\nweight: !!int \"7\"\ndate: !!timestamp 2024-01-01\n---\n",
    "---\ntitle: |\n  複数行\n  タイトル\ndescription: >\n  folded\n  text\n---\n",
    "---\ntitle: dup\ntitle: dup2\n---\n",
    "---\n- a\n- b\n---\n",
    "---\ntitle: x\nweight: 9223372036854775807\nfootnoteStart: 9223372036854775806\n---\n[^a] and [^a]\n\n[^a]: a\n",
    "---\ntitle: x\ndate: 2024-02-30\nlastmod: 0000-00-00T99:99:99+99:99\n---\n",
    "---\ntitle: x\nurl: //evil.example/\nslug: ..\naliases: [\"../x\", \"/a?b\"]\n---\n",
    "---\n? complex key\n: value\ntitle: x\n---\n",
    "---\ntitle: x\n---\n---\nsecond: doc\n---\n",
    # config.yaml shapes
    "title: サイト\nbaseURL: https://example.org/teigen/\nlanguage: ja\ndateFormat: \"yyyy年M月d日 H:mm\"\n"
    "menus:\n  main:\n    - name: 提言\n      page: proposals/_index.md\n    - name: 外部\n      url: https://example.com/\n"
    "markdown:\n  smartPunctuation: true\n  allowRawHTML: false\n  hardBreaks: true\n  headingAnchors: true\n"
    "relativeURLs: true\nsearch: false\nparams:\n  a: [1, 2]\n",
    "title: x\nbaseURL: ftp://example.org\nunknown: 1\n",
    "title: x\nbaseURL: 'http://'\nmenus: {main: {name: x}}\n",
    # data files
    "- name: 鈴木 達治郎\n  role: 座長\n- name: Ueki\n  links: {web: 'https://example.org/'}\n",
    "members:\n  - &m {name: a}\n  - *m\n",
]

MARKDOWN_SNIPPETS = [
    "# 見出し\n\n## 提言 1：首脳外交\n\n## 提言 1：首脳外交\n\n### Custom {#custom-id}\n\n## \n\n#### !!!\n",
    "本文[^1]。さらに[^note]、もう一度[^1]。\n\n[^1]: 注の本文。\n\n    続きの段落。\n\n[^note]: 二つ目の注。\n[^unused]: 使われない。\n\n[^missing] を参照。\n",
    "| 左 | 中央 | 右 |\n|:---|:---:|---:|\n| a | b | c |\n| 日本語 | `code | pipe` | \\| escaped |\n| short |\n| x | y | z | extra |\n",
    "日本語の文が\n改行をまたいで\n続く。English words\nstay apart.\n日本語\nEnglish\n",
    "[提言2](proposals/2.md#anchor) [missing](missing.md) [root](/about/) [ext](https://example.org/) "
    "![図](images/fig.png \"title\") <https://auto.link/> [ref][r]\n\n[r]: other.md\n",
    "> 引用[^q]\n> - リスト\n>   1. 入れ子\n\n[^q]: 引用の注 | with | pipes\n\n- [ ] task\n- item\n\n```swift\nlet x = 1\n```\n",
    "Summary paragraph.\n\n<!--more-->\n\nRest with <span class=\"x\">raw</span> HTML.\n\n<div>\n*block*\n</div>\n",
    "\"Smart\" 'quotes' -- dashes --- and ... ellipses.\n",
    "a\\\nb  \nc\n\n***\n\nsetext\n======\n\n    indented code\n",
    "| a |\n| - |\n\n|x|\n|-|\n|[^t]|\n\n[^t]: table note\n",
    "[^a]: def first\n\n[^a]\n\n[^b]: [^a] nested reference\n\n[^b]\n",
    "## Heading with [link](x.md) and `code` and *emph* {#id-with-日本}\n\n## {#only-id}\n",
    "\u3000全角スペース\u3000\n\u00a0nbsp\n\t\ttabs\n\u0000nul\n\ud7ff\ue000\U0001F600 emoji\n",
    # CJK-friendly emphasis, strikethrough, task lists, autolinks, footnote marks before a soft break.
    "**「提言」**を発表した。**これは太字になりません。**ご注意ください。\n**[製品](./a)**と**[製品](./b)**\n",
    "__「太字」__。*強調*です***「三」***。葛\U000E0100**(a)**羽\ufe00**b**이**다**\n\\**「x」**&amp;**「y」**\n",
    "~~取り消し~~と~一つ~、~~~a~~~、*a ~~b* c~~、~~a *b~~ c*、a~~a()~~あ\n> ~~引用の\n> 二行目~~\n",
    "- [ ] 未完了\n- [x] 完了\n  - [X] 入れ子\n\n1. [ ] 番号\n\n   続き\n",
    "https://example.org/です www.example.jp user@example.org (https://x.org/a_(b)). www.a.b/c?!&amp; http://🍄.ga/\n",
    "| **「セル」**です | ~~s~~ | `c\\|d` |\n|---|:-:|--:|\n| *__`e\\|`__* | www.x.org | [^n] |\n\n[^n]: 注。\n",
    "注がある。[^1]\n次の行。\n\n[^1]: **「注」**です https://example.org/\n",
]


def write(target: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    front = sorted((ROOT / "site").rglob("*.md")) + [ROOT / "site" / "config.yaml"]
    invalid = ROOT / "Tests" / "Fixtures" / "invalid"
    front += sorted(p for p in invalid.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml"))
    for path in front:
        write("FuzzFrontMatter", path.read_bytes())
    for text in FRONT_MATTER_SNIPPETS:
        write("FuzzFrontMatter", text.encode("utf-8", "surrogatepass"))

    markdown = [p.read_bytes() for p in sorted((ROOT / "Tests" / "Fixtures" / "markdown").rglob("*.md"))]
    markdown += [text.encode("utf-8", "surrogatepass") for text in MARKDOWN_SNIPPETS]
    # Page bodies of the real site (front matter stripped).
    for path in sorted((ROOT / "site" / "content").rglob("*.md")):
        text = path.read_text("utf-8")
        parts = text.split("\n---\n", 1)
        markdown.append((parts[1] if len(parts) == 2 else text).encode())
    # A few option bytes per seed: defaults, every option, rewriter with anchors, raw HTML off.
    option_bytes = [0x00, 0xFF, 0x88, 0x02, 0x35]
    for index, body in enumerate(markdown):
        write("FuzzMarkdown", bytes([option_bytes[index % len(option_bytes)]]) + body)
        if index < len(MARKDOWN_SNIPPETS) + 5:
            write("FuzzMarkdown", bytes([0x80 | index]) + body)


if __name__ == "__main__":
    main()
