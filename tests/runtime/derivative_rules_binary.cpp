// Every binary operation of API.md section 1 (+ - * /, pow(e, e), atan2, hypot) and
// compositions (the chain rule), differentiated symbolically and compared on an 8 x 8 grid with
// Richardson-extrapolated central finite differences: both first partials, the four second and
// four third partials. The unary functions are in derivative_rules.cpp.
#include "support/finite_difference.hpp"

#include <tapeless/expr/operators.hpp>
#include <tapeless/symbolic/derivative.hpp>

using namespace tapeless_test;

TEST_CASE("+ - * /", "[symbolic][derivative][arithmetic]") {
    check_binary("x + y", x + y, grid_signed, grid_signed);
    check_binary("x - y", x - y, grid_signed, grid_signed);
    check_binary("x * y", x * y, grid_signed, grid_signed);
    check_binary("x / y", x / y, grid_signed, grid_signed);
    check_binary("x*x*y - y/x", x * x * y - y / x, grid_signed, grid_signed);
}

TEST_CASE("pow with an expression exponent", "[symbolic][derivative][pow]") {
    check_binary("x^y", pow(x, y), grid_positive, grid_signed);
    check_unary("x^x", pow(x, x), {{0.3, 3.0}});
    check_unary("x^(x^2)", pow(x, pow(x, 2)), {{0.3, 2.0}});
}

TEST_CASE("atan2 and hypot", "[symbolic][derivative][binary]") {
    check_binary("atan2", atan2(x, y), grid_signed, grid_signed);
    check_binary("hypot", hypot(x, y), grid_signed, grid_signed);
}

TEST_CASE("compositions: the chain rule", "[symbolic][derivative][chain]") {
    check_unary("sin(x^2)", sin(pow(x, 2)), {{-2.0, 2.0}});
    check_unary("exp(sin(x))", exp(sin(x)), {{-3.0, 3.0}});
    check_unary("log(1 + x^2)", log(1 + pow(x, 2)), {{-3.0, 3.0}});
    check_unary("sqrt(1 + cosh(x))", sqrt(1 + cosh(x)), {{-2.0, 2.0}});
    check_unary("tanh(atan(x) * x)", tanh(atan(x) * x), {{-3.0, 3.0}});
    check_unary("erf(x/2)/(1 + x^2)", erf(x / 2) / (1 + pow(x, 2)), {{-3.0, 3.0}});
    check_binary("atan2(sin x, 2 + cos y)", atan2(sin(x), 2 + cos(y)), grid_signed, grid_signed);
    check_binary("hypot(x*y, expm1(y))", hypot(x * y, expm1(y)), grid_signed, grid_signed);
    check_binary("log1p(x^2) * erf(y)", log1p(pow(x, 2)) * erf(y), grid_signed, grid_signed);
}
