"""Shared helpers for the browser-based site checks: a local static server over PUBLIC_DIR and
a headless Chromium driven by selenium. Used by check_axe.py, screenshots.py and check_search.py."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import socket
import sys
import threading
import urllib.parse

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def base_path(public_dir: str) -> str:
    """The site's base path (`/` or `/sub/path/`), read from the home page's canonical link."""
    try:
        with open(os.path.join(public_dir, "index.html"), encoding="utf-8") as f:
            head = f.read(20000)
    except OSError:
        return "/"
    m = re.search(r'<link[^>]+rel="canonical"[^>]*>', head)
    href = re.search(r'href="([^"]+)"', m.group(0)) if m else None
    path = urllib.parse.urlparse(href.group(1)).path if href else "/"
    return path if path.endswith("/") else path + "/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        # The site is built for its base path: serve PUBLIC_DIR there, as the real host would.
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".svg": "image/svg+xml",
        ".xml": "application/xml; charset=utf-8",
    }

    def log_message(self, format, *args):  # noqa: A002 - keep test output readable
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(public_dir: str):
    """Serves public_dir at the site's base path on a free loopback port in a thread;
    yields the site's root URL (ending with /)."""
    prefix = base_path(public_dir)
    handler_class = type("_Handler", (_QuietHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=os.path.abspath(public_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900):
    """A headless Chromium (selenium); quits on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--force-device-scale-factor=1", f"--window-size={width},{height}", "--lang=ja"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(60)
        yield driver
    finally:
        driver.quit()


def set_color_scheme(driver, scheme: str) -> None:
    """Emulates prefers-color-scheme: light or dark (CDP Emulation.setEmulatedMedia)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def set_viewport(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def html_pages(public_dir: str) -> list[str]:
    """Every index.html and 404.html under public_dir, as URL paths relative to the root, sorted."""
    out = []
    for root, _, files in os.walk(public_dir):
        for f in files:
            if f in ("index.html", "404.html"):
                rel = os.path.relpath(os.path.join(root, f), public_dir).replace(os.sep, "/")
                out.append(rel)
    return sorted(out)


def pages_or_exit(public_dir: str, tool: str) -> list[str]:
    """html_pages(public_dir), or exit with status 1 and `TOOL: …` when public_dir is not a built site."""
    pages = html_pages(public_dir) if os.path.isdir(public_dir) else []
    if not pages:
        print(f"{tool}: no index.html or 404.html under {public_dir}", file=sys.stderr)
        sys.exit(1)
    return pages


def url_for(root_url: str, rel: str) -> str:
    """URL of a file under the server root, percent-encoded (Japanese folder names)."""
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return root_url + urllib.parse.quote(rel)


SEARCH_PAGE = "search/index.html"
SEARCH_QUERY = "核軍縮"
# The English edition's search page, which searches the English pages (search-index/en/), and a query for it.
EN_SEARCH_PAGE = "en/search/index.html"
EN_SEARCH_QUERY = "disarmament"
# Each search page with the query its checks search.
SEARCH_PAGES = {SEARCH_PAGE: SEARCH_QUERY, EN_SEARCH_PAGE: EN_SEARCH_QUERY}


def open_search_results(driver, root_url: str, query: str = SEARCH_QUERY, timeout: float = 20, page: str = SEARCH_PAGE) -> int:
    """Opens the search page `page` with `query` searched (the theme's search/?q=TERM) and waits, explicitly,
    until the search script says it is done (#search[data-state=done] for this query) with results shown
    and the fonts loaded. Returns how many results it shows."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url_for(root_url, page) + "?q=" + urllib.parse.quote(query))
    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(lambda d: d.execute_script(
        "const s = document.getElementById('search');"
        "const r = document.querySelectorAll('.search-result');"
        "return s && s.dataset.state === 'done' && s.dataset.query === arguments[0] && r.length > 0"
        " && document.fonts.status === 'loaded' ? r.length : 0", query))
