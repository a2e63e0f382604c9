#!/usr/bin/env bash
# Builds and runs every test with GCC 12 and with Clang 19 (CMake presets gcc and clang);
# with TAPELESS_SANITIZE=1 also with ASan+UBSan (preset sanitize), with TAPELESS_TIDY=1 also
# clang-tidy 19 over every test and example (scripts/tidy.sh). Exits non-zero on any failure.
# Run from anywhere inside a clone, as root on Debian 12 (missing packages are installed).
set -uo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
presets=(gcc clang)
deps_args=(--bench)  # the gcc and clang presets build the benchmarks for their smoke tests
if [ "${TAPELESS_SANITIZE:-0}" = 1 ]; then
  presets+=(sanitize)
  deps_args+=(--sanitize)
fi
if [ "${TAPELESS_TIDY:-0}" = 1 ]; then
  deps_args+=(--tidy)
fi
bash scripts/install-deps.sh "${deps_args[@]}" || exit 1

status=0
timings=()
summaries=()
for preset in "${presets[@]}"; do
  echo "=== $preset: configure + build ==="
  start=$SECONDS
  built_ok=0
  if cmake --preset "$preset"; then
    # Keep going past a failed target (Ninja's -k 0): every broken target is reported.
    if cmake --build --preset "$preset" -j "$jobs" -- -k 0; then
      built_ok=1
    fi
  else
    status=1
    timings+=("$preset: configure FAILED after $((SECONDS - start)) s, no tests run")
    continue
  fi
  built=$((SECONDS - start))
  if [ "$built_ok" != 1 ]; then
    # No tests then: a target that failed to build may have left an older executable behind,
    # whose passing tests would mislead.
    status=1
    timings+=("$preset: configure+build ${built} s, BUILD FAILED (every failing target is listed above), no tests run")
    continue
  fi

  echo "=== $preset: ctest ==="
  log="build/$preset/ctest-output.log"
  start=$SECONDS
  ctest --preset "$preset" -j "$jobs" --output-on-failure 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  tested=$((SECONDS - start))
  [ "$rc" = 0 ] || status=1

  line="$preset: configure+build ${built} s, ctest ${tested} s"
  [ "$rc" = 0 ] || line+=", TESTS FAILED"
  timings+=("$line")
  summaries+=("$preset:")
  summaries+=("$(grep -E '^[0-9]+% tests passed|^Total Test time' "$log")")
done

if [ "${TAPELESS_TIDY:-0}" = 1 ]; then
  echo "=== clang-tidy ==="
  start=$SECONDS
  if bash scripts/tidy.sh; then
    timings+=("clang-tidy: $((SECONDS - start)) s, clean")
  else
    status=1
    timings+=("clang-tidy: $((SECONDS - start)) s, FINDINGS (listed above)")
  fi
fi

echo
echo "=== timings ($jobs jobs) ==="
printf '%s\n' "${timings[@]}"
echo "=== ctest summaries ==="
if [ "${#summaries[@]}" -gt 0 ]; then
  printf '%s\n' "${summaries[@]}"
fi
exit "$status"
