// The finite rows of docs/edge-cases.md in constant evaluation: value, symbolic derivative and
// reverse-mode gradient of each function at its edges, on GCC and Clang. (forward_grad and
// dual numbers hold Eigen vectors, which are not constexpr; tests/runtime/edge_cases*.cpp
// compare them with these at run time.)
#include "support.hpp"

#include <tapeless/tapeless.hpp>

#include <bit>
#include <cstdint>

namespace {

using tapeless::d;
using tapeless::grad;
using tapeless_test::approx_equal;

constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;

constexpr double pi = 3.141592653589793;

/// Within 4 ulp, and a zero with the expected sign (values; derivatives ignore the sign of 0).
constexpr bool same(double got, double want, bool zero_sign = true) {
    if (want == 0) {
        return got == 0 && (!zero_sign || (std::bit_cast<std::uint64_t>(got) >> 63) ==
                                              (std::bit_cast<std::uint64_t>(want) >> 63));
    }
    return approx_equal(got, want, 8.9e-16);
}

/// f(x0) = value and f'(x0) = dx by evaluation, d and grad.
template <class E>
constexpr bool row(const E& e, double x0, double value, double dx) {
    const auto g = grad(e, x = x0);
    return same(e(x = x0), value) && same(g.value(), value) &&
           same(d(e, x)(x = x0), dx, false) && same(g[x], dx, false);
}

template <class E>
constexpr bool row2(const E& e, double x0, double y0, double value, double dx, double dy) {
    const auto g = grad(e, x = x0, y = y0);
    return same(e(x = x0, y = y0), value) && same(g.value(), value) &&
           same(d(e, x)(x = x0, y = y0), dx, false) && same(g[x], dx, false) &&
           same(d(e, y)(x = x0, y = y0), dy, false) && same(g[y], dy, false);
}

// roots, exp, log
static_assert(row(sqrt(x), 4.0, 2.0, 0.25));
static_assert(row(cbrt(x), -8.0, -2.0, 1.0 / 12));
static_assert(row(exp(x), 0.0, 1.0, 1.0));
static_assert(row(exp(x), -746.0, 0.0, 0.0));
static_assert(row(log(x), 1.0, 0.0, 1.0));
static_assert(row(log1p(x), 0.0, 0.0, 1.0));
static_assert(row(log1p(x), -0.0, -0.0, 1.0));
static_assert(row(expm1(x), 0.0, 0.0, 1.0));
static_assert(row(expm1(x), -0.0, -0.0, 1.0));

// trigonometric
static_assert(row(sin(x), 0.0, 0.0, 1.0));
static_assert(row(sin(x), -0.0, -0.0, 1.0));
static_assert(row(cos(x), 0.0, 1.0, 0.0));
static_assert(row(tan(x), 0.0, 0.0, 1.0));
static_assert(row(tan(x), -0.0, -0.0, 1.0));
static_assert(row(asin(x), 0.0, 0.0, 1.0));
static_assert(row(asin(x), -0.0, -0.0, 1.0));
static_assert(row(acos(x), 0.0, pi / 2, -1.0));
static_assert(row(atan(x), 0.0, 0.0, 1.0));
static_assert(row(atan(x), -0.0, -0.0, 1.0));
static_assert(row(atan(x), 1e300, pi / 2, 0.0));

// hyperbolic: the derivative of tanh is exactly 0 once tanh rounds to +-1
static_assert(row(sinh(x), 0.0, 0.0, 1.0));
static_assert(row(sinh(x), -0.0, -0.0, 1.0));
static_assert(row(cosh(x), 0.0, 1.0, 0.0));
static_assert(row(tanh(x), 0.0, 0.0, 1.0));
static_assert(row(tanh(x), -0.0, -0.0, 1.0));
static_assert(row(tanh(x), 20.0, 1.0, 0.0));
static_assert(row(tanh(x), -20.0, -1.0, 0.0));
static_assert(row(tanh(x), 400.0, 1.0, 0.0));

// abs (derivative 0 at 0 by choice), erf
static_assert(row(abs(x), 0.0, 0.0, 0.0));
static_assert(row(abs(x), -0.0, 0.0, 0.0));
static_assert(row(abs(x), 2.0, 2.0, 1.0));
static_assert(row(abs(x), -2.0, 2.0, -1.0));
static_assert(row(erf(x), 0.0, 0.0, 1.1283791670955126));
static_assert(row(erf(x), -0.0, -0.0, 1.1283791670955126));
static_assert(row(erf(x), 30.0, 1.0, 0.0));

// powers
static_assert(row(pow(x, 2), 0.0, 0.0, 0.0));
static_assert(row(pow(x, 2), -0.0, 0.0, 0.0));
static_assert(row(pow(x, 2), -1.0, 1.0, -2.0));
static_assert(row(pow(x, 3), -0.0, -0.0, 0.0));
static_assert(row(pow(x, 0), 0.0, 1.0, 0.0));
static_assert(row(pow(x, 0), 2.0, 1.0, 0.0));
static_assert(row(pow(x, -1), 2.0, 0.5, -0.25));
static_assert(row(pow(x, 2.0), 0.0, 0.0, 0.0));
static_assert(row(pow(x, 2.0), -1.0, 1.0, -2.0));
static_assert(row(pow(x, 0.5), 4.0, 2.0, 0.25));
static_assert(row(pow(x, 1.0), 0.0, 0.0, 1.0));
static_assert(row(pow(x, 0.0), 2.0, 1.0, 0.0));
static_assert(row(pow(x, -1.0), -1.0, -1.0, -1.0));
static_assert(row2(pow(x, y), 2.0, 0.0, 1.0, 0.0, 0.6931471805599453));
static_assert(row2(pow(x, y), 1.0, 2.0, 1.0, 2.0, 0.0));

// division, atan2, hypot
static_assert(row2(x / y, 0.0, 1.0, 0.0, 1.0, 0.0));
static_assert(row2(x / y, -0.0, 1.0, -0.0, 1.0, 0.0));
static_assert(row2(atan2(y, x), 1.0, 1.0, pi / 4, -0.5, 0.5));
static_assert(row2(atan2(y, x), 0.0, 1.0, pi / 2, -1.0, 0.0));
static_assert(row2(atan2(y, x), -1.0, 0.0, pi, 0.0, -1.0));
static_assert(row2(hypot(x, y), 3.0, 4.0, 5.0, 0.6, 0.8));
static_assert(row2(hypot(x, y), 0.0, 1.0, 1.0, 0.0, 1.0));

}  // namespace
