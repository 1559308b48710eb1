#!/usr/bin/env python3
"""Generate a benchmark site twice: for Teigen and for Hugo, from the same content.

    bench/generate.py --pages N --seed S --out DIR [--shape mixed|deep]
    bench/generate.py --big-markdown FILE --bytes N --seed S

The first form writes
    DIR/teigen/site/config.yaml, DIR/teigen/site/content/**.md
    DIR/teigen/theme/templates/{base,home,section,page,404}.mustache
    DIR/hugo/config.toml, DIR/hugo/content/**.md, DIR/hugo/layouts/...
    DIR/hugo-full/config.toml, DIR/hugo-full/layouts/... (Hugo layouts doing the work of Teigen's own
        theme/: menus marking the current page, breadcrumbs, table of contents, JSON-LD, fingerprinted
        assets with SRI hashes; its content is DIR/hugo/content, its assets are copied in by bench/run.sh)
with identical front matter and bodies; only the links between pages differ:
Teigen gets relative `.md` links (which it resolves, as a real site would use),
Hugo gets the root-relative URLs those resolve to (Hugo 0.111 has no `.md`
link rewriting without render hooks). `--teigen-links url` gives Teigen the
same URLs as Hugo.

Two corpus shapes: `mixed` (about 20 nested sections, a median page of ~1,500 characters) and `deep`
(fewer and deeper sections, up to six levels; longer pages, a median of ~6,000 characters, with about
twice the tables and three times the footnotes).

The second form writes one large document of mixed Japanese/English Markdown
with GFM tables and footnotes, to compare `teigen markdown` with the C library
it wraps (`cmark` renders the tables and notes as plain paragraphs: the same
bytes, a little less work).

Deterministic: the same arguments give byte-identical files (one seeded
random.Random, sorted iteration, dates computed from a fixed epoch), so runs
on different days and machines measure the same input. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import datetime as dt
import math
import os
import random
import shutil
import sys
from pathlib import Path

# Entries on one page of a list (sections, the home, the tags page, each tag's page), for both generators.
PAGINATE = 10

# ~20 nested sections: 6 top-level, 2 below each, 2 of those with one more level.
SECTIONS: list[tuple[str, str]] = [
    ("policy", "政策提言 Policy"),
    ("policy/energy", "エネルギー Energy"),
    ("policy/energy/grid", "送電網 Grid"),
    ("policy/housing", "住宅 Housing"),
    ("research", "調査研究 Research"),
    ("research/data", "データ Data"),
    ("research/methods", "手法 Methods"),
    ("research/methods/survey", "調査票 Surveys"),
    ("news", "お知らせ News"),
    ("news/press", "報道発表 Press"),
    ("news/events", "イベント Events"),
    ("reports", "報告書 Reports"),
    ("reports/annual", "年次報告 Annual"),
    ("reports/regional", "地域報告 Regional"),
    ("guides", "ガイド Guides"),
    ("guides/setup", "導入 Setup"),
    ("guides/writing", "執筆 Writing"),
    ("archive", "アーカイブ Archive"),
    ("archive/2019", "2019年"),
    ("archive/2020", "2020年"),
]

JA_SUBJECTS = [
    "地域の再生可能エネルギー", "公共交通の再編", "子育て支援の制度", "高齢者の見守り", "中小企業のデジタル化",
    "防災情報の共有", "図書館の開館時間", "自治体のオープンデータ", "空き家の活用", "学校給食の地産地消",
    "観光客の分散", "医療機関の連携", "気候変動への適応", "水道インフラの更新", "住民参加の仕組み",
]
JA_PREDICATES = [
    "について検討を重ねてきた", "を段階的に進めることが望ましい", "には十分な予算の確保が欠かせない",
    "の効果を三年ごとに検証する", "を住民と一緒に設計する必要がある", "は他の自治体でも成果を上げている",
    "に関するデータを毎月公開する", "の課題を整理し、優先順位をつけた", "を支える人材の育成が急務である",
    "の現状は地域によって大きく異なる",
]
JA_CONNECTORS = ["また、", "一方で、", "そのため、", "特に、", "さらに、", "ただし、", "", "", ""]
EN_WORDS = (
    "open data transparent budget community energy transit housing survey pilot program "
    "evaluation metric baseline regional council feedback workshop dashboard API schema "
    "release quarterly outcome resilience network volunteer sustainable framework"
).split()
# The `deep` shape: fewer sections, nested up to six levels.
DEEP_SECTIONS: list[tuple[str, str]] = [
    ("treaties", "条約 Treaties"),
    ("treaties/npt", "核兵器不拡散条約 NPT"),
    ("treaties/npt/review", "運用検討会議 Review"),
    ("treaties/npt/review/2026", "2026年会議"),
    ("treaties/npt/review/2026/working-papers", "作業文書 Working papers"),
    ("treaties/npt/review/2026/working-papers/japan", "日本提出 Japan"),
    ("studies", "研究 Studies"),
    ("studies/deterrence", "抑止 Deterrence"),
    ("studies/deterrence/extended", "拡大抑止 Extended"),
    ("studies/deterrence/extended/asia", "アジア Asia"),
]


class Shape:
    """What a corpus looks like: its sections, how long its pages are, how often tables and notes come."""

    def __init__(self, sections: list[tuple[str, str]], median: int, table_share: float, note_share: float):
        self.sections, self.median, self.table_share, self.note_share = sections, median, table_share, note_share


SHAPES = {
    "mixed": Shape(SECTIONS, 1300, 0.04, 0.15),
    "deep": Shape(DEEP_SECTIONS, 5500, 0.08, 0.45),
}

EN_TERMS = ["API", "CSV", "GTFS", "PDF", "Swift", "JSON", "KPI", "DX", "NPO", "OSS", "Wi-Fi", "LGWAN"]
TAGS = ["エネルギー", "交通", "子育て", "防災", "データ", "住宅", "医療", "教育", "観光", "財政", "open-data", "civic-tech"]
CODE_SNIPPETS = [
    ("swift", "let pages = site.pages\n    .filter { !$0.isDraft }\n    .sorted { $0.date > $1.date }\nprint(pages.count)"),
    ("yaml", "title: 提言\nbaseURL: https://example.org/\nlanguage: ja\nmenus:\n  main:\n    - name: ホーム\n      url: /"),
    ("python", "import csv\nwith open('budget.csv', encoding='utf-8') as f:\n    for row in csv.DictReader(f):\n        print(row['項目'], row['金額'])"),
    ("sh", "curl -s https://example.org/api/v1/stations.json \\\n  | jq '.[] | select(.open)'"),
    ("", "地域  人口   世帯数\n北区  12,034  5,120\n南区   8,770  3,901"),
]


class Text:
    """Random Japanese/English prose, headings, lists and so on."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def ja_sentence(self) -> str:
        r = self.rng
        subject = r.choice(JA_SUBJECTS)
        if r.random() < 0.3:  # an English term inside Japanese text, as real writing has
            subject = subject.replace("の", f"の{r.choice(EN_TERMS)}", 1)
        return r.choice(JA_CONNECTORS) + subject + r.choice(JA_PREDICATES) + "。"

    def en_sentence(self) -> str:
        r = self.rng
        words = [r.choice(EN_WORDS) for _ in range(r.randint(6, 16))]
        return " ".join(words).capitalize() + "."

    def paragraph(self, inline: list[str] | None = None) -> str:
        r = self.rng
        japanese = r.random() < 0.75
        sentences = [self.ja_sentence() if japanese else self.en_sentence() for _ in range(r.randint(2, 6))]
        if inline:
            for item in inline:
                i = r.randrange(len(sentences))
                sentences[i] = sentences[i][:-1] + item + sentences[i][-1]
        if r.random() < 0.3:
            i = r.randrange(len(sentences))
            sentences[i] = f"**{sentences[i]}**" if r.random() < 0.5 else f"`{r.choice(EN_TERMS)}` " + sentences[i]
        # Japanese sentences break lines in the source (soft breaks that must
        # render as nothing), English ones flow on one line.
        return ("\n" if japanese else " ").join(sentences)

    def heading(self, level: int) -> str:
        r = self.rng
        title = r.choice(JA_SUBJECTS) if r.random() < 0.7 else " ".join(r.choice(EN_WORDS) for _ in range(3)).title()
        return "#" * level + " " + title

    def bullet_list(self) -> str:
        r = self.rng
        ordered = r.random() < 0.3
        items = []
        for i in range(r.randint(3, 7)):
            marker = f"{i + 1}." if ordered else "-"
            text = r.choice(JA_SUBJECTS) + r.choice(["", "（" + r.choice(EN_TERMS) + "）", "の見直し"])
            items.append(f"{marker} {text}")
            if r.random() < 0.2:
                # nested item, indented to the parent's content column
                items.append(("   - " if ordered else "  - ") + f"{r.choice(EN_WORDS)} {r.choice(EN_WORDS)}")
        return "\n".join(items)

    def quote(self) -> str:
        return "\n".join("> " + line for line in self.paragraph().split("\n"))

    def code(self) -> str:
        lang, body = self.rng.choice(CODE_SNIPPETS)
        return f"```{lang}\n{body}\n```"

    def table(self) -> str:
        r = self.rng
        cols = r.randint(3, 5)
        head = ["項目", "2022年", "2023年", "増減", "備考"][:cols]
        align = [":---"] + ["---:"] * (cols - 2) + [":---:"]
        rows = []
        for _ in range(r.randint(3, 8)):
            cells = [r.choice(JA_SUBJECTS)] + [f"{r.randint(100, 99999):,}" for _ in range(cols - 2)] + [r.choice(["○", "△", "—", "n/a"])]
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(["| " + " | ".join(head) + " |", "| " + " | ".join(align[:cols]) + " |", *rows])


