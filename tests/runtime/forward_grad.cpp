// forward_grad against reverse-mode grad, and grad / jacobian / hessian of generic C++
// callables (loops, branches, scalar or vector arguments) against hand derivatives.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr tapeless::var<"w"> w;

/// Polar (r, phi) to (r cos phi, r sin phi, r^2): a vector-valued generic function.
constexpr auto polar = [](const auto& p) {
    using S = typename std::decay_t<decltype(p)>::Scalar;
    Eigen::Matrix<S, 3, 1> r;
    r << p(0) * cos(p(1)), p(0) * sin(p(1)), p(0) * p(0);
    return r;
};
}  // namespace

TEST_CASE("forward_grad: same result as grad", "[forward][forward_grad]") {
    constexpr auto f = u * v + pow(u, 2) + sin(u * w) / (1.0 + exp(v)) + atan2(v, w) * 0.5;
    const auto r = tapeless::grad(f, u = 0.4, v = -1.1, w = 2.3);
    const auto g = tapeless::forward_grad(f, u = 0.4, v = -1.1, w = 2.3);
    static_assert(std::is_same_v<decltype(r), decltype(g)>);
    CHECK(g.value() == Approx(r.value()).epsilon(1e-15));
    CHECK(g[u] == Approx(r[u]).epsilon(1e-14));
    CHECK(g[v] == Approx(r[v]).epsilon(1e-14));
    CHECK(g[w] == Approx(r[w]).epsilon(1e-14));
    CHECK(g.vector().isApprox(r.vector(), 1e-14));

    SECTION("wrt: only the listed variables, in their order") {
        const auto gw = tapeless::forward_grad(f, tapeless::wrt(w, u), u = 0.4, v = -1.1, w = 2.3);
        const auto rw = tapeless::grad(f, tapeless::wrt(w, u), u = 0.4, v = -1.1, w = 2.3);
        static_assert(std::is_same_v<decltype(gw), decltype(rw)>);
        CHECK(gw.vector()(0) == Approx(r[w]).epsilon(1e-14));
        CHECK(gw.vector()(1) == Approx(r[u]).epsilon(1e-14));
    }
    SECTION("a variable of wrt that e does not contain has partial 0") {
        constexpr tapeless::var<"z"> z;
        const auto gz = tapeless::forward_grad(u * v, tapeless::wrt(u, z), u = 2.0, v = 3.0);
        CHECK(gz[u] == 3.0);
        CHECK(gz[z] == 0.0);
    }
    SECTION("shared subexpressions and integer bindings") {
        constexpr auto s = sin(u * v);
        constexpr auto h = s * s + s / v;
        const auto gh = tapeless::forward_grad(h, u = 1, v = 2);
        const auto rh = tapeless::grad(h, u = 1, v = 2);
        CHECK(gh[u] == Approx(rh[u]).epsilon(1e-14));
        CHECK(gh[v] == Approx(rh[v]).epsilon(1e-14));
    }
    SECTION("float") {
        const auto gf = tapeless::forward_grad(u * v + sin(u), u = 0.5f, v = 2.0f);
        static_assert(std::is_same_v<std::remove_cvref_t<decltype(gf.value())>, float>);
        CHECK(gf[u] == Approx(2.0f + std::cos(0.5f)).epsilon(1e-6));
    }
}

namespace {

/// A generic function with a loop and a branch: sum over k of (x^k * y if x*k < y, else
/// sin(x) y^2 / k).
template <class T>
T looped(const T& xv, const T& yv) {
    T acc = 0.0;
    for (int k = 1; k <= 4; ++k) {
        if (xv * k < yv) {
            acc += pow(xv, k) * yv;
        } else {
            acc += sin(xv) * yv * yv / static_cast<double>(k);
        }
    }
    return acc;
}

}  // namespace

