#!/usr/bin/env bash
# Runs the language fuzzer for SECONDS over the committed seed corpus.
#
#   run_language_fuzz.sh FUZZER BUILD_DIR SECONDS [extra libFuzzer flags]
#
# New interesting inputs go to BUILD_DIR/fuzz-corpus (not committed); a
# crash, sanitizer report, timeout or out-of-memory is written to
# BUILD_DIR/fuzz-artifacts/ and ends the run with a non-zero status.
set -euo pipefail
fuzzer=$1
build=$2
seconds=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts"
# Leaks are checked by the sanitizer suites; here each input must stay
# within 2 GB and 10 s.
exec "$fuzzer" "$build/fuzz-corpus" "$here/seeds" \
  -dict="$here/python.dict" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -detect_leaks=0 -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-artifacts/" "$@"
