// Benchmarks of the extended Rosenbrock function, N = 64: plain evaluation and gradient, in
// its own translation unit (its compile time is in docs/reverse.md).
// Names: rosenbrock<N>/<eval|grad>/<column>; bench/report.py divides each column by "hand".
#include "../problems/rosenbrock.hpp"
#include "gradient_columns.hpp"

namespace {

using tapeless_bench::register_rosenbrock_grad;

const int registered = (register_rosenbrock_grad<64>(), 0);

}  // namespace

BENCHMARK_MAIN();
