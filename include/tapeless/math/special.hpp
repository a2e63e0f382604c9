// tapeless::math::erf: constexpr (own double-double code) / std::erf at run time.
#pragma once

#include <tapeless/math/detail.hpp>
#include <tapeless/math/exp_log.hpp>

#include <cmath>
#include <concepts>
#include <type_traits>

namespace tapeless::math {

/// Error function erf x = 2/sqrt(pi) * integral_0^x e^(-t^2) dt; erf(+-inf) = +-1.
template <std::floating_point T> constexpr T erf(T x);

namespace detail {

/// e^(-x^2) for |x| <= 6 as a double-double, with x^2 carried exactly.
constexpr dd exp_minus_square(double x) noexcept
{
    const dd sq = two_prod(x, x);
    const scaled_dd e = exp_core(-sq.hi, -sq.lo);
    return scale(e.v, pow2(e.k));
}

/// 1 / (2n+1)!! for n = 0..40, as double-doubles (the Taylor coefficients of the erf series).
inline constexpr auto erf_series_coefficients = [] {
    struct table {
        dd c[41];
        constexpr const dd& operator[](int n) const { return c[n]; }
    } t{};
    t.c[0] = {1.0, 0.0};
    for (int n = 1; n <= 40; ++n) {
        t.c[n] = div(t.c[n - 1], {2.0 * n + 1.0, 0.0});
    }
    return t;
}();

constexpr double erf_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    const double a = fabs(x);
    if (a >= 6.0) {  // erfc 6 = 2.2e-17 < 2^-54: rounds to 1
        return copy_sign(1.0, x);
    }
    if (a < 0x1p-28) {
        return x * two_over_sqrtpi_dd.hi + x * two_over_sqrtpi_dd.lo;  // keeps -0
    }
    if (a < 2.0) {
        // erf a = 2/sqrt(pi) a e^(-a^2) sum_n (2a^2)^n / (2n+1)!!  (all terms positive);
        // 8 + 13a terms reach 2^-62 relative for a < 2.
        const dd z = scale(two_prod(a, a), 2.0);
        const int terms = 8 + static_cast<int>(13.0 * a);
        dd sum = erf_series_coefficients[terms];
        for (int n = terms - 1; n >= 0; --n) {
            sum = add(mul(sum, z), erf_series_coefficients[n]);
        }
        const dd r = mul(mul(mul(two_over_sqrtpi_dd, sum), exp_minus_square(a)), a);
        return copy_sign(r.hi, x);
    }
    // erfc a = e^(-a^2)/sqrt(pi) * 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + ...)))), evaluated
    // backwards (64 terms reach full double precision for a >= 2); erf = 1 - erfc.
    double f = a;
    for (int k = 64; k >= 1; --k) {
        f = a + (0.5 * k) / f;
    }
    const double erfc = exp_minus_square(a).hi * one_over_sqrtpi_dd.hi / f;
    return copy_sign(1.0 - erfc, x);
}

}  // namespace detail

// Constant evaluation: double-precision code (float rounds the double result once;
// long double is computed in double). Run time: the standard library.

template <std::floating_point T>
constexpr T erf(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::erf_impl(static_cast<double>(x)));
    }
    return std::erf(x);
}

}  // namespace tapeless::math
