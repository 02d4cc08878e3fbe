#!/usr/bin/env bash
# `fzf --filter` on the same generated lines as `cargo bench --bench finder`, for comparison.
# Writes the lines (10k, 100k, 400k) with the bench binary, then times fzf per query: the
# median of 7 runs, wall clock, including fzf reading the file and sorting every match.
# fzf comes from Debian's packages and is installed here if missing (for this script only).
# Usage: bash benches/compare_fzf.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fzf >/dev/null 2>&1; then
  (apt-get update && apt-get install -y fzf) >/dev/null
fi

dir="${CARGO_TARGET_DIR:-target}/finder-lines"
FINDER_BENCH_LINES_DIR="$dir" cargo bench --bench finder >/dev/null

queries=("p" "pu" "put" "putin" "nat her" "sharaa moscow" "khmeim" "zzz")
echo "fzf $(fzf --version | cut -d' ' -f1), $(nproc) cores; median of 7 runs, ms"
for size in 10000 100000 400000; do
  file="$dir/lines-$size.txt"
  for query in "${queries[@]}"; do
    times=()
    for _ in 1 2 3 4 5 6 7; do
      start=$(date +%s%N)
      fzf --filter "$query" <"$file" >/dev/null || true
      end=$(date +%s%N)
      times+=($(((end - start) / 1000)))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)
    matches=$(fzf --filter "$query" <"$file" | wc -l || true)
    awk -v s="$((size / 1000))" -v q="\"$query\"" -v t="$median" -v m="$matches" \
      'BEGIN { printf "fzf/%dk/%-16s %8.1f ms  (%d matches)\n", s, q, t / 1000, m }'
  done
done
