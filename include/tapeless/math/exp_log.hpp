// tapeless::math::exp, log, expm1, log1p: constexpr (own double-double code) / std:: at run time.
#pragma once

#include <tapeless/math/detail.hpp>

#include <cmath>
#include <concepts>
#include <limits>
#include <numbers>
#include <type_traits>

namespace tapeless::math {

/// e^x. Overflow gives +inf, underflow 0 (subnormal results correctly rounded).
template <std::floating_point T> constexpr T exp(T x);
/// Natural logarithm: log(0) = -inf, log(x < 0) = NaN, log(+inf) = +inf.
template <std::floating_point T> constexpr T log(T x);
/// e^x - 1, accurate near 0.
template <std::floating_point T> constexpr T expm1(T x);
/// log(1 + x), accurate near 0: log1p(-1) = -inf, log1p(x < -1) = NaN.
template <std::floating_point T> constexpr T log1p(T x);

namespace detail {

/// A double-double times a power of two: (v.hi + v.lo) * 2^k.
struct scaled_dd {
    dd v;
    int k;
};

/// e^(xh + xl) for |xh| < 800, as a double-double (relative error ~2^-60) times 2^k.
constexpr scaled_dd exp_core(double xh, double xl) noexcept
{
    const double kd = nearest(xh * inv_ln2);
    // Cody-Waite with a three-part ln 2: x - k*p1 and k*p2 are exact.
    const double r1 = xh - kd * ln2_p1;
    dd r = two_sum(r1, -kd * ln2_p2);
    r = add(r, -kd * ln2_p3);
    r = add(r, xl);
    const double rh = r.hi;
    // e^rh = 1 + rh + rh^2/2 + rh^3 * P(rh), |rh| <= 0.35: Taylor to rh^16 (2^-70).
    double p = 1.0 / 20922789888000.0;
    p = p * rh + 1.0 / 1307674368000.0;
    p = p * rh + 1.0 / 87178291200.0;
    p = p * rh + 1.0 / 6227020800.0;
    p = p * rh + 1.0 / 479001600.0;
    p = p * rh + 1.0 / 39916800.0;
    p = p * rh + 1.0 / 3628800.0;
    p = p * rh + 1.0 / 362880.0;
    p = p * rh + 1.0 / 40320.0;
    p = p * rh + 1.0 / 5040.0;
    p = p * rh + 1.0 / 720.0;
    p = p * rh + 1.0 / 120.0;
    p = p * rh + 1.0 / 24.0;
    p = p * rh + 1.0 / 6.0;
    const double tail = rh * rh * rh * p;
    const dd h2 = scale(two_prod(rh, rh), 0.5);
    dd e = add(two_sum(1.0, rh), h2);
    // e^(rh + rl) = e^rh (1 + rl)
    e = add(e, tail + r.lo * (1.0 + rh));
    return {e, static_cast<int>(kd)};
}

constexpr double exp_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (x > 0x1.62e42fefa39efp+9) {  // 709.78...: largest x with e^x finite
        return inf_v;
    }
    if (x < -0x1.74910d52d3051p+9) {  // -745.13...: e^x < 2^-1075 rounds to 0
        return 0.0;
    }
    if (fabs(x) < 0x1p-54) {
        return 1.0 + x;
    }
    const scaled_dd e = exp_core(x, 0.0);
    return ldexp_dd(e.v, e.k);
}

/// log(x) as a double-double (relative error ~2^-65) for finite x > 0.
constexpr dd log_dd(double x) noexcept
{
    auto [m, e] = decompose(x);
    if (m > std::numbers::sqrt2) {  // m in (sqrt(1/2), sqrt(2)]
        m *= 0.5;
        e += 1;
    }
    // log m = 2 atanh s = 2s + 2s^3/3 + 2s^5/5 + ..., s = (m - 1)/(m + 1), |s| <= 0.172
    const double f = m - 1.0;  // exact
    const dd s = div(dd{f, 0.0}, two_sum(m, 1.0));
    const double s2 = s.hi * s.hi;
    double p = 1.0 / 25;
    p = p * s2 + 1.0 / 23;
    p = p * s2 + 1.0 / 21;
    p = p * s2 + 1.0 / 19;
    p = p * s2 + 1.0 / 17;
    p = p * s2 + 1.0 / 15;
    p = p * s2 + 1.0 / 13;
    p = p * s2 + 1.0 / 11;
    p = p * s2 + 1.0 / 9;
    p = p * s2 + 1.0 / 7;
    p = p * s2 + 1.0 / 5;
    const dd s3 = mul(mul(s, s), s);
    constexpr dd two_thirds{0x1.5555555555555p-1, 0x1.5555555555555p-55};
    dd lm = add(mul(two_thirds, s3), 2.0 * s3.hi * s2 * p);
    lm = add(scale(s, 2.0), lm);
    if (e == 0) {
        return lm;
    }
    return add(mul(ln2_dd, static_cast<double>(e)), lm);
}

constexpr double log_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (x < 0) {
        return nan_v;
    }
    if (x == 0) {
        return -inf_v;
    }
    if (x == inf_v) {
        return x;
    }
    return log_dd(x).hi;
}

