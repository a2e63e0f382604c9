// grad, hessian and jacobian with scalar bindings allocate nothing: operator new and Eigen's
// heap allocations are counted in this test executable (support/allocation_counter.hpp).
#include "support/allocation_counter.hpp"

#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
}  // namespace

TEST_CASE("reverse mode allocates nothing", "[reverse][alloc]") {
    const auto f = u * v + pow(u, 2) + sin(u / v) * exp(-v);
    double sink = 0;

    const long made = alloc_test::count_allocations([&] {
        for (int i = 0; i < 10; ++i) {
            const double ui = 1.0 + 0.1 * i;
            const auto g = tapeless::grad(f, u = ui, v = 2.0);
            const auto h = tapeless::hessian(f, u = ui, v = 2.0);
            const auto j = tapeless::jacobian(tapeless::vec(f, u * v), u = ui, v = 2.0);
            const Eigen::Vector2d gv = g.vector();  // fixed-size Eigen results
            const Eigen::Matrix2d hm = h.matrix();
            const Eigen::Matrix2d jm = j.matrix();
            sink += g[u] + gv(1) + hm(0, 1) + jm(1, 0) + h(u, v) + j(0, v);
        }
    });

    CHECK(made == 0);
    CHECK(sink != 0);
}
