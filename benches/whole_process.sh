#!/usr/bin/env bash
# The whole process, as a user runs it: generates 1,000 and 10,000 articles of ~800 words
# (one story per 50 articles) into /tmp, then times `parallax dump --format json > /dev/null`
# cold (an empty analysis cache: clean, recognise, cluster, write the cache) and warm (every
# article from the cache), and `parallax stories` warm, with `/usr/bin/time -v` for wall
# time, CPU time and peak memory. "Cold" is about the analysis cache only: the article files
# were just written and sit in the OS page cache.
#
#   benches/whole_process.sh [path/to/parallax]      (default: builds --release)
#   WHOLE_PROCESS_DIR=/tmp/elsewhere benches/whole_process.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-}
if [[ -z "$bin" ]]; then
  cargo build --release --quiet
  bin=${CARGO_TARGET_DIR:-target}/release/parallax
fi
root=${WHOLE_PROCESS_DIR:-/tmp/parallax-whole-process}
mkdir -p "$root"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-9s %-14s %8s %8s %8s %10s\n' articles MiB run wall_s user_s sys_s peak_MiB

# One timed run: prints a row of the table.
timed() {
  local articles=$1 mib=$2 label=$3 cache=$4
  shift 4
  local report="$root/time.txt"
  XDG_CACHE_HOME="$cache" /usr/bin/time -v "$@" > /dev/null 2> "$report"
  awk -v n="$articles" -v mib="$mib" -v label="$label" -F': ' '
    /Elapsed \(wall clock\)/ { split($2, t, ":"); wall = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { user = $2 }
    /System time/ { sys = $2 }
    /Maximum resident set size/ { peak = $2 / 1024 }
    END { printf "%-8s %-9s %-14s %8.2f %8.2f %8.2f %10.0f\n", n, mib, label, wall, user, sys, peak }
  ' "$report"
}

for articles in 1000 10000; do
  corpus="$root/corpus-$articles"
  cache="$root/cache-$articles"
  rm -rf "$corpus" "$cache"
  "$bin" generate --articles "$articles" --words 800 --stories $((articles / 50)) --seed 1 \
    --out "$corpus" 2> /dev/null
  mib=$(du -sb --exclude=stories.json "$corpus" | awk '{printf "%.1f", $1 / 1048576}')
  timed "$articles" "$mib" "dump cold" "$cache" "$bin" dump "$corpus" --format json
  timed "$articles" "$mib" "dump warm" "$cache" "$bin" dump "$corpus" --format json
  timed "$articles" "$mib" "stories warm" "$cache" "$bin" stories "$corpus" --format json
  XDG_CACHE_HOME="$cache" "$bin" stories "$corpus" --format text \
    --truth "$corpus/stories.json" | sed -n '1,2p' | sed 's/^/    /'
done
