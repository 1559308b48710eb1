#!/usr/bin/env bash
# A/B of the write strategy on a rebuild of the 10,000-page site made by make bench (minimal theme), nothing
# changed, three rounds alternating; prints "link|write WALL USER SYS" per build:
#   bash bench/write_ab.sh TEIGEN_BINARY
# link: the output holds the same bytes (every file is hard-linked); write: every file of the output was made one
# byte longer first (each is compared by size only, then written, and the old data is freed after the swap).
set -u
T=$(readlink -f "${1:?usage: bench/write_ab.sh TEIGEN_BINARY}")
cd "$(dirname "${BASH_SOURCE[0]}")/../.bench" || exit 1
G=gen-10000/teigen
build() { /usr/bin/time -f "%e %U %S" -o ab.time $T build --source $G/site --theme $G/theme --output "$1" >/dev/null 2>&1; cat ab.time; }
settle() { while compgen -G ".$1.old-*" >/dev/null; do sleep 0.2; done; sync; }
rm -rf ab-link ab-write
build ab-link >/dev/null; settle ab-link
build ab-write >/dev/null; settle ab-write
for round in 1 2 3; do
  find ab-write -type f -exec sh -c 'for f; do printf x >> "$f"; done' _ {} +
  sync
  if (( round % 2 )); then
    echo "link $(build ab-link)"; settle ab-link
    echo "write $(build ab-write)"; settle ab-write
  else
    echo "write $(build ab-write)"; settle ab-write
    echo "link $(build ab-link)"; settle ab-link
  fi
done
