#!/usr/bin/env python3
"""Turn bench/run.sh's measurements into BENCHMARKS.md (printed to stdout).

    bench/report.py RESULTS.tsv COUNTS.tsv > BENCHMARKS.md

RESULTS.tsv rows: tool, case, run, wall s, user s, sys s, peak RSS kB, exit status.
COUNTS.tsv rows: "pages TOOL N", number of HTML files written.
wrk and callgrind results come in environment variables from run.sh.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict


def command_output(*args: str) -> str:
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return "not available"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(next(line.split()[1] for line in f if line.startswith("MemTotal")))
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    commit = command_output("git", "rev-parse", "--short", "HEAD")
    # BENCHMARKS.md itself is being written (the shell has already emptied it): not a change to the code measured.
    if command_output("git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md"):
        commit += " (with uncommitted changes)"
    return [
        f"- Date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Commit: {commit}",
        f"- CPU: {cpu}, `nproc` = {os.cpu_count()}",
        f"- Memory: {mem}",
        f"- OS: {platform.platform()}",
        f"- Swift: {command_output('swift', '--version').splitlines()[0] if command_output('swift', '--version') else '?'}",
        f"- Hugo: {command_output('hugo', 'version')}",
        f"- cmark: {command_output('cmark', '--version').splitlines()[0]}",
    ]


def load(path: str) -> dict[tuple[str, str], list[dict[str, float]]]:
    runs: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    failed: dict[tuple[str, str], int] = defaultdict(int)
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) < 8:
                continue
            tool, case, _run, wall, user, system, rss, status = row[:8]
            if status != "0":
                failed[(tool, case)] += 1
                continue
            runs[(tool, case)].append(
                {"wall": float(wall), "cpu": float(user) + float(system), "rss": int(rss) / 1024}
            )
    for key, n in failed.items():
        runs.setdefault(key, [])
        runs[key].append({"failed": n})  # marker, filtered below
    return runs


def medians(samples: list[dict[str, float]]) -> dict[str, float] | None:
    ok = [s for s in samples if "failed" not in s]
    if not ok:
        return None
    return {k: statistics.median(s[k] for s in ok) for k in ("wall", "cpu", "rss")} | {"n": len(ok)}


def failures(samples: list[dict[str, float]]) -> int:
    return int(sum(s.get("failed", 0) for s in samples))


def row(label: str, tool: str, m: dict[str, float] | None, fails: int) -> str:
    if m is None:
        return f"| {label} | {tool} | 0 | failed ({fails} runs) | | |"
    note = f" ({fails} failed)" if fails else ""
    return f"| {label} | {tool} | {m['n']}{note} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss']:.0f} |"


def ratio(label: str, a: dict[str, float] | None, b: dict[str, float] | None, names: str) -> str | None:
    if not a or not b:
        return None
    r = lambda k: f"{a[k] / b[k]:.2f}×" if b[k] else "—"
    return f"| {label} | **{names}** | | {r('wall')} | {r('cpu')} | {r('rss')} |"


def compared(label: str, runs: dict, case: str) -> list[str]:
    """Teigen's and Hugo's rows of one case, and their ratio."""
    t, h = runs.get(("teigen", case), []), runs.get(("hugo", case), [])
    mt, mh = medians(t), medians(h)
    lines = [row(label, "Teigen", mt, failures(t)) if t else f"| {label} | Teigen | 0 | not run | | |",
             row(label, "Hugo", mh, failures(h)) if h else f"| {label} | Hugo | 0 | not run | | |"]
    if (r := ratio(label, mt, mh, "Teigen / Hugo")):
        lines.append(r)
    return lines


def rich_case(runs: dict, counts: dict[str, str]) -> list[str]:
    """The images-and-code site (bench/generate_rich.py), cold and warm, as a table."""
    if not any(case.startswith("rich ") for _, case in runs):
        return []
    pages = int(os.environ.get("rich_pages") or 0)
    files = {tool: counts.get(f"rich files {tool}", "?") for tool in ("teigen", "hugo")}
    out = ["", "## Images and highlighted code", "",
           f"`bench/generate_rich.py`: {pages:,} pages, each with two photographs (distinct 1600×1067 JPEGs) and "
           "two code blocks (Swift, Python) among Japanese prose. Both tools resize every photograph to 480, 960 and "
           "1440 pixels wide in WebP (quality 80) and JPEG (82) and write a `<picture>` with `srcset`, `width` and "
           "`height` (Teigen: libvips, Lanczos; Hugo 0.111: its own image processing through a render hook, box "
           "filter), and highlight the code with CSS classes (Teigen: Pygments, one process for all blocks; Hugo: "
           "Chroma, built in). *Cold*: no cache (`.teigen-cache/`, Hugo's `resources/` deleted first); *warm*: the "
           f"cache of the previous build. Image files written: Teigen {files['teigen']}, Hugo {files['hugo']}.", "",
           "| Case | Tool | Runs | Wall (s) | CPU (s) | Peak RSS (MB) |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for state in ("cold", "warm"):
        out += compared(state, runs, f"rich {state}")
    return out


def read_tsv(path: str) -> list[list[str]]:
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def markdown_stages(precise: dict) -> list:
    """The in-process split of `teigen markdown --timings` (bench/markdown_timings.py), as a table."""
    try:
        stages = json.loads(os.environ.get("md_stages", "") or "{}")
    except json.JSONDecodeError:
        return []
    totals, plain, whole = stages.get("totals", {}), stages.get("libcmark parse + render", {}), stages.get("whole conversion", {})
    if not totals or not whole:
        return []
    out = ["", "### Where the time goes in one process", "",
           "`teigen markdown --timings BIG.md` converts the document four times in a row with libcmark alone (parse, "
           "libcmark's own HTML renderer, freeing the tree, with libcmark's own allocator: what the `cmark` command "
           "does), then four times with Teigen's whole conversion, and keeps the best of the last three of each (the "
           "first of a series also pays for glibc sorting out the blocks the other series freed); the table shows "
           "each stage's fastest time over five such processes. Teigen renders the HTML itself (`HTMLRenderer`, "
           "a port of libcmark's renderer that also writes the passes' markup) and gives libcmark an arena "
           "(`CmarkArena`: bump allocation, nodes side by side, huge pages, released at once), so its parse, render "
           "and free cost less than libcmark's own; its stages add up to the whole conversion.", "",
           "| Stage | libcmark alone (ms) | Teigen (ms) |", "| --- | ---: | ---: |"]
    for name in list(whole) + [name for name in plain if name not in whole]:
        mine, theirs = whole.get(name), plain.get(name)
        out.append(f"| {name} | {'' if theirs is None else f'{theirs:.1f}'} | {'' if mine is None else f'{mine:.1f}'} |")
    base, all_, passes = totals.get("libcmark parse + render"), totals.get("whole conversion"), totals.get("our passes")
    if base and all_ and passes is not None:
        out.append(f"| **total** | **{base:.1f}** | **{all_:.1f}** |")
        line = (f"Our passes (Teigen's stages other than parse, render HTML and free trees, each at its best): "
                f"**{passes:.1f} ms**, **{passes / base:.2f}×** libcmark's own parse, render and free in the same process")
        if precise.get("cmark 5MB"):
            command = float(precise["cmark 5MB"])
            line += f", **{passes / command:.2f}×** the `cmark` command's time on the same file ({command:.1f} ms, above)"
        out += ["", line + f". The whole conversion takes {all_:.1f} ms against libcmark alone's {base:.1f} ms "
                f"({all_ / base:.2f}×)."]
    highlight = next((value for name, value in totals.items() if name.startswith("highlight code and math")), None)
    if highlight is not None:
        out += ["", f"Highlighting the document's code blocks (Pygments, one process for all of them, no cache), after the "
                f"conversion: **{highlight:.1f} ms** (`teigen markdown` highlights; the runs against `cmark` above use "
                "`--no-highlight`)."]
    return out


def profile(bench_dir: str) -> list[str]:
    """The top costs of one build of the largest site, from `perf record` (bench/run.sh, step 1b)."""
    dsos = read_tsv(os.path.join(bench_dir, "profile-dso.tsv"))
    own = read_tsv(os.path.join(bench_dir, "profile-self.tsv"))
    stages = read_tsv(os.path.join(bench_dir, "profile-children.tsv"))
    if not (dsos or own or stages):
        return ["", "## Where the time goes", "", "Not profiled (no perf, or perf failed: .bench/perf-record.log)."]
    out = ["", "## Where the time goes", "",
           "`perf record -e cpu-clock -g` on one `teigen build` of the largest generated site with the project's own "
           "`theme/` (samples of CPU time "
           "on all threads; hardware counters are not available on this VM). Swift symbols demangled.", ""]
    if dsos:
        out += ["By library: " + ", ".join(f"{name} {pct}" for pct, name in (row[:2] for row in dsos if len(row) >= 2)) + ".", ""]
    if stages:
        out += ["Teigen's functions, time including what they call (the stages overlap: they call each other):", "",
                "| Share | Function |", "| ---: | --- |"]
        out += [f"| {r[0]} | `{r[1][:160]}` |" for r in stages if len(r) >= 2]
        out.append("")
    if own:
        out += ["Top functions by their own time:", "", "| Share | Library | Function |", "| ---: | --- | --- |"]
        out += [f"| {r[0]} | {r[1]} | `{r[2][:160]}` |" for r in own if len(r) >= 3]
    return out


def wall(runs, tool: str, case: str) -> dict[str, float] | None:
    return medians(runs.get((tool, case), []))


def side_by_side(runs, largest: int, deep: int) -> list[str]:
    """Cases (b), (c), the second corpus shape and (e): Teigen and Hugo rows with their ratio."""
    cases = [
        (f"rebuild-same {largest}", f"rebuild-same {largest}", "(b) rebuild into the output on disk, nothing changed"),
        (f"rebuild-1pct {largest}", f"rebuild-1pct {largest}", "(b) rebuild into the output on disk, 1 % of pages edited"),
        (f"own {largest}", f"own {largest}", "(c) own theme/ (Hugo: equivalent layouts), fresh"),
        (f"own-minimal {largest}", None, "(c) minimal theme, fresh, in the own theme's rounds"),
        (f"deep build {deep}", f"deep build {deep}", "deep shape, fresh, minimal layouts"),
        (f"deep rebuild-same {deep}", f"deep rebuild-same {deep}", "deep shape, rebuild, nothing changed"),
        (f"deep rebuild-1pct {deep}", f"deep rebuild-1pct {deep}", "deep shape, rebuild, 1 % edited"),
        ("startup version", "startup version", "(e) start-up: `--version`"),
        ("startup build 1", "startup build 1", "(e) start-up: a one-page site, fresh"),
    ]
    out = ["| Case | Tool | Runs | Wall (s) | CPU (s) | Peak RSS (MB) |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for teigen_case, hugo_case, label in cases:
        t, h = runs.get(("teigen", teigen_case), []), runs.get(("hugo", hugo_case), []) if hugo_case else []
        if not t and not h:
            continue
        size = deep if teigen_case.startswith("deep") else largest
        label = label + ("" if teigen_case.startswith("startup") else f", {size:,} pages")
        out.append(row(label, "Teigen", medians(t), failures(t)) if t else f"| {label} | Teigen | 0 | not run | | |")
        if hugo_case is None:
            continue
        out.append(row(label, "Hugo", medians(h), failures(h)) if h else f"| {label} | Hugo | 0 | not run | | |")
        if (r := ratio(label, medians(t), medians(h), "Teigen / Hugo")):
            out.append(r)
    return out


def targets(runs, largest: int, big: int | None, precise: dict[str, str]) -> list[str]:
    """The issue's targets, each a ratio from this run, and whether it holds."""
    lines = ["| Case | Target | Measured | Holds |", "| --- | --- | ---: | --- |"]

    def add(label: str, value: float | None, limit: float, unit: str = "×", detail: str = "") -> None:
        if value is None:
            lines.append(f"| {label} | ≤ {limit:g}{unit} | not measured | — |")
            return
        holds = value <= limit
        verdict = "yes" if holds else f"**no**: {value / limit - 1:.0%} over"
        lines.append(f"| {label} | ≤ {limit:g}{unit} | {value:.2f}{unit}{detail} | {verdict} |")

    def r(a: dict | None, b: dict | None, key: str = "wall") -> float | None:
        return a[key] / b[key] if a and b and b[key] else None

    t10, h10 = wall(runs, "teigen", f"build {largest}"), wall(runs, "hugo", f"build {largest}")
    add(f"fresh {largest:,} pages, minimal theme (Teigen / Hugo)", r(t10, h10), 0.35)
    add("rebuild on disk, nothing changed (Teigen / Hugo)",
        r(wall(runs, "teigen", f"rebuild-same {largest}"), wall(runs, "hugo", f"rebuild-same {largest}")), 0.5)
    add("rebuild on disk, 1 % changed (Teigen / Hugo)",
        r(wall(runs, "teigen", f"rebuild-1pct {largest}"), wall(runs, "hugo", f"rebuild-1pct {largest}")), 0.3)
    own_minimal = wall(runs, "teigen", f"own-minimal {largest}") or t10
    add("own theme / minimal theme (Teigen, the same rounds)", r(wall(runs, "teigen", f"own {largest}"), own_minimal), 1.2)
    if big:
        add(f"{big:,} pages / {largest:,} pages (Teigen)", r(wall(runs, "teigen", f"build {big}"), t10), 11.0)
    add(f"peak RSS at {largest:,} pages (Teigen / Hugo)", r(t10, h10, "rss"), 0.35)
    if big:
        tb = wall(runs, "teigen", f"build {big}")
        add(f"peak RSS at {big:,} pages (Teigen)", tb["rss"] / 1024 if tb else None, 2.0, " GiB")
    md = {k: float(v) for k, v in precise.items()}
    add("`teigen markdown` / `cmark`, 5 MB", md["teigen 5MB"] / md["cmark 5MB"] if md.get("cmark 5MB") and "teigen 5MB" in md else None, 1.2)
    return lines


