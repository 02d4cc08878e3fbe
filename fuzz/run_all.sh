#!/usr/bin/env bash
# Runs every fuzz target for MINUTES minutes each (default 10), one after the other, on stable
# Rust (RUSTC_BOOTSTRAP=1 lets it accept the nightly flags cargo-fuzz passes). Needs
# `cargo install cargo-fuzz` and a C++ compiler (libFuzzer is built from source).
#
#   fuzz/run_all.sh 10            # the issue's ten minutes per target
#   fuzz/run_all.sh 3 align       # some targets only
#
# Builds once, then runs the fuzzer binaries directly (so editing the sources meanwhile does
# not rebuild mid-run). New inputs go to fuzz/work/<target>/ (not committed); the committed
# seeds in fuzz/corpus/<target>/ are only read. A crash, a hang (10 s for one input) or an
# out-of-memory (2 GiB) is written to fuzz/artifacts/<target>/ and stops that target; the script
# goes on and exits non-zero at the end. Replay one with `cargo fuzz run -O -a <target> <file>`,
# and add it to fuzz/corpus/<target>/ so `cargo test --test fuzz_replay` keeps checking it.
set -uo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(loader sentences entities align store_parse w3c_import reanchor)
export RUSTC_BOOTSTRAP=1
# Optimised, with debug assertions and overflow checks on (as the test build has them).
cargo fuzz build -O -a || exit 2
triple=$(rustc -vV | sed -n 's/^host: //p')
bin="${CARGO_TARGET_DIR:-target}/$triple/release"
failed=()
mkdir -p logs
for target in "${targets[@]}"; do
  mkdir -p "work/$target" "artifacts/$target"
  log="logs/$target.log"
  echo "== $target: $minutes min ($(date -u +%H:%M:%S))"
  "$bin/$target" -artifact_prefix="artifacts/$target/" \
    -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 "work/$target" "corpus/$target" >"$log" 2>&1
  status=$?
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb|^Done [0-9]+ runs' "$log" | tr -s ' \n' ' '
  echo "exit $status"
  [ $status -ne 0 ] && failed+=("$target") && grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "FAILED: ${failed[*]} (see fuzz/logs/ and fuzz/artifacts/)"
  exit 1
fi
echo "all ${#targets[@]} targets ran $minutes min each with no crash, hang or out-of-memory"
