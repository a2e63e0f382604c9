// Edge cases of the one-argument functions (docs/edge-cases.md): value and derivative at the
// ends of each domain, at zeros of either sign, at +-inf and NaN, in every mode (symbolic d,
// grad, forward_grad, dual evaluation). The values are those of std:: (IEEE 754 / C Annex F).
#include "support/edge_modes.hpp"

#include <catch2/catch.hpp>

#include <tapeless/tapeless.hpp>

#include <cmath>
#include <cstdio>
#include <numbers>

namespace {

using edge::check;
using edge::inf;
using edge::qnan;
using edge::x;

constexpr double pi = std::numbers::pi;
constexpr double two_over_sqrt_pi = 1.1283791670955126;

TEST_CASE("roots, exp and log at their edges", "[edge][unary]") {
    check("sqrt", sqrt(x), {{0.0, 0.0, inf}, {-0.0, -0.0, -inf}, {4.0, 2.0, 0.25},
                            {-1.0, qnan, qnan}, {inf, inf, 0.0}, {-inf, qnan, qnan},
                            {qnan, qnan, qnan}});
    check("cbrt", cbrt(x), {{0.0, 0.0, inf}, {-0.0, -0.0, inf}, {-8.0, -2.0, 1.0 / 12},
                            {inf, inf, 0.0}, {-inf, -inf, 0.0}, {qnan, qnan, qnan}});
    check("exp", exp(x), {{0.0, 1.0, 1.0}, {709.0, std::exp(709.0), std::exp(709.0)},
                          {710.0, inf, inf}, {-746.0, 0.0, 0.0}, {inf, inf, inf},
                          {-inf, 0.0, 0.0}, {qnan, qnan, qnan}});
    check("log", log(x), {{1.0, 0.0, 1.0}, {0.0, -inf, inf}, {-0.0, -inf, -inf},
                          {-1.0, qnan, -1.0}, {inf, inf, 0.0}, {-inf, qnan, 0.0},
                          {qnan, qnan, qnan}});
    check("log1p", log1p(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {-1.0, -inf, inf},
                              {-2.0, qnan, -1.0}, {inf, inf, 0.0}, {qnan, qnan, qnan}});
    check("expm1", expm1(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {710.0, inf, inf},
                              {inf, inf, inf}, {-inf, -1.0, 0.0}, {qnan, qnan, qnan}});
}

TEST_CASE("trigonometric functions at their edges", "[edge][unary]") {
    const double pio2 = pi / 2;  // the double nearest pi/2: tan is large, not inf
    check("sin", sin(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {inf, qnan, qnan},
                          {-inf, qnan, qnan}, {qnan, qnan, qnan}});
    check("cos", cos(x), {{0.0, 1.0, 0.0}, {pi, -1.0, -std::sin(pi)}, {inf, qnan, qnan},
                          {-inf, qnan, qnan}, {qnan, qnan, qnan}});
    check("tan", tan(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0},
                          {pio2, std::tan(pio2), 1 + std::tan(pio2) * std::tan(pio2)},
                          {inf, qnan, qnan}, {qnan, qnan, qnan}});
    check("asin", asin(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {1.0, pi / 2, inf},
                            {-1.0, -pi / 2, inf}, {1.5, qnan, qnan}, {-1.5, qnan, qnan},
                            {inf, qnan, qnan}, {qnan, qnan, qnan}});
    check("acos", acos(x), {{0.0, pi / 2, -1.0}, {1.0, 0.0, -inf}, {-1.0, pi, -inf},
                            {1.5, qnan, qnan}, {inf, qnan, qnan}, {qnan, qnan, qnan}});
    check("atan", atan(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {1e300, pi / 2, 0.0},
                            {inf, pi / 2, 0.0}, {-inf, -pi / 2, 0.0}, {qnan, qnan, qnan}});
}

TEST_CASE("hyperbolic functions at their edges", "[edge][unary]") {
    check("sinh", sinh(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {711.0, inf, inf},
                            {-711.0, -inf, inf}, {inf, inf, inf}, {-inf, -inf, inf},
                            {qnan, qnan, qnan}});
    check("cosh", cosh(x), {{0.0, 1.0, 0.0}, {711.0, inf, inf}, {-711.0, inf, -inf},
                            {inf, inf, inf}, {-inf, inf, -inf}, {qnan, qnan, qnan}});
    // 1 - tanh^2: exact 0 once tanh rounds to +-1 (|x| > 19.06), the true value is 4 e^-2|x|.
    check("tanh", tanh(x), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}, {20.0, 1.0, 0.0},
                            {-20.0, -1.0, 0.0}, {400.0, 1.0, 0.0}, {inf, 1.0, 0.0},
                            {-inf, -1.0, 0.0}, {qnan, qnan, qnan}});
}

TEST_CASE("abs and erf at their edges", "[edge][unary]") {
    // abs at 0: derivative 0 by choice (sign(0) = 0, the middle of the subgradient [-1, 1]).
    check("abs", abs(x), {{0.0, 0.0, 0.0}, {-0.0, 0.0, 0.0}, {2.0, 2.0, 1.0},
                          {-2.0, 2.0, -1.0}, {inf, inf, 1.0}, {-inf, inf, -1.0},
                          {qnan, qnan, qnan}});
    check("erf", erf(x), {{0.0, 0.0, two_over_sqrt_pi}, {-0.0, -0.0, two_over_sqrt_pi},
                          {6.0, 1.0, two_over_sqrt_pi * std::exp(-36.0)}, {30.0, 1.0, 0.0},
                          {inf, 1.0, 0.0}, {-inf, -1.0, 0.0}, {qnan, qnan, qnan}});
}

struct report {
    ~report() { std::printf("%ld edge-case rows checked in every mode\n", edge::rows_checked); }
} const report_at_exit;

}  // namespace
