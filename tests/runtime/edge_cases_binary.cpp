// Edge cases of the powers, of / and of the two-argument functions (docs/edge-cases.md), in
// every mode: symbolic d, grad, forward_grad (all variables, and each alone with the other
// held constant), dual evaluation with both variables seeded and with one.
#include "support/edge_modes.hpp"

#include <catch2/catch.hpp>

#include <tapeless/tapeless.hpp>

#include <cmath>
#include <cstdio>
#include <numbers>

namespace {

using edge::check;
using edge::check2;
using edge::inf;
using edge::qnan;
using edge::x;
using edge::y;

constexpr double pi = std::numbers::pi;

TEST_CASE("pow(e, int) at zero, infinity and NaN", "[edge][pow]") {
    check("x^2", pow(x, 2), {{0.0, 0.0, 0.0}, {-0.0, 0.0, 0.0}, {-1.0, 1.0, -2.0},
                             {inf, inf, inf}, {-inf, inf, -inf}, {1e200, inf, 2e200},
                             {qnan, qnan, qnan}});
    check("x^3", pow(x, 3), {{0.0, 0.0, 0.0}, {-0.0, -0.0, 0.0}, {-inf, -inf, inf}});
    // n = 0: 1 everywhere, NaN included (as std::pow), and the derivative 0 everywhere.
    check("x^0", pow(x, 0), {{0.0, 1.0, 0.0}, {2.0, 1.0, 0.0}, {inf, 1.0, 0.0},
                             {qnan, 1.0, 0.0}});
    check("x^-1", pow(x, -1), {{0.0, inf, -inf}, {-0.0, -inf, -inf}, {2.0, 0.5, -0.25},
                               {inf, 0.0, 0.0}, {-inf, -0.0, 0.0}, {qnan, qnan, qnan}});
    check("x^-2", pow(x, -2), {{0.0, inf, -inf}, {-0.0, inf, inf}});
}

TEST_CASE("pow(e, double) at zero, infinity and NaN", "[edge][pow]") {
    check("x^2.0", pow(x, 2.0), {{0.0, 0.0, 0.0}, {-0.0, 0.0, 0.0}, {-1.0, 1.0, -2.0},
                                 {inf, inf, inf}, {qnan, qnan, qnan}});
    check("x^0.5", pow(x, 0.5), {{0.0, 0.0, inf}, {4.0, 2.0, 0.25}, {-1.0, qnan, qnan},
                                 {inf, inf, 0.0}});
    check("x^1.0", pow(x, 1.0), {{0.0, 0.0, 1.0}, {-0.0, -0.0, 1.0}});
    check("x^-1.0", pow(x, -1.0), {{0.0, inf, -inf}, {-0.0, -inf, -inf}, {-1.0, -1.0, -1.0}});
    // A real exponent of 0: the rule 0 * x^-1 is NaN where x^-1 is infinite or NaN (use the
    // integer exponent pow(x, 0), whose derivative is 0 everywhere).
    check("x^0.0", pow(x, 0.0), {{2.0, 1.0, 0.0}, {-1.0, 1.0, 0.0}, {0.0, 1.0, qnan},
                                 {-0.0, 1.0, qnan}, {qnan, 1.0, qnan}});
}

TEST_CASE("pow(e, e) at a zero or negative base", "[edge][pow]") {
    const double ln2 = std::numbers::ln2;
    check2("x^y", pow(x, y),
           {{2.0, 2.0, 4.0, 4.0, 4 * ln2},
            {2.0, 0.0, 1.0, 0.0, ln2},
            {1.0, 2.0, 1.0, 2.0, 0.0},
            // base 0: d/dx as for a constant exponent; d/dy = 0^y log 0
            {0.0, 2.0, 0.0, 0.0, qnan},
            {0.0, 0.5, 0.0, inf, qnan},
            {0.0, -1.0, inf, -inf, -inf},
            {0.0, 0.0, 1.0, qnan, -inf},
            // negative base, integer exponent: the value and d/dx exist, d/dy = ... log(x) is NaN
            {-1.0, 2.0, 1.0, -2.0, qnan},
            {-2.0, 3.0, -8.0, 12.0, qnan},
            {-1.0, 0.5, qnan, qnan, qnan},
            {qnan, 0.0, 1.0, qnan, qnan},
            {1.0, qnan, 1.0, qnan, 0.0}});
}

TEST_CASE("division, atan2 and hypot at the origin and at infinity", "[edge][binary]") {
    check2("x / y", x / y,
           {{1.0, 0.0, inf, inf, -inf},
            {1.0, -0.0, -inf, -inf, -inf},
            {-1.0, 0.0, -inf, inf, inf},
            {0.0, 0.0, qnan, inf, qnan},
            {inf, 2.0, inf, 0.5, -inf},
            {1.0, inf, 0.0, 0.0, 0.0},
            {inf, inf, qnan, 0.0, qnan}});
    // atan2(y, x): the angle of the point (x, y); at the origin the value follows the signs
    // of the zeros and both partials are NaN (0/0).
    check2("atan2(y, x)", atan2(y, x),
           {{1.0, 1.0, pi / 4, -0.5, 0.5},
            {0.0, 0.0, 0.0, qnan, qnan},
            {-0.0, 0.0, pi, qnan, qnan},
            {0.0, -0.0, -0.0, qnan, qnan},
            {-0.0, -0.0, -pi, qnan, qnan},
            {0.0, 1.0, pi / 2, -1.0, 0.0},
            {-1.0, 0.0, pi, 0.0, -1.0},
            {inf, 1.0, 0.0, 0.0, qnan},
            {inf, inf, pi / 4, qnan, qnan},
            {qnan, 1.0, qnan, qnan, qnan}});
    // hypot: the partials x/r, y/r are NaN at the origin (0/0) and where r is infinite.
    check2("hypot(x, y)", hypot(x, y),
           {{3.0, 4.0, 5.0, 0.6, 0.8},
            {0.0, 0.0, 0.0, qnan, qnan},
            {-0.0, 0.0, 0.0, qnan, qnan},
            {0.0, 1.0, 1.0, 0.0, 1.0},
            {1e300, 1e300, std::hypot(1e300, 1e300), std::sqrt(0.5), std::sqrt(0.5)},
            {inf, 1.0, inf, qnan, 0.0},
            {inf, qnan, inf, qnan, qnan},
            {qnan, 1.0, qnan, qnan, qnan}});
}

struct report {
    ~report() { std::printf("%ld edge-case rows checked in every mode\n", edge::rows_checked); }
} const report_at_exit;

}  // namespace
