#!/usr/bin/env bash
# Installs the Debian packages loopscope needs to build, test and run.
# As root it uses apt-get, otherwise sudo; with neither it prints the exact
# command to run and stops.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config python3
  libimgui-dev libglfw3-dev libgl-dev libstb-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev libgmp-dev libpcre2-dev nettle-dev libsqlite3-dev
  fonts-dejavu-core fonts-jetbrains-mono xvfb xauth
  clang libclang-rt-dev
  python3-uvloop
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "loopscope: missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "loopscope: cannot install packages (not root, no sudo). Run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