def body(text: Text, target_chars: int, links: list[str], extensions: bool = True, shape: Shape = SHAPES["mixed"]) -> str:
    """A Markdown body of about target_chars characters, with the given link
    Markdown placed in paragraphs, footnotes and tables when extensions is on."""
    r = text.rng
    blocks: list[str] = []
    notes: list[str] = []
    pending_links = list(links)
    size = 0
    while size < target_chars:
        roll = r.random()
        if roll < 0.12:
            block = text.heading(r.choice([2, 2, 3]))
        elif roll < 0.22:
            block = text.bullet_list()
        elif roll < 0.28:
            block = text.quote()
        elif roll < 0.33:
            block = text.code()
        elif roll < 0.33 + shape.table_share and extensions:
            block = text.table()
        else:
            inline = []
            if pending_links and r.random() < 0.5:
                inline.append(pending_links.pop())
            if extensions and r.random() < shape.note_share:
                n = len(notes) + 1
                inline.append(f"[^{n}]")
                notes.append(f"[^{n}]: {text.ja_sentence()} {text.en_sentence()}")
            block = text.paragraph(inline)
        blocks.append(block)
        size += len(block) + 2
    if pending_links:
        blocks.append("関連ページ: " + "、".join(pending_links))
    if notes:
        blocks.append("\n".join(notes))
    return "\n\n".join(blocks) + "\n"


