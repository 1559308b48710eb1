#!/usr/bin/env python3
"""Times a one-page edit in `teigen serve` against its first (full) build.

    bench/incremental.py TEIGEN SITE_DIR THEME_DIR [EDITS]

Starts `teigen serve --verbose --port 0`, reads "Built N files in X ms (full build)",
then appends a sentence to one page EDITS times (default 5), each time waiting for
"Built N files in Y ms (K rebuilt)" and for the server to return the new text.
Prints tab-separated lines: `full MS`, then `edit MS` per edit (rebuild time as the
server measured it, plus the time until the new page was served).
"""
import os
import re
import subprocess
import sys
import time
import urllib.request

BUILT = re.compile(r"Built \d+ files in ([0-9.]+) ms \((full build|\d+ rebuilt)\)")


def main() -> int:
    teigen, site, theme = sys.argv[1:4]
    edits = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    server = subprocess.Popen(
        [teigen, "serve", "--source", site, "--theme", theme, "--port", "0", "--verbose"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    try:
        url = None
        full = None
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and (url is None or full is None):
            line = server.stdout.readline()
            if not line:
                print("serve exited early", file=sys.stderr)
                return 1
            if match := BUILT.search(line):
                full = float(match.group(1))
            if "Serving at " in line:
                url = line.split("Serving at ", 1)[1].split()[0].rstrip("…")
        print(f"full\t{full}")
        pages = sorted(p for p in (os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content")) for f in fs)
                       if p.endswith(".md") and not p.endswith("_index.md"))
        page = pages[len(pages) // 2]
        relative = os.path.relpath(page, os.path.join(site, "content"))[:-3]
        for edit in range(edits):
            marker = f"incremental-edit-{edit}-{time.time_ns()}"
            start = time.monotonic()
            with open(page, "a", encoding="utf-8") as f:
                f.write(f"\n\n{marker}\n")
            rebuild = None
            while rebuild is None:
                line = server.stdout.readline()
                if not line:
                    return 1
                if (match := BUILT.search(line)) and match.group(2) != "full build":
                    rebuild = float(match.group(1))
            # The edited page as the browser would fetch it after the reload event.
            target = url.rstrip("/") + "/" + "/".join(urllib.parse.quote(p) for p in relative.split(os.sep)) + "/"
            while marker not in urllib.request.urlopen(target, timeout=30).read().decode("utf-8", "replace"):
                time.sleep(0.01)
            served = (time.monotonic() - start) * 1000
            print(f"edit\t{rebuild}\t{served:.1f}")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    import urllib.parse
    sys.exit(main())
