// Values of first, second and third derivatives in constant expressions: exact for polynomials
// and rational functions at points where every intermediate is a dyadic rational, approximate
// (approx_equal) for the transcendental functions. Expected values are worked out by hand in
// the comments, not taken from the implementation. Compiled, never run.
#include "support.hpp"

#include <tapeless/tapeless.hpp>

#include <numbers>

namespace {

using tapeless::d;
using tapeless::var;
using tapeless_test::approx_equal;

constexpr var<"x"> x;
constexpr var<"u"> u;
constexpr var<"v"> v;

// ---- a polynomial: p = 3x^4 - 2x^3 + x - 7 --------------------------------------------------
// p' = 12x^3 - 6x^2 + 1, p'' = 36x^2 - 12x, p''' = 72x - 12, p'''' = 72, p''''' = 0.
constexpr auto p = 3 * pow(x, 4) - 2 * pow(x, 3) + x - 7;
static_assert(p(x = 2.0) == 48.0 - 16.0 + 2.0 - 7.0);
static_assert(d(p, x)(x = 2.0) == 73.0);
static_assert(d(p, x, x)(x = 2.0) == 120.0);
static_assert(d(p, x, x, x)(x = 2.0) == 132.0);
static_assert(d(p, x)(x = -1.5) == -53.0);
static_assert(d(p, x, x)(x = -1.5) == 99.0);
static_assert(d(p, x, x, x)(x = -1.5) == -120.0);
static_assert(d(p, x, x, x, x)(x = 0.25) == 72.0);
static_assert(d(p, x, x, x, x, x)(x = 0.25) == 0.0);
static_assert(d(p, x)(x = 0.0) == 1.0);
// At 0, where x^-1 is infinite: the derivatives of x^0 are 0, not 0*inf.
static_assert(d(p, x, x, x, x, x)(x = 0.0) == 0.0);
static_assert(d(pow(x, 2), x, x, x)(x = 0.0) == 0.0);
static_assert(d(pow(x, 0), x)(x = 0.0) == 0.0);
static_assert(d(pow(x, 1), x, x)(x = 0.0) == 0.0);
static_assert(d(p, u)(x = 1.0) == 0.0);

// The same polynomial written another way (Horner) has the same derivatives.
constexpr auto p_horner = ((3 * x - 2) * x * x + 1) * x - 7;
static_assert(d(p_horner, x)(x = 2.0) == 73.0);
static_assert(d(p_horner, x, x)(x = -1.5) == 99.0);
static_assert(d(p_horner, x, x, x)(x = -1.5) == -120.0);

// Negative and zero integer powers: q = x^-2 + x^0, q' = -2x^-3, q'' = 6x^-4, q''' = -24x^-5.
constexpr auto q = pow(x, -2) + pow(x, 0);
static_assert(q(x = 2.0) == 1.25);
static_assert(d(q, x)(x = 2.0) == -0.25);
static_assert(d(q, x, x)(x = 2.0) == 0.375);
static_assert(d(q, x, x, x)(x = 2.0) == -0.75);

// ---- rational functions -------------------------------------------------------------------
// r = 1/x: r' = -1/x^2, r'' = 2/x^3, r''' = -6/x^4.
constexpr auto r = 1 / x;
static_assert(d(r, x)(x = 2.0) == -0.25);
static_assert(d(r, x, x)(x = 2.0) == 0.25);
static_assert(d(r, x, x, x)(x = 2.0) == -0.375);
static_assert(d(r, x, x, x)(x = -0.5) == -96.0);

// s = (x + 1)/(x - 1): s' = -2/(x-1)^2, s'' = 4/(x-1)^3, s''' = -12/(x-1)^4; at x = 3, x-1 = 2.
constexpr auto s = (x + 1) / (x - 1);
static_assert(s(x = 3.0) == 2.0);
static_assert(d(s, x)(x = 3.0) == -0.5);
static_assert(d(s, x, x)(x = 3.0) == 0.5);
static_assert(d(s, x, x, x)(x = 3.0) == -0.75);
static_assert(d(s, x)(x = 5.0) == -0.125);

// t = x^2/(1 + x^2) = 1 - 1/(1 + x^2): t' = 2x/(1 + x^2)^2; at x = 1: 0.5.
// t'' = (2 - 6x^2)/(1 + x^2)^3; at x = 1: -0.5.
constexpr auto t = pow(x, 2) / (1 + pow(x, 2));
static_assert(d(t, x)(x = 1.0) == 0.5);
static_assert(d(t, x, x)(x = 1.0) == -0.5);
static_assert(d(t, x)(x = 0.0) == 0.0);
static_assert(d(t, x, x)(x = 0.0) == 2.0);

// ---- several variables --------------------------------------------------------------------
// g = u^2 v^3 + u/v: g_u = 2uv^3 + 1/v, g_v = 3u^2v^2 - u/v^2, g_uv = 6uv^2 - 1/v^2,
// g_uu = 2v^3, g_uuv = 6v^2, g_uvv = 12uv + 2/v^3, g_vvv = 6u^2 - 6u/v^4, g_uuu = 0.
constexpr auto g = pow(u, 2) * pow(v, 3) + u / v;
static_assert(g(u = 3.0, v = 2.0) == 73.5);
static_assert(d(g, u)(u = 3.0, v = 2.0) == 48.5);
static_assert(d(g, v)(u = 3.0, v = 2.0) == 107.25);
static_assert(d(g, u, v)(u = 3.0, v = 2.0) == 71.75);
static_assert(d(g, v, u)(u = 3.0, v = 2.0) == 71.75);
static_assert(d(g, u, u)(u = 3.0, v = 2.0) == 16.0);
static_assert(d(g, u, u, v)(u = 3.0, v = 2.0) == 24.0);
static_assert(d(g, u, v, u)(u = 3.0, v = 2.0) == 24.0);
static_assert(d(g, v, u, u)(u = 3.0, v = 2.0) == 24.0);
static_assert(d(g, u, v, v)(u = 3.0, v = 2.0) == 72.25);
static_assert(d(g, v, v, v)(u = 3.0, v = 2.0) == 54.0 - 1.125);
static_assert(d(g, u, u, u)(u = 3.0, v = 2.0) == 0.0);

// The tutorial's f = u*v + u^2: f_u = v + 2u, f_v = u, f_uu = 2, f_uv = 1.
constexpr auto f = u * v + pow(u, 2);
static_assert(d(f, u)(u = 1.0, v = 2.0) == 4.0);
static_assert(d(f, v)(u = 1.0, v = 2.0) == 1.0);
static_assert(d(f, u, u)(u = 1.0, v = 2.0) == 2.0);
static_assert(d(f, u, v)(u = 1.0, v = 2.0) == 1.0);
static_assert(d(f, u)(u = -3.0, v = 0.5) == -5.5);

// Families: the gradient of the sum of squares is 2*x_i.
constexpr auto xs = tapeless::vars<"x", 3>;
constexpr auto sq = tapeless::sum(xs, [](auto xi) { return pow(xi, 2); });
static_assert(d(sq, tapeless::get<2>(xs))(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = -4.0) == -8.0);
static_assert(d(sq, tapeless::get<2>(xs), tapeless::get<2>(xs))(get<0>(xs) = 1.0, get<1>(xs) = 2.0,
                                                               get<2>(xs) = -4.0) == 2.0);
static_assert(d(sq, tapeless::get<0>(xs), tapeless::get<1>(xs))(get<0>(xs) = 1.0, get<1>(xs) = 2.0,
                                                               get<2>(xs) = -4.0) == 0.0);

// Rules that need no elementary function at the point: d atan = 1/(1 + x^2), d log = 1/x,
// d log1p = 1/(1 + x), d atan2(y, x) = (x dy - y dx)/(x^2 + y^2) (no sqrt, exp, ...).
static_assert(d(atan(x), x)(x = 1.0) == 0.5);
static_assert(d(atan(x), x, x)(x = 1.0) == -0.5);        // -2x/(1 + x^2)^2
static_assert(d(log(x), x)(x = 4.0) == 0.25);
static_assert(d(log(x), x, x)(x = 4.0) == -0.0625);
static_assert(d(log(x), x, x, x)(x = 0.5) == 16.0);      // 2/x^3
static_assert(d(log1p(x), x)(x = 3.0) == 0.25);
static_assert(d(atan2(u, v), u)(u = 1.0, v = 1.0) == 0.5);
static_assert(d(atan2(u, v), v)(u = 1.0, v = 1.0) == -0.5);
static_assert(d(atan2(u, v), u)(u = 3.0, v = 1.0) == 0.1);   // 1/10

// ---- transcendental values (approx_equal; need tapeless/math in constant evaluation) -------
// cos(0.5), sin(1), e, 2/sqrt(pi), ... to 16 digits.
constexpr double cos_half = 0.87758256189037271612;
constexpr double sin_1 = 0.84147098480789650665;
constexpr double cos_1 = 0.54030230586813971740;
constexpr double e = std::numbers::e;
constexpr double two_over_sqrt_pi = 1.12837916709551257390;
constexpr double ln_2 = std::numbers::ln2;

static_assert(approx_equal(d(sin(x), x)(x = 0.5), cos_half));
static_assert(approx_equal(d(sin(x), x, x)(x = 1.0), -sin_1));
static_assert(approx_equal(d(sin(x), x, x, x)(x = 1.0), -cos_1));
static_assert(approx_equal(d(cos(x), x)(x = 1.0), -sin_1));
static_assert(approx_equal(d(exp(x), x, x, x)(x = 1.0), e));
static_assert(approx_equal(d(x * exp(x), x)(x = 1.0), 2 * e));                 // (1 + x) e^x
static_assert(approx_equal(d(x * exp(x), x, x)(x = 1.0), 3 * e));              // (2 + x) e^x
static_assert(approx_equal(d(sqrt(x), x)(x = 4.0), 0.25));
static_assert(approx_equal(d(sqrt(x), x, x)(x = 4.0), -1.0 / 32));             // -x^(-3/2)/4
static_assert(approx_equal(d(cbrt(x), x)(x = 8.0), 1.0 / 12));                 // x^(-2/3)/3
static_assert(approx_equal(d(tanh(x), x)(x = 0.0), 1.0));
static_assert(approx_equal(d(tan(x), x)(x = 0.0), 1.0));
static_assert(approx_equal(d(sinh(x), x, x)(x = 0.0), 0.0, 0.0, 1e-300));
static_assert(approx_equal(d(cosh(x), x, x)(x = 0.0), 1.0));
static_assert(approx_equal(d(erf(x), x)(x = 0.0), two_over_sqrt_pi));
static_assert(approx_equal(d(erf(x), x)(x = 1.0), two_over_sqrt_pi / e));
static_assert(approx_equal(d(expm1(x), x)(x = 0.0), 1.0));
static_assert(approx_equal(d(asin(x), x)(x = 0.6), 1.25));                     // 1/sqrt(1 - x^2)
static_assert(approx_equal(d(acos(x), x)(x = 0.6), -1.25));
static_assert(approx_equal(d(pow(x, 0.5), x)(x = 4.0), 0.25));
static_assert(approx_equal(d(pow(x, 2.5), x, x)(x = 4.0), 3.75 * 2.0));       // 3.75 x^0.5
static_assert(approx_equal(d(pow(2.0, x), x)(x = 3.0), 8 * ln_2));             // 2^x ln 2
static_assert(approx_equal(d(pow(x, u), u)(x = 2.0, u = 3.0), 8 * ln_2));
static_assert(approx_equal(d(pow(x, u), x)(x = 2.0, u = 3.0), 12.0));
static_assert(approx_equal(d(hypot(u, v), u)(u = 3.0, v = 4.0), 0.6));
static_assert(approx_equal(d(hypot(u, v), v, v)(u = 3.0, v = 4.0), 9.0 / 125));  // u^2/h^3
// exp(sin x): f' = cos e^sin, f'' = (cos^2 - sin) e^sin, f''' = (-cos^3 ... ) = 0 at x = 0.
static_assert(approx_equal(d(exp(sin(x)), x)(x = 0.0), 1.0));
static_assert(approx_equal(d(exp(sin(x)), x, x)(x = 0.0), 1.0));
static_assert(approx_equal(d(exp(sin(x)), x, x, x)(x = 0.0), 0.0, 0.0, 1e-15));
// log(cosh x): f' = tanh x, f'' = 1 - tanh^2 x; at 0: 0 and 1.
static_assert(approx_equal(d(log(cosh(x)), x)(x = 0.0), 0.0, 0.0, 1e-300));
static_assert(approx_equal(d(log(cosh(x)), x, x)(x = 0.0), 1.0));

}  // namespace
