#!/bin/sh
# Regenerate the expected transcripts of the conformance corpus with the
# CPython oracle: for every cases/NAME.py write NAME.out (plain transcript),
# NAME.trace (--trace) and NAME.exit (exit status, only when it is not 0).
# Extra oracle arguments for one case, if any, are read from NAME.args.
#
#   sh tests/conformance/regen.sh            # all cases
#   sh tests/conformance/regen.sh NAME ...   # only these cases
set -eu

here=$(cd "$(dirname "$0")" && pwd)
oracle="$here/cpython_oracle.py"
cases="$here/cases"
python=${PYTHON:-python3}

regen_one() {
    name=$1
    src="$cases/$name.py"
    [ -f "$src" ] || { echo "regen.sh: no such case: $name" >&2; exit 2; }
    args=""
    [ -f "$cases/$name.args" ] && args=$(cat "$cases/$name.args")
    # $args is split into words on purpose (one option per word).
    status=0
    # shellcheck disable=SC2086
    "$python" "$oracle" "$src" $args > "$cases/$name.out" || status=$?
    trace_status=0
    # shellcheck disable=SC2086
    "$python" "$oracle" "$src" --trace $args > "$cases/$name.trace" || trace_status=$?
    if [ "$status" != "$trace_status" ]; then
        echo "regen.sh: $name: exit $status plain but $trace_status with --trace" >&2
        exit 1
    fi
    if [ "$status" = 0 ]; then
        rm -f "$cases/$name.exit"
    else
        echo "$status" > "$cases/$name.exit"
    fi
}

if [ $# -gt 0 ]; then
    for name in "$@"; do
        regen_one "${name%.py}"
    done
else
    for src in "$cases"/*.py; do
        name=$(basename "$src" .py)
        regen_one "$name"
    done
fi