def body_length(rng: random.Random, median: int = 1300) -> int:
    """Characters of a page body: log-normal around a median of about median + 200, and
    about 1 page in 200 a long report of 20,000 to 40,000."""
    if rng.random() < 0.005:
        return rng.randint(20_000, 40_000)
    # body() finishes the block it is in, overshooting by ~200 characters.
    return max(200, int(rng.lognormvariate(math.log(median), 0.6)))


def yaml_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str, date: dt.date, weight: int, tags: list[str]) -> str:
    tag_list = ", ".join(yaml_string(t) for t in tags)
    return f"---\ntitle: {yaml_string(title)}\ndate: {date.isoformat()}\nweight: {weight}\ntags: [{tag_list}]\n---\n\n"


def url_of(path: str) -> str:
    """Hugo's (and Teigen's) pretty URL of a content file: policy/energy/p-00012.md -> /policy/energy/p-00012/."""
    stem = path[: -len(".md")]
    if stem.endswith("_index"):
        stem = stem[: -len("_index")]
    return "/" + (stem.rstrip("/") + "/" if stem else "")


def generate_site(pages: int, seed: int, out: Path, teigen_links: str, shape_name: str = "mixed") -> None:
    # The same arguments and the same generator give the same files: keep them. Deleting and writing
    # 20,000 files again just before the timed builds would also slow those builds down on this disk
    # (ext4 without a journal skips recently freed inodes one by one when it allocates new ones).
    marker = out / ".teigen-bench"
    generator = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    signature = (f"generated by bench/generate.py; replaced on the next run with other arguments\n"
                 f"pages={pages} seed={seed} teigen-links={teigen_links} shape={shape_name} generator={generator}\n")
    if marker.exists() and marker.read_text(encoding="utf-8") == signature:
        print(f"{out}: already generated with these arguments", file=sys.stderr)
        return
    rng = random.Random(seed)
    text = Text(rng)
    epoch = dt.date(2019, 1, 1)
    shape = SHAPES[shape_name]
    sections = shape.sections

    # Which section each page lives in: deeper sections get fewer pages.
    weights = [1.0 / (1 + s.count("/")) for s, _ in sections]
    page_paths = []
    for i in range(1, pages + 1):
        section = rng.choices([s for s, _ in sections], weights)[0]
        page_paths.append(f"{section}/p-{i:05d}.md")

    files: dict[str, tuple[str, str]] = {}  # path -> (front matter, body with {LINK:n} markers)
    link_targets: dict[str, list[str]] = {}
    titles: dict[str, str] = {}

    home_body = body(text, 800, [])
    files["_index.md"] = (front_matter("Teigen ベンチマーク", epoch, 0, ["bench"]), home_body)
    for weight, (section, title) in enumerate(sections, start=1):
        files[f"{section}/_index.md"] = (
            front_matter(title, epoch + dt.timedelta(days=weight), weight, [rng.choice(TAGS)]),
            body(text, 600, []),
        )
    for i, path in enumerate(page_paths, start=1):
        title = f"{rng.choice(JA_SUBJECTS)}に関する提言 {i}"
        titles[path] = title
        date = epoch + dt.timedelta(days=rng.randrange(0, 5 * 365))
        tags = sorted(set(rng.sample(TAGS, rng.randint(1, 3))))
        targets = [rng.choice(page_paths) for _ in range(rng.randint(2, 4))]
        link_targets[path] = targets
        markers = [f"[{{LINKTEXT:{n}}}]({{LINK:{n}}})" for n in range(len(targets))]
        files[path] = (front_matter(title, date, rng.randint(1, 100), tags),
                       body(text, body_length(rng, shape.median), markers, shape=shape))

    def render(path: str, flavour: str) -> str:
        matter, text_body = files[path]
        for n, target in enumerate(link_targets.get(path, [])):
            if flavour == "md":
                link = os.path.relpath(target, os.path.dirname(path) or ".")
            else:
                link = url_of(target)
            text_body = text_body.replace(f"{{LINK:{n}}}", link).replace(f"{{LINKTEXT:{n}}}", titles[target])
        return matter + text_body

    # Replace an earlier generated folder, but never anything else.
    if out.exists() and any(out.iterdir()):
        if not marker.exists():
            sys.exit(f"{out} is not empty and was not made by {sys.argv[0]}; not replacing it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    marker.write_text("being generated by bench/generate.py; replaced on the next run\n", encoding="utf-8")
    for flavour, root in (("teigen", out / "teigen" / "site" / "content"), ("hugo", out / "hugo" / "content")):
        link_style = teigen_links if flavour == "teigen" else "url"
        for path in sorted(files):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(path, link_style), encoding="utf-8")

    menu = [(title.split(" ")[0], url_of(section + "/_index.md")) for section, title in sections if "/" not in section]
    write_teigen_config(out / "teigen", menu)
    write_hugo_config(out / "hugo", menu)
    write_hugo_full(out / "hugo-full", menu)
    marker.write_text(signature, encoding="utf-8")  # last: a half-written folder is made again
    print(f"generated {pages} pages in {len(sections)} sections under {out}", file=sys.stderr)