constexpr double expm1_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (x > 0x1.62e42fefa39efp+9) {
        return inf_v;
    }
    if (x < -38.0) {  // e^x < 2^-54: rounds to -1
        return -1.0;
    }
    if (fabs(x) < 0x1p-54) {
        return x;  // keeps -0
    }
    if (fabs(x) <= 0.35) {
        // x + x^2/2 + x^3 P(x), Taylor to x^16
        double p = 1.0 / 20922789888000.0;
        p = p * x + 1.0 / 1307674368000.0;
        p = p * x + 1.0 / 87178291200.0;
        p = p * x + 1.0 / 6227020800.0;
        p = p * x + 1.0 / 479001600.0;
        p = p * x + 1.0 / 39916800.0;
        p = p * x + 1.0 / 3628800.0;
        p = p * x + 1.0 / 362880.0;
        p = p * x + 1.0 / 40320.0;
        p = p * x + 1.0 / 5040.0;
        p = p * x + 1.0 / 720.0;
        p = p * x + 1.0 / 120.0;
        p = p * x + 1.0 / 24.0;
        p = p * x + 1.0 / 6.0;
        const dd h2 = scale(two_prod(x, x), 0.5);
        const dd s = add(two_sum(x, h2.hi), h2.lo + x * x * x * p);
        return s.hi;
    }
    const scaled_dd e = exp_core(x, 0.0);
    const dd v{ldexp(e.v.hi, e.k), ldexp(e.v.lo, e.k)};
    return add(v, -1.0).hi;
}

constexpr double log1p_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (x < -1.0) {
        return nan_v;
    }
    if (x == -1.0) {
        return -inf_v;
    }
    if (x == inf_v) {
        return x;
    }
    if (fabs(x) < 0x1p-54) {
        return x;  // keeps -0
    }
    // 1 + x = u.hi + u.lo exactly; log(u.hi + u.lo) = log(u.hi) + u.lo/u.hi (+ O(2^-106))
    const dd u = two_sum(1.0, x);
    const dd l = log_dd(u.hi);
    return add(l, u.lo / u.hi).hi;
}

}  // namespace detail

// Constant evaluation: double-precision code (float rounds the double result once;
// long double is computed in double). Run time: the standard library.

template <std::floating_point T>
constexpr T exp(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::exp_impl(static_cast<double>(x)));
    }
    return std::exp(x);
}

template <std::floating_point T>
constexpr T log(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::log_impl(static_cast<double>(x)));
    }
    return std::log(x);
}

template <std::floating_point T>
constexpr T expm1(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::expm1_impl(static_cast<double>(x)));
    }
    return std::expm1(x);
}

template <std::floating_point T>
constexpr T log1p(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::log1p_impl(static_cast<double>(x)));
    }
    return std::log1p(x);
}

}  // namespace tapeless::math