TEST_CASE("grad(fn, point): generic C++ functions", "[forward][callable]") {
    const double px = 0.9, py = 2.0;
    // At (0.9, 2): k = 1, 2 take the first branch (0.9, 1.8 < 2), k = 3, 4 the second.
    const double dx = (1 + 2 * px) * py + std::cos(px) * py * py * (1.0 / 3 + 1.0 / 4);
    const double dy = px + px * px + 2 * std::sin(px) * py * (1.0 / 3 + 1.0 / 4);

    SECTION("N scalars, fixed-size point") {
        const auto g =
            tapeless::grad([](const auto& a, const auto& b) { return looped(a, b); },
                           Eigen::Vector2d(px, py));
        static_assert(std::is_same_v<decltype(g), const Eigen::Vector2d>);
        CHECK(g(0) == Approx(dx).epsilon(1e-14));
        CHECK(g(1) == Approx(dy).epsilon(1e-14));
    }
    SECTION("an Eigen vector argument, dynamic point") {
        const auto g = tapeless::grad([](const auto& p) { return looped(p(0), p(1)); },
                                      Eigen::VectorXd(Eigen::Vector2d(px, py)));
        static_assert(std::is_same_v<decltype(g), const Eigen::VectorXd>);
        REQUIRE(g.size() == 2);
        CHECK(g(0) == Approx(dx).epsilon(1e-14));
        CHECK(g(1) == Approx(dy).epsilon(1e-14));
    }
    SECTION("a function template, one variable") {
        const auto g =
            tapeless::grad([](const auto& t) { return t * t * t; },
                           Eigen::Matrix<double, 1, 1>(2.0));
        CHECK(g(0) == Approx(12.0));
    }
    SECTION("a sum over an Eigen vector (Rosenbrock)") {
        const auto rosen = [](const auto& p) {
            using S = typename std::decay_t<decltype(p)>::Scalar;
            S s = 0.0;
            for (Eigen::Index i = 0; i + 1 < p.size(); ++i)
                s += 100.0 * pow(p(i + 1) - p(i) * p(i), 2) + pow(1.0 - p(i), 2);
            return s;
        };
        Eigen::Matrix<double, 5, 1> p;
        p << 0.5, -0.3, 1.2, 0.8, -1.0;
        const auto g = tapeless::grad(rosen, p);
        for (int i = 0; i < 5; ++i) {
            double ref = 0;
            if (i + 1 < 5) ref += -400 * p(i) * (p(i + 1) - p(i) * p(i)) - 2 * (1 - p(i));
            if (i > 0) ref += 200 * (p(i) - p(i - 1) * p(i - 1));
            CHECK(g(i) == Approx(ref).epsilon(1e-13));
        }
        const auto h = tapeless::hessian(rosen, p);
        CHECK(h(0, 0) == Approx(1200 * p(0) * p(0) - 400 * p(1) + 2).epsilon(1e-13));
        CHECK(h(0, 1) == Approx(-400 * p(0)).epsilon(1e-13));
        CHECK(h(2, 0) == 0.0);
        CHECK(h == h.transpose());
    }
    SECTION("a function returning a number that does not depend on the point") {
        const auto g = tapeless::grad([](const auto&, const auto&) { return 1.0; },
                                      Eigen::Vector2d(1, 2));
        CHECK(g.isZero());
    }
}

TEST_CASE("jacobian(fn, point) and hessian(fn, point)", "[forward][callable]") {
    const Eigen::Vector2d p(1.5, 0.4);
    const auto J = tapeless::jacobian(polar, p);
    static_assert(std::is_same_v<decltype(J), const Eigen::Matrix<double, 3, 2>>);
    CHECK(J(0, 0) == Approx(std::cos(0.4)));
    CHECK(J(0, 1) == Approx(-1.5 * std::sin(0.4)));
    CHECK(J(1, 0) == Approx(std::sin(0.4)));
    CHECK(J(1, 1) == Approx(1.5 * std::cos(0.4)));
    CHECK(J(2, 0) == Approx(3.0));
    CHECK(J(2, 1) == 0.0);

    const auto Jx = tapeless::jacobian(polar, Eigen::VectorXd(p));
    CHECK(Jx.rows() == 3);
    CHECK(Jx.cols() == 2);
    CHECK(Jx.isApprox(J, 1e-15));

    // An Eigen expression as the result, and N scalar arguments.
    const auto J2 = tapeless::jacobian(
        [](const auto& a, const auto& b) {
            Eigen::Matrix<std::decay_t<decltype(a)>, 2, 1> r(a * b, a - b);
            return (2.0 * r).eval();
        },
        Eigen::Vector2d(3, 4));
    CHECK(J2 == (Eigen::Matrix2d() << 8, 6, 2, -2).finished());

    // hessian against d(e, a, b)
    constexpr auto e = u * exp(v) - log(u + v * v) + pow(u, 3) * v;
    const auto fn = [](const auto& a, const auto& b) {
        return a * exp(b) - log(a + b * b) + pow(a, 3) * b;
    };
    const auto H = tapeless::hessian(fn, Eigen::Vector2d(0.8, 0.6));
    CHECK(H(0, 0) == Approx(tapeless::d(e, u, u)(u = 0.8, v = 0.6)).epsilon(1e-13));
    CHECK(H(0, 1) == Approx(tapeless::d(e, u, v)(u = 0.8, v = 0.6)).epsilon(1e-13));
    CHECK(H(1, 1) == Approx(tapeless::d(e, v, v)(u = 0.8, v = 0.6)).epsilon(1e-13));
    CHECK(H(1, 0) == H(0, 1));
    // A point of run-time size: fn takes the vector.
    const auto Hx = tapeless::hessian([&](const auto& q) { return fn(q(0), q(1)); },
                                      Eigen::VectorXd(Eigen::Vector2d(0.8, 0.6)));
    CHECK(Hx.isApprox(H, 1e-14));
}

