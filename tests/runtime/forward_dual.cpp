// dual<T, N>: every function's derivative against symbolic d and finite differences, nested
// duals against second derivatives, Dynamic partials, comparisons and Eigen matrices of duals.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <type_traits>

namespace {

constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;

using D1 = tapeless::dual<double, 1>;
using D2 = tapeless::dual<double, 2>;
using DX = tapeless::dual<double, Eigen::Dynamic>;

/// The second-order dual x_i = (p + e_i eps1) + e_i eps2 of n = N variables.
template <int N>
tapeless::dual<tapeless::dual<double, N>, N> nested_variable(double p, int i) {
    using In = tapeless::dual<double, N>;
    typename tapeless::dual<In, N>::grad_type outer;
    outer.setConstant(In(0.0));
    outer(i) = In(1.0);
    return {In::variable(p, i), outer};
}

/// f applied to a variable (an expression), a fixed dual, a Dynamic dual and a nested dual,
/// compared with d(f(x), x) and d(f(x), x, x) at p, and with central differences.
template <class F>
void check_unary(F f, double p) {
    const auto e = f(x);
    const double value = e(x = p);
    const double d1 = tapeless::d(e, x)(x = p);
    const double d2 = tapeless::d(e, x, x)(x = p);

    const D1 r = f(D1::variable(p, 0));
    CHECK(r.value() == Approx(value).epsilon(1e-15));
    CHECK(r.grad()(0) == Approx(d1).epsilon(1e-13).margin(1e-300));

    const DX rx = f(DX::variable(p, 0, 1));
    // Not bit for bit: the optimiser may fold a libm call at one site and not at another.
    CHECK(rx.value() == Approx(r.value()).epsilon(1e-15));
    REQUIRE(rx.grad().size() == 1);
    CHECK(rx.grad()(0) == Approx(r.grad()(0)).epsilon(1e-15).margin(1e-300));

    const auto rr = f(nested_variable<1>(p, 0));
    CHECK(rr.value().value() == Approx(value).epsilon(1e-15));
    CHECK(rr.value().grad()(0) == Approx(d1).epsilon(1e-13).margin(1e-300));
    CHECK(rr.grad()(0).value() == Approx(d1).epsilon(1e-13).margin(1e-300));
    CHECK(rr.grad()(0).grad()(0) == Approx(d2).epsilon(1e-12).margin(1e-300));

    const double h = 1e-6 * (1 + std::abs(p));
    const double fd = (e(x = p + h) - e(x = p - h)) / (2 * h);
    CHECK(r.grad()(0) == Approx(fd).epsilon(1e-7).margin(1e-8));
}

/// The same for a function of two variables, with dual<double, 2> and the Hessian.
template <class F>
void check_binary(F f, double p, double q) {
    const auto e = f(x, y);
    const double value = e(x = p, y = q);
    const D2 r = f(D2::variable(p, 0), D2::variable(q, 1));
    CHECK(r.value() == Approx(value).epsilon(1e-15));
    CHECK(r.grad()(0) == Approx(tapeless::d(e, x)(x = p, y = q)).epsilon(1e-13).margin(1e-300));
    CHECK(r.grad()(1) == Approx(tapeless::d(e, y)(x = p, y = q)).epsilon(1e-13).margin(1e-300));

    // Mixed Dynamic sizes: x carries partials, y is a constant with an empty vector.
    const DX rx = f(DX::variable(p, 0, 1), DX(q));
    CHECK(rx.value() == Approx(r.value()).epsilon(1e-15));
    REQUIRE(rx.grad().size() == 1);
    CHECK(rx.grad()(0) == Approx(r.grad()(0)).epsilon(1e-15).margin(1e-300));

    const auto rr = f(nested_variable<2>(p, 0), nested_variable<2>(q, 1));
    CHECK(rr.grad()(0).grad()(0) ==
          Approx(tapeless::d(e, x, x)(x = p, y = q)).epsilon(1e-12).margin(1e-300));
    CHECK(rr.grad()(0).grad()(1) ==
          Approx(tapeless::d(e, x, y)(x = p, y = q)).epsilon(1e-12).margin(1e-300));
    CHECK(rr.grad()(1).grad()(0) ==
          Approx(tapeless::d(e, y, x)(x = p, y = q)).epsilon(1e-12).margin(1e-300));
    CHECK(rr.grad()(1).grad()(1) ==
          Approx(tapeless::d(e, y, y)(x = p, y = q)).epsilon(1e-12).margin(1e-300));

    const double h = 1e-6;
    const double fdx = (e(x = p + h, y = q) - e(x = p - h, y = q)) / (2 * h);
    const double fdy = (e(x = p, y = q + h) - e(x = p, y = q - h)) / (2 * h);
    CHECK(r.grad()(0) == Approx(fdx).epsilon(1e-7).margin(1e-8));
    CHECK(r.grad()(1) == Approx(fdy).epsilon(1e-7).margin(1e-8));
}

}  // namespace

