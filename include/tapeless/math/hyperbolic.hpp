// tapeless::math::sinh, cosh, tanh: constexpr (own double-double code) / std:: at run time.
#pragma once

#include <tapeless/math/detail.hpp>
#include <tapeless/math/exp_log.hpp>

#include <cmath>
#include <concepts>
#include <type_traits>

namespace tapeless::math {

/// Hyperbolic sine; overflows to +-inf.
template <std::floating_point T> constexpr T sinh(T x);
/// Hyperbolic cosine; overflows to +inf.
template <std::floating_point T> constexpr T cosh(T x);
/// Hyperbolic tangent; +-1 for large |x|.
template <std::floating_point T> constexpr T tanh(T x);

namespace detail {

/// sinh x for |x| <= 1 as a double-double: x + x^3 P(x^2), Taylor to x^21.
constexpr dd sinh_small(double x) noexcept
{
    const double z = x * x;
    double p = 1.0 / 51090942171709440000.0;  // 1/21!
    p = p * z + 1.0 / 121645100408832000.0;
    p = p * z + 1.0 / 355687428096000.0;
    p = p * z + 1.0 / 1307674368000.0;
    p = p * z + 1.0 / 6227020800.0;
    p = p * z + 1.0 / 39916800.0;
    p = p * z + 1.0 / 362880.0;
    p = p * z + 1.0 / 5040.0;
    p = p * z + 1.0 / 120.0;
    p = p * z + 1.0 / 6.0;
    return fast_two_sum(x, x * z * p);
}

/// cosh x for |x| <= 1 as a double-double: 1 + x^2/2 + x^4 P(x^2), Taylor to x^22.
constexpr dd cosh_small(double x) noexcept
{
    const double z = x * x;
    double p = 1.0 / 1124000727777607680000.0;  // 1/22!
    p = p * z + 1.0 / 2432902008176640000.0;
    p = p * z + 1.0 / 6402373705728000.0;
    p = p * z + 1.0 / 20922789888000.0;
    p = p * z + 1.0 / 87178291200.0;
    p = p * z + 1.0 / 479001600.0;
    p = p * z + 1.0 / 3628800.0;
    p = p * z + 1.0 / 40320.0;
    p = p * z + 1.0 / 720.0;
    p = p * z + 1.0 / 24.0;
    const dd h = scale(two_prod(x, x), 0.5);
    return add(two_sum(1.0, h.hi), h.lo + z * z * p);
}

/// e^a for 0 <= a <= 23 as a plain double-double.
constexpr dd exp_moderate(double a) noexcept
{
    const scaled_dd e = exp_core(a, 0.0);
    return scale(e.v, pow2(e.k));
}

/// e^a / 2 for a >= 22, rounded to double (may overflow to inf), as e^(a - ln 2).
constexpr double half_exp_large(double a) noexcept
{
    if (a > 711.0) {
        return inf_v;
    }
    const dd arg = add(two_sum(a, -ln2_dd.hi), -ln2_dd.lo);
    const scaled_dd e = exp_core(arg.hi, arg.lo);
    return ldexp_dd(e.v, e.k);
}

constexpr double sinh_impl(double x) noexcept
{
    if (is_nan(x) || is_inf(x)) {
        return x;
    }
    const double a = fabs(x);
    if (a < 0x1p-27) {
        return x;  // keeps -0
    }
    if (a <= 1.0) {
        return sinh_small(x).hi;
    }
    if (a >= 22.0) {  // e^-a / 2 is below 2^-64 relative
        return copy_sign(half_exp_large(a), x);
    }
    const dd e = exp_moderate(a);
    const dd s = scale(add(e, neg(div({1.0, 0.0}, e))), 0.5);
    return copy_sign(s.hi, x);
}

constexpr double cosh_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (is_inf(x)) {
        return inf_v;
    }
    const double a = fabs(x);
    if (a < 0x1p-27) {
        return 1.0;
    }
    if (a <= 1.0) {
        return cosh_small(a).hi;
    }
    if (a >= 22.0) {
        return half_exp_large(a);
    }
    const dd e = exp_moderate(a);
    return scale(add(e, div({1.0, 0.0}, e)), 0.5).hi;
}

constexpr double tanh_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    const double a = fabs(x);
    if (a < 0x1p-27) {
        return x;  // keeps -0
    }
    if (a >= 22.0) {  // 1 - tanh a < 2^-62
        return copy_sign(1.0, x);
    }
    if (a <= 1.0) {
        return div(sinh_small(x), cosh_small(x)).hi;
    }
    const dd e = exp_moderate(a);
    const dd inv = div({1.0, 0.0}, e);
    const dd t = div(add(e, neg(inv)), add(e, inv));
    return copy_sign(t.hi, x);
}

}  // namespace detail

// Constant evaluation: double-precision code (float rounds the double result once;
// long double is computed in double). Run time: the standard library.

template <std::floating_point T>
constexpr T sinh(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::sinh_impl(static_cast<double>(x)));
    }
    return std::sinh(x);
}

template <std::floating_point T>
constexpr T cosh(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::cosh_impl(static_cast<double>(x)));
    }
    return std::cosh(x);
}

template <std::floating_point T>
constexpr T tanh(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::tanh_impl(static_cast<double>(x)));
    }
    return std::tanh(x);
}

}  // namespace tapeless::math