namespace {

/// Every operation with a vectorised partial update (+=, -=, *=, /=, + - * / of two duals,
/// unary -, a number times a dual, a unary function), in a loop over the N entries.
template <class V>
auto every_update(const V& p) {
    using S = typename V::Scalar;
    // The numbers in the precision of the computation (float stays float).
    using R = typename std::conditional_t<tapeless::is_dual_v<S>, S, Eigen::Matrix<S, 1, 1>>::value_type;
    const auto c = [](double v) { return static_cast<R>(v); };
    using std::sin;  // sin(float) is float; tapeless::sin for duals by ADL
    S s = p(0) * p(0) - c(0.25) * p(0);  // also for N = 1: two updates outside the loop
    s *= c(1.0) + p(0);
    for (Eigen::Index i = 1; i < p.size(); ++i) {
        S t = p(i) * s - p(i - 1) / (c(1.5) + p(i) * p(i));
        t += s;
        t -= c(0.5) * p(i);
        t *= p(i - 1);
        t /= c(2.0) + p(i) * p(i);
        s = -(t + sin(s)) / c(3.0) + s;
    }
    return s;
}

template <int N, class T = double>
void check_fixed_against_dynamic() {
    const T eps = std::is_same_v<T, float> ? T(1e-5) : T(1e-15);
    Eigen::Matrix<T, N, 1> p;
    for (int i = 0; i < N; ++i) p(i) = T(0.3 + 0.17 * i - 0.02 * i * i);
    T value = 0;
    // With one variable, fn is called with the scalar.
    const auto fn = [](const auto& q) {
        using Q = std::decay_t<decltype(q)>;
        if constexpr (tapeless::is_dual_v<Q>) {
            return every_update(Eigen::Matrix<Q, 1, 1>(q));
        } else {
            return every_update(q);
        }
    };
    const auto g = tapeless::grad(fn, p, value);
    // Dynamic partials take the Eigen-expression path, not the fixed-size vectors. (Approx,
    // not ==: a compiler may fuse a * b + c into one rounding in one path and not the other.)
    T value_x = 0;
    const Eigen::Matrix<T, Eigen::Dynamic, 1> gx =
        tapeless::grad(fn, Eigen::Matrix<T, Eigen::Dynamic, 1>(p), value_x);
    CHECK(value == Approx(every_update(p)).epsilon(eps));
    CHECK(value_x == Approx(value).epsilon(eps));
    for (int i = 0; i < N; ++i) CHECK(g(i) == Approx(gx(i)).epsilon(eps).margin(1e-30));
    // Against central differences (in double).
    const Eigen::Matrix<double, N, 1> pd = p.template cast<double>();
    for (int i = 0; i < N; ++i) {
        const double h = 1e-6;
        Eigen::Matrix<double, N, 1> a = pd, b = pd;
        a(i) += h;
        b(i) -= h;
        const double fd = (every_update(a) - every_update(b)) / (2 * h);
        CHECK(double(g(i)) == Approx(fd).epsilon(std::is_same_v<T, float> ? 1e-4 : 1e-7).margin(1e-6));
    }
}

}  // namespace

