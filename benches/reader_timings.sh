#!/usr/bin/env bash
# The reader as a person meets it, on a generated corpus: starts `parallax` in a 160x48 tmux
# window with PARALLAX_TIMINGS set and reports when the first frame was drawn, when every
# article had arrived and when the whole analysis was in (milliseconds since the process
# started) and the peak resident memory, cold (an empty analysis cache) and then warm (the same
# corpus again); meanwhile it presses J/K every 0.2 s and reports how long each key took from
# being read to its frame being drawn.
#
#   benches/reader_timings.sh [ARTICLES] [path/to/parallax]   (default 10000, builds --release)
set -euo pipefail
cd "$(dirname "$0")/.."

articles=${1:-10000}
bin=${2:-}
if [[ -z "$bin" ]]; then
  cargo build --release --quiet
  bin=${CARGO_TARGET_DIR:-target}/release/parallax
fi
bin=$(realpath "$bin")
root=${READER_TIMINGS_DIR:-/tmp/parallax-reader-timings}
corpus="$root/corpus-$articles"
mkdir -p "$root"
if [[ ! -f "$corpus/stories.json" ]]; then
  "$bin" generate --articles "$articles" --words 800 --stories $((articles / 50)) --seed 1 \
    --out "$corpus" 2> /dev/null
fi
cache="$root/cache"
[[ -n "${KEEP_CACHE:-}" ]] || rm -rf "$cache" "$root/state" "$root/data"
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $articles articles"

run() {
  local label=$1 log="$root/timings-$1.txt" session="parallax-timings-$$"
  rm -f "$log"
  tmux new-session -d -s "$session" -x 160 -y 48 \
    "env XDG_CACHE_HOME='$cache' XDG_STATE_HOME='$root/state' XDG_DATA_HOME='$root/data' PARALLAX_TIMINGS='$log' '$bin' '$corpus'"
  # Keys while it loads and analyses: J and K (next and previous source) by turns, every
  # 0.2 s, each timed from being read to its frame being drawn.
  local key=J
  for _ in $(seq 1 3000); do
    grep -q '^finder-indexed' "$log" 2> /dev/null && break
    tmux send-keys -t "$session" "$key"
    if [[ $key == J ]]; then key=K; else key=J; fi
    sleep 0.2
  done
  tmux send-keys -t "$session" q
  sleep 0.5
  tmux kill-session -t "$session" 2> /dev/null || true
  printf '%-5s' "$label"
  grep -v '^key-to-frame' "$log" |
    awk '{ printf "  %s %8.1f ms", $1, $2; peak = $3 } END { printf "  peak %s MiB\n", peak }'
  grep '^key-to-frame' "$log" | awk '{ print $2 }' | sort -g |
    awk '{ v[NR] = $1 } END { if (NR) printf "      %d keys while working: key to frame median %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, v[int((NR + 1) / 2)], v[int(NR * 0.99 + 0.999)], v[NR] }'
}

run cold
run warm
