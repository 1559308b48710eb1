#!/usr/bin/env python3
"""Edit a share of a generated site's pages, as a writer between two builds would.

    bench/edit.py ROUND CONTENT_DIR...      (ROUND 0 restores the pages as generated)

Every 100th regular page (`p-*.md`, in sorted order: 1 %) of each CONTENT_DIR gets one sentence at the end
of its body naming ROUND, replacing the sentence an earlier round added, so that each round changes the same
pages' bytes again and round 0 gives back the generated files exactly. Standard library only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MARK = re.compile(r"\n\n編集 [0-9]+ 回目。\n\Z")


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    round_ = int(sys.argv[1])
    for folder in sys.argv[2:]:
        pages = sorted(Path(folder).rglob("p-*.md"))
        for path in pages[::100]:
            text = MARK.sub("\n", path.read_text(encoding="utf-8"))
            if round_:
                text = text.rstrip("\n") + f"\n\n編集 {round_} 回目。\n"
            path.write_text(text, encoding="utf-8")
        print(f"{folder}: {len(pages[::100])} of {len(pages)} pages {'edited' if round_ else 'restored'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