TEST_CASE("grad(fn, point): fixed sizes with every tail of the vectorised update",
          "[forward][callable]") {
    // 16-byte vectors of doubles leave a tail of one number for odd N; 32-byte vectors (AVX)
    // leave 1, 2 or 3.
    check_fixed_against_dynamic<1>();
    check_fixed_against_dynamic<2>();
    check_fixed_against_dynamic<3>();
    check_fixed_against_dynamic<6>();
    check_fixed_against_dynamic<7>();
    check_fixed_against_dynamic<15>();
    // float: 16-byte vectors of 4, tails of 1 to 3 numbers (and 8 with AVX).
    check_fixed_against_dynamic<1, float>();
    check_fixed_against_dynamic<3, float>();
    check_fixed_against_dynamic<7, float>();
    check_fixed_against_dynamic<15, float>();
    // The partials are stored first, 16-byte aligned when value and partials fill 16-byte blocks.
    // (Where the partials are updated in vectors: SSE2, NEON, AVX.)
    static_assert(sizeof(tapeless::dual<double, 15>) == 128);
    if constexpr (tapeless::detail::dual_simd_bytes >= 16) {
        static_assert(alignof(tapeless::dual<double, 15>) == 16);
        static_assert(alignof(tapeless::dual<float, 3>) == 16);
        const tapeless::dual<double, 15> x(2.0);
        CHECK(reinterpret_cast<std::uintptr_t>(x.grad().data()) % 16 == 0);
    }
}

namespace {
/// Every path of the rule that zero partials stay zero: the masked update (every product up to
/// 32 bytes), the inline rare path (up to 64 bytes), the out-of-line one (above), in vectors
/// with every tail. x0 / x1 at x1 = 0 with the other partials zero, one of them -0, which comes
/// out +0 as the scalar times_partial gives it; then scalings by inf, also in compound
/// assignment.
template <int N, class T>
void check_zero_partials_stay_zero() {
    using D = tapeless::dual<T, N>;
    const T inf = std::numeric_limits<T>::infinity();
    Eigen::Matrix<T, N, 1> point = Eigen::Matrix<T, N, 1>::Constant(T(1.5));
    point(1) = T(0);
    const Eigen::Matrix<D, N, 1> x = tapeless::seed(point);
    D a = x(0);
    a.grad()(N - 1) = -T(0);  // a -0 partial in the last lane (the scalar tail for odd N)
    const D q = a / x(1);     // coefficients 1/0 = inf and -(1.5/0)(1/0) = -inf
    CHECK(q.grad()(0) == inf);
    CHECK(q.grad()(1) == -inf);
    for (int i = 2; i < N; ++i) {
        CHECK(q.grad()(i) == T(0));
        CHECK(!std::signbit(q.grad()(i)));
    }
    const D s = sqrt(x(1)) * T(2);  // scaling by the inf of d sqrt at 0
    CHECK(s.grad()(1) == inf);
    CHECK(s.grad()(0) == T(0));
    CHECK(s.grad()(N - 1) == T(0));
    D c = x(2);  // compound assignment by a number: as a * k and a / k
    c *= inf;
    CHECK(c.grad()(2) == inf);
    CHECK(c.grad()(0) == T(0));
    CHECK(c.grad()(1) == T(0));
    c = x(2);
    c /= T(0);
    CHECK(c.grad()(2) == inf);
    CHECK(c.grad()(0) == T(0));
    CHECK(c.grad()(1) == T(0));
}
}  // namespace

TEST_CASE("dual: an infinite local derivative leaves zero partials zero, above 64 bytes",
          "[forward][dual][edge]") {
    // dual<double, 15> takes the out-of-line rare path (N * 8 > 64 bytes); the edge-case tests
    // use few variables, which take the inline one.
    using D = tapeless::dual<double, 15>;
    Eigen::Matrix<double, 15, 1> point = Eigen::Matrix<double, 15, 1>::LinSpaced(0.5, 2.0);
    point(1) = 0.0;
    const Eigen::Matrix<D, 15, 1> x = tapeless::seed(point);
    const D q = x(0) / x(1);  // d/dx0 = 1/0 = inf, d/dx1 = -x0/0^2 = -inf
    CHECK(q.grad()(0) == std::numeric_limits<double>::infinity());
    CHECK(q.grad()(1) == -std::numeric_limits<double>::infinity());
    for (int i = 2; i < 15; ++i) CHECK(q.grad()(i) == 0.0);
    const D r = sqrt(x(1)) + x(2);  // d sqrt at 0 = inf, for x1 only
    CHECK(r.grad()(1) == std::numeric_limits<double>::infinity());
    CHECK(r.grad()(2) == 1.0);
    for (int i = 3; i < 15; ++i) CHECK(r.grad()(i) == 0.0);
    D c = x(3);
    c *= x(1) / x(1);  // NaN coefficient (0/0), compound assignment
    CHECK(std::isnan(c.grad()(1)));
    CHECK(c.grad()(4) == 0.0);
    check_zero_partials_stay_zero<15, double>();  // also *= and /= by a number, out of line
    check_zero_partials_stay_zero<16, double>();
}