def write_teigen_config(root: Path, top: list[tuple[str, str]]) -> None:
    menu = "".join(f"    - name: {name}\n      url: {url}\n" for name, url in [("ホーム", "/")] + top)
    (root / "site" / "config.yaml").write_text(
        "title: Teigen ベンチマーク\n"
        "baseURL: http://localhost/\n"
        "language: ja\n"
        "dateFormat: yyyy-MM-dd\n"
        "taxonomies: {tag: tags}\n"
        f"paginate: {PAGINATE}\n"
        "author: Teigen ベンチマーク研究会\n"
        "publisher: Teigen ベンチマーク財団\n"
        "params:\n  ogLocale: ja_JP\n  publishedLabel: 2024年3月\n  organisation:\n    - Teigen ベンチマーク財団\n"
        # As Hugo below: no syntax highlighting (bench/generate_rich.py measures it).
        "markdown:\n  highlight: false\n"
        "menus:\n  main:\n" + menu,
        encoding="utf-8",
    )
    templates = root / "theme" / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    # Minimal theme: every page through one base layout with title, date,
    # content and the main menu; sections and home list their pages. Hugo's
    # layouts below are the same markup.
    (templates / "base.mustache").write_text(
        "<!doctype html>\n<html lang=\"{{site.language}}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>{{page.title}} | {{site.title}}</title>\n</head>\n<body>\n"
        "<nav><ul>{{#site.menus.main}}<li><a href=\"{{url}}\">{{name}}</a></li>{{/site.menus.main}}</ul></nav>\n"
        "<main>\n{{$main}}{{/main}}\n</main>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    # Sections, taxonomies and terms all go through section.mustache: page.pages is this page of the list
    # (a term's pages, a taxonomy's terms), page.pager its neighbours.
    listing = (
        "<h1>{{page.title}}</h1>\n{{{page.content}}}\n"
        "<ul>{{#page.subsections}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/page.subsections}}"
        "{{#page.pages}}<li><a href=\"{{url}}\">{{title}}</a> <time>{{date}}</time></li>{{/page.pages}}</ul>\n"
        "{{#page.pager}}{{#hasOtherPages}}<nav>{{#prev}}<a rel=\"prev\" href=\"{{url}}\">前へ</a>{{/prev}} {{pageNumber}}/{{totalPages}} "
        "{{#next}}<a rel=\"next\" href=\"{{url}}\">次へ</a>{{/next}}</nav>{{/hasOtherPages}}{{/page.pager}}\n"
    )
    (templates / "home.mustache").write_text("{{<base}}{{$main}}\n" + listing + "{{/main}}{{/base}}\n", encoding="utf-8")
    (templates / "section.mustache").write_text("{{<base}}{{$main}}\n" + listing + "{{/main}}{{/base}}\n", encoding="utf-8")
    (templates / "page.mustache").write_text(
        "{{<base}}{{$main}}\n<article>\n<h1>{{page.title}}</h1>\n<time>{{page.date}}</time>\n"
        "{{{page.content}}}\n</article>\n{{/main}}{{/base}}\n",
        encoding="utf-8",
    )
    (templates / "404.mustache").write_text(
        "{{<base}}{{$main}}\n<h1>ページが見つかりません</h1>\n<p><a href=\"/\">ホームへ</a></p>\n{{/main}}{{/base}}\n",
        encoding="utf-8",
    )


def hugo_menu(top: list[tuple[str, str]]) -> str:
    return "".join(f"[[menu.main]]\nname = \"{name}\"\nurl = \"{url}\"\nweight = {i}\n\n" for i, (name, url) in enumerate([("ホーム", "/")] + top))


def write_hugo_config(root: Path, top: list[tuple[str, str]]) -> None:
    menu = hugo_menu(top)
    # Kept to what Teigen does too, so both do the same work: the tags taxonomy
    # with a page per term and one listing the terms, every list paginated by
    # PAGINATE, an RSS feed for the home page (Teigen writes more: an Atom feed
    # and a JSON Feed for the home and for each term), no syntax highlighting
    # (Teigen leaves code to the theme's CSS), raw HTML allowed (as Teigen does).
    (root / "config.toml").write_text(
        'baseURL = "http://localhost/"\n'
        'title = "Teigen ベンチマーク"\n'
        'languageCode = "ja"\n'
        'defaultContentLanguage = "ja"\n'
        "hasCJKLanguage = true\n"
        f"paginate = {PAGINATE}\n"
        "\n[taxonomies]\ntag = \"tags\"\n"
        "\n[outputs]\n"
        'home = ["HTML", "RSS"]\nsection = ["HTML"]\npage = ["HTML"]\ntaxonomy = ["HTML"]\nterm = ["HTML"]\n'
        "\n[markup.goldmark.renderer]\nunsafe = true\n"
        "\n[markup.highlight]\ncodeFences = false\n\n" + menu,
        encoding="utf-8",
    )
    layouts = root / "layouts"
    (layouts / "_default").mkdir(parents=True, exist_ok=True)
    (layouts / "_default" / "baseof.html").write_text(
        "<!doctype html>\n<html lang=\"{{ .Site.LanguageCode }}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>{{ .Title }} | {{ .Site.Title }}</title>\n</head>\n<body>\n"
        "<nav><ul>{{ range .Site.Menus.main }}<li><a href=\"{{ .URL }}\">{{ .Name }}</a></li>{{ end }}</ul></nav>\n"
        "<main>\n{{ block \"main\" . }}{{ end }}\n</main>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    listing = (
        "{{ define \"main\" }}\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n"
        "<ul>{{ range .Sections }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}"
        "{{ $pages := .RegularPages }}{{ if in (slice \"taxonomy\" \"term\") .Kind }}{{ $pages = .Pages }}{{ end }}"
        "{{ range (.Paginate $pages).Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> "
        "<time>{{ .Date.Format \"2006-01-02\" }}</time></li>{{ end }}</ul>\n"
        "{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav>{{ with .Prev }}<a rel=\"prev\" href=\"{{ .URL }}\">前へ</a>{{ end }} "
        "{{ .PageNumber }}/{{ .TotalPages }} {{ with .Next }}<a rel=\"next\" href=\"{{ .URL }}\">次へ</a>{{ end }}</nav>{{ end }}{{ end }}\n"
        "{{ end }}\n"
    )
    (layouts / "_default" / "list.html").write_text(listing, encoding="utf-8")
    (layouts / "index.html").write_text(listing, encoding="utf-8")
    (layouts / "_default" / "single.html").write_text(
        "{{ define \"main\" }}\n<article>\n<h1>{{ .Title }}</h1>\n<time>{{ .Date.Format \"2006-01-02\" }}</time>\n"
        "{{ .Content }}\n</article>\n{{ end }}\n",
        encoding="utf-8",
    )
    (layouts / "404.html").write_text(
        "{{ define \"main\" }}\n<h1>ページが見つかりません</h1>\n<p><a href=\"/\">ホームへ</a></p>\n{{ end }}\n",
        encoding="utf-8",
    )


def write_hugo_full(root: Path, top: list[tuple[str, str]]) -> None:
    """Hugo layouts doing the work of Teigen's own theme/ on every page: a head with fingerprinted assets and
    their SRI hashes, Open Graph tags and JSON-LD; the main menu marking the current and active entries;
    breadcrumbs; a table of contents; date, reading time; previous/next links; section listings; a footer.
    The content is the minimal site's (contentDir), the assets are theme/assets (copied by bench/run.sh)."""
    (root / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (root / "layouts" / "partials").mkdir(parents=True, exist_ok=True)
    (root / "assets").mkdir(parents=True, exist_ok=True)
    base = (root / ".." / "hugo" / "config.toml").read_text(encoding="utf-8")
    (root / "config.toml").write_text(
        'contentDir = "../hugo/content"\n' + base +
        '\n[params]\nauthor = "Teigen ベンチマーク研究会"\npublisher = "Teigen ベンチマーク財団"\nogLocale = "ja_JP"\n'
        'publishedLabel = "2024年3月"\norganisation = ["Teigen ベンチマーク財団"]\n',
        encoding="utf-8",
    )
    asset = ('{{ $%s := resources.Get "%s" | fingerprint "sha384" }}')
    head = (
        asset % ("css", "css/style.css") + asset % ("fn", "js/footnotes.js") + asset % ("lt", "js/long-tokens.js")
        + asset % ("icon", "favicon.svg") + "\n"
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }}｜{{ .Site.Title }}{{ end }}</title>\n"
        '<meta name="description" content="{{ .Description }}">\n<meta name="author" content="{{ .Site.Params.author }}">\n'
        '<meta name="generator" content="Hugo">\n<meta name="color-scheme" content="light dark">\n'
        '<link rel="canonical" href="{{ .Permalink }}">\n'
        '<link rel="stylesheet" href="{{ $css.RelPermalink }}" integrity="{{ $css.Data.Integrity }}">\n'
        '<script src="{{ $fn.RelPermalink }}" integrity="{{ $fn.Data.Integrity }}" defer data-title="注" data-close="閉じる" data-list="注の一覧へ"></script>\n'
        '<script src="{{ $lt.RelPermalink }}" integrity="{{ $lt.Data.Integrity }}" defer></script>\n'
        '<link rel="icon" href="{{ $icon.RelPermalink }}" type="image/svg+xml">\n'
        '<link rel="alternate" type="application/atom+xml" href="/index.xml" title="{{ .Site.Title }}">\n'
        '<meta property="og:title" content="{{ .Title }}">\n<meta property="og:description" content="{{ .Description }}">\n'
        '<meta property="og:url" content="{{ .Permalink }}">\n'
        '<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">\n'
        '<meta property="og:site_name" content="{{ .Site.Title }}">\n<meta property="og:locale" content="{{ .Site.Params.ogLocale }}">\n'
        '<meta name="twitter:card" content="summary">\n<meta name="twitter:title" content="{{ .Title }}">\n'
        '<meta name="twitter:description" content="{{ .Description }}">\n'
        '<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" (cond .IsPage "Article" "WebPage") '
        '"headline" .Title "url" .Permalink "inLanguage" .Site.LanguageCode "datePublished" (.Date.Format "2006-01-02") '
        '"author" (dict "@type" "Organization" "name" .Site.Params.author) '
        '"publisher" (dict "@type" "Organization" "name" .Site.Params.publisher) | jsonify | safeJS }}</script>\n'
    )
    header = (
        '<header class="site-header">\n<div class="site-header__inner">\n<a class="site-brand" href="/">\n'
        '<span class="site-brand__org">{{ .Site.Params.author }}</span>\n<span class="site-brand__title">{{ .Site.Title }}</span>\n</a>\n'
        '<nav class="site-nav" aria-label="メインメニュー">\n<ul class="site-nav__list">\n{{ $page := . }}{{ range .Site.Menus.main }}'
        '<li class="site-nav__item"><a class="site-nav__link{{ if or ($page.IsMenuCurrent "main" .) '
        '(and (ne .URL "/") (hasPrefix $page.RelPermalink .URL)) }} is-active{{ end }}" href="{{ .URL }}"'
        '{{ if $page.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>\n{{ end }}</ul>\n</nav>\n</div>\n</header>\n'
    )
    breadcrumbs = (
        '{{ if not .IsHome }}<nav class="breadcrumbs" aria-label="現在位置">\n<ol class="breadcrumbs__list">\n'
        '{{ range .Ancestors.Reverse }}<li class="breadcrumbs__item"><a href="{{ .RelPermalink }}">'
        '{{ if .IsHome }}ホーム{{ else }}{{ .Title }}{{ end }}</a></li>\n{{ end }}'
        '<li class="breadcrumbs__item"><span aria-current="page">{{ .Title }}</span></li>\n</ol>\n</nav>{{ end }}\n'
    )
    footer = (
        '<footer class="site-footer">\n<div class="site-footer__inner">\n<p class="site-footer__org">'
        '{{ range .Site.Params.organisation }}<span>{{ . }}</span>{{ end }}</p>\n'
        '<p class="site-footer__date">{{ .Site.Params.publishedLabel }}</p>\n<ul class="site-footer__links">\n'
        '<li><a href="/">ホーム</a></li>\n<li><a href="/index.xml">更新情報</a></li>\n</ul>\n</div>\n</footer>\n'
    )
    meta = (
        '<p class="page-meta"><span class="page-meta__item">公表 <time datetime="{{ .Date.Format "2006-01-02" }}">'
        '{{ .Date.Format "2006-01-02" }}</time></span> <span class="page-meta__item">読了目安 約{{ .ReadingTime }}分</span></p>\n'
    )
    toc = '{{ with .TableOfContents }}<nav class="toc" aria-labelledby="toc-title">\n<h2 class="toc__title" id="toc-title">目次</h2>\n{{ . }}</nav>{{ end }}\n'
    pager = (
        '<nav class="pager" aria-label="前後のページ">\n{{ with .PrevInSection }}<a class="pager__link pager__link--prev" href="{{ .RelPermalink }}" rel="prev">'
        '<span class="pager__label">前へ</span><span class="pager__title">{{ .Title }}</span></a>{{ end }}\n'
        '{{ with .NextInSection }}<a class="pager__link pager__link--next" href="{{ .RelPermalink }}" rel="next">'
        '<span class="pager__label">次へ</span><span class="pager__title">{{ .Title }}</span></a>{{ end }}\n</nav>\n'
    )
    for name, text in (("head", head), ("header", header), ("breadcrumbs", breadcrumbs), ("footer", footer),
                       ("meta", meta), ("toc", toc), ("pager", pager)):
        (root / "layouts" / "partials" / f"{name}.html").write_text(text, encoding="utf-8")
    (root / "layouts" / "_default" / "baseof.html").write_text(
        '<!DOCTYPE html>\n<html lang="{{ .Site.LanguageCode }}">\n<head>\n{{ partial "head.html" . }}</head>\n'
        '<body class="kind-{{ .Kind }}">\n<a class="skip-link" href="#main">本文へ移動</a>\n{{ partial "header.html" . }}'
        '{{ partial "breadcrumbs.html" . }}<main id="main" class="site-main">\n{{ block "main" . }}{{ end }}\n</main>\n'
        '{{ partial "footer.html" . }}</body>\n</html>\n',
        encoding="utf-8",
    )
    article = (
        '<article class="container article">\n<header class="article__header">\n<h1 class="article__title">{{ .Title }}</h1>\n'
        '{{ partial "meta.html" . }}</header>\n{{ partial "toc.html" . }}<div class="prose">\n{{ .Content }}\n</div>\n'
    )
    listing = (
        '{{ define "main" }}\n' + article + '{{ with .Pages }}<ul class="page-list">\n{{ range . }}<li class="page-list__item">'
        '<a class="page-list__link" href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}</ul>{{ end }}\n</article>\n{{ end }}\n'
    )
    (root / "layouts" / "_default" / "list.html").write_text(listing, encoding="utf-8")
    (root / "layouts" / "index.html").write_text(listing, encoding="utf-8")
    (root / "layouts" / "_default" / "single.html").write_text(
        '{{ define "main" }}\n' + article + '{{ partial "pager.html" . }}</article>\n{{ end }}\n', encoding="utf-8")
    (root / "layouts" / "404.html").write_text(
        '{{ define "main" }}\n<h1>ページが見つかりません</h1>\n<p><a href="/">ホームへ</a></p>\n{{ end }}\n', encoding="utf-8")


