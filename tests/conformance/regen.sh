#!/bin/sh
# Regenerate the expected transcripts of the conformance corpus with the
# CPython oracle: for every cases/NAME.py write NAME.out (plain transcript),
# NAME.trace (--trace) and NAME.exit (exit status, only when it is not 0).
# Extra oracle arguments for one case, if any, are read from NAME.args.
# A case with NAME.patch (e.g. `3.11.7`) is regenerated only by that CPython
# release; others keep its files and say so.
#
#   sh tests/conformance/regen.sh            # all cases
#   sh tests/conformance/regen.sh NAME ...   # only these cases
set -eu

here=$(cd "$(dirname "$0")" && pwd)
oracle="$here/cpython_oracle.py"
cases="$here/cases"
python=${PYTHON:-python3}
# Cases with NAME.patch depend on the 3.11 patch release (gh-102780); only
# that release regenerates them.
version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')

regen_one() {
    name=$1
    src="$cases/$name.py"
    [ -f "$src" ] || { echo "regen.sh: no such case: $name" >&2; exit 2; }
    if [ -f "$cases/$name.patch" ]; then
        want=$(cat "$cases/$name.patch")
        if [ "$want" != "$version" ]; then
            echo "regen.sh: $name: kept (made with CPython $want, this is $version)" >&2
            return 0
        fi
    fi
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
