// The benchmark problems (bench/problems/) through grad, hessian and jacobian, against their
// hand-written derivatives; Hessians also against finite differences of grad and against
// symbolic d(f, a, b); the hand-written BA Jacobian also against Eigen's AutoDiffScalar.
#include "../../bench/problems/ba.hpp"
#include "../../bench/problems/lse.hpp"
#include "../../bench/problems/rosenbrock.hpp"
#include "../../bench/problems/tutorial.hpp"

#include <tapeless/tapeless.hpp>

#include <unsupported/Eigen/AutoDiff>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <random>
#include <utility>

namespace {

using tapeless_bench::rel_diff;
using tapeless_bench::with_family;

/// Relative tolerance of a derivative against its hand-written value.
template <class T>
constexpr double tol = std::is_same_v<T, float> ? 2e-5 : 1e-12;

constexpr int n_points = 6;

template <class T, std::size_t N>
std::array<T, N> random_array(std::mt19937_64& rng, double lo, double hi) {
    std::uniform_real_distribution<double> u(lo, hi);
    std::array<T, N> a{};
    for (auto& x : a) x = static_cast<T>(u(rng));
    return a;
}

/// Gradient of e by the family vars<"x", N> at x, in double, by central differences of grad.
template <std::size_t N, class E>
std::array<double, N * N> fd_hessian_of_grad(const E& e, std::array<double, N> x) {
    std::array<double, N * N> h{};
    for (std::size_t j = 0; j < N; ++j) {
        const double step = 1e-6 * (std::abs(x[j]) > 1 ? std::abs(x[j]) : 1.0);
        auto xp = x, xm = x;
        xp[j] += step;
        xm[j] -= step;
        const auto gp =
            with_family<"x", N>(xp.data(), [&](const auto&... b) { return tapeless::grad(e, b...); });
        const auto gm =
            with_family<"x", N>(xm.data(), [&](const auto&... b) { return tapeless::grad(e, b...); });
        for (std::size_t i = 0; i < N; ++i)
            h[i * N + j] = (gp.partials()[i] - gm.partials()[i]) / (2 * step);
    }
    return h;
}

/// d(e, x_i, x_j) at x for every i, j, as a row-major array.
template <std::size_t N, class E, class T>
std::array<T, N * N> symbolic_hessian(const E& e, const std::array<T, N>& x) {
    std::array<T, N * N> h{};
    with_family<"x", N>(x.data(), [&](const auto&... b) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((h[I] = static_cast<T>(tapeless::d(e, tapeless::get<I / N>(tapeless::vars<"x", N>),
                                                tapeless::get<I % N>(tapeless::vars<"x", N>))(b...))),
             ...);
        }(std::make_index_sequence<N * N>{});
        return 0;
    });
    return h;
}

template <std::size_t N, class T, class E>
void check_rosenbrock(const E& e, std::mt19937_64& rng, bool with_hessian) {
    for (int k = 0; k < n_points; ++k) {
        const auto x = random_array<T, N>(rng, -1.5, 1.5);
        std::array<T, N> g_hand{};
        const T f_hand = tapeless_bench::rosenbrock::gradient<N>(x.data(), g_hand.data());
        const auto g =
            with_family<"x", N>(x.data(), [&](const auto&... b) { return tapeless::grad(e, b...); });
        CHECK(rel_diff(g.value(), f_hand) <= tol<T>);
        for (std::size_t i = 0; i < N; ++i) CHECK(rel_diff(g.partials()[i], g_hand[i]) <= tol<T>);
        if (!with_hessian) continue;

        std::array<T, N * N> h_hand{};
        tapeless_bench::rosenbrock::hessian<N>(x.data(), h_hand.data());
        const auto h =
            with_family<"x", N>(x.data(), [&](const auto&... b) { return tapeless::hessian(e, b...); });
        const auto hm = h.matrix();
        const auto hs = symbolic_hessian<N>(e, x);
        for (std::size_t i = 0; i < N; ++i) {
            for (std::size_t j = 0; j < N; ++j) {
                const auto ii = static_cast<Eigen::Index>(i), jj = static_cast<Eigen::Index>(j);
                CHECK(rel_diff(hm(ii, jj), h_hand[i * N + j]) <= tol<T>);
                CHECK(hm(ii, jj) == hm(jj, ii));  // exactly symmetric
                CHECK(rel_diff(hs[i * N + j], h_hand[i * N + j]) <= tol<T>);
            }
        }
        CHECK(rel_diff(h.gradient().partials()[N - 1], g_hand[N - 1]) <= tol<T>);
        if constexpr (std::is_same_v<T, double>) {
            const auto fd = fd_hessian_of_grad<N>(e, x);
            for (std::size_t i = 0; i < N * N; ++i) CHECK(rel_diff(fd[i], h_hand[i]) <= 1e-6);
        }
    }
}

}  // namespace

