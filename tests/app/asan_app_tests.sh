#!/bin/bash
# The app's code and its tests built with ASan+UBSan and run, linked with
# the engine library of the plain build (build/ by default), which is not
# instrumented: a quick sanitizer pass over the window's code without the
# sanitizer build of everything.
#
#   tests/app/asan_app_tests.sh [BUILD] [gtest args...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
shift || true
OUT=$BUILD/asan-app
mkdir -p "$OUT"
FLAGS=(-DLOOPSCOPE_SOURCE_DIR=\"$ROOT\" -DLOOPSCOPE_TEST_ORACLE=\"$ROOT/tests/conformance/cpython_oracle.py\"
       -I"$ROOT" -I/usr/include/imgui/backends -isystem /usr/include/stb -isystem /usr/include/imgui
       -O1 -g -std=c++20 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
CXX=(c++)
if command -v ccache >/dev/null; then CXX=(ccache c++); fi
objs=()
for f in "$ROOT"/app/gui/*.cpp "$ROOT"/tests/app/*_test.cpp; do
  o=$OUT/$(basename "$(dirname "$f")")_$(basename "$f").o
  if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then "${CXX[@]}" "${FLAGS[@]}" -c "$f" -o "$o"; fi
  objs+=("$o")
done
L=/usr/lib/x86_64-linux-gnu
c++ -fsanitize=address,undefined -o "$OUT/app_tests" "${objs[@]}" $L/libgtest.a $L/libgtest_main.a \
    "$BUILD/engine/libloopscope_engine.a" $L/libimgui.a $L/libstb.so $L/libglfw.so $L/libGLX.so $L/libOpenGL.so \
    -ldl -lpthread
"$OUT/app_tests" "$@"
