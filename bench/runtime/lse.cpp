// Benchmarks of log-sum-exp of 16 inputs: plain evaluation and gradient.
// Names: lse16/<eval|grad>/<column>; bench/report.py divides each column by "hand".
#include "gradient_columns.hpp"
#include "vector_columns.hpp"

#include <string>
#include <tuple>
#include <utility>

namespace {

using namespace tapeless_bench;

constexpr std::size_t N = 16;

void register_lse() {
    register_gradient_columns<N, lse_problem<N>>("lse16", uniform_points<N>(7, -2.0, 2.0), 40);
    // The same function over a vector variable of run-time length 16 (docs/vector.md).
    vector_columns::register_lse<N>("lse16", "tapeless_vector", false);
}

const int registered = (register_lse(), 0);

}  // namespace

BENCHMARK_MAIN();