TEMPLATE_TEST_CASE("tutorial f(u, v) = u*v + u^2 and y = x^2 against hand-written derivatives",
                   "[problems][reverse]", double, float) {
    using T = TestType;
    using namespace tapeless_bench::tutorial;
    std::mt19937_64 rng(42);
    for (int k = 0; k < n_points; ++k) {
        const auto p = random_array<T, 2>(rng, -3.0, 3.0);
        const T a = p[0], b = p[1];
        const auto hand = f_grad(a, b);
        const auto g = tapeless::grad(f, u = a, v = b);
        CHECK(rel_diff(g.value(), hand.value) <= tol<T>);
        CHECK(rel_diff(g[u], hand.du) <= tol<T>);
        CHECK(rel_diff(g[v], hand.dv) <= tol<T>);

        const auto hh = f_hessian(a, b);
        const auto h = tapeless::hessian(f, u = a, v = b);
        CHECK(rel_diff(h(u, u), hh[0]) <= tol<T>);
        CHECK(rel_diff(h(u, v), hh[1]) <= tol<T>);
        CHECK(rel_diff(h(v, u), hh[2]) <= tol<T>);
        CHECK(rel_diff(h(v, v), hh[3]) <= tol<T>);
        CHECK(h(u, v) == h(v, u));
        CHECK(rel_diff(tapeless::d(f, u, u)(u = a, v = b), hh[0]) <= tol<T>);
        CHECK(rel_diff(tapeless::d(f, u, v)(u = a, v = b), hh[1]) <= tol<T>);
        CHECK(rel_diff(tapeless::d(f, v, v)(u = a, v = b), hh[3]) <= tol<T>);
        if constexpr (std::is_same_v<T, double>) {
            // Finite differences of grad, column by column.
            const double s = 1e-6;
            const auto gu_p = tapeless::grad(f, u = a + s, v = b), gu_m = tapeless::grad(f, u = a - s, v = b);
            const auto gv_p = tapeless::grad(f, u = a, v = b + s), gv_m = tapeless::grad(f, u = a, v = b - s);
            CHECK(rel_diff((gu_p[u] - gu_m[u]) / (2 * s), hh[0]) <= 1e-6);
            CHECK(rel_diff((gv_p[u] - gv_m[u]) / (2 * s), hh[1]) <= 1e-6);
            CHECK(rel_diff((gu_p[v] - gu_m[v]) / (2 * s), hh[2]) <= 1e-6);
            CHECK(rel_diff((gv_p[v] - gv_m[v]) / (2 * s), hh[3]) <= 1e-6);
        }

        const auto yd = y_derivs(a);
        const auto gy = tapeless::grad(y, x = a);
        CHECK(rel_diff(gy.value(), yd.value) <= tol<T>);
        CHECK(rel_diff(gy[x], yd.dx) <= tol<T>);
        CHECK(rel_diff(tapeless::hessian(y, x = a)(x, x), yd.dxx) <= tol<T>);
        CHECK(rel_diff(tapeless::d(y, x, x)(x = a), yd.dxx) <= tol<T>);
    }
}

