// Heap allocations of evaluation and grad over vector variables: a small constant independent
// of the length, and none with a reused tapeless::workspace. Counted in this program: global
// operator new and Eigen's own heap allocations (support/allocation_counter.hpp).
#include "support/allocation_counter.hpp"

#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

using alloc_test::count_allocations;

namespace {
constexpr tapeless::vector_var<"x"> x;
constexpr tapeless::vector_var<"data"> data;
constexpr tapeless::var<"mu"> mu;
constexpr tapeless::var<"sigma"> sigma;

const auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2) +
                       pow(1.0 - drop_back<1>(x), 2));
const auto nll = sum(pow((data - mu) / sigma, 2)) / 2 + length(data) * log(sigma);

long count_grad(const Eigen::VectorXd& x0) {
    Eigen::Index size = 0;
    const long made = count_allocations([&] { size = tapeless::grad(rosen, x = x0)[x].size(); });
    CHECK(size == x0.size());
    return made;
}
}  // namespace

TEST_CASE("grad allocates a constant number of blocks, whatever the length",
          "[vector][alloc]") {
    const Eigen::VectorXd small = Eigen::VectorXd::Constant(10, 0.5);
    const Eigen::VectorXd large = Eigen::VectorXd::Constant(100000, 0.5);
    const long a = count_grad(small);
    const long b = count_grad(large);
    CHECK(a == b);
    CHECK(a == 2);  // the workspace and the returned gradient vector
}

TEST_CASE("grad with a reused workspace allocates nothing", "[vector][alloc][workspace]") {
    const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(1000, -1.0, 1.0);
    const Eigen::VectorXd ys = Eigen::VectorXd::LinSpaced(1000, -2.0, 3.0);
    tapeless::workspace ws;
    double sink = tapeless::grad(rosen, ws, x = x0)[x](3);  // grows ws once
    sink += tapeless::grad(nll, ws, tapeless::wrt(mu, sigma), mu = 0.1, sigma = 1.3, data = ys)[mu];
    const long made = count_allocations([&] {
        for (int i = 0; i < 20; ++i) {
            const auto g = tapeless::grad(rosen, ws, x = x0);
            sink += g[x](i) + g.value();
            const auto h = tapeless::grad(nll, ws, tapeless::wrt(mu, sigma), mu = 0.1 * i,
                                          sigma = 1.3, data = ys);
            sink += h[mu] + h[sigma];
        }
    });
    CHECK(made == 0);
    CHECK(sink == sink);
    // evaluation of a scalar expression without vector intermediates allocates nothing
    CHECK(count_allocations([&] { sink += sum(x)(x = x0) + squared_norm(x)(x = x0); }) == 0);
}

TEST_CASE("evaluation allocates nothing, whatever nodes the expression has",
          "[vector][alloc][eval]") {
    const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(1000, -1.0, 1.0);
    double sink = 0;
    CHECK(count_allocations([&] {
              sink += sum(exp(x) * x + pow(x, 3))(x = x0);
              sink += log_sum_exp(2.0 * x * mu)(x = x0, mu = 0.5);
              sink += (dot(drop_front<1>(sin(x)), drop_back<1>(x)) *
                       sum(pow(x - sum(x) / length(x), 2)))(x = x0);
              sink += rosen(x = x0);
          }) == 0);
    CHECK(sink == sink);
    // a vector-valued expression allocates its result, and nothing else
    CHECK(count_allocations([&] { sink += (2.0 * x + exp(x))(x = x0)(3); }) == 1);
}

TEST_CASE("grad allocates once for the workspace plus once per vector gradient",
          "[vector][alloc]") {
    constexpr tapeless::vector_var<"y"> y;
    const auto f = sum(exp(x) * y) * sum(x) + log_sum_exp(y) + sum(x * mu);
    for (const Eigen::Index n : {10, 100000}) {
        const Eigen::VectorXd x0 = Eigen::VectorXd::Constant(n, 0.5);
        const Eigen::VectorXd y0 = Eigen::VectorXd::Constant(n, 0.25);
        double dmu = 0, dmu_ws = 0;
        Eigen::Index size = 0;
        CHECK(count_allocations([&] {
                  const auto g = tapeless::grad(f, x = x0, y = y0, mu = 2.0);
                  size = g[x].size();
                  dmu = g[mu];
              }) == 3);  // the workspace, g[x], g[y]
        CHECK(size == n);
        tapeless::workspace ws;
        (void)tapeless::grad(f, ws, x = x0, y = y0, mu = 2.0);
        CHECK(count_allocations([&] {
                  dmu_ws = tapeless::grad(f, ws, x = x0, y = y0, mu = 2.0)[mu];
              }) == 0);
        CHECK(dmu_ws == dmu);
    }
}