TEST_CASE("dual: every elementary function against d and finite differences", "[forward][dual]") {
    SECTION("sqrt") { check_unary([](auto t) { return sqrt(t); }, 1.7); }
    SECTION("cbrt") { check_unary([](auto t) { return cbrt(t); }, -2.3); }
    SECTION("exp") { check_unary([](auto t) { return exp(t); }, 0.8); }
    SECTION("log") { check_unary([](auto t) { return log(t); }, 2.9); }
    SECTION("sin") { check_unary([](auto t) { return sin(t); }, 0.9); }
    SECTION("cos") { check_unary([](auto t) { return cos(t); }, 0.9); }
    SECTION("tan") { check_unary([](auto t) { return tan(t); }, 0.6); }
    SECTION("asin") { check_unary([](auto t) { return asin(t); }, 0.35); }
    SECTION("acos") { check_unary([](auto t) { return acos(t); }, -0.35); }
    SECTION("atan") { check_unary([](auto t) { return atan(t); }, 1.3); }
    SECTION("sinh") { check_unary([](auto t) { return sinh(t); }, 0.7); }
    SECTION("cosh") { check_unary([](auto t) { return cosh(t); }, -0.7); }
    SECTION("tanh") { check_unary([](auto t) { return tanh(t); }, 0.4); }
    SECTION("abs") {
        check_unary([](auto t) { return abs(t); }, -1.4);
        check_unary([](auto t) { return abs(t); }, 1.4);
    }
    SECTION("log1p") { check_unary([](auto t) { return log1p(t); }, 0.02); }
    SECTION("expm1") { check_unary([](auto t) { return expm1(t); }, -0.03); }
    SECTION("erf") { check_unary([](auto t) { return erf(t); }, 0.55); }
    SECTION("pow int") {
        check_unary([](auto t) { return pow(t, 3); }, 1.3);
        check_unary([](auto t) { return pow(t, -2); }, 1.3);
        check_unary([](auto t) { return pow(t, 1); }, 1.3);
    }
    SECTION("pow real") {
        check_unary([](auto t) { return pow(t, 2.5); }, 1.3);
        check_unary([](auto t) { return pow(2.5, t); }, 1.3);
    }
    SECTION("mixed with numbers") {
        check_unary([](auto t) { return 2.0 / t - 1 + t * 3 - (4.0 - t) / 2; }, 0.7);
        check_unary([](auto t) { return atan2(t, 0.7) + atan2(0.3, t) + hypot(t, 0.4) +
                                        hypot(1.5, t); }, 0.7);
        check_unary([](auto t) { return -t + (+t) * t; }, 0.7);
    }
    SECTION("compositions") {
        check_unary([](auto t) { return exp(sin(t) * t) / (1.0 + pow(t, 2)); }, 0.45);
        check_unary([](auto t) { return log(cosh(t)) * sqrt(t + 2.0) - erf(t / 3.0); }, 1.1);
    }
}

TEST_CASE("dual: functions of two duals against d, d2 and finite differences",
          "[forward][dual]") {
    SECTION("arithmetic") {
        check_binary([](auto a, auto b) { return a + b; }, 0.7, 1.9);
        check_binary([](auto a, auto b) { return a - b; }, 0.7, 1.9);
        check_binary([](auto a, auto b) { return a * b; }, 0.7, 1.9);
        check_binary([](auto a, auto b) { return a / b; }, 0.7, 1.9);
        check_binary([](auto a, auto b) { return b / a; }, 0.7, 1.9);
    }
    SECTION("pow") { check_binary([](auto a, auto b) { return pow(a, b); }, 1.7, 0.6); }
    SECTION("atan2") {
        check_binary([](auto a, auto b) { return atan2(a, b); }, 0.7, -1.9);
        check_binary([](auto a, auto b) { return atan2(a, b); }, -0.7, 0.3);
    }
    SECTION("hypot") { check_binary([](auto a, auto b) { return hypot(a, b); }, 0.7, -1.9); }
    SECTION("a composition") {
        check_binary([](auto a, auto b) { return a * b + pow(a, 2) * sin(b) - log(a + exp(b)); },
                     0.8, 0.3);
    }
}