TEMPLATE_TEST_CASE("extended Rosenbrock N = 2 and 16 against hand-written derivatives",
                   "[problems][reverse]", double, float) {
    std::mt19937_64 rng(7);
    SECTION("N = 2: gradient and Hessian") {
        check_rosenbrock<2, TestType>(tapeless_bench::rosenbrock::expr<2>(), rng, true);
    }
    SECTION("N = 16: gradient and Hessian") {
        check_rosenbrock<16, TestType>(tapeless_bench::rosenbrock::expr<16>(), rng, true);
    }
}

TEMPLATE_TEST_CASE("log-sum-exp of 16 inputs against the hand-written softmax",
                   "[problems][reverse]", double, float) {
    using T = TestType;
    constexpr std::size_t N = 16;
    constexpr auto e = tapeless_bench::lse::expr<N>();
    std::mt19937_64 rng(3);
    for (int k = 0; k < n_points; ++k) {
        const auto x = random_array<T, N>(rng, -2.0, 2.0);
        std::array<T, N> g_hand{};
        const T f_hand = tapeless_bench::lse::gradient<N>(x.data(), g_hand.data());
        const auto g =
            with_family<"x", N>(x.data(), [&](const auto&... b) { return tapeless::grad(e, b...); });
        CHECK(rel_diff(g.value(), f_hand) <= tol<T>);
        for (std::size_t i = 0; i < N; ++i) CHECK(rel_diff(g.partials()[i], g_hand[i]) <= tol<T>);
    }
}

TEMPLATE_TEST_CASE("bundle-adjustment 2 x 15 Jacobian against the hand-written one",
                   "[problems][reverse]", double, float) {
    using T = TestType;
    namespace ba = tapeless_bench::ba;
    constexpr std::size_t N = ba::n_inputs;
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto next = [&] { return unit(rng); };
    // float loses digits in the Rodrigues terms; compare at a looser tolerance there.
    const double t = std::is_same_v<T, float> ? 2e-4 : tol<T>;
    for (int k = 0; k < n_points; ++k) {
        const auto in = ba::random_point<T>(next);
        std::array<T, 2> e_hand{};
        std::array<T, 2 * N> j_hand{};
        ba::jacobian(in.data(), e_hand.data(), j_hand.data());

        std::array<T, 2> e_gen{};
        ba::generic(in.data(), e_gen.data());
        CHECK(rel_diff(e_gen[0], e_hand[0]) <= t);
        CHECK(rel_diff(e_gen[1], e_hand[1]) <= t);

        const auto J = with_family<"p", N>(
            in.data(), [&](const auto&... b) { return tapeless::jacobian(ba::expr, b...); });
        const auto m = J.matrix();
        for (std::size_t r = 0; r < 2; ++r) {
            CHECK(rel_diff(J.value(r), e_hand[r]) <= t);
            for (std::size_t c = 0; c < N; ++c)
                CHECK(rel_diff(m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)),
                               j_hand[r * N + c]) <= t);
        }
        CHECK(rel_diff(J(0, ba::fo), j_hand[6]) <= t);
        CHECK(rel_diff(J(1, ba::w), j_hand[N + 14]) <= t);

        if constexpr (std::is_same_v<T, double>) {
            // The hand-written Jacobian itself, against Eigen's AutoDiffScalar.
            using AD = Eigen::AutoDiffScalar<Eigen::Matrix<double, 15, 1>>;
            std::array<AD, N> x;
            for (std::size_t i = 0; i < N; ++i)
                x[i] = AD(in[i], static_cast<int>(N), static_cast<int>(i));
            AD r[2];
            ba::generic(x.data(), r);
            for (std::size_t row = 0; row < 2; ++row)
                for (std::size_t c = 0; c < N; ++c)
                    CHECK(rel_diff(r[row].derivatives()(static_cast<Eigen::Index>(c)),
                                   j_hand[row * N + c]) <= 1e-12);
        }
    }
}
