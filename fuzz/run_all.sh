#!/usr/bin/env bash
# Runs every fuzz target for MINUTES minutes each (default 10), one after the other, on stable
# Rust (RUSTC_BOOTSTRAP=1 lets it accept the flags cargo-fuzz passes). Needs
# `cargo install cargo-fuzz` and a C++ compiler (libFuzzer is built from source).
#
#   fuzz/run_all.sh 10            # the issue's ten minutes per target
#   fuzz/run_all.sh 3 align       # some targets only
#
# New inputs go to fuzz/work/<target>/ (not committed); the committed seeds in
# fuzz/corpus/<target>/ are only read. A crash, hang (10 s per input) or out-of-memory (2 GiB)
# is written to fuzz/artifacts/<target>/ and stops that target; the script goes on and exits
# non-zero at the end. Replay one with `cargo fuzz run <target> <file>`, or add it to
# fuzz/corpus/<target>/ so `cargo test --test fuzz_replay` keeps checking it.
set -uo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(loader sentences entities align store_parse w3c_import reanchor)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O || exit 2
failed=()
mkdir -p logs
for target in "${targets[@]}"; do
  mkdir -p "work/$target" "artifacts/$target"
  log="logs/$target.log"
  echo "== $target: $minutes min"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$target" "work/$target" "corpus/$target" -- \
    -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 >"$log" 2>&1
  status=$?
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^Done [0-9]+ runs' "$log" | tr '\n' ' '
  echo "exit $status"
  [ $status -ne 0 ] && failed+=("$target") && grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "FAILED: ${failed[*]} (see fuzz/logs/ and fuzz/artifacts/)"
  exit 1
fi
echo "all ${#targets[@]} targets ran $minutes min each with no crash, hang or out-of-memory"
