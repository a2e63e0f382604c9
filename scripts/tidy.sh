#!/usr/bin/env bash
# clang-tidy 19 over every test, compile-fail twin and docs example (and so over every header
# they include), with the checked-in .clang-tidy; any finding is an error. Uses the compilation
# database of the clang preset (configured here if needed). Run from anywhere inside a clone.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v run-clang-tidy-19 >/dev/null || ! command -v clang-tidy-19 >/dev/null; then
  echo "clang-tidy-19 missing: run scripts/install-deps.sh --tidy" >&2
  exit 1
fi
[ -f build/clang/compile_commands.json ] || cmake --preset clang >/dev/null
# Only the project's sources (not the generated header_check TUs, which repeat the headers).
run-clang-tidy-19 -p build/clang -j "$(nproc)" -quiet -clang-tidy-binary clang-tidy-19 \
  -warnings-as-errors='*' "$PWD/(tests|docs/examples)/"