def generate_big_markdown(path: Path, size: int, seed: int) -> None:
    rng = random.Random(seed)
    text = Text(rng)
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        n += 1
        # Footnote labels numbered per chapter, so that every chapter's notes are its own.
        chapter = body(text, 4000, [f"[参考 {n}](https://example.org/{n}/)"]).replace("[^", f"[^{n}-")
        chunk = f"# 第{n}章 {rng.choice(JA_SUBJECTS)}\n\n" + chapter + "\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")
    print(f"generated {total:,} bytes of Markdown in {path}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, help="number of regular pages (sections and home come on top)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="output folder (replaced)")
    parser.add_argument("--teigen-links", choices=["md", "url"], default="md",
                        help="links between pages in the Teigen copy: relative .md paths (default) or URLs")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="mixed",
                        help="mixed: ~20 sections, pages of ~1,500 characters; deep: ~10 deeper sections, longer pages, more tables and notes")
    parser.add_argument("--big-markdown", type=Path, metavar="FILE", help="write one large Markdown file instead")
    parser.add_argument("--bytes", type=int, default=5_000_000, help="size of --big-markdown (default 5 MB)")
    args = parser.parse_args()
    if args.big_markdown:
        generate_big_markdown(args.big_markdown, args.bytes, args.seed)
        return 0
    if args.pages is None or args.out is None:
        parser.error("--pages and --out are required (or --big-markdown FILE)")
    generate_site(args.pages, args.seed, args.out, args.teigen_links, args.shape)
    return 0


if __name__ == "__main__":
    sys.exit(main())
