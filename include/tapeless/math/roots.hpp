// tapeless::math::sqrt, cbrt, hypot: constexpr (own Newton / double-double code) / std:: at run time.
#pragma once

#include <tapeless/math/detail.hpp>

#include <cmath>
#include <concepts>
#include <type_traits>

namespace tapeless::math {

/// Square root; sqrt(-0.0) = -0.0, sqrt(x < 0) = NaN.
template <std::floating_point T> constexpr T sqrt(T x);
/// Cube root (odd: cbrt(-8) = -2).
template <std::floating_point T> constexpr T cbrt(T x);
/// sqrt(x^2 + y^2) without undue overflow or underflow; hypot(+-inf, NaN) = +inf.
template <std::floating_point T> constexpr T hypot(T x, T y);

namespace detail {

constexpr double sqrt_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (x < 0) {
        return nan_v;
    }
    if (x == inf_v) {
        return x;
    }
    return sqrt_core(x);  // keeps -0
}

constexpr double cbrt_impl(double x) noexcept
{
    if (is_nan(x) || is_inf(x) || x == 0) {
        return x;
    }
    auto [m, e] = decompose(fabs(x));
    const int rem = ((e % 3) + 3) % 3;  // e = 3q + rem, rem in {0, 1, 2}
    m = ldexp(m, rem);                  // m in [1, 8)
    e -= rem;
    double r = 1.0 + (m - 1.0) * (1.0 / 7.0);
    for (int i = 0; i < 7; ++i) {
        r = (2.0 * r + m / (r * r)) * (1.0 / 3.0);
    }
    // One correction step with the residual m - r^3 in double-double.
    const dd r3 = mul(two_prod(r, r), r);
    r += -add(r3, -m).hi / (3.0 * r * r);
    return copy_sign(ldexp(r, e / 3), x);
}

constexpr double hypot_impl(double x, double y) noexcept
{
    if (is_inf(x) || is_inf(y)) {
        return inf_v;
    }
    if (is_nan(x) || is_nan(y)) {
        return nan_v;
    }
    double a = fabs(x);
    double b = fabs(y);
    if (a < b) {
        const double t = a;
        a = b;
        b = t;
    }
    if (b == 0) {
        return a;
    }
    const int ea = exponent_of(a);
    if (ea - exponent_of(b) > 60) {
        return a;  // a sqrt(1 + (b/a)^2) rounds to a
    }
    const double as = ldexp(a, -ea);  // [1, 2)
    const double bs = ldexp(b, -ea);  // [2^-61, 2), exact
    const dd sum = add(two_prod(as, as), two_prod(bs, bs));
    return ldexp_dd(sqrt_dd(sum), ea);
}

}  // namespace detail

// Constant evaluation: double-precision code (float rounds the double result once;
// long double is computed in double). Run time: the standard library.

template <std::floating_point T>
constexpr T sqrt(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::sqrt_impl(static_cast<double>(x)));
    }
    return std::sqrt(x);
}

template <std::floating_point T>
constexpr T cbrt(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::cbrt_impl(static_cast<double>(x)));
    }
    return std::cbrt(x);
}

template <std::floating_point T>
constexpr T hypot(T x, T y)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::hypot_impl(static_cast<double>(x), static_cast<double>(y)));
    }
    return std::hypot(x, y);
}

}  // namespace tapeless::math