TEST_CASE("dual: an infinite local derivative leaves zero partials zero, 64 bytes or less",
          "[forward][dual][edge]") {
    check_zero_partials_stay_zero<3, double>();  // a 16-byte vector and a number (AVX too)
    check_zero_partials_stay_zero<4, double>();  // one AVX vector, two SSE2 vectors
    check_zero_partials_stay_zero<8, double>();  // whole vectors, the inline rare path
    check_zero_partials_stay_zero<7, float>();   // a 16-byte vector, then 3 numbers
    check_zero_partials_stay_zero<8, float>();   // one AVX vector, two SSE2 vectors
}

TEST_CASE("dual: the sign of a zero partial from a product", "[forward][dual][edge]") {
    // Up to 32 bytes of partials updated in vectors every product masks its zero partials,
    // which come out +0; larger duals multiply them, and -1 * +0 is -0 (docs/edge-cases.md).
    using D4 = tapeless::dual<double, 4>;
    using D8 = tapeless::dual<double, 8>;
    const D4 small = -D4::variable(1.0, 0);
    const D8 large = -D8::variable(1.0, 0);
    CHECK(small.grad()(0) == -1.0);
    CHECK(large.grad()(0) == -1.0);
    CHECK(small.grad()(1) == 0.0);
    CHECK(large.grad()(1) == 0.0);
    CHECK(std::signbit(large.grad()(1)));
    if constexpr (tapeless::detail::dual_masked_products_v<double, 4>) {
        CHECK(!std::signbit(small.grad()(1)));
    } else {
        CHECK(std::signbit(small.grad()(1)));
    }
}

TEST_CASE("dual: one test per operation finds every non-finite coefficient",
          "[forward][dual][edge]") {
    // A product tests its value a b (inf or NaN when a or b is), a quotient -(a/b)(1/b) (inf or
    // NaN when 1/b is): the rare path runs exactly where a coefficient is not finite, and where
    // a b overflows, which gives the same partials as the fast path.
    using D = tapeless::dual<double, 15>;
    const double inf = std::numeric_limits<double>::infinity();
    Eigen::Matrix<double, 15, 1> point = Eigen::Matrix<double, 15, 1>::LinSpaced(0.5, 2.0);
    point(0) = inf;
    point(1) = 0.0;
    point(2) = 1e200;
    point(3) = 1e300;
    point(4) = 1e-310;  // subnormal: 1/x4 overflows
    const Eigen::Matrix<D, 15, 1> x = tapeless::seed(point);
    const D p = x(0) * x(5);  // inf * 1.75: coefficient inf for x5's partials
    CHECK(p.grad()(0) == x(5).value());
    CHECK(p.grad()(5) == inf);
    for (int i : {1, 2, 3, 4, 6, 14}) CHECK(p.grad()(i) == 0.0);
    const D z = x(0) * x(1);  // inf * 0: the value is NaN, so is x1's partial; others stay 0
    CHECK(std::isnan(z.value()));
    CHECK(z.grad()(0) == 0.0);
    CHECK(z.grad()(1) == inf);
    CHECK(z.grad()(6) == 0.0);
    const D o = x(2) * x(3);  // finite coefficients, the product overflows: same partials
    CHECK(o.value() == inf);
    CHECK(o.grad()(2) == 1e300);
    CHECK(o.grad()(3) == 1e200);
    CHECK(o.grad()(7) == 0.0);
    const D q = x(5) / x(4);  // 1/x4 overflows: inf and -inf coefficients
    CHECK(q.grad()(5) == inf);
    CHECK(q.grad()(4) == -inf);
    CHECK(q.grad()(8) == 0.0);
    D c = x(6);
    c *= x(0);  // compound assignment, inf coefficient
    CHECK(c.grad()(6) == inf);
    CHECK(c.grad()(9) == 0.0);
    c = x(6);
    c /= x(1);  // 1/0
    CHECK(c.grad()(6) == inf);
    CHECK(c.grad()(10) == 0.0);
}

