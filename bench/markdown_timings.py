#!/usr/bin/env python3
"""Runs `teigen markdown --timings FILE` several times and prints, as JSON, the fastest time of each
stage over the runs, for libcmark alone and for Teigen's whole conversion (see MarkdownCommand).

Usage: bench/markdown_timings.py TEIGEN FILE [RUNS]
"""
import json
import re
import subprocess
import sys


def main() -> None:
    teigen, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    best: dict[str, dict[str, float]] = {}
    for _ in range(runs):
        result = subprocess.run([teigen, "markdown", "--timings", path], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, check=True)
        section = ""
        for line in result.stderr.splitlines():
            match = re.match(r"(\s*)([^:]+): (-?[\d.]+) ms", line)
            if not match:
                continue
            indented, name, value = bool(match.group(1)), match.group(2), float(match.group(3))
            if not indented:
                section = name
            key = section if indented else "totals"
            stages = best.setdefault(key, {})
            stages[name] = min(stages.get(name, value), value)
    json.dump(best, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
