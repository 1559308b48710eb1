#!/usr/bin/env python3
"""Generates a site of pages with photographs and code, for Teigen and Hugo, for `make bench`'s rich case.

Each page is a folder (`content/p-NNN/index.md`) holding IMAGES photographs (distinct JPEG crops, 1600×1067,
of one large blurred-noise picture made with the `vips` command) shown in its Markdown, and two fenced code
blocks (Swift and Python) among Japanese prose. Both tools are set to do the same work: every image resized to
480, 960 and 1440 pixels wide in WebP and JPEG with a `<picture>` (Teigen by default; Hugo through a render
hook with `.Resize`), and code highlighted with CSS classes (Teigen with Pygments, Hugo with Chroma).

Usage: bench/generate_rich.py --pages 200 --images 2 --out DIR   (writes DIR/teigen/{site,theme} and DIR/hugo)
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the prose, and the minimal layouts both tools share)

WIDTHS = [480, 960, 1440]
SWIFT = "let warheads = [\"2023\": 410, \"2035\": 1_500]\nfor (year, count) in warheads.sorted(by: { $0.key < $1.key }) {\n    print(\"\\(year): \\(count)\")\n}"
PYTHON = "import csv\n\nwith open('warheads.csv', encoding='utf-8') as f:\n    for row in csv.DictReader(f):\n        print(row['year'], int(row['count']) * 2)"


def photographs(count: int, folder: Path, seed: int) -> list[Path]:
    """`count` distinct 1600×1067 JPEGs cropped from one blurred-noise picture (a photograph's texture)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / "base.v"
    subprocess.run(["vips", "gaussnoise", str(folder / "noise.v"), "4200", "3000", "--sigma", "70"], check=True)
    subprocess.run(["vips", "gaussblur", str(folder / "noise.v"), str(folder / "blur.v"), "6"], check=True)
    subprocess.run(["vips", "cast", str(folder / "blur.v"), str(folder / "gray.v"), "uchar"], check=True)
    subprocess.run(["vips", "bandjoin", f"{folder / 'gray.v'} {folder / 'gray.v'} {folder / 'gray.v'}", str(base)], check=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"photo-{index}.jpg"
        x, y = rng.randint(0, 4200 - 1600), rng.randint(0, 3000 - 1067)
        subprocess.run(["vips", "crop", str(base), f"{path}[Q=85]", str(x), str(y), "1600", "1067"], check=True)
        paths.append(path)
    for name in ("noise.v", "blur.v", "gray.v", "base.v"):
        (folder / name).unlink()
    return paths


def page(text: generate.Text, number: int, images: int) -> str:
    figures = [f"![写真{number}-{k + 1}：会議の様子](photo-{k + 1}.jpg)" for k in range(images)]
    parts = [text.paragraph(), figures[0], text.paragraph(), f"```swift\n{SWIFT}\n```", text.paragraph()]
    parts += figures[1:] + [f"```python\n{PYTHON}\n```", text.paragraph()]
    return "\n\n".join(parts) + "\n"


def write_hugo_hooks(root: Path) -> None:
    """The same `<picture>` as Teigen's, made with Hugo's image processing; highlighting with classes."""
    config = root / "config.toml"
    text = config.read_text(encoding="utf-8").replace(
        "[markup.highlight]\ncodeFences = false\n", "[markup.highlight]\ncodeFences = true\nnoClasses = false\n")
    config.write_text(text + "\n[imaging]\nquality = 82\n", encoding="utf-8")
    hooks = root / "layouts" / "_default" / "_markup"
    hooks.mkdir(parents=True, exist_ok=True)
    sets = []
    for fmt, options in (("webp", "webp q80"), ("jpg", "jpg q82")):
        items = " ".join(f'(.Resize "{w}x {options}")' for w in WIDTHS)
        sets.append(f'{{{{ ${fmt} := slice {items} }}}}')
    srcset = lambda fmt: f'{{{{ range $i, $r := ${fmt} }}}}{{{{ if $i }}}}, {{{{ end }}}}{{{{ $r.RelPermalink }}}} {{{{ $r.Width }}}}w{{{{ end }}}}'
    (hooks / "render-image.html").write_text(
        "{{ with .Page.Resources.GetMatch .Destination }}" + "".join(sets)
        + "{{ $largest := index $jpg 2 }}"
        + f'<picture><source type="image/webp" srcset="{srcset("webp")}" sizes="(max-width: 1440px) 100vw, 1440px">'
        + f'<img src="{{{{ $largest.RelPermalink }}}}" srcset="{srcset("jpg")}" sizes="(max-width: 1440px) 100vw, 1440px" '
        + 'width="{{ $largest.Width }}" height="{{ $largest.Height }}" alt="{{ $.Text }}" loading="lazy" decoding="async"></picture>'
        + "{{ end }}",
        encoding="utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--images", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    photos = photographs(args.pages * args.images, args.out / "photos", args.seed)
    text = generate.Text(random.Random(args.seed))
    teigen, hugo = args.out / "teigen", args.out / "hugo"
    for folder in (teigen / "site" / "content", hugo / "content"):
        folder.mkdir(parents=True, exist_ok=True)
    generate.write_teigen_config(teigen, [])
    (teigen / "site" / "config.yaml").write_text(
        (teigen / "site" / "config.yaml").read_text(encoding="utf-8").replace("markdown:\n  highlight: false\n", ""), encoding="utf-8")
    generate.write_hugo_config(hugo, [])
    write_hugo_hooks(hugo)
    for number in range(1, args.pages + 1):
        body = page(text, number, args.images)
        matter = generate.front_matter(f"写真とコード {number}", generate.dt.date(2024, 1, 1) + generate.dt.timedelta(days=number), number, [])
        for content in (teigen / "site" / "content", hugo / "content"):
            folder = content / f"p-{number:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.md").write_text(matter + body, encoding="utf-8")
            for k in range(args.images):
                os.link(photos[(number - 1) * args.images + k], folder / f"photo-{k + 1}.jpg")
    for content in (teigen / "site" / "content", hugo / "content"):
        (content / "_index.md").write_text(generate.front_matter("写真とコード", generate.dt.date(2024, 1, 1), 0, []) + "一覧。\n", encoding="utf-8")
    shutil.rmtree(args.out / "photos")
    return 0


if __name__ == "__main__":
    sys.exit(main())