TEST_CASE("dual: compound assignment, comparisons and construction", "[forward][dual]") {
    const D2 a = D2::variable(1.5, 0);
    const D2 b = D2::variable(-0.5, 1);
    D2 c = a;
    c += b;
    CHECK(c.value() == 1.0);
    CHECK(c.grad() == Eigen::Vector2d(1, 1));
    c -= 2.0 * b;
    CHECK(c.grad() == Eigen::Vector2d(1, -1));
    c *= a;  // (a - b) a
    CHECK(c.value() == Approx(3.0));
    CHECK(c.grad()(0) == Approx(2 * 1.5 + 0.5));
    CHECK(c.grad()(1) == Approx(-1.5));
    c /= b;  // (a - b) a / b
    CHECK(c.value() == Approx(-6.0));
    CHECK(c.grad()(0) == Approx((2 * 1.5 + 0.5) / -0.5));
    CHECK(c.grad()(1) == Approx(-1.5 / -0.5 - 3.0 / 0.25));
    D2 s = a;
    s *= s;  // aliasing: a^2
    CHECK(s.grad()(0) == Approx(3.0));
    s /= s;
    CHECK(s.value() == 1.0);
    CHECK(s.grad()(0) == Approx(0.0).margin(1e-15));
    s += 1;
    s -= 0.5f;
    s *= 4;
    s /= 2.0;
    CHECK(s.value() == 3.0);

    CHECK(a > 0);
    CHECK(0 < a);
    CHECK(b < a);
    CHECK(a >= 1.5);
    CHECK(a == 1.5);
    CHECK(1.5 == a);
    CHECK(a != b);
    CHECK_FALSE(b > 0.0);

    const D2 zero;
    CHECK(zero.value() == 0.0);
    CHECK(zero.grad().isZero());
    const D2 k = 3;  // `T sum = 0` in generic code
    CHECK(k.value() == 3.0);
    CHECK(k.grad().isZero());
    const DX e;
    CHECK(e.grad().size() == 0);
    // variable and seed: partials e_i, fixed and Dynamic, every position of a vector tail.
    using D7 = tapeless::dual<double, 7>;
    for (int i = 0; i < 7; ++i) {
        const D7 x = D7::variable(0.25 * i, i);
        CHECK(x.value() == 0.25 * i);
        CHECK(x.grad() == Eigen::Matrix<double, 7, 1>::Unit(i));
        CHECK(D7::variable(1.0, i, 7).grad() == Eigen::Matrix<double, 7, 1>::Unit(i));
        D7 y = x * x + 3.0;  // re-seeding keeps the value, replaces every partial
        y.seed(6 - i);
        CHECK(y.value() == x.value() * x.value() + 3.0);
        CHECK(y.grad() == Eigen::Matrix<double, 7, 1>::Unit(6 - i));
        const DX z = DX::variable(2.0, i, 7);
        CHECK(z.grad() == Eigen::VectorXd::Unit(7, i));
        DX w = z;
        w.seed(0, 3);
        CHECK(w.grad() == Eigen::VectorXd::Unit(3, 0));
    }

    CHECK(std::numeric_limits<D2>::is_specialized);
    CHECK(std::numeric_limits<D2>::epsilon().value() == std::numeric_limits<double>::epsilon());
    CHECK(std::numeric_limits<D2>::max().value() == std::numeric_limits<double>::max());
    CHECK(std::isnan(std::numeric_limits<D2>::quiet_NaN().value()));
}

TEST_CASE("dual: Dynamic partials treat an empty vector as zero", "[forward][dual]") {
    const DX a = DX::variable(2.0, 0, 3);
    const DX k(5.0);
    const DX p = k * a + k - a / k + k * k;
    REQUIRE(p.grad().size() == 3);
    CHECK(p.grad()(0) == Approx(5.0 - 0.2));
    CHECK(p.grad()(1) == 0.0);
    DX acc;  // empty, then sized by the first sized operand
    acc += k;
    CHECK(acc.grad().size() == 0);
    acc += a;
    CHECK(acc.grad().size() == 3);
    acc *= a;
    CHECK(acc.grad()(0) == Approx(2 * 2.0 + 5.0));
    DX q = k;
    q -= a;
    CHECK(q.grad()(0) == -1.0);
    DX r = k;
    r /= a;
    CHECK(r.grad()(0) == Approx(-5.0 / 4.0));
}

