// Benchmarks of log-sum-exp of 16 inputs: plain evaluation and gradient.
// Names: lse16/<eval|grad>/<column>; bench/report.py divides each column by "hand".
#include "gradient_columns.hpp"

#include <string>
#include <tuple>
#include <utility>

namespace {

using namespace tapeless_bench;

constexpr std::size_t N = 16;

constexpr tapeless::vector_var<"x"> xv;
const auto lse_vector = log_sum_exp(xv);

void register_lse() {
    const auto pts = uniform_points<N>(7, -2.0, 2.0);
    register_gradient_columns<N, lse_problem<N>>("lse16", pts, 40);
    // The same function over a vector variable of run-time length 16 (docs/vector.md).
    add_unchecked<N>("lse16/eval/tapeless_vector", pts, [](const double* in) {
        return lse_vector(xv = Eigen::Map<const Eigen::VectorXd>(in, N));
    });
    auto hand = [](const double* in, double* out) { out[0] = lse::gradient<N>(in, out + 1); };
    add<N, N + 1>("lse16/grad/tapeless_vector", pts, [](const double* in, double* out) {
        static tapeless::workspace ws;
        const auto g = tapeless::grad(lse_vector, ws, xv = Eigen::Map<const Eigen::VectorXd>(in, N));
        out[0] = g.value();
        Eigen::Map<Eigen::VectorXd>(out + 1, N) = g[xv];
    }, hand, 1e-12);
}

const int registered = (register_lse(), 0);

}  // namespace

BENCHMARK_MAIN();