def main() -> int:
    results, counts_path = sys.argv[1], sys.argv[2]
    runs = load(results)
    counts: dict[str, str] = {}
    if os.path.exists(counts_path):
        with open(counts_path, encoding="utf-8") as f:
            counts = dict(line.rstrip("\n").split("\t", 1) for line in f if "\t" in line)

    out = ["# Benchmarks", "", "Written by `make bench` (bench/run.sh); do not edit by hand.", "", "## Machine", ""]
    out += machine()
    precise = dict(part.split("=") for part in os.environ.get("md_precise", "").split(";") if "=" in part)
    build_sizes = sorted({int(case.split()[1]) for _, case in runs if case.startswith("build ")})
    big = int(os.environ.get("big_pages") or 0) or None
    largest = max([n for n in build_sizes if n != big] or [10000])
    out += ["", "## Targets", "",
            "Each a ratio of medians from this run (the sections below have the figures). "
            "Where a target is missed, the notes after the tables say why.", ""]
    out += targets(runs, largest, big if big in build_sizes else None, precise)
    out += [
        "",
        "Wall time, CPU time (user + sys) and peak resident memory come from `/usr/bin/time`; "
        "each figure is the median of the runs shown. Lower is better; a ratio below 1× means Teigen is ahead. "
        "The machine is shared (2 cores): compare ratios within one run rather than seconds across runs.",
        "",
        "## Full site builds",
        "",
        "Generated by `bench/generate.py --seed 1`: about 20 nested sections, mixed Japanese/English Markdown "
        "(median ~1,500 characters, about 1 page in 200 over 20,000) with headings, lists, quotes, code, GFM tables, "
        "footnotes and links between pages; the same content and the same minimal layout for both tools. "
        "Teigen and Hugo runs alternate, each into an empty output folder and, for Teigen, without a render cache (the previous output is moved aside and "
        "deleted after the last run: on this disk, ext4 without a journal, creating files right after deleting "
        "thousands is slow for whichever tool comes next). Every page has one to three tags; both tools write a "
        "page per tag and one listing the tags, and paginate every list (sections, the home, the tags, each tag) "
        "by 10 (`PAGINATE` in `bench/generate.py`). Hugo is otherwise configured to do the same work (one RSS feed, "
        "no syntax highlighting); Teigen writes more feeds (an Atom feed and a JSON Feed for the home and for each tag).",
        "",
        "| Case | Tool | Runs | Wall (s) | CPU (s) | Peak RSS (MB) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    cases = sorted({case for _, case in runs if case.startswith("build ")}, key=lambda c: int(c.split()[1]))
    for case in cases:
        out += compared(f"{int(case.split()[1]):,} pages", runs, case)
    # Growth with the number of pages: at most 11x the time for 10x the pages.
    sizes = [int(c.split()[1]) for c in cases]
    for small, large in zip(sizes, sizes[1:]):
        ms, ml = medians(runs.get(("teigen", f"build {small}"), [])), medians(runs.get(("teigen", f"build {large}"), []))
        mhs, mhl = medians(runs.get(("hugo", f"build {small}"), [])), medians(runs.get(("hugo", f"build {large}"), []))
        if ms and ml and ms["wall"]:
            line = (f"Growth: {large:,} pages take **{ml['wall'] / ms['wall']:.1f}×** the wall time of {small:,} "
                    f"for Teigen (target: at most {1.1 * large / small:.0f}×)")
            if mhs and mhl and mhs["wall"]:
                line += f", {mhl['wall'] / mhs['wall']:.1f}× for Hugo"
            out += ["", line + "."]
    if counts:
        out += ["", "HTML files written: " + ", ".join(f"{k.split()[1]} {int(k.split()[2]):,} pages → {v}" for k, v in sorted(counts.items()) if k.startswith("pages ")) + "."]

    out += ["", "## Rebuilds, the own theme, the second corpus shape, start-up", "",
            "Rebuilds go into the output folder of the fresh builds above, on the machine's real disk (ext4), "
            "not tmpfs: Hugo overwrites its files in place (and leaves files it no longer makes); Teigen reads the "
            "render cache the build before it left in `.teigen-cache/render/` (fresh builds start without one), "
            "converts and renders only the pages whose inputs changed, and updates in place, as its staging tree, "
            "the tree its previous swap replaced (kept beside the output as `.NAME.spare`): every page it did not "
            "render and every file whose bytes are unchanged is already a hard link to the current output's file "
            "there, or is linked anew; changed files are replaced and stale ones removed; then it swaps the trees "
            "with one rename. The first rebuild after a fresh build has no spare tree yet and makes a whole new "
            "tree. For 1 %, `bench/edit.py` adds a sentence "
            "to every 100th page of both copies before each round. The own theme is the project's `theme/` "
            "(menus marking the current page, breadcrumbs, table of contents, JSON-LD, fingerprinted assets with "
            "SRI hashes, page meta, pager); Hugo gets `hugo-full` layouts doing the same work. Each own-theme round "
            "also builds the minimal theme fresh, in turn with the own theme, for the own/minimal target; the rounds "
            "start a minute after the rebuilds (untimed), once ext4 no longer counts their deleted folders' inodes "
            "as recently freed. The deep shape "
            "(`generate.py --shape deep`): about 10 sections nested up to six levels, a median page of about "
            "6,000 characters, about twice the tables and three times the footnotes.", ""]
    out += side_by_side(runs, largest, int(os.environ.get("deep_pages") or 0))
    hugo_big = os.environ.get("hugo_big_note", "")
    if hugo_big:
        out += ["", hugo_big]
    out += profile(os.path.dirname(os.path.abspath(results)))

    out += ["", "## Markdown alone", "",
            "`teigen markdown BIG.md` against Debian's `cmark BIG.md` (the C library Teigen wraps) on a generated "
            "5 MB document of mixed Japanese/English Markdown with GFM tables and footnotes (`bench/generate.py "
            "--big-markdown`; `cmark` renders the same bytes, tables and notes as plain paragraphs), output discarded; "
            "then each on an empty file (process start-up alone), and Teigen on the document's first quarter "
            "(the time should grow about linearly: 4× the input, about 4× the time).",
            "", "| Case | Tool | Runs | Wall (s) | CPU (s) | Peak RSS (MB) |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for case, label in (("markdown 5MB", "5 MB"), ("markdown empty", "empty file"), ("markdown 1.25MB", "1.25 MB")):
        t, c = runs.get(("teigen", case), []), runs.get(("cmark", case), [])
        mt, mc = medians(t), medians(c)
        out.append(row(label, "Teigen", mt, failures(t)) if t else f"| {label} | Teigen | 0 | not run | | |")
        if c:
            out.append(row(label, "cmark", mc, failures(c)))
            if (r := ratio(label, mt, mc, "Teigen / cmark")):
                out.append(r)
    if precise:
        ms = {k: float(v) for k, v in precise.items()}
        line = "Wall times in milliseconds (median, perf_counter around each process): " + ", ".join(
            f"{k} {v:.1f}" for k, v in ms.items())
        if ms.get("cmark 5MB") and "teigen 5MB" in ms:
            line += f". Teigen / cmark on 5 MB: **{ms['teigen 5MB'] / ms['cmark 5MB']:.2f}×**"
        if "teigen empty" in ms and "cmark empty" in ms:
            line += f"; start-up alone (empty file): Teigen {ms['teigen empty']:.1f} ms, cmark {ms['cmark empty']:.1f} ms"
        if "teigen 5MB" in ms and ms.get("teigen 1.25MB"):
            line += f"; growth 5 MB / 1.25 MB: {ms['teigen 5MB'] / ms['teigen 1.25MB']:.1f}× (linear: about 4×)"
        out += ["", line + "."]
    whole, quarter = medians(runs.get(("teigen", "markdown 5MB"), [])), medians(runs.get(("teigen", "markdown 1.25MB"), []))
    if not precise and whole and quarter and quarter["wall"]:
        # /usr/bin/time counts hundredths of a second: the milliseconds above, when there, say it better.
        out += ["", f"Growth: 5 MB takes {whole['wall'] / quarter['wall']:.1f}× the time of its first 1.25 MB (linear: about 4×)."]
    out += markdown_stages(precise)
    out += rich_case(runs, counts)
    out += ["", "## The real site, cold build", ""]
    real = runs.get(("teigen", "real site"), [])
    if real:
        out += ["`teigen build --source site` into an empty folder, a new process each time. The site has "
                "`search: true`: the time includes writing its search index.", "",
                "| Case | Tool | Runs | Wall (s) | CPU (s) | Peak RSS (MB) |", "| --- | --- | ---: | ---: | ---: | ---: |",
                row("site/", "Teigen", medians(real), failures(real))]
    else:
        out.append("Not run (no release binary or no site/config.yaml).")

    edits = sorted({case for _, case in runs if case.startswith("serve ")})
    if edits:
        out += ["", "## One-page edits in `teigen serve`", "",
                "`bench/incremental.py`: the first (full) build of the largest generated site in `teigen serve`, "
                "then one page edited five times; the server's own rebuild time, and the time from the edit to the "
                "new page being served (including the watcher's 100 ms debounce).", "",
                "| Case | Runs | Time (s) |", "| --- | ---: | ---: |"]
        for case in sorted(edits, key=lambda c: ("edit+serve" in c, "edit" in c)):
            m = medians(runs[("teigen", case)])
            if m:
                out.append(f"| {case} | {m['n']} | {m['wall']:.3f} |")
        full = medians(runs.get(("teigen", next((c for c in edits if c.startswith("serve full")), "")), []))
        edit = medians(runs.get(("teigen", next((c for c in edits if c.startswith("serve edit ")), "")), []))
        if full and edit and edit["wall"]:
            out += ["", f"Full build / one-page rebuild: **{full['wall'] / edit['wall']:.1f}×** (target: at least 20×)."]

    out += ["", "## Serving", "",
            f"`wrk -t 2 -c 100 -d 10s` on one generated page (`/{os.environ.get('wrk_page', '')}` of the "
            f"{int(os.environ.get('wrk_site_pages') or 0):,}-page site), "
            "load generator and server on the same 2 cores.", "",
            "| Server | Requests/s | Errors |", "| --- | ---: | ---: |"]
    for name, var in (("`teigen serve`", "wrk_teigen"), ("nginx, same file (yardstick)", "wrk_nginx")):
        value = os.environ.get(var, "")
        if value:
            rps, errors = (value.split() + ["?", "?"])[:2]
            out.append(f"| {name} | {rps} | {errors} |")
        else:
            out.append(f"| {name} | not run | |")
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            out += ["", f.read().rstrip()]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
