// Constant-evaluation checks of tapeless::math: exact values and IEEE domain edges (compiled, never run).
#include <tapeless/math/math.hpp>

#include <bit>
#include <cstdint>
#include <limits>

namespace {

namespace m = tapeless::math;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

constexpr bool is_nan(double x) { return x != x; }
constexpr bool is_neg_zero(double x) { return x == 0 && std::bit_cast<std::uint64_t>(x) != 0; }
constexpr bool is_pos_zero(double x) { return x == 0 && std::bit_cast<std::uint64_t>(x) == 0; }
constexpr bool near(double a, double b, double rel)
{
    const double tol = rel * (b < 0 ? -b : b);
    return a - b <= tol && b - a <= tol;
}

// exact values
static_assert(m::sqrt(4.0) == 2.0);
static_assert(m::sqrt(2.0) == 0x1.6a09e667f3bcdp+0);  // correctly rounded sqrt(2)
static_assert(m::sqrt(0x1p-1074) == 0x1p-537);
static_assert(m::cbrt(27.0) == 3.0 && m::cbrt(-8.0) == -2.0);
static_assert(m::exp(0.0) == 1.0 && m::log(1.0) == 0.0);
static_assert(m::expm1(0.0) == 0.0 && m::log1p(0.0) == 0.0);
static_assert(m::pow(2.0, 2) == 4.0);
static_assert(m::pow(3.0, 5) == 243.0 && m::pow(2.0, -2) == 0.25 && m::pow(-2.0, 3) == -8.0);
static_assert(m::pow(2.0, 0.5) == m::sqrt(2.0));
static_assert(m::pow(2.0, 10.0) == 1024.0 && m::pow(-2.0, 3.0) == -8.0 && m::pow(4.0, -0.5) == 0.5);
static_assert(m::sin(0.0) == 0.0 && m::cos(0.0) == 1.0 && m::tan(0.0) == 0.0);
static_assert(m::asin(0.0) == 0.0 && m::acos(1.0) == 0.0 && m::atan(0.0) == 0.0);
static_assert(m::sinh(0.0) == 0.0 && m::cosh(0.0) == 1.0 && m::tanh(0.0) == 0.0);
static_assert(m::erf(0.0) == 0.0 && m::abs(-3.5) == 3.5 && m::hypot(3.0, 4.0) == 5.0);
static_assert(m::atan(1.0) == 0x1.921fb54442d18p-1);  // pi/4 correctly rounded
static_assert(m::acos(-1.0) == 0x1.921fb54442d18p+1);  // pi
static_assert(m::asin(1.0) == 0x1.921fb54442d18p+0);   // pi/2
static_assert(m::log(2.0) == 0x1.62e42fefa39efp-1);    // ln 2
static_assert(m::exp(1.0) == 0x1.5bf0a8b145769p+1);    // e
static_assert(near(m::sin(1.0), 0.8414709848078965, 1e-16));
static_assert(near(m::sin(1e6), -0.34999350217129294, 1e-15));     // Cody-Waite reduction
static_assert(near(m::cos(1e22), 0.5232147853951389, 1e-15));      // Payne-Hanek reduction
static_assert(near(m::erf(1.0), 0.8427007929497149, 1e-16));
static_assert(m::sign(-2.0) == -1.0 && m::sign(3.0) == 1.0 && m::sign(-0.0) == 0.0);

// float and long double (long double is computed in double in constant evaluation)
static_assert(m::sqrt(4.0f) == 2.0f && m::exp(0.0f) == 1.0f && m::pow(2.0f, 2) == 4.0f);
static_assert(m::sqrt(4.0L) == 2.0L && m::pow(2.0L, 2) == 4.0L && m::pow(3.0L, 40) == 12157665459056928801.0L);
static_assert(m::exp(100.0f) == std::numeric_limits<float>::infinity());  // float overflow

// every function instantiates and constant-evaluates for float and long double
template <class T>
constexpr bool all_functions()
{
    const T x = T(0.5);
    const T v[] = {m::sqrt(x), m::cbrt(x), m::exp(x), m::log(x), m::sin(x), m::cos(x), m::tan(x), m::asin(x),
                   m::acos(x), m::atan(x), m::sinh(x), m::cosh(x), m::tanh(x), m::abs(x), m::log1p(x),
                   m::expm1(x), m::erf(x), m::sign(x), m::atan2(x, x), m::hypot(x, x), m::pow(x, x), m::pow(x, 3)};
    for (T y : v) {
        if (!(y > T(-2) && y < T(2))) {
            return false;
        }
    }
    return true;
}
static_assert(all_functions<float>() && all_functions<double>() && all_functions<long double>());
static_assert(m::exp(1000.0L) == std::numeric_limits<long double>::infinity());  // long double: via double

// domain edges
static_assert(m::log(0.0) == -inf && m::log(-0.0) == -inf && is_nan(m::log(-1.0)) && m::log(inf) == inf);
static_assert(is_nan(m::sqrt(-1.0)) && is_neg_zero(m::sqrt(-0.0)) && m::sqrt(inf) == inf);
static_assert(m::exp(1000.0) == inf && is_pos_zero(m::exp(-1000.0)) && m::exp(-inf) == 0 && m::exp(inf) == inf);
static_assert(m::exp(-745.0) == 0x1p-1074);  // subnormal result
static_assert(m::expm1(-inf) == -1.0 && m::expm1(1000.0) == inf && is_neg_zero(m::expm1(-0.0)));
static_assert(m::log1p(-1.0) == -inf && is_nan(m::log1p(-2.0)) && is_neg_zero(m::log1p(-0.0)));
static_assert(is_nan(m::sin(nan)) && is_nan(m::exp(nan)) && is_nan(m::pow(nan, 2.0)) && is_nan(m::atan2(nan, 1.0)));
static_assert(is_nan(m::sin(inf)) && is_nan(m::cos(-inf)) && is_nan(m::tan(inf)) && is_neg_zero(m::sin(-0.0)));
static_assert(m::asin(-1.0) == -0x1.921fb54442d18p+0 && is_nan(m::asin(1.5)) && is_nan(m::acos(-1.5)));
static_assert(m::atan(inf) == 0x1.921fb54442d18p+0 && m::atan(-inf) == -0x1.921fb54442d18p+0);
static_assert(is_pos_zero(m::atan2(0.0, 0.0)) && is_neg_zero(m::atan2(-0.0, 0.0)));
static_assert(m::atan2(0.0, -0.0) == 0x1.921fb54442d18p+1 && m::atan2(-0.0, -0.0) == -0x1.921fb54442d18p+1);
static_assert(m::atan2(1.0, 0.0) == 0x1.921fb54442d18p+0 && m::atan2(-1.0, -0.0) == -0x1.921fb54442d18p+0);
static_assert(m::atan2(inf, -inf) == 0x1.2d97c7f3321d2p+1 && m::atan2(-inf, inf) == -0x1.921fb54442d18p-1);
static_assert(is_pos_zero(m::atan2(1.0, inf)) && m::atan2(-1.0, -inf) == -0x1.921fb54442d18p+1);
static_assert(m::pow(0.0, 0.0) == 1.0 && m::pow(nan, 0.0) == 1.0 && m::pow(1.0, nan) == 1.0);
static_assert(m::pow(0.0, -1.0) == inf && m::pow(-0.0, -1.0) == -inf && m::pow(-0.0, -2.0) == inf);
static_assert(is_neg_zero(m::pow(-0.0, 3.0)) && is_pos_zero(m::pow(-0.0, 2.0)) && is_nan(m::pow(-2.0, 0.5)));
static_assert(m::pow(-1.0, inf) == 1.0 && m::pow(0.5, -inf) == inf && m::pow(2.0, -inf) == 0.0);
static_assert(m::pow(-inf, 3.0) == -inf && is_neg_zero(m::pow(-inf, -3.0)) && m::pow(10.0, 400.0) == inf);
static_assert(m::pow(0.0, 0) == 1.0 && m::pow(nan, 0) == 1.0 && m::pow(0.0, -1) == inf && m::pow(-0.0, -1) == -inf);
static_assert(m::pow(1e300, 2) == inf && m::pow(10.0, -400) == 0.0 && is_nan(m::pow(nan, 3)));
static_assert(m::tanh(40.0) == 1.0 && m::tanh(-inf) == -1.0 && is_neg_zero(m::tanh(-0.0)));
static_assert(m::sinh(1000.0) == inf && m::sinh(-inf) == -inf && m::cosh(-1000.0) == inf);
static_assert(m::erf(inf) == 1.0 && m::erf(-10.0) == -1.0 && is_neg_zero(m::erf(-0.0)));
static_assert(is_pos_zero(m::abs(-0.0)) && m::abs(-inf) == inf && is_nan(m::sign(nan)));
static_assert(m::hypot(inf, nan) == inf && is_nan(m::hypot(nan, 1.0)) && m::hypot(1e300, 1e300) == 0x1.0e4d50f99b211p+997);
static_assert(m::cbrt(-inf) == -inf && is_neg_zero(m::cbrt(-0.0)));

}  // namespace