TEST_CASE("dual: evaluation of expressions with dual bindings", "[forward][dual][bind]") {
    constexpr auto f = x * y + pow(x, 2) * sin(y) + 2.0 / x - exp(y) * 3;
    const D2 r = f(x = D2::variable(0.7, 0), y = D2::variable(1.3, 1));
    const auto g = tapeless::grad(f, x = 0.7, y = 1.3);
    CHECK(r.value() == Approx(g.value()).epsilon(1e-15));
    CHECK(r.grad()(0) == Approx(g[x]).epsilon(1e-14));
    CHECK(r.grad()(1) == Approx(g[y]).epsilon(1e-14));
    static_assert(std::is_same_v<tapeless::detail::real_of_t<D2>, double>);
    static_assert(std::is_same_v<tapeless::detail::real_of_t<tapeless::dual<D2, 2>>, double>);
    static_assert(std::is_same_v<tapeless::detail::real_of_t<tapeless::dual<float, 3>>, float>);
}

TEST_CASE("dual: Eigen matrices of duals (products, norm)", "[forward][dual][eigen]") {
    using D3 = tapeless::dual<double, 3>;
    constexpr tapeless::var<"z"> z;
    const double px = 0.7, py = -1.2, pz = 2.1;
    const D3 X = D3::variable(px, 0), Y = D3::variable(py, 1), Z = D3::variable(pz, 2);
    Eigen::Matrix<D3, 3, 3> A;
    A << X, Y, 1.0, Z, X * Y, 2.0, 0.0, 1.0, Z;
    const Eigen::Matrix<D3, 3, 1> v(X, D3(2.0), Y);
    const Eigen::Matrix<D3, 3, 1> w = A * v;
    const D3 n = w.norm();

    // The same by hand, as an expression, differentiated in reverse mode.
    constexpr auto w0 = x * x + 3.0 * y;
    constexpr auto w1 = z * x + 2.0 * x * y + 2.0 * y;
    constexpr auto w2 = 2.0 + z * y;
    constexpr auto norm = sqrt(pow(w0, 2) + pow(w1, 2) + pow(w2, 2));
    const auto g = tapeless::grad(norm, x = px, y = py, z = pz);
    CHECK(n.value() == Approx(g.value()).epsilon(1e-14));
    CHECK(n.grad()(0) == Approx(g[x]).epsilon(1e-13));
    CHECK(n.grad()(1) == Approx(g[y]).epsilon(1e-13));
    CHECK(n.grad()(2) == Approx(g[z]).epsilon(1e-13));
    CHECK(w(1).grad()(2) == Approx(px));

    // Mixed scalar types and a product large enough for Eigen's blocked GEMM path.
    const Eigen::Matrix3d B = Eigen::Matrix3d::Random();
    const Eigen::Matrix<D3, 3, 1> u = B * v;
    const Eigen::Matrix<D3, 3, 1> u2 = 2.0 * (A * Eigen::Vector3d(1, 2, 3));
    CHECK(u(0).grad()(0) == Approx(B(0, 0)));
    CHECK(u2(1).value() == Approx(2 * (pz + 2 * px * py + 6)));

    constexpr int m = 24;
    Eigen::Matrix<D3, Eigen::Dynamic, Eigen::Dynamic> P(m, m), Q(m, m);
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < m; ++j) {
            P(i, j) = X * (i + 1.0) - Y * j;
            Q(i, j) = Z * (i - j) + 0.5;
        }
    const Eigen::Matrix<D3, Eigen::Dynamic, Eigen::Dynamic> PQ = P * Q;
    for (int i : {0, 7, 23})
        for (int j : {0, 11, 23}) {
            D3 ref(0.0);
            for (int k = 0; k < m; ++k) ref += P(i, k) * Q(k, j);
            CHECK(PQ(i, j).value() == Approx(ref.value()).epsilon(1e-13));
            for (int c = 0; c < 3; ++c)
                CHECK(PQ(i, j).grad()(c) == Approx(ref.grad()(c)).epsilon(1e-13).margin(1e-12));
        }
}
