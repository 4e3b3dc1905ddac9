#!/usr/bin/env bash
# Refreshes tests/fuzz/seeds/ from the corpora: the conformance cases, the
# language cases and the built-in scenarios (one file each, prefixed by
# where it came from).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seeds="$root/tests/fuzz/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
for f in "$root"/tests/conformance/cases/*.py; do cp "$f" "$seeds/conformance-$(basename "$f")"; done
for f in "$root"/tests/script/cases/*.py; do cp "$f" "$seeds/script-$(basename "$f")"; done
for f in "$root"/scenarios/*.py; do cp "$f" "$seeds/scenario-$(basename "$f")"; done
echo "$(ls "$seeds" | wc -l) seeds in $seeds"
