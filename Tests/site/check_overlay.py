#!/usr/bin/env python3
"""The preview server's error overlay and error page, in headless Chromium, on a copy of the real site.

Usage: python3 Tests/site/check_overlay.py TEIGEN_BINARY [--site site] [--theme theme] [--screenshots DIR]

Runs `teigen serve --port 0` on a temporary copy of the site and theme, opens a page, breaks the front
matter of about.md and checks the overlay at 320, 375 and 1280 px, light and dark:
- it is opaque and covers the page: the element at the centre of the site's header is the overlay;
- its words are the page's language (Japanese, and English over a page of the English edition) and its panel
  says so (lang="ja", lang="en");
- nothing in it is wider than the window at 320 px (only the source line may scroll sideways);
- its text has a WCAG contrast of at least 4.5:1 against its background.
Then fixes the page (the overlay goes away with the reload), and starts a second server on the broken
site to check the page served when no build has succeeded. Writes PNGs of each state to --screenshots
(default screenshots/): overlay-<width>[-dark].png, error-page-<width>[-dark].png. Exit code 1 on failure.
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitebrowser  # noqa: E402

WIDTHS = [320, 375, 1280]
TITLE_JA = "サイトを再ビルドできませんでした"
TITLE_EN = ("en", "Teigen could not rebuild the site", "Hide")
ERROR_PAGE_TITLE_JA = "サイトをビルドできませんでした"
BROKEN = "title: [unclosed\n"

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


@contextlib.contextmanager
def serve(binary: str, site: str, theme: str):
    """Runs `teigen serve --port 0` and yields its URL once it prints it; stops it (SIGINT) on exit."""
    process = subprocess.Popen([binary, "serve", "--port", "0", "--source", site, "--theme", theme],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:
            if line.startswith("Serving at ") and not url:
                url.append(line[len("Serving at "):].strip())
                ready.set()
    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(180):
            raise RuntimeError("teigen serve did not print its URL")
        yield url[0]
    finally:
        process.send_signal(2)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_for(driver, script: str, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script(script))


def screenshot(driver, path: str) -> None:
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


# The colours of each text of a panel, with the background it is drawn on.
TEXTS = r"""
const texts = (panel) => [...panel.querySelectorAll(".title, .hint, .where, pre, .hide")].map((el) => {
  let bg = el, back = getComputedStyle(bg).backgroundColor;
  while (back === "rgba(0, 0, 0, 0)" && bg.parentElement) { bg = bg.parentElement; back = getComputedStyle(bg).backgroundColor; }
  return { tag: el.tagName + "." + el.className, color: getComputedStyle(el).color, background: back };
});
"""

# Reads the overlay's state from its shadow root: computed colours, sizes, the element at the header.
PROBE = TEXTS + r"""
const host = document.getElementById("teigen-error");
if (!host || !host.shadowRoot) return null;
const panel = host.shadowRoot.querySelector(".panel");
const header = document.querySelector("header");
let atHeader = null;
if (header) {
  const r = header.getBoundingClientRect();
  atHeader = document.elementFromPoint(Math.min(innerWidth - 1, r.left + r.width / 2), Math.max(0, r.top + Math.min(r.height, 40) / 2));
}
const widest = Math.max(...[...panel.querySelectorAll("*")].filter((el) => !el.closest("pre")).map((el) => el.getBoundingClientRect().right));
return {
  background: getComputedStyle(panel).backgroundColor,
  rect: panel.getBoundingClientRect().toJSON(),
  lang: panel.lang,
  title: panel.querySelector(".title").textContent,
  hide: panel.querySelector(".hide").textContent,
  texts: texts(panel),
  panelOverflows: panel.scrollWidth > panel.clientWidth,
  widest,
  innerWidth,
  innerHeight,
  headerCovered: atHeader === null ? null : atHeader === host,
};
"""

# The same for the server's own page (no shadow root).
PAGE_PROBE = TEXTS + r"""
const panel = document.querySelector(".panel"), message = document.getElementById("teigen-message");
const widest = Math.max(...[...panel.querySelectorAll("*")].filter((el) => !el.closest("pre")).map((el) => el.getBoundingClientRect().right));
return {
  lang: document.documentElement.lang,
  title: panel.querySelector(".title").textContent,
  message: message ? message.textContent : "",
  background: getComputedStyle(panel).backgroundColor,
  texts: texts(panel),
  overflows: panel.scrollWidth > panel.clientWidth || widest > innerWidth + 0.5,
};
"""


def rgb(text: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", text)]
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)


def contrast(a: str, b: str) -> float:
    def luminance(c: str) -> float:
        channels = []
        for v in rgb(c)[:3]:
            v /= 255
            channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_overlay(driver, page_url: str, width: int, scheme: str, out: str, words=("ja", TITLE_JA, "閉じる"), name="overlay") -> None:
    sitebrowser.set_viewport(driver, width, 800)
    sitebrowser.set_color_scheme(driver, scheme)
    driver.get(page_url)
    state = wait_for(driver, PROBE)
    label = f"{name} at {width} px, {scheme}"
    check(rgb(state["background"])[3] == 1.0, f"{label}: opaque panel ({state['background']})")
    r = state["rect"]
    check(r["x"] == 0 and r["y"] == 0 and r["width"] == state["innerWidth"] and r["height"] == state["innerHeight"],
          f"{label}: covers the whole window ({r})")
    check(state["headerCovered"] is True, f"{label}: the site's header is under the overlay, not through it")
    check((state["lang"], state["title"], state["hide"]) == words,
          f"{label}: in the page's language ({state['lang']}: {state['title']} / {state['hide']}; expected {words})")
    check(not state["panelOverflows"] and state["widest"] <= state["innerWidth"] + 0.5,
          f"{label}: nothing wider than the window (widest right edge {state['widest']:.0f} px)")
    dark = sum(rgb(state["background"])[:3]) / 3 < 80
    check(dark == (scheme == "dark"), f"{label}: {scheme} colours ({state['background']})")
    for text in state["texts"]:
        ratio = contrast(text["color"], text["background"])
        check(ratio >= 4.5, f"{label}: {text['tag']} contrast {ratio:.1f}:1")
    suffix = "-dark" if scheme == "dark" else ""
    screenshot(driver, os.path.join(out, f"{name}-{width}{suffix}.png"))


def check_error_page(driver, url: str, width: int, scheme: str, out: str) -> None:
    sitebrowser.set_viewport(driver, width, 800)
    sitebrowser.set_color_scheme(driver, scheme)
    driver.get(url)
    state = driver.execute_script(PAGE_PROBE)
    label = f"error page at {width} px, {scheme}"
    check(state["lang"] == "ja" and state["title"] == ERROR_PAGE_TITLE_JA, f"{label}: in Japanese ({state['title']})")
    check("about.md:" in state["message"] and "error:" in state["message"], f"{label}: shows the error")
    check(not state["overflows"], f"{label}: nothing wider than the window")
    check(rgb(state["background"])[3] == 1.0, f"{label}: opaque ({state['background']})")
    for text in state["texts"]:
        ratio = contrast(text["color"], text["background"])
        check(ratio >= 4.5, f"{label}: {text['tag']} contrast {ratio:.1f}:1")
    suffix = "-dark" if scheme == "dark" else ""
    screenshot(driver, os.path.join(out, f"error-page-{width}{suffix}.png"))


def main() -> int:
    ap = argparse.ArgumentParser(description="the preview's error overlay in headless Chromium")
    ap.add_argument("teigen")
    ap.add_argument("--site", default="site")
    ap.add_argument("--theme", default="theme")
    ap.add_argument("--screenshots", default="screenshots")
    args = ap.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="teigen-overlay-")
    try:
        site, theme = os.path.join(work, "site"), os.path.join(work, "theme")
        shutil.copytree(args.site, site)
        shutil.copytree(args.theme, theme)
        about = os.path.join(site, "content", "about.md")
        with open(about, encoding="utf-8") as f:
            original = f.read()
        broken = re.sub(r"^title: .*\n", BROKEN, original, count=1, flags=re.M)

        with serve(args.teigen, site, theme) as url, sitebrowser.chromium() as driver:
            page_url = url + "about/"
            driver.get(page_url)
            with open(about, "w", encoding="utf-8") as f:
                f.write(broken)
            for width in WIDTHS:
                for scheme in ("light", "dark"):
                    check_overlay(driver, page_url, width, scheme, args.screenshots)
            # Over a page of the English edition, the overlay speaks English (the theme's i18n/en.yaml).
            for width in WIDTHS:
                check_overlay(driver, url + "en/about/", width, "light", args.screenshots, TITLE_EN, "overlay-en")
            with open(about, "w", encoding="utf-8") as f:
                f.write(original)
            gone = wait_for(driver, "return document.readyState === 'complete' && !document.getElementById('teigen-error')")
            check(bool(gone), "fixing the page reloads it without the overlay")

        with open(about, "w", encoding="utf-8") as f:
            f.write(broken)
        with serve(args.teigen, site, theme) as url, sitebrowser.chromium() as driver:
            for width in WIDTHS:
                for scheme in ("light", "dark"):
                    check_error_page(driver, url + "about/", width, scheme, args.screenshots)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"check_overlay: {len(failures)} failed" if failures else "check_overlay: all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
