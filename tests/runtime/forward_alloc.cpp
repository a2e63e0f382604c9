// No heap allocation in forward mode with a fixed number of variables: forward_grad, dual
// arithmetic and grad(fn, fixed-size point), counted by replacing the global operator new.
// Eigen allocates with malloc, not operator new: support/allocation_counter.hpp counts those
// too. (A separate test executable: the replacement applies to the whole program.)
#include "support/allocation_counter.hpp"

#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr tapeless::var<"w"> w;

}  // namespace

TEST_CASE("forward mode allocates nothing for fixed N", "[forward][alloc]") {
    // The counter must see allocations, or the zeros below would prove nothing.
    const long dynamic = alloc_test::count_allocations([] {
        using DX = tapeless::dual<double, Eigen::Dynamic>;
        const DX a = DX::variable(1.0, 0, 8);
        volatile double sink = (a * a).grad()(0);
        (void)sink;
    });
    CHECK(dynamic > 0);

    double sink = 0;
    const long fg = alloc_test::count_allocations([&] {
        constexpr auto f = u * v + pow(u, 2) * sin(w) / (1.0 + exp(v)) + atan2(v, w);
        const auto g = tapeless::forward_grad(f, u = 0.4, v = -1.1, w = 2.3);
        const auto gw = tapeless::forward_grad(f, tapeless::wrt(w), u = 0.4, v = -1.1, w = 2.3);
        sink += g[u] + g[v] + g[w] + gw[w];
    });
    CHECK(fg == 0);

    const long arith = alloc_test::count_allocations([&] {
        using D = tapeless::dual<double, 15>;
        D acc = 0.0;
        for (int i = 0; i < 15; ++i) {
            const D xi = D::variable(0.1 * i, i);
            acc += xi * xi / (1.0 + exp(-xi)) - sqrt(xi + 1.0) * pow(xi, 3);
            acc *= 0.5;
        }
        using DD = tapeless::dual<tapeless::dual<double, 2>, 2>;
        const DD n = DD(tapeless::dual<double, 2>::variable(1.0, 0)) * 3.0;
        sink += acc.grad().sum() + n.value().grad()(0);
    });
    CHECK(arith == 0);

    const long callable = alloc_test::count_allocations([&] {
        const auto fn = [](auto a, auto b, auto c) {
            auto s = a * 0.0;
            for (int k = 0; k < 3; ++k) s += (a > b ? a * c : b * c) / (k + 1.0);
            return s;
        };
        const Eigen::Vector3d g = tapeless::grad(fn, Eigen::Vector3d(1.0, 2.0, 3.0));
        const Eigen::Matrix3d h = tapeless::hessian(fn, Eigen::Vector3d(1.0, 2.0, 3.0));
        const auto jf = [](const auto& p) { return (p * 2.0).eval(); };
        const Eigen::Matrix3d j = tapeless::jacobian(jf, Eigen::Vector3d(1.0, 2.0, 3.0));
        sink += g.sum() + h.sum() + j.sum();
    });
    CHECK(callable == 0);
    CHECK(sink != 0.0);
}
