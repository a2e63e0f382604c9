// bench_vector: the problems of run-time length written over tapeless::vector_var
// (vector_columns.hpp: extended Rosenbrock of 1000 variables, the normal log-density over 1000
// points in (mu, sigma), log-sum-exp of 1000 values), each with its hand-written gradient loop.
// The peers on the same problems are in bench_large (a program of its own: in one translation
// unit with bench_large's batch benchmark, GCC 12 stopped inlining the batch engine).
// Names: <problem>/<derivative>/<column>; bench/report.py divides each column by "hand".
#include "vector_columns.hpp"

namespace {

const int registered = (tapeless_bench::vector_columns::register_all("", true), 0);

}  // namespace

BENCHMARK_MAIN();
