#!/usr/bin/env bash
# Builds and runs docs/examples/demo.cpp with GCC (preset gcc, target run_demo).
# Run from anywhere inside a clone, as root on Debian 12 (missing packages are installed).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset gcc >/dev/null
cmake --build --preset gcc --target run_demo
