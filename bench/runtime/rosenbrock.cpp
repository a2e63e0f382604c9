// Benchmarks of the extended Rosenbrock function, N = 2, 8, 16, 32: plain evaluation and
// gradient. N = 64 is in rosenbrock64.cpp and the Hessian in rosenbrock_hessian.cpp, to keep
// compile times down (see docs/reverse.md for the compile-time figures).
// Names: rosenbrock<N>/<eval|grad>/<column>; bench/report.py divides each column by "hand".
#include "../problems/rosenbrock.hpp"
#include "gradient_columns.hpp"

namespace {

using tapeless_bench::register_rosenbrock_grad;

const int registered = (register_rosenbrock_grad<2>(), register_rosenbrock_grad<8>(),
                        register_rosenbrock_grad<16>(), register_rosenbrock_grad<32>(), 0);

}  // namespace

BENCHMARK_MAIN();
