// Every unary operation of API.md section 1 (pow with an integer or real exponent, sqrt, cbrt,
// exp, log, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, abs, log1p, expm1, erf, unary
// minus, and the binary functions with one number operand), differentiated symbolically and
// compared at 60 points with Richardson-extrapolated central finite differences, up to the
// third derivative. The binary operations are in derivative_rules_binary.cpp.
#include "support/finite_difference.hpp"

#include <tapeless/expr/operators.hpp>
#include <tapeless/symbolic/derivative.hpp>

#include <cmath>

using namespace tapeless_test;

TEST_CASE("the checker rejects wrong derivatives", "[symbolic][derivative][meta]") {
    // A test that cannot fail proves nothing: the comparison must tell a wrong rule, and a
    // right rule off by a relative 1e-5, from the right one.
    int rejected_wrong = 0;
    int rejected_perturbed = 0;
    int accepted = 0;
    for_points({{-3.0, 3.0}}, [&](double t) {
        const double numeric = richardson([](double s) { return std::sin(s); }, t, step(t));
        accepted += agrees(std::cos(t), numeric, std::sin(t));
        rejected_wrong += !agrees(-std::cos(t), numeric, std::sin(t));
        rejected_perturbed += !agrees(std::cos(t) * (1 + 1e-5), numeric, std::sin(t));
    });
    CHECK(accepted == 60);
    CHECK(rejected_wrong == 60);
    CHECK(rejected_perturbed == 60);
    CHECK(!agrees(std::nan(""), 1.0, 1.0));
}

TEST_CASE("unary minus, and + - * / with a number", "[symbolic][derivative][arithmetic]") {
    check_unary("-x", -x, {{-3.0, 3.0}});
    check_unary("-(x*x)", -(x * x), {{-3.0, 3.0}});
    // With numbers on either side.
    check_unary("2.5 + x", 2.5 + x, {{-3.0, 3.0}});
    check_unary("1 - x", 1 - x, {{-3.0, 3.0}});
    check_unary("3 * x", 3 * x, {{-3.0, 3.0}});
    check_unary("x / 4.0", x / 4.0, {{-3.0, 3.0}});
    check_unary("2.0 / x", 2.0 / x, {{-3.0, -0.3}, {0.3, 3.0}});
    check_unary("(x + 1)/(x - 1)", (x + 1) / (x - 1), {{-3.0, 0.7}, {1.3, 4.0}});
}

TEST_CASE("pow with an integer exponent", "[symbolic][derivative][pow]") {
    check_unary("x^0", pow(x, 0), {{-3.0, 3.0}});
    check_unary("x^1", pow(x, 1), {{-3.0, 3.0}});
    check_unary("x^2", pow(x, 2), {{-3.0, 3.0}});
    check_unary("x^3", pow(x, 3), {{-3.0, 3.0}});
    check_unary("x^4", pow(x, 4), {{-3.0, 3.0}});
    check_unary("x^7", pow(x, 7), {{-2.0, 2.0}});
    check_unary("x^-1", pow(x, -1), {{-3.0, -0.3}, {0.3, 3.0}});
    check_unary("x^-2", pow(x, -2), {{-3.0, -0.3}, {0.3, 3.0}});
    check_unary("x^-3", pow(x, -3), {{-3.0, -0.5}, {0.5, 3.0}});
    check_unary("(x^2 + 1)^3", pow(pow(x, 2) + 1, 3), {{-2.0, 2.0}});
}

TEST_CASE("pow with a real exponent", "[symbolic][derivative][pow]") {
    check_unary("x^2.5", pow(x, 2.5), {{0.2, 4.0}});
    check_unary("x^0.5", pow(x, 0.5), {{0.2, 4.0}});
    check_unary("x^-1.3", pow(x, -1.3), {{0.3, 4.0}});
    check_unary("x^3.0", pow(x, 3.0), {{0.2, 4.0}});
    check_unary("2^x", pow(2.0, x), {{-3.0, 3.0}});
    check_unary("0.5^x", pow(0.5, x), {{-3.0, 3.0}});
}

TEST_CASE("sqrt and cbrt", "[symbolic][derivative][roots]") {
    check_unary("sqrt", sqrt(x), {{0.05, 5.0}});
    check_unary("cbrt", cbrt(x), {{-4.0, -0.1}, {0.1, 4.0}});
}

TEST_CASE("exp, log, log1p, expm1", "[symbolic][derivative][exp_log]") {
    check_unary("exp", exp(x), {{-3.0, 3.0}});
    check_unary("log", log(x), {{0.1, 10.0}});
    check_unary("log1p", log1p(x), {{-0.9, 5.0}});
    check_unary("expm1", expm1(x), {{-3.0, 3.0}});
}

TEST_CASE("trigonometric functions", "[symbolic][derivative][trig]") {
    check_unary("sin", sin(x), {{-6.0, 6.0}});
    check_unary("cos", cos(x), {{-6.0, 6.0}});
    check_unary("tan", tan(x), {{-1.4, 1.4}});
    check_unary("asin", asin(x), {{-0.9, 0.9}});
    check_unary("acos", acos(x), {{-0.9, 0.9}});
    check_unary("atan", atan(x), {{-5.0, 5.0}});
    check_unary("atan2(1, x)", atan2(1.0, x), {{-3.0, 3.0}});
    check_unary("atan2(x, -2)", atan2(x, -2.0), {{-3.0, -0.1}, {0.1, 3.0}});
}

TEST_CASE("hyperbolic functions", "[symbolic][derivative][hyperbolic]") {
    check_unary("sinh", sinh(x), {{-3.0, 3.0}});
    check_unary("cosh", cosh(x), {{-3.0, 3.0}});
    check_unary("tanh", tanh(x), {{-3.0, 3.0}});
}

TEST_CASE("abs, erf, and hypot with a number", "[symbolic][derivative][special]") {
    check_unary("abs", abs(x), {{-3.0, -0.1}, {0.1, 3.0}});
    check_unary("hypot(x, 3)", hypot(x, 3.0), {{-3.0, 3.0}});
    check_unary("erf", erf(x), {{-3.0, 3.0}});
}
