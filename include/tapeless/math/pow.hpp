// tapeless::math::pow(x, int) (exact repeated multiplication) and pow(x, y): constexpr / std::pow at run time.
#pragma once

#include <tapeless/math/detail.hpp>
#include <tapeless/math/exp_log.hpp>

#include <cmath>
#include <concepts>
#include <limits>
#include <type_traits>

namespace tapeless::math {

/// x^n by binary powering (square-and-multiply) in T: the same algorithm in constant evaluation
/// and at run time, never std::pow, so pow(2.0, 2) == 4.0 exactly. n == 0 gives 1 for every x
/// (also 0 and NaN); n < 0 gives 1 / x^|n| (+-inf when x^|n| is +-0).
template <std::floating_point T> constexpr T pow(T x, int n);

/// x^y with the IEEE / C99 Annex F special cases: pow(x, +-0) = 1, pow(1, y) = 1 (even NaN),
/// pow(+-0, y < 0) = +-inf, pow(x < 0, non-integer y) = NaN, ...
template <std::floating_point T> constexpr T pow(T x, T y);

namespace detail {

/// a * b; in constant evaluation an overflow is returned as +-inf explicitly (GCC rejects
/// overflowing arithmetic in constant expressions), so the result is the IEEE product either way.
template <class T>
constexpr T mul_saturating(T a, T b)
{
    if (std::is_constant_evaluated()) {
        constexpr T big = std::numeric_limits<T>::max();
        const T aa = a < 0 ? -a : a;
        const T ab = b < 0 ? -b : b;
        if (aa <= big && ab <= big && ab > 1 && aa > big / ab) {
            return ((a < 0) != (b < 0)) ? -std::numeric_limits<T>::infinity()
                                        : std::numeric_limits<T>::infinity();
        }
    }
    return a * b;
}

constexpr double pow_impl(double x, double y) noexcept
{
    if (y == 0 || x == 1.0) {
        return 1.0;  // also for NaN
    }
    if (is_nan(x) || is_nan(y)) {
        return nan_v;
    }
    const double ax = fabs(x);
    const bool y_odd = is_inf(y) ? false : is_odd_integer(y);
    if (x == 0) {
        if (y < 0) {
            return y_odd ? copy_sign(inf_v, x) : inf_v;
        }
        return y_odd ? x : 0.0;
    }
    if (is_inf(y)) {
        if (ax == 1.0) {
            return 1.0;  // (-1)^+-inf
        }
        return (ax < 1.0) == (y < 0) ? inf_v : 0.0;
    }
    if (is_inf(x)) {
        const double mag = y < 0 ? 0.0 : inf_v;
        return (x < 0 && y_odd) ? -mag : mag;
    }
    if (x < 0 && !is_integer(y)) {
        return nan_v;
    }
    if (ax == 1.0) {
        return y_odd ? -1.0 : 1.0;  // x == -1, y an integer
    }
    const double sign = (x < 0 && y_odd) ? -1.0 : 1.0;
    const bool grows = (ax > 1.0) == (y > 0);  // the sign of y log|x|
    if (fabs(y) > 0x1p64) {  // |y log|x|| > 2^64 * 2^-53: certain overflow / underflow
        return grows ? sign * inf_v : sign * 0.0;
    }
    const dd l = mul(log_dd(ax), y);
    if (l.hi > 710.0) {
        return sign * inf_v;
    }
    if (l.hi < -746.0) {
        return sign * 0.0;
    }
    const scaled_dd e = exp_core(l.hi, l.lo);
    return sign * ldexp_dd(e.v, e.k);
}

}  // namespace detail

template <std::floating_point T>
constexpr T pow(T x, int n)
{
    if (!std::is_constant_evaluated()) {
        // The common exponents without the loop (same products as the loop below).
        if (n == 2) {
            return x * x;
        }
        if (n == 1) {
            return x;
        }
    }
    if (n == 0) {
        return T(1);
    }
    if (x != x) {
        return x;
    }
    // |n| without overflow for INT_MIN
    unsigned int m = n < 0 ? 0u - static_cast<unsigned int>(n) : static_cast<unsigned int>(n);
    T result = T(1);
    T base = x;
    for (;;) {
        if ((m & 1u) != 0) {
            result = detail::mul_saturating(result, base);
        }
        m >>= 1;
        if (m == 0) {
            break;
        }
        base = detail::mul_saturating(base, base);
    }
    if (n > 0) {
        return result;
    }
    if (result == 0) {  // 1 / +-0, spelled out: division by zero is not a constant expression
        return detail::sign_bit(static_cast<double>(result)) ? -std::numeric_limits<T>::infinity()
                                                             : std::numeric_limits<T>::infinity();
    }
    return T(1) / result;
}

template <std::floating_point T>
constexpr T pow(T x, T y)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::pow_impl(static_cast<double>(x), static_cast<double>(y)));
    }
    return std::pow(x, y);
}

}  // namespace tapeless::math
