// grad, hessian and jacobian agree with symbolic d and with each other, for double and float,
// with dozens of variables.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <random>

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr tapeless::var<"w"> w;
constexpr auto rosen_vars = tapeless::vars<"x", 40>;

// A function exercising every operation node kind, with sharing.
constexpr auto mixed() {
    const auto a = sin(u * v) + cbrt(w);
    return a * exp(-a) / (1.0 + pow(a, 2)) + atan2(v, u) * hypot(u, w) - log1p(u * u) +
           tanh(w) * erf(v) + pow(u, v) + sqrt(abs(v)) * expm1(w / 3.0);
}
}  // namespace

TEST_CASE("grad agrees with symbolic d", "[reverse][grad]") {
    const auto f = mixed();
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> dist(0.2, 1.7);
    for (int i = 0; i < 200; ++i) {
        const double uu = dist(rng), vv = dist(rng), ww = dist(rng);
        const auto g = tapeless::grad(f, u = uu, v = vv, w = ww);
        CHECK(g.value() == Approx(f(u = uu, v = vv, w = ww)).epsilon(1e-14));
        CHECK(g[u] == Approx(tapeless::d(f, u)(u = uu, v = vv, w = ww)).epsilon(1e-12));
        CHECK(g[v] == Approx(tapeless::d(f, v)(u = uu, v = vv, w = ww)).epsilon(1e-12));
        CHECK(g[w] == Approx(tapeless::d(f, w)(u = uu, v = vv, w = ww)).epsilon(1e-12));
        const Eigen::Vector3d gv = g.vector();
        CHECK(gv(0) == g[u]);
        CHECK(gv(2) == g[w]);
    }
}

TEST_CASE("wrt picks the variables and their order", "[reverse][grad][wrt]") {
    const auto f = mixed();
    const auto all = tapeless::grad(f, u = 0.5, v = 0.8, w = 1.1);
    const auto some = tapeless::grad(f, tapeless::wrt(w, u), u = 0.5, v = 0.8, w = 1.1);
    CHECK(some[w] == all[w]);
    CHECK(some[u] == all[u]);
    CHECK(some.vector()(0) == all[w]);
    CHECK(some.vector()(1) == all[u]);
    // A variable e does not contain has derivative zero.
    constexpr tapeless::var<"z"> z;
    const auto gz = tapeless::grad(f, tapeless::wrt(u, z), u = 0.5, v = 0.8, w = 1.1, z = 3.0);
    CHECK(gz[z] == 0.0);
}

TEST_CASE("hessian is exactly symmetric and agrees with d(f, a, b)", "[reverse][hessian]") {
    const auto f = mixed();
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> dist(0.2, 1.7);
    for (int i = 0; i < 50; ++i) {
        const double uu = dist(rng), vv = dist(rng), ww = dist(rng);
        const auto h = tapeless::hessian(f, u = uu, v = vv, w = ww);
        const Eigen::Matrix3d m = h.matrix();
        CHECK(m == m.transpose());  // bit for bit
        CHECK(h(u, v) == h(v, u));
        CHECK(h(u, v) == Approx(tapeless::d(f, u, v)(u = uu, v = vv, w = ww)).epsilon(1e-11));
        CHECK(h(w, w) == Approx(tapeless::d(f, w, w)(u = uu, v = vv, w = ww)).epsilon(1e-11));
        CHECK(h(v, w) == Approx(tapeless::d(f, w, v)(u = uu, v = vv, w = ww)).epsilon(1e-11));
        const auto g = tapeless::grad(f, u = uu, v = vv, w = ww);
        CHECK(h.gradient()[u] == Approx(g[u]).epsilon(1e-12).margin(1e-12));
        CHECK(h.value() == Approx(g.value()).epsilon(1e-15));
    }
}

TEST_CASE("jacobian of vec agrees with grad of each component", "[reverse][jacobian]") {
    const auto f = mixed();
    const auto r = tapeless::vec(f, u * v * w, sin(u) + w);
    const auto j = tapeless::jacobian(r, u = 0.4, v = 0.9, w = 1.3);
    const auto g0 = tapeless::grad(f, u = 0.4, v = 0.9, w = 1.3);
    CHECK(j(0, u) == Approx(g0[u]).epsilon(1e-14));
    CHECK(j(0, w) == Approx(g0[w]).epsilon(1e-14));
    CHECK(j(1, u) == Approx(0.9 * 1.3).epsilon(1e-15));
    CHECK(j(2, v) == 0.0);
    CHECK(j(2, u) == Approx(std::cos(0.4)).epsilon(1e-15));
    const Eigen::Matrix3d m = j.matrix();
    CHECK(m(1, 2) == Approx(0.4 * 0.9).epsilon(1e-15));
    CHECK(j.values()(1) == Approx(0.4 * 0.9 * 1.3).epsilon(1e-15));
}

TEST_CASE("grad with float bindings computes in float", "[reverse][grad][float]") {
    const auto f = mixed();
    const auto g = tapeless::grad(f, u = 0.5f, v = 0.8f, w = 1.1f);
    STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(g.value())>, float>);
    const auto gd = tapeless::grad(f, u = 0.5, v = 0.8, w = 1.1);
    CHECK(g[u] == Approx(gd[u]).epsilon(1e-5));
    CHECK(g[v] == Approx(gd[v]).epsilon(1e-5));
    CHECK(g[w] == Approx(gd[w]).epsilon(1e-5));
}

TEST_CASE("grad over dozens of variables built with vars and sum", "[reverse][grad][family]") {

    // Extended Rosenbrock over 40 variables; the last term is skipped with 0.0.
    const auto rosen = tapeless::sum(rosen_vars, [](auto xi, auto i) {
        if constexpr (i + 1 < 40) {
            const auto next = tapeless::get<i + 1>(rosen_vars);
            return 100.0 * pow(next - pow(xi, 2), 2) + pow(1.0 - xi, 2);
        } else {
            return 0.0;
        }
    });
    std::array<double, 40> x{};
    for (std::size_t i = 0; i < 40; ++i) x[i] = 0.5 + 0.03 * static_cast<double>(i);
    const auto g = [&]<std::size_t... i>(std::index_sequence<i...>) {
        return tapeless::grad(rosen, (tapeless::get<i>(rosen_vars) = x[i])...);
    }(std::make_index_sequence<40>{});
    for (std::size_t i = 0; i < 40; ++i) {
        double expect = 0;
        if (i + 1 < 40) expect += -400.0 * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (1.0 - x[i]);
        if (i > 0) expect += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
        CHECK(g.partials()[i] == Approx(expect).epsilon(1e-13).margin(1e-13));
    }
}