TEST_CASE("dual: sin and cos give std::sin and std::cos bit for bit", "[forward][dual]") {
    // Both take sin and cos of the value from one sincos call where the C library has one.
    // The reference calls go through pointers the compiler cannot see through, so that it does
    // not merge them into a sincos call of its own (GCC does).
    static double (*volatile const sin_d)(double) = ::sin;
    static double (*volatile const cos_d)(double) = ::cos;
    static float (*volatile const sin_f)(float) = ::sinf;
    static float (*volatile const cos_f)(float) = ::cosf;
    const auto ref_sin = [](auto v) {
        if constexpr (std::is_same_v<decltype(v), float>) {
            return sin_f(v);
        } else {
            return sin_d(v);
        }
    };
    const auto ref_cos = [](auto v) {
        if constexpr (std::is_same_v<decltype(v), float>) {
            return cos_f(v);
        } else {
            return cos_d(v);
        }
    };
    const auto check = [&]<class T>(T v) {
        const tapeless::dual<T, 2> x(v, Eigen::Matrix<T, 2, 1>(1, 0));
        const auto s = sin(x);
        const auto c = cos(x);
        const bool same = std::bit_cast<std::uint64_t>(double(s.value())) ==
                              std::bit_cast<std::uint64_t>(double(ref_sin(v))) &&
                          std::bit_cast<std::uint64_t>(double(s.grad()(0))) ==
                              std::bit_cast<std::uint64_t>(double(ref_cos(v))) &&
                          std::bit_cast<std::uint64_t>(double(c.value())) ==
                              std::bit_cast<std::uint64_t>(double(ref_cos(v))) &&
                          std::bit_cast<std::uint64_t>(double(c.grad()(0))) ==
                              std::bit_cast<std::uint64_t>(double(-ref_sin(v)));
        return same || (std::isnan(v) && std::isnan(s.value()) && std::isnan(c.value()));
    };
    std::uint64_t state = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        const double u = double(state >> 11) * 0x1.0p-53;
        const double v = (u - 0.5) * (i % 2 == 0 ? 20.0 : 2e6);
        CHECK(check(v));
        CHECK(check(float(v)));
    }
    for (const double v : {0.0, -0.0, 1e300, -1e-310, std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(), 1.5707963267948966})
        CHECK(check(v));
}

TEST_CASE("grad(fn, point, value) and jacobian(fn, point, values) also give fn's value",
          "[forward][callable]") {
    const Eigen::Vector2d p(1.5, 0.4);
    const Eigen::Vector3d expected(1.5 * std::cos(0.4), 1.5 * std::sin(0.4), 2.25);

    Eigen::Vector3d values = Eigen::Vector3d::Constant(-1);
    const auto J = tapeless::jacobian(polar, p, values);
    CHECK(J == tapeless::jacobian(polar, p));
    CHECK(values == expected);

    // A dynamic vector is resized; a Map writes into caller memory.
    Eigen::VectorXd vx;
    const auto Jx = tapeless::jacobian(polar, Eigen::VectorXd(p), vx);
    REQUIRE(vx.size() == 3);
    CHECK(vx == expected);
    CHECK(Jx == J);
    double out[3] = {0, 0, 0};
    Eigen::Map<Eigen::Vector3d> m(out);
    tapeless::jacobian(polar, p, m);
    CHECK(out[2] == 2.25);
    // A temporary view: a block of a larger vector, written in place.
    Eigen::Matrix<double, 5, 1> wide = Eigen::Matrix<double, 5, 1>::Zero();
    tapeless::jacobian(polar, p, wide.segment<3>(1));
    CHECK(wide(0) == 0.0);
    CHECK(wide.segment<3>(1) == expected);
    CHECK(wide(4) == 0.0);

    double value = 0;
    const auto g = tapeless::grad([](const auto& a, const auto& b) { return a * b + a * a; },
                                  Eigen::Vector2d(1, 2), value);
    CHECK(value == 3.0);
    CHECK(g == Eigen::Vector2d(4, 1));
    // A function that does not depend on the point still reports its value.
    const auto g0 = tapeless::grad([](const auto&, const auto&) { return 7.0; },
                                   Eigen::Vector2d(1, 2), value);
    CHECK(value == 7.0);
    CHECK(g0.isZero());
}
