#!/usr/bin/env bash
# Installs what tapeless needs to build and test, on Debian 12, as root; only what is missing.
#   bash scripts/install-deps.sh           compilers, CMake, Ninja, Boost, Eigen, Catch2
#   bash scripts/install-deps.sh --bench   also Google Benchmark, Ceres, ADOL-C, a plotter
#   bash scripts/install-deps.sh --sanitize  also Clang's sanitizer runtimes (preset sanitize)
#   bash scripts/install-deps.sh --tidy    also clang-tidy 19 (scripts/tidy.sh)
set -euo pipefail

packages=(g++ cmake ninja-build libboost-dev libeigen3-dev catch2 clang-19)
bench=0
sanitize=0
tidy=0
for arg in "$@"; do
  case "$arg" in
    --bench) bench=1 ;;
    --sanitize) sanitize=1 ;;
    --tidy) tidy=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done
if [ "$bench" = 1 ]; then
  packages+=(libbenchmark-dev libceres-dev libadolc-dev)
fi
if [ "$sanitize" = 1 ]; then
  packages+=(libclang-rt-19-dev)
fi
if [ "$tidy" = 1 ]; then
  packages+=(clang-tidy-19)
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
# bench/report.py draws its plots with matplotlib.
if [ "$bench" = 1 ] && ! installed python3-matplotlib; then
  missing+=(python3-matplotlib)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all dependencies are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: missing ${missing[*]}, and not root (run as root, or install them)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
