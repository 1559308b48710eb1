#!/usr/bin/env python3
"""Checks that the built site carries the whole seed document, in the right places.

Usage: python3 Tests/site/check_content.py PUBLIC_DIR [--seed FILE]

PUBLIC_DIR is a built site (teigen build). The checks:
  - every sentence of the seed (default: fixtures/emergency-proposal-2024.txt beside this script)
    appears somewhere on the site;
  - the home page: title, subtitle, publisher, 2024年3月, links to both recommendations;
  - the recommendations: titles and long distinctive sentences on /proposals/, /proposals/1/, /proposals/2/;
  - the eight footnotes: 1–4 on proposal 1, 5–8 on proposal 2 (its list starts at 5), in order, each
    reference pointing at an existing note;
  - the eight members on /members/ (name, role, affiliation, position in one row, in the seed's order)
    and on each member's own page;
  - the activities table: a <table> with the three header cells and eight body rows;
  - the Guterres quotation inside a <blockquote>;
  - references (ordered list) and past proposals (titles present, none of them a link), the interview
    report the text says is published separately named without a link;
  - none of the seed's slips (CORRECTIONS: 米口, 米中口, 互惠, 核弾道, 促がす) anywhere on the site;
  - the 404 page: Japanese, with a link back to the home page;
  - the print edition: the home page and each recommendation link the PDF with its size and page count
    (as pdfinfo reads the file), and every sentence of the seed is in the Japanese PDF's text (pdftotext);
  - the English edition (en/): every Japanese page has its English translation (found through its
    <link rel="alternate" hreflang="en">), in English (<html lang="en">, no Japanese outside lang="ja"),
    saying that it translates the Japanese original, which prevails, with a link to that original; and
    its counterpart of every paragraph, heading, list item, table row (with as many cells), quotation
    and footnote, in the same order, each holding the numbers of its Japanese block (years, 1,500, 79…);
    the English titles, the eight footnotes, the eight members with their English names, roles,
    affiliations and positions, and the activities table with its English dates.
The seed is read with its slips corrected (CORRECTIONS, listed in the README's "Content corrections").
Exits 1 and lists every failure; stdlib and poppler-utils only.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = os.path.join(HERE, "fixtures", "emergency-proposal-2024.txt")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag may be omitted; closed implicitly when a sibling of the same kind opens.
IMPLIED = {"p", "li", "tr", "td", "th", "dt", "dd", "option", "thead", "tbody"}


# ---------------------------------------------------------------- a small DOM

class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "Node | None"):
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list["Node | str"] = []

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> "Node | None":
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def text(self, skip_sup: bool = False) -> str:
        parts: list[str] = []
        for c in self.children:
            if isinstance(c, str):
                parts.append(c)
            elif skip_sup and c.tag == "sup":
                continue
            elif c.tag in ("script", "style", "template"):
                continue
            else:
                parts.append(c.text(skip_sup))
        return "".join(parts)

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        if tag in IMPLIED and self.cur.tag == tag:
            self.cur = self.cur.parent or self.root
        node = Node(tag, {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: (v or "") for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path: str) -> Node:
    with open(path, encoding="utf-8") as f:
        b = TreeBuilder()
        b.feed(f.read())
        b.close()
        return b.root


# The seed's slips (OCR and typing), as the site corrects them; README, "Content corrections". The seed is
# read with these applied, so every sentence of it is checked in its corrected form.
CORRECTIONS = [
    ("米中口", "米中ロ"),  # kanji 口 (mouth) read for katakana ロ: the U.S., China and Russia
    ("米口", "米ロ"),      # the U.S. and Russia; the seed itself writes 米ロ elsewhere
    ("互惠", "互恵"),      # the traditional form of 恵; 戦略的互恵関係 is the Japanese government's term
    ("核弾道", "核弾頭"),  # W76-2 is a warhead (弾頭), not a trajectory (弾道)
    ("促がす", "促す"),    # the okurigana of 促す (送り仮名の付け方, 1973)
]


def corrected(text: str) -> str:
    for slip, right in CORRECTIONS:
        text = text.replace(slip, right)
    return text


def norm(s: str) -> str:
    """Text compared without any whitespace (the seed's spacing comes from PDF extraction) and without
    the U+2060 WORD JOINER that binds a footnote mark to the character before it."""
    return re.sub(r"[\s\u2060]+", "", s)


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- the site

class Site:
    def __init__(self, public: str):
        self.public = os.path.abspath(public)
        self.failures: list[str] = []
        self.cache: dict[str, Node] = {}
        home = self.page("index.html", required=True)
        self.base_path = "/"
        if home is not None:
            canon = home.find("link", rel="canonical")
            if canon is not None:
                self.base_path = urllib.parse.urlparse(canon.attrs.get("href", "")).path or "/"

    def fail(self, msg: str) -> None:
        self.failures.append(msg)

    def check(self, cond: bool, msg: str) -> bool:
        if not cond:
            self.fail(msg)
        return cond

    def page(self, rel: str, required: bool = True) -> Node | None:
        if rel in self.cache:
            return self.cache[rel]
        path = os.path.join(self.public, rel)
        if not os.path.isfile(path):
            if required:
                self.fail(f"{rel}: missing from the build")
            return None
        self.cache[rel] = parse(path)
        return self.cache[rel]

    def file_for_href(self, page_rel: str, href: str) -> str | None:
        """Maps a link found on page_rel to the built file it serves, or None."""
        href = href.split("#", 1)[0].split("?", 1)[0]
        if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
            return None
        page_url = "/" + page_rel.replace(os.sep, "/")
        if page_url.endswith("index.html"):
            page_url = page_url[: -len("index.html")]
        path = urllib.parse.unquote(urllib.parse.urljoin(page_url, href))
        if href.startswith("/") and self.base_path != "/" and path.startswith(self.base_path):
            path = "/" + path[len(self.base_path):]
        rel = path.lstrip("/")
        for cand in (rel, os.path.join(rel, "index.html"), rel + ".html"):
            if cand and os.path.isfile(os.path.join(self.public, cand)):
                return os.path.normpath(cand)
        if rel == "" and os.path.isfile(os.path.join(self.public, "index.html")):
            return "index.html"
        return None

    def main(self, doc: Node) -> Node:
        return doc.find("main") or doc

    def html_pages(self):
        """Every HTML file of the build, parsed: (path relative to the build, document), in path order."""
        for root, _, files in sorted(os.walk(self.public)):
            for f in sorted(files):
                if f.endswith(".html"):
                    rel = os.path.relpath(os.path.join(root, f), self.public)
                    doc = self.page(rel)
                    if doc is not None:
                        yield rel, doc


def page_text(doc: Node, skip_sup: bool = True) -> str:
    body = doc.find("body") or doc
    return norm(body.text(skip_sup=skip_sup))


# ---------------------------------------------------------------- the checks

def seed_sentences(seed: str):
    """Each sentence of the seed (table cells and 【…】 labels apart), as a reader sees it: without the footnote
    marks (their numbers are the engine's), the empty links, the list numbers; shorter than two characters left out."""
    for line in corrected(seed).splitlines():
        line = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", line)          # footnote marks: numbers are the engine's
        line = re.sub(r"\]\(#?\)", "", line).replace("[", "").replace("]", "")  # the seed's empty links
        line = re.sub(r"^<(https?://[^>]+)>$", r"\1", line.strip())
        line = re.sub(r"^\d+\.\s+", "", line)                  # ordered-list numbers are the list's own
        for cell in re.split(r"[\t【】]", line):
            for sentence in re.split(r"(?<=。)", cell):
                if len(norm(sentence).rstrip("。")) >= 2:
                    yield sentence.strip()


def check_seed(site: Site, seed_path: str) -> None:
    """Every sentence of the seed appears (whitespace-insensitively) on some page of the site."""
    everything = "\n".join(page_text(doc) for _, doc in site.html_pages())
    with open(seed_path, encoding="utf-8") as f:
        missing = [sentence for sentence in seed_sentences(f.read()) if norm(sentence).rstrip("。") not in everything]
    for m in missing:
        site.fail(f"seed text not found on any page: {m[:90]}")


def check_home(site: Site) -> None:
    doc = site.page("index.html")
    if doc is None:
        return
    text = page_text(doc)
    for s in ("核の不使用継続と核秩序維持に向けた緊急提言", "～2024日米首脳会談を前に～", "公益財団法人笹川平和財団",
              "新たな核の軍備管理・軍縮構想研究会", "2024年3月"):
        site.check(s in text, f"home: missing {s!r}")
    title = doc.find("title")
    site.check(title is not None and squash(title.text()) == "核の不使用継続と核秩序維持に向けた緊急提言",
               "home: <title> should be the site title alone")
    targets = {site.file_for_href("index.html", a.attrs.get("href", "")) for a in site.main(doc).find_all("a")}
    for rel in ("proposals/1/index.html", "proposals/2/index.html"):
        site.check(rel in targets, f"home: no link in <main> to the recommendation {rel}")


PROPOSAL_1 = [
    "日本は、核の不使用継続と核の秩序維持に向けての具体的措置を核保有国、非核保有国の首脳と率直に議論する首脳外交を積極的に展開すべきである。",
    "米ロ間を中心とする軍備管理条約が実質的な効果を失いつつあり、NPTを中心とする多国間の核をめぐる国際核軍縮・不拡散体制も動揺する中で",
    "過去の核軍備管理交渉の教訓を踏まえると、政治リーダーの役割がとりわけ重要である。",
    "日本政府は「核保有国と非核保有国の橋渡しを行う」という目的の下、2022年、岸田文雄首相の肝いりで『「核兵器のない世界」に向けた国際賢人会議』を設置した。",
    "2024年4月の来る日米首脳会談で、核不使用継続の重要性を確認することとあわせ、それを明文化した共同声明の発出を検討してもらいたい。",
]
PROPOSAL_2 = [
    "核保有国間の将来的な核軍備管理交渉を側面支援すべく、日本政府は市民社会とも協力し、この地域の関係諸国と核問題に特化した「トラック2核対話」を促進し、その結果を政府間の議論に反映させる仕組みを構築することが望まれる。",
    "米ロ間、米中間の核軍備管理についての対話の欠如は深刻である。",
    "米ソ、米ロは対話を通じた信頼醸成措置を地道に積み上げながら、核軍備管理・核軍縮を前進させた経験を持つ。",
    "中国やロシアの核政策に付随する動向、戦略的意図を正確に把握し、信頼醸成の機運を高めることで、北東アジアのみならず世界における緊張緩和に大きく貢献できる。",
]
TITLE_1 = "提言 1：核の不使用継続と核秩序維持の重要性を再確認し、核使用リスク削減の具体的措置に向け首脳外交を主導する"
TITLE_2 = "提言 2：核保有国間の核軍備管理交渉を促す重層的な対話の推進"


def check_proposals(site: Site) -> None:
    idx = site.page("proposals/index.html")
    if idx is not None:
        text = page_text(idx)
        for s in (TITLE_1, TITLE_2, "米ロ間を中心とする軍備管理条約", "NPT を中心とする多国間の核をめぐる国際核軍縮・不拡散体制",
                  PROPOSAL_1[0], PROPOSAL_2[0]):
            site.check(norm(s) in text, f"proposals/: missing {s[:40]!r}…")
        targets = {site.file_for_href("proposals/index.html", a.attrs.get("href", "")) for a in site.main(idx).find_all("a")}
        for rel in ("proposals/1/index.html", "proposals/2/index.html"):
            site.check(rel in targets, f"proposals/: no link to {rel}")
    for rel, title, sentences in (("proposals/1/index.html", TITLE_1, PROPOSAL_1),
                                  ("proposals/2/index.html", TITLE_2, PROPOSAL_2)):
        doc = site.page(rel)
        if doc is None:
            continue
        h1 = doc.find("h1")
        site.check(h1 is not None and norm(h1.text()) == norm(title), f"{rel}: <h1> should be {title!r}")
        text = page_text(doc)
        for s in sentences:
            site.check(norm(s) in text, f"{rel}: missing sentence {s[:40]!r}…")
        site.check("ld+json" in "".join(n.attrs.get("type", "") for n in doc.find_all("script")),
                   f"{rel}: no JSON-LD script")


FOOTNOTES = {
    1: "自国は核兵器を保有しないが、同盟関係にある核保有国の核抑止力に依存する国のこと。",
    2: "同覚書は",
    3: "1962年のキューバ危機、1987年の中距離核戦力全廃条約（INF）の締結では",
    4: "「77年間の核不使用の記録を継続する」ことを再確認している。",
    5: "Office of the Secretary of Defense “MILITARY AND SECURITY DEVELOPMENTS INVOLVING THE PEOPLE’S REPUBLIC OF CHINA 2022”",
    6: "The Final Report of the Congressional Commission on the Strategic Posture of the United States “America’s Strategic Posture”",
    7: "Shizuka Kuramitsu, “China, US Hold Rare Arms Control Talks”, Arms Control Today, December 2023.",
    8: "「新たな核の軍備管理・軍縮構想研究会」が2024年1月に実施した米国での元政府高官らへのインタビュー。",
}


def footnote_section(doc: Node) -> Node | None:
    for n in doc.iter():
        if "footnotes" in n.classes() or n.attrs.get("role") == "doc-endnotes":
            return n
    return None


def check_footnotes(site: Site) -> None:
    total = 0
    for rel, numbers in (("proposals/1/index.html", [1, 2, 3, 4]), ("proposals/2/index.html", [5, 6, 7, 8])):
        doc = site.page(rel)
        if doc is None:
            continue
        sec = footnote_section(doc)
        if not site.check(sec is not None, f"{rel}: no footnotes section (class footnotes / role doc-endnotes)"):
            continue
        ol = sec.find("ol")
        if not site.check(ol is not None, f"{rel}: footnotes section has no <ol>"):
            continue
        items = [c for c in ol.children if isinstance(c, Node) and c.tag == "li"]
        total += len(items)
        site.check(len(items) == len(numbers), f"{rel}: expected {len(numbers)} footnotes, found {len(items)}")
        start = int(ol.attrs.get("start", "1") or "1")
        if items and items[0].attrs.get("value", "").isdigit():
            start = int(items[0].attrs["value"])
        site.check(start == numbers[0], f"{rel}: footnote list should start at {numbers[0]}, starts at {start}")
        for n, li in zip(numbers, items):
            site.check(norm(FOOTNOTES[n]) in norm(li.text()), f"{rel}: footnote {n} should read {FOOTNOTES[n][:30]!r}…")
            site.check(bool(li.attrs.get("id")), f"{rel}: footnote {n} has no id")
        ids = {n.attrs["id"] for n in doc.iter() if "id" in n.attrs}
        refs = [s for s in doc.find_all("sup") if "footnote-ref" in s.classes() or s.find("a", role="doc-noteref")
                or "footnote-ref" in " ".join(a.attrs.get("class", "") for a in s.find_all("a"))]
        labels = [squash(s.text()) for s in refs]
        site.check(labels == [str(n) for n in numbers],
                   f"{rel}: footnote references should read {numbers}, found {labels}")
        for s in refs:
            a = s.find("a")
            target = (a.attrs.get("href", "") if a else "").lstrip("#")
            site.check(urllib.parse.unquote(target) in ids, f"{rel}: footnote reference {squash(s.text())} points at missing #{target}")
        if numbers[0] == 1:
            fn2 = items[1].text() if len(items) > 1 else ""
            for s in ("第1項：ウクライナの独立、主権、現行の国境を尊重する", "第2項：ウクライナに対し武力の威嚇ないし武力の行使を行わない",
                      "と明記している。同覚書により、ウクライナは核兵器を放棄し、NPTに署名した。"):
                site.check(norm(s) in norm(fn2), f"{rel}: footnote 2 lacks {s[:20]!r}…")
            box_ref = any("核の傘国" in (s.parent.text() if s.parent else "") for s in refs[:1])
            site.check(box_ref, f"{rel}: footnote 1 should follow 核の傘国")
        else:
            fn7 = items[2] if len(items) > 2 else None
            url = "https://www.armscontrol.org/act/2023-12/news/china-us-hold-rare-arms-control-talks"
            site.check(fn7 is not None and any(a.attrs.get("href") == url for a in fn7.find_all("a")),
                       f"{rel}: footnote 7 should link to {url}")
    site.check(total == 8, f"proposals: expected 8 footnotes in all, found {total}")


MEMBERS = [
    ("鈴木 達治郎", "座長", "長崎大学核兵器廃絶研究センター", "副センター長"),
    ("一政 祐行", "委員", "防衛研究所 政策研究部", "サイバー安全保障研究室長"),
    ("植木 千可子", "委員", "早稲田大学国際学術院", "アジア太平洋研究科教授"),
    ("太田 昌克", "委員", "共同通信社", "編集委員・論説委員"),
    ("北野 充", "委員", "自治体国際化協会", "参与（前ウィーン代表部大使）"),
    ("佐藤 丙午", "委員", "拓殖大学国際学部", "教授"),
    ("向 和歌奈", "委員", "亜細亜大学国際関係学部", "准教授"),
    ("小林 祐喜", "研究会担当", "笹川平和財団安全保障研究グループ", "研究員"),
]


def check_members(site: Site) -> None:
    rel = "members/index.html"
    doc = site.page(rel)
    if doc is None:
        return
    main = site.main(doc)
    site.check("敬称略、順不同" in page_text(doc), f"{rel}: missing 敬称略、順不同")
    rows = main.find_all("tr") or main.find_all("li")
    order = []
    for name, role, affiliation, position in MEMBERS:
        row = next((r for r in rows if name in squash(r.text())), None)
        if not site.check(row is not None, f"{rel}: no row (tr/li) holds the name {name!r} (with its space)"):
            continue
        order.append(rows.index(row))
        t = squash(row.text())
        for label, value in (("role", role), ("affiliation", affiliation), ("position", position)):
            site.check(value in t, f"{rel}: the row of {name} lacks its {label} {value!r}")
        links = [site.file_for_href(rel, a.attrs.get("href", "")) for a in row.find_all("a")]
        links = [x for x in links if x]
        if not site.check(bool(links), f"{rel}: the row of {name} has no link to the member's page"):
            continue
        mdoc = site.page(links[0])
        if mdoc is None:
            continue
        h1 = mdoc.find("h1")
        site.check(h1 is not None and squash(h1.text()) == name, f"{links[0]}: <h1> should be {name!r}")
        mt = squash(site.main(mdoc).text())
        for label, value in (("role", role), ("affiliation", affiliation), ("position", position)):
            site.check(value in mt, f"{links[0]}: lacks the {label} {value!r}")
    site.check(order == sorted(order), f"{rel}: members are not in the seed's order")


ACTIVITIES = [
    ("第1回研究会", "2023年5月30日", "研究会の趣旨説明"),
    ("第2回研究会", "2023年7月3日", "『ブッシュ・ジュニア政権時代の核政策と中国への影響』"),
    ("第3回研究会", "2023年7月27日", "『北朝鮮の非核化をめぐる外交交渉の経緯と失敗の要因』"),
    ("第4回研究会", "2023年9月26日", "『ロシアから見た軍備管理条約の意義、今後の展望』"),
    ("第5回研究会", "2023年10月31日", "『輸出管理の側面から国際情勢、核の軍備管理への示唆』"),
    ("第6回研究会", "2023年11月27日", "『核実験を巡る米ソ／米ロ軍備管理問題』"),
    ("調査活動米国出張", "2024年1月14日～21日", "計13人の識者にインタビュー"),
    ("第7回研究会", "2024年3月26日", "緊急提言案の作成"),
]


def check_activities(site: Site) -> None:
    rel = "activities/index.html"
    doc = site.page(rel)
    if doc is None:
        return
    table = site.main(doc).find("table")
    if not site.check(table is not None, f"{rel}: no <table>"):
        return
    head = [norm(th.text()) for th in (table.find("thead") or table).find_all("th")][:3]
    site.check(head == ["研究会・調査", "日時", "内容"], f"{rel}: header cells should be 研究会・調査 | 日時 | 内容, found {head}")
    tbody = table.find("tbody")
    rows = [r for r in (tbody.find_all("tr") if tbody else [])]
    site.check(len(rows) == 8, f"{rel}: expected 8 body rows, found {len(rows)}")
    for row, (event, date, words) in zip(rows, ACTIVITIES):
        cells = [norm(c.text()) for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
        site.check(len(cells) == 3, f"{rel}: row {event} should have 3 cells, has {len(cells)}")
        if len(cells) == 3:
            site.check(cells[0] == norm(event), f"{rel}: first cell {cells[0]!r} should be {event!r}")
            site.check(cells[1] == norm(date), f"{rel}: date cell of {event} should be {date!r}, is {cells[1]!r}")
            site.check(norm(words) in cells[2], f"{rel}: content cell of {event} lacks {words!r}")


def check_background(site: Site) -> None:
    rel = "background/index.html"
    doc = site.page(rel)
    if doc is None:
        return
    quote = "冷戦期に垂れ込めた核の暗雲が再び忍び寄っています。そして一部の国々は、再び無謀にも、破滅の道具である核兵器の使用の威嚇を行っています"
    bqs = site.main(doc).find_all("blockquote")
    site.check(any(norm(quote) in norm(b.text()) for b in bqs), f"{rel}: the Guterres quotation is not inside a <blockquote>")
    text = page_text(doc)
    site.check("アントニオ・グテレス国連事務総長が2023年8月6日の「広島原爆の日」に寄せたメッセージ" in text,
               f"{rel}: the quotation's attribution is missing")
    site.check(norm("～核の不使用継続と「核秩序の維持」に向けて～") in text, f"{rel}: the subtitle line is missing")


REFERENCES = [
    "『NPT～核のグローバル・ガバナンス』秋山信将編、岩波書店、2015年。",
    "“SIPRI Yearbook 2023”",
    "Office of the Secretary of Defense “MILITARY AND SECURITY DEVELOPMENTS INVOLVING THE PEOPLE’S REPUBLIC OF CHINA 2022”",
    "“Strategic-Posture-Committee-Report-Final.pdf”",
]
PAST = [
    ("プルトニウム国際管理に関する日本政府への提言～プルトニウム在庫量の削減を目指し、新たな国際規範を～", "2019年5月"),
    ("北朝鮮非核化に関する日本政府への提言～北東アジアにおける核の脅威削減と新たな安全保障の構築を視野に～", "2020年2月"),
    ("世界の核軍縮・核不拡散への日本の貢献～唯一の戦争被爆国としての責任を果たす政策を～", "2020年4月"),
    ("原子力民生利用における中国・ロシアの台頭：グローバルな核不拡散体制の強化と日本の役割", "2021年4月"),
    ("ロシアによるウクライナ侵攻：原子力民生利用の諸課題と日本の役割", "2022年7月"),
    ("原子力施設の保護と日本の役割～ロシアによるウクライナ侵攻と原発攻撃をうけて～", "2023年2月"),
]


INTERVIEW_REPORT = "米国インタビューの報告書"


def check_references(site: Site) -> None:
    rel = "references/index.html"
    doc = site.page(rel)
    if doc is None:
        return
    main = site.main(doc)
    ols = main.find_all("ol")
    ref_ol = next((o for o in ols if norm(REFERENCES[0]) in norm(o.text())), None)
    if site.check(ref_ol is not None, f"{rel}: the references are not an ordered list"):
        items = [norm(c.text()) for c in ref_ol.children if isinstance(c, Node) and c.tag == "li"]
        site.check(items == [norm(r) for r in REFERENCES], f"{rel}: references list should hold the seed's 4 entries, found {len(items)}")
    text = norm(main.text())
    site.check("笹川平和財団・原子力分野における過去の提言" in text, f"{rel}: heading 笹川平和財団・原子力分野における過去の提言 missing")
    links = [norm(a.text()) for a in main.find_all("a")]
    positions = []
    for title, date in PAST:
        site.check(norm(f"『{title}』{date}") in text, f"{rel}: past proposal missing: {title[:30]}… {date}")
        site.check(not any(norm(title) in l for l in links), f"{rel}: past proposal should not be a link: {title[:30]}…")
        positions.append(text.find(norm(title)))
    site.check(positions == sorted(positions), f"{rel}: the past proposals are not in the seed's order")
    # The seed says the interview report is published separately and gives no address: named, not linked.
    site.check(norm(INTERVIEW_REPORT) in text, f"{rel}: the interview report ({INTERVIEW_REPORT}) is not named")
    site.check(not any(norm(INTERVIEW_REPORT) in l for l in links), f"{rel}: the interview report must not be a link (the seed gives none)")
    # The seed's closing line 笹川平和財団 names the publisher, which every page's header names; the references
    # page does not end on it as a lone line of its own (issue 22).
    site.check(not doc.find_all("p", cls="closing"), f"{rel}: a lone closing line ends the page")
    brand = " ".join(norm(e.text()) for e in doc.find_all("span", cls="site-brand__org"))
    site.check("公益財団法人笹川平和財団" in brand, f"{rel}: the header does not name the publisher 公益財団法人笹川平和財団")


def check_404(site: Site) -> None:
    rel = "404.html"
    doc = site.page(rel)
    if doc is None:
        return
    html = doc.find("html")
    site.check(html is not None and html.attrs.get("lang") == "ja", f"{rel}: <html lang> should be ja")
    main = site.main(doc)
    site.check(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", main.text()) is not None, f"{rel}: no Japanese text in <main>")
    home_links = []
    for a in main.find_all("a"):
        href = a.attrs.get("href", "")
        path = urllib.parse.urlparse(href).path
        if path in (site.base_path, site.base_path + "index.html") or href in ("./", "index.html"):
            home_links.append(a)
    site.check(bool(home_links), f"{rel}: no link back to the home page ({site.base_path}) in <main>")


def check_about(site: Site) -> None:
    rel = "about/index.html"
    doc = site.page(rel)
    if doc is None:
        return
    text = page_text(doc)
    for s in ("公益財団法人笹川平和財団", "安全保障研究グループ", "新たな核の軍備管理・軍縮構想研究会", "2024年3月",
              "今回の緊急提言は、委員全員の賛同を得て、「新たな核の軍備管理・軍縮構想研究会」として公表します。"):
        site.check(norm(s) in text, f"{rel}: missing {s[:40]!r}")


def check_slips(site: Site) -> None:
    """None of the seed's slips is left on any page: the corrections hold everywhere."""
    for rel, doc in site.html_pages():
        head = doc.find("head")
        text = page_text(doc, skip_sup=False) + (norm(head.text()) if head is not None else "")
        text += "".join(m.attrs.get("content", "") for m in doc.find_all("meta"))
        for slip, right in CORRECTIONS:
            site.check(slip not in text, f"{rel}: the slip {slip} is left (the site writes {right})")


def check_report_pages(site: Site) -> None:
    """What issue 22 asks of every page: no <title> repeats itself, the generator is named in <meta
    name=generator> and nowhere in the page's text, and the home page shows the site's title once (its h1);
    each recommendation's header states the date, the authoring group and the publisher, and its page lists the
    past proposals (none a link); an activities table date is one unbreakable <time>."""
    for rel, doc in site.html_pages():
        head = doc.find("head")
        title = norm(head.find("title").text()) if head is not None and head.find("title") is not None else ""
        parts = [p for p in re.split(r"｜|\|", title) if p]
        site.check(len(parts) == len(set(parts)), f"{rel}: the <title> repeats itself: {title!r}")
        generators = [m for m in doc.find_all("meta") if m.attrs.get("name") == "generator"]
        site.check(len(generators) == 1, f"{rel}: no <meta name=generator>")
        body = doc.find("body")
        if generators and body is not None:
            name = generators[0].attrs.get("content", "")
            site.check(name and name not in body.text(), f"{rel}: the generator {name!r} is named in the page's text")
    home = site.page("index.html")
    if home is not None:
        site_title = norm(home.find("h1").text())
        header = home.find("header", cls="site-header")
        site.check(header is not None and site_title not in norm(header.text()),
                   "index.html: the site's title is shown twice at the top (header and h1)")
    for rel in ("proposals/1/index.html", "proposals/2/index.html"):
        doc = site.page(rel)
        if doc is None:
            continue
        facts = doc.find("dl", cls="report-facts")
        text = norm(facts.text()) if facts is not None else ""
        for fact in ("2024年3月", "新たな核の軍備管理・軍縮構想研究会", "公益財団法人笹川平和財団"):
            site.check(fact in text, f"{rel}: the header does not state {fact}")
        related = doc.find("section", cls="related")
        site.check(related is not None and all(norm(t) in norm(related.text()) for t, _ in PAST),
                   f"{rel}: the related past proposals are not all listed")
        site.check(related is None or not any(norm(t) in norm(a.text()) for a in related.find_all("a") for t, _ in PAST),
                   f"{rel}: a past proposal is a link")
    doc = site.page("activities/index.html")
    if doc is not None:
        for row in site.main(doc).find_all("tr")[1:]:
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
            times = cells[1].find_all("time") if len(cells) > 1 else []
            site.check(bool(times) and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.attrs.get("datetime", "")) for t in times),
                       f"activities/index.html: the date {norm(cells[1].text()) if len(cells) > 1 else '?'} is not a <time>")


# ---------------------------------------------------------------- the print edition

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_info(pdf: str) -> dict[str, str]:
    return dict(re.findall(r"^([^:]+):\s*(.*)$", run("pdfinfo", pdf), re.M))


def superscript_number(s: str) -> int:
    return int(s.translate(str.maketrans(SUPERSCRIPTS, "0123456789")))


def seed_notes(seed: str) -> tuple[dict[int, str], list[tuple[str, int]]]:
    """The seed's notes (number → first words) and each reference mark (the three characters before it, number)."""
    seed = corrected(seed)
    notes = {}
    for line in seed.splitlines():
        m = re.match(rf"^([{SUPERSCRIPTS}]+)\s+(.+)", line.strip())
        if m:
            notes[superscript_number(m[1])] = norm(m[2])[:8]
    calls = []
    for m in re.finditer(rf"(\S{{3}})([{SUPERSCRIPTS}]+)", seed):
        calls.append((norm(m[1]), superscript_number(m[2])))
    return notes, calls


class PdfPage:
    """One page's text in content order (pdftotext -raw): its body, then its notes by number. The running
    head (the document's title and the chapter's) and the page number are left out."""

    def __init__(self, number: int, raw: str, notes: dict[int, str], heads: list[str]):
        self.number = number
        lines = [l for l in raw.splitlines() if l.strip()]
        # The page number and the running heads (the document's, then the chapter's, on one line) come last in
        # WeasyPrint's content order.
        while lines and (lines[-1].strip().isdigit() or any(norm(lines[-1]).startswith(h) for h in heads if h)):
            lines.pop()
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


def page_notes(site: Site, language: str) -> tuple[dict[int, str], list[tuple[str, int]]]:
    """The notes of the site's pages in `language` (number → first words) and each reference mark (the ten
    characters before it, number), read from the built HTML, as seed_notes reads them from the seed."""
    notes: dict[int, str] = {}
    calls: list[tuple[str, int]] = []
    for rel, _ in site.html_pages():
        with open(os.path.join(site.public, rel), encoding="utf-8") as f:
            html = f.read()
        if f'<html lang="{language}"' not in html or "role=\"doc-noteref\"" not in html:
            continue
        for m in re.finditer(r'<sup class="footnote-ref"><a href="#fn-(\d+)"', html):
            before = norm(re.sub(r"<[^>]+>", "", html[max(0, m.start() - 400):m.start()]))
            calls.append((before[-10:], int(m[1])))
        for m in re.finditer(r'<li id="fn-(\d+)">(.*?)</li>', html, re.S):
            notes[int(m[1])] = norm(re.sub(r"<[^>]+>", "", m[2]))[:8]
    return notes, calls


def pdf_pages(pdf: str, seed: str) -> list[PdfPage]:
    """Every page of `pdf`, its notes told apart by the seed's notes."""
    return pdf_pages_with_notes(pdf, seed_notes(seed)[0])


def pdf_pages_with_notes(pdf: str, notes: dict[int, str]) -> list[PdfPage]:
    """Every page of `pdf`, its notes told apart by `notes` (number → first words), without the hyphens
    (U+2010) the typesetter adds where it breaks a word (nuc‐lear)."""
    count = int(pdf_info(pdf).get("Pages", "0"))
    raws = [run("pdftotext", "-raw", "-f", str(i), "-l", str(i), pdf, "-").replace("\u2010", "") for i in range(1, count + 1)]
    heads = [norm(pdf_info(pdf).get("Title", "")), running_head(raws)]
    return [PdfPage(i + 1, raw, notes, heads) for i, raw in enumerate(raws)]


def running_head(raws: list[str]) -> str:
    """The document's running head (its title, or the shorter runningHead of its pdf: entry): what the lines
    before the page numbers of its chapters (from the third page on) begin with, up to the chapter's head."""
    lines = []
    for raw in raws[2:]:
        rest = [l for l in raw.splitlines() if l.strip()]
        if len(rest) >= 2 and rest[-1].strip().isdigit():
            lines.append(rest[-2].strip())
    prefix = os.path.commonprefix(lines) if len(lines) >= 2 else ""
    return norm(prefix[:prefix.rfind(" ")] if " " in prefix else prefix)


def pdf_reading_text(pages: list[PdfPage], seed: str) -> str:
    """The PDF's text as a reader reads it: the body without the printed note numbers, then the notes."""
    _, calls = seed_notes(seed)
    body = "".join(p.body for p in pages)
    for prefix, n in calls:
        body = body.replace(prefix + str(n), prefix)
    return body + "".join(p.notes.get(n, "") for p in pages for n in sorted(p.notes))


def print_editions(site: Site) -> dict[str, str]:
    """The PDFs the site's pages announce (<link rel=alternate type=application/pdf>): output path → language."""
    found = {}
    for rel, doc in site.html_pages():
        for link in doc.find_all("link", rel="alternate", type="application/pdf"):
            target = site.file_for_href(rel, link.attrs.get("href", ""))
            if site.check(target is not None, f"{rel}: the PDF {link.attrs.get('href')} is not in the build"):
                found[target] = link.attrs.get("hreflang", "")
    return found


def size_label(n: int) -> str:
    """A size as the site writes it (PublicationValues.size): 850 kB, 1.2 MB."""
    if n < 1_000_000:
        return f"{max(1, (n + 500) // 1000)} kB"
    tenths = (n + 50_000) // 100_000
    return f"{tenths // 10}.{tenths % 10} MB"


def check_print_links(site: Site) -> None:
    """The home page and each recommendation link the PDF with its real size and page count."""
    editions = print_editions(site)
    if not site.check(bool(editions), "no page announces a PDF (<link rel=alternate type=application/pdf>)"):
        return
    for rel in ("index.html", "proposals/1/index.html", "proposals/2/index.html"):
        doc = site.page(rel)
        if doc is None:
            continue
        links = [a for a in site.main(doc).find_all("a") if a.attrs.get("type") == "application/pdf"]
        if not site.check(bool(links), f"{rel}: no link to the PDF in <main>"):
            continue
        for a in links:
            target = site.file_for_href(rel, a.attrs.get("href", ""))
            if not site.check(target in editions, f"{rel}: the PDF link {a.attrs.get('href')} leads to no PDF of the build"):
                continue
            pdf = os.path.join(site.public, target)
            pages = pdf_info(pdf).get("Pages", "?")
            text = squash(a.text())
            site.check(size_label(os.path.getsize(pdf)) in text, f"{rel}: the PDF link should say its size {size_label(os.path.getsize(pdf))}: {text!r}")
            site.check(f"{pages}ページ" in norm(text), f"{rel}: the PDF link should say its {pages} pages: {text!r}")


def check_pdf_seed(site: Site, seed_path: str) -> None:
    """Every sentence of the seed is in the text of the Japanese PDF (pdftotext), as a reader reads it."""
    with open(seed_path, encoding="utf-8") as f:
        seed = f.read()
    for target, language in sorted(print_editions(site).items()):
        if language != "ja":
            continue
        text = pdf_reading_text(pdf_pages(os.path.join(site.public, target), seed), seed)
        for sentence in seed_sentences(seed):
            site.check(norm(sentence).rstrip("。") in text, f"{target}: seed text not found in the PDF: {sentence[:90]}")


def check_pdf_pages(site: Site) -> None:
    """A document in another language than the seed's holds every paragraph and list item (notes included) of
    the site's pages that link it, as pdftotext reads the PDF: the text on each page, then its notes."""
    for target, language in sorted(print_editions(site).items()):
        if language == "ja":
            continue
        pages = pdf_pages_with_notes(os.path.join(site.public, target), page_notes(site, language)[0])
        text = "".join(p.body for p in pages) + "".join(p.notes[n] for p in pages for n in sorted(p.notes))
        checked = 0
        for rel, doc in site.html_pages():
            links = [l for l in doc.find_all("link", rel="alternate", type="application/pdf")
                     if site.file_for_href(rel, l.attrs.get("href", "")) == target]
            if not links:
                continue
            for prose in content_root(site, doc).find_all(cls="prose"):
                for block in prose.find_all():
                    if block.tag not in ("p", "li") or any(isinstance(c, Node) and c.tag in ("p", "ul", "ol") for c in block.children):
                        continue
                    words = norm(block.text()).replace("↩", "").replace("\ufe0e", "")
                    if words:
                        checked += 1
                        site.check(words in text, f"{target}: the text of {rel} is not in the PDF: {squash(block.text())[:80]}")
        site.check(checked > 0, f"{target}: no page of the site links it")


# ---------------------------------------------------------------- the English edition

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
# The blocks compared between a Japanese page and its English translation, in document order.
BLOCKS = {"p", "li", "tr", "blockquote", "figcaption", "h1", "h2", "h3", "h4", "dt", "dd"}


def translation(site: Site, rel: str, language: str) -> str | None:
    """The built file of page rel's translation into `language`, from its <link rel="alternate" hreflang>."""
    doc = site.page(rel, required=False)
    if doc is None:
        return None
    for link in doc.find_all("link", rel="alternate"):
        if link.attrs.get("hreflang") == language:
            href = urllib.parse.urlparse(link.attrs.get("href", "")).path
            return site.file_for_href(rel, href)
    return None


def content_root(site: Site, doc: Node) -> Node:
    """What a page says: its data-search-body wrapper (the search and 404 pages: <main>)."""
    for n in site.main(doc).iter():
        if "data-search-body" in n.attrs:
            return n
    return site.main(doc)


def blocks(root: Node) -> list[tuple[str, str]]:
    """The blocks of root in order, each as (kind, text): a table row's kind counts its cells; text is
    the block's own text (nested blocks left out), footnote marks and back-links dropped."""
    out: list[tuple[str, str]] = []

    def own_text(n: Node) -> str:
        parts = []
        for c in n.children:
            if isinstance(c, str):
                parts.append(c)
            elif c.tag in BLOCKS or c.tag in ("sup", "script", "style") or c.attrs.get("role") == "doc-backlink":
                continue
            elif "heading-anchor" in c.classes():
                continue
            else:
                parts.append(own_text(c))
        return "".join(parts)

    def walk(n: Node) -> None:
        for c in n.children:
            if not isinstance(c, Node) or "data-search-ignore" in c.attrs or c.tag in ("script", "style", "nav"):
                continue
            if c.attrs.get("role") == "note":
                continue  # the notice of a translation
            if c.tag in BLOCKS:
                text = squash(own_text(c))
                kind = c.tag
                if c.tag == "tr":
                    kind = f"tr/{len([x for x in c.children if isinstance(x, Node) and x.tag in ('td', 'th')])}"
                    text = squash(c.text())
                elif c.tag == "li" and c.attrs.get("id", "").startswith("fn-"):
                    kind = "footnote"
                if text or kind.startswith("tr"):
                    out.append((kind, text))
                if c.tag == "tr":
                    continue
            walk(c)

    walk(root)
    return out


def numbers(text: str) -> list[str]:
    """The numbers of 10 and more in text, as digits (1,500 → 1500), which a translation keeps; months
    (10月, which English names) left out."""
    text = re.sub(r"\d+月", "", unicodedata.normalize("NFKC", text))
    return [n.replace(",", "") for n in re.findall(r"\d[\d,]*\d|\d", text) if int(n.replace(",", "")) >= 10]


def english_without_japanese(doc: Node) -> str:
    """The text of doc's <main>, less what is marked lang="ja" (a link to the original, say)."""
    parts: list[str] = []

    def walk(n: Node) -> None:
        for c in n.children:
            if isinstance(c, str):
                parts.append(c)
            elif c.attrs.get("lang", "").startswith("ja") or c.tag in ("script", "style"):
                continue
            else:
                walk(c)

    walk(doc.find("main") or doc)
    return "".join(parts)


def check_english_pages(site: Site) -> None:
    """Every Japanese page has its English translation, which says it is one and holds every block."""
    pages = sorted(os.path.relpath(os.path.join(root, f), site.public) for root, _, files in os.walk(site.public)
                   for f in files if f.endswith(".html") and not os.path.relpath(root, site.public).startswith("en"))
    for rel in pages:
        doc = site.page(rel)
        if doc is None or doc.find("meta", http_equiv="refresh") is not None:
            continue  # an alias redirect
        en = "en/404.html" if rel == "404.html" else translation(site, rel, "en")
        if not site.check(en is not None, f"{rel}: no English translation (<link rel=\"alternate\" hreflang=\"en\">)"):
            continue
        en_doc = site.page(en)
        if en_doc is None:
            continue
        html = en_doc.find("html")
        site.check(html is not None and html.attrs.get("lang") == "en", f"{en}: <html lang> should be en")
        left = JAPANESE.findall(english_without_japanese(en_doc))
        site.check(not left, f"{en}: Japanese characters in <main> outside lang=\"ja\": {''.join(left)[:30]}")
        notice = next((n for n in site.main(en_doc).find_all(role="note") if "translation" in norm(n.text())), None)
        if site.check(notice is not None, f"{en}: no notice (role=note) that the page is a translation"):
            said = squash(notice.text())
            site.check("translation of the Japanese original" in said and "the Japanese original prevails" in said,
                       f"{en}: the notice should say it translates the Japanese original, which prevails: {said[:120]!r}")
            if rel != "404.html":
                links = [a for a in notice.find_all("a") if a.attrs.get("hreflang") == "ja"]
                site.check(bool(links) and site.file_for_href(en, links[0].attrs.get("href", "")) == rel,
                           f"{en}: the notice should link to the Japanese original {rel} (hreflang=ja)")
        ja_blocks, en_blocks = blocks(content_root(site, doc)), blocks(content_root(site, en_doc))
        ja_kinds, en_kinds = [k for k, _ in ja_blocks], [k for k, _ in en_blocks]
        if not site.check(ja_kinds == en_kinds, f"{en}: its blocks should match {rel}'s one for one:\n"
                          f"    ja {ja_kinds}\n    en {en_kinds}"):
            continue
        for (kind, ja_text), (_, en_text) in zip(ja_blocks, en_blocks):
            missing = [n for n in numbers(ja_text) if n not in numbers(en_text)]
            site.check(not missing, f"{en}: the {kind} translating {ja_text[:30]!r}… lacks the numbers {missing}: {en_text[:60]!r}")


EN_TITLE_1 = ("Proposal 1: Reaffirm the importance of the continued non-use of nuclear weapons and of maintaining the nuclear "
              "order, and lead summit diplomacy toward concrete measures to reduce the risk of nuclear use")
EN_TITLE_2 = "Proposal 2: Promote multilayered dialogue to encourage nuclear arms control negotiations among nuclear-armed states"
EN_FOOTNOTES = {
    1: "States that do not themselves possess nuclear weapons but rely on the nuclear deterrence of an allied nuclear-armed state.",
    2: "Paragraph 2: To refrain from the threat or use of force against Ukraine",
    3: "Intermediate-Range Nuclear Forces (INF) Treaty in 1987",
    4: "the 77-year record of non-use of nuclear weapons",
    5: FOOTNOTES[5],
    6: FOOTNOTES[6],
    7: FOOTNOTES[7],
    8: "Interviews with former senior government officials and others conducted in the United States in January 2024",
}
EN_MEMBERS = [
    ("Tatsujiro Suzuki", "Chair", "Research Center for Nuclear Weapons Abolition, Nagasaki University (RECNA)", "Vice Director"),
    ("Sukeyuki Ichimasa", "Member", "Policy Studies Department, The National Institute for Defense Studies", "Head, Cyber Security Division"),
    ("Chikako Kawakatsu Ueki", "Member", "Faculty of International Research and Education, Waseda University",
     "Professor, Graduate School of Asia-Pacific Studies"),
    ("Masakatsu Ota", "Member", "Kyodo News", "Senior Writer and Editorial Writer"),
    ("Mitsuru Kitano", "Member", "Council of Local Authorities for International Relations (CLAIR)",
     "Senior Adviser (former Ambassador, Permanent Mission of Japan to the International Organizations in Vienna)"),
    ("Heigo Sato", "Member", "Faculty of International Studies, Takushoku University", "Professor"),
    ("Wakana Mukai", "Member", "Faculty of International Relations, Asia University", "Associate Professor"),
    ("Yuki Kobayashi", "Study Group Coordinator", "Security Studies Program, The Sasakawa Peace Foundation", "Research Fellow"),
]
EN_ACTIVITY_DATES = ["May 30, 2023", "July 3, 2023", "July 27, 2023", "September 26, 2023", "October 31, 2023",
                     "November 27, 2023", "January 14–21, 2024", "March 26, 2024"]
# Established English names the translation must use.
EN_NAMES = {
    "proposals/1/index.html": ["Budapest Memorandum", "International Group of Eminent Persons for a World without Nuclear Weapons",
                               "Intermediate-Range Nuclear Forces (INF) Treaty", "NPT"],
    "proposals/2/index.html": ["Congressional Commission on the Strategic Posture of the United States"],
    "background/index.html": ["Treaty on the Non-Proliferation of Nuclear Weapons (NPT)", "G7 Leaders' Hiroshima Vision on Nuclear Disarmament"],
}


def check_english_content(site: Site) -> None:
    """The English edition's titles, footnotes, members and activities, as the translation gives them."""
    for rel, title in (("en/proposals/1/index.html", EN_TITLE_1), ("en/proposals/2/index.html", EN_TITLE_2)):
        doc = site.page(rel)
        h1 = doc.find("h1") if doc else None
        site.check(h1 is not None and squash(h1.text()) == title, f"{rel}: <h1> should be {title[:40]!r}…")
    for rel, names in EN_NAMES.items():
        doc = site.page("en/" + rel)
        for name in names:
            site.check(doc is not None and name in squash(content_root(site, doc).text()), f"en/{rel}: should name the {name}")
    for rel, numbers_ in (("en/proposals/1/index.html", [1, 2, 3, 4]), ("en/proposals/2/index.html", [5, 6, 7, 8])):
        doc = site.page(rel)
        section = footnote_section(doc) if doc else None
        items = [c for c in section.find("ol").children if isinstance(c, Node) and c.tag == "li"] if section and section.find("ol") else []
        site.check(len(items) == 4, f"{rel}: expected 4 footnotes, found {len(items)}")
        for n, li in zip(numbers_, items):
            site.check(EN_FOOTNOTES[n] in squash(li.text()), f"{rel}: footnote {n} should read {EN_FOOTNOTES[n][:40]!r}…")
    rel = "en/members/index.html"
    doc = site.page(rel)
    if doc is not None:
        rows = site.main(doc).find_all("tr")
        order = []
        for name, role, affiliation, position in EN_MEMBERS:
            row = next((r for r in rows if name in squash(r.text())), None)
            if not site.check(row is not None, f"{rel}: no row holds {name!r}"):
                continue
            order.append(rows.index(row))
            text = squash(row.text())
            for value in (role, affiliation, position):
                site.check(value in text, f"{rel}: the row of {name} lacks {value!r}")
            links = [x for x in (site.file_for_href(rel, a.attrs.get("href", "")) for a in row.find_all("a")) if x]
            page = site.page(links[0]) if links else None
            h1 = page.find("h1") if page else None
            site.check(h1 is not None and squash(h1.text()) == name, f"{rel}: {name}'s page should have the <h1> {name!r}")
        site.check(order == sorted(order), f"{rel}: members are not in the seed's order")
    rel = "en/activities/index.html"
    doc = site.page(rel)
    table = site.main(doc).find("table") if doc else None
    if site.check(table is not None, f"{rel}: no <table>"):
        rows = table.find("tbody").find_all("tr") if table.find("tbody") else []
        dates = [squash(r.find_all("td")[0].text()) if len(r.find_all("td")) > 1 else "" for r in rows]
        dates = [squash([c for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")][1].text()) for r in rows]
        site.check(dates == EN_ACTIVITY_DATES, f"{rel}: the dates should be {EN_ACTIVITY_DATES}, are {dates}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public", help="the built site (public/)")
    ap.add_argument("--seed", default=DEFAULT_SEED, help="the seed text whose every sentence must be on the site")
    args = ap.parse_args()
    if not os.path.isdir(args.public):
        print(f"check_content: {args.public} is not a directory", file=sys.stderr)
        return 1
    site = Site(args.public)
    for check in (check_home, check_proposals, check_footnotes, check_members, check_activities,
                  check_background, check_about, check_references, check_404, check_slips, check_report_pages,
                  check_print_links,
                  check_english_pages, check_english_content):
        check(site)
    if args.seed and os.path.isfile(args.seed):
        check_seed(site, args.seed)
        check_pdf_seed(site, args.seed)
        check_pdf_pages(site)
    elif args.seed != DEFAULT_SEED:
        site.fail(f"seed file {args.seed} not found")
    if site.failures:
        for f in site.failures:
            print(f"FAIL {f}", file=sys.stderr)
        print(f"check_content: {len(site.failures)} failure(s)", file=sys.stderr)
        return 1
    print("check_content: all content checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
