// Printing (API.md section 1, "Printing"): to_string, to_latex and operator<<, with the promised
// spacing, parentheses, subtraction of negative constants and shortest number forms.
#include <catch2/catch.hpp>

#include <tapeless/tapeless.hpp>

#include <sstream>
#include <string>

namespace {

using tapeless::d;
using tapeless::to_latex;
using tapeless::to_string;

constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr tapeless::var<"a"> a;
constexpr tapeless::var<"b"> b;
constexpr tapeless::var<"c"> c;

}  // namespace

TEST_CASE("the forms promised in API.md", "[symbolic][print]") {
    constexpr auto y2 = pow(x, 2);
    constexpr auto f = u * v + pow(u, 2);
    CHECK(to_string(y2) == "x^2");
    CHECK(to_string(d(y2, x)) == "2*x");
    CHECK(to_string(d(f, u)) == "v + 2*u");
    CHECK(to_string(d(f, v)) == "u");
    CHECK(to_string(f) == "u*v + u^2");
    CHECK(to_string(a + (b + c)) == "a + (b + c)");
    CHECK(to_string(-pow(x, 2)) == "-x^2");
    CHECK(to_string(pow(x, -1)) == "x^-1");
    CHECK(to_string(x + -2.0) == "x - 2");
    CHECK(to_string(x + (-2)) == "x - 2");
    CHECK(to_string(0.5 * x) == "0.5*x");
    CHECK(to_string(1e-7 * x) == "1e-07*x");
}

TEST_CASE("variables, constants and shortest numbers", "[symbolic][print]") {
    CHECK(to_string(x) == "x");
    CHECK(to_string(tapeless::var<"theta">{}) == "theta");
    CHECK(to_string(tapeless::get<12>(tapeless::vars<"w", 13>)) == "w12");
    CHECK(to_string(tapeless::constant<0>{}) == "0");
    CHECK(to_string(tapeless::constant<-3>{}) == "-3");
    CHECK(to_string(d(x, x)) == "1");
    CHECK(to_string(d(x, y)) == "0");
    CHECK(to_string(2 * x) == "2*x");
    CHECK(to_string(2.0 * x) == "2*x");
    CHECK(to_string(0.1 * x) == "0.1*x");
    CHECK(to_string(x / 3.0) == "x/3");
    CHECK(to_string((1.0 / 3.0) * x) == "0.3333333333333333*x");
    CHECK(to_string(1e20 * x) == "1e+20*x");
    CHECK(to_string(123456.0 * x) == "123456*x");
    CHECK(to_string(2.5f * x) == "2.5*x");
    CHECK(to_string(-2.0 * x) == "-2*x");
    CHECK(to_string(x * -2.0) == "-2*x");  // constants move to the front
}

TEST_CASE("spacing and the operators", "[symbolic][print]") {
    CHECK(to_string(x + y) == "x + y");
    CHECK(to_string(x - y) == "x - y");
    CHECK(to_string(x * y) == "x*y");
    CHECK(to_string(x / y) == "x/y");
    CHECK(to_string(-x) == "-x");
    CHECK(to_string(x + 1) == "x + 1");
    CHECK(to_string(1 - x) == "1 - x");
    CHECK(to_string(x - 2) == "x - 2");
    CHECK(to_string(x - -2.0) == "x + 2");  // subtracting a negative constant adds
    CHECK(to_string(x + -y) == "x - y");    // adding a negation subtracts
    CHECK(to_string(x - -y) == "x + y");
    CHECK(to_string(-x + y) == "y - x");
    CHECK(to_string(-2.0 + x) == "-2 + x");
}

TEST_CASE("only the parentheses needed", "[symbolic][print]") {
    // Sums and differences: left to right, so a right operand of the same level keeps them.
    CHECK(to_string((a + b) + c) == "a + b + c");
    CHECK(to_string(a + (b + c)) == "a + (b + c)");
    CHECK(to_string((a - b) - c) == "a - b - c");
    CHECK(to_string(a - (b - c)) == "a - (b - c)");
    CHECK(to_string(a - (b + c)) == "a - (b + c)");
    CHECK(to_string((a - b) + c) == "a - b + c");
    // Products and quotients.
    CHECK(to_string((a * b) * c) == "a*b*c");
    CHECK(to_string(a * (b * c)) == "a*(b*c)");
    CHECK(to_string(a / b / c) == "a/b/c");
    CHECK(to_string(a / (b / c)) == "a/(b/c)");
    CHECK(to_string(a / (b * c)) == "a/(b*c)");
    CHECK(to_string(a / b * c) == "a/b*c");
    CHECK(to_string(a * (b / c)) == "a*(b/c)");
    // Sums inside products, products inside sums.
    CHECK(to_string((a + b) * c) == "(a + b)*c");
    CHECK(to_string(a * (b - c)) == "a*(b - c)");
    CHECK(to_string(a * b + c) == "a*b + c");
    CHECK(to_string(a + b * c) == "a + b*c");
    CHECK(to_string((a + b) / (a - b)) == "(a + b)/(a - b)");
    // Unary minus: above * and /, below ^.
    CHECK(to_string(-(a + b)) == "-(a + b)");
    CHECK(to_string(-(a * b)) == "-(a*b)");
    CHECK(to_string(-a * b) == "-a*b");
    CHECK(to_string(-pow(a, 2)) == "-a^2");
    CHECK(to_string(pow(-a, 2)) == "(-a)^2");
    CHECK(to_string(-sin(a)) == "-sin(a)");
    // Powers: right operand parenthesised unless it is a single symbol, number or negation.
    // Left-to-right association (API.md) covers ^ too: a power as the base needs none.
    CHECK(to_string(pow(pow(a, 2), 3)) == "a^2^3");
    CHECK(to_string(pow(a, pow(b, 2))) == "a^(b^2)");
    CHECK(to_string(pow(a, b)) == "a^b");
    CHECK(to_string(pow(a, -b)) == "a^-b");
    CHECK(to_string(pow(a, 2.5)) == "a^2.5");
    CHECK(to_string(pow(a, -0.5)) == "a^-0.5");
    CHECK(to_string(pow(2.0, a)) == "2^a");
    CHECK(to_string(pow(a + b, 2)) == "(a + b)^2");
    CHECK(to_string(pow(a * b, 2)) == "(a*b)^2");
    CHECK(to_string(pow(a, b + c)) == "a^(b + c)");
    CHECK(to_string(pow(sin(a), 2)) == "sin(a)^2");
    CHECK(to_string(2 * pow(a, 3)) == "2*a^3");
    // Function calls need none around their arguments.
    CHECK(to_string(sin(a + b)) == "sin(a + b)");
    CHECK(to_string(atan2(a, b * c)) == "atan2(a, b*c)");
    CHECK(to_string(hypot(a - 1, 2.0)) == "hypot(a - 1, 2)");
}

TEST_CASE("every function prints as a call", "[symbolic][print]") {
    CHECK(to_string(sqrt(x)) == "sqrt(x)");
    CHECK(to_string(cbrt(x)) == "cbrt(x)");
    CHECK(to_string(exp(x)) == "exp(x)");
    CHECK(to_string(log(x)) == "log(x)");
    CHECK(to_string(sin(x)) == "sin(x)");
    CHECK(to_string(cos(x)) == "cos(x)");
    CHECK(to_string(tan(x)) == "tan(x)");
    CHECK(to_string(asin(x)) == "asin(x)");
    CHECK(to_string(acos(x)) == "acos(x)");
    CHECK(to_string(atan(x)) == "atan(x)");
    CHECK(to_string(atan2(y, x)) == "atan2(y, x)");
    CHECK(to_string(sinh(x)) == "sinh(x)");
    CHECK(to_string(cosh(x)) == "cosh(x)");
    CHECK(to_string(tanh(x)) == "tanh(x)");
    CHECK(to_string(abs(x)) == "abs(x)");
    CHECK(to_string(hypot(x, y)) == "hypot(x, y)");
    CHECK(to_string(log1p(x)) == "log1p(x)");
    CHECK(to_string(expm1(x)) == "expm1(x)");
    CHECK(to_string(erf(x)) == "erf(x)");
}

TEST_CASE("derivatives print as a person would write them", "[symbolic][print]") {
    // Run-time constants are simplified at print time: x^1 -> x, 1*a -> a, 2*3 -> 6.
    CHECK(to_string(d(pow(x, 3), x)) == "3*x^2");
    CHECK(to_string(d(pow(x, 3), x, x)) == "6*x");
    CHECK(to_string(d(pow(x, 3), x, x, x)) == "6");
    CHECK(to_string(d(pow(x, 2), x, x)) == "2");
    CHECK(to_string(d(u * v + pow(u, 2), u, u)) == "2");
    CHECK(to_string(d(u * v + pow(u, 2), u, v)) == "1");
    CHECK(to_string(d(2.5 * x, x)) == "2.5");
    CHECK(to_string(d(sin(x), x)) == "cos(x)");
    CHECK(to_string(d(cos(x), x)) == "-sin(x)");
    CHECK(to_string(d(exp(x), x)) == "exp(x)");
    CHECK(to_string(d(log(x), x)) == "1/x");
    CHECK(to_string(d(sin(2 * x), x)) == "2*cos(2*x)");
    CHECK(to_string(d(x * sin(x), x)) == "sin(x) + x*cos(x)");
    CHECK(to_string(d(pow(x, 2) + 3 * x - 7, x)) == "2*x + 3");
    CHECK(to_string(d(u - 3 * v, v)) == "-3");
    CHECK(to_string(d(u + 0.5 * pow(v, 2), v)) == "v");  // 0.5*2 folded
}

TEST_CASE("a sum whose skipped terms return 0.0 prints without them", "[symbolic][print]") {
    const auto s = tapeless::sum(tapeless::vars<"x", 3>, [](auto xi, auto i) {
        if constexpr (i == 1) {
            return 0.0;
        } else {
            return xi;
        }
    });
    CHECK(to_string(s) == "x0 + x2");
}

TEST_CASE("to_latex", "[symbolic][print][latex]") {
    CHECK(to_latex(sin(x)) == "\\sin\\left(x\\right)");
    CHECK(to_latex(1 / x) == "\\frac{1}{x}");
    CHECK(to_latex(pow(x, 2)) == "x^{2}");
    CHECK(to_latex(pow(x, 10)) == "x^{10}");
    CHECK(to_latex(pow(x + y, 2)) == "\\left(x + y\\right)^{2}");
    CHECK(to_latex(pow(sin(x), 2)) == "\\sin\\left(x\\right)^{2}");
    CHECK(to_latex(u * v + pow(u, 2)) == "u \\cdot v + u^{2}");
    CHECK(to_latex(d(u * v + pow(u, 2), u)) == "v + 2 \\cdot u");
    CHECK(to_latex(sqrt(x)) == "\\sqrt{x}");
    CHECK(to_latex(cbrt(x)) == "\\sqrt[3]{x}");
    CHECK(to_latex(abs(x)) == "\\left|x\\right|");
    CHECK(to_latex(exp(x)) == "\\exp\\left(x\\right)");
    CHECK(to_latex(log(x)) == "\\log\\left(x\\right)");
    CHECK(to_latex(cos(x)) == "\\cos\\left(x\\right)");
    CHECK(to_latex(tan(x)) == "\\tan\\left(x\\right)");
    CHECK(to_latex(asin(x)) == "\\arcsin\\left(x\\right)");
    CHECK(to_latex(acos(x)) == "\\arccos\\left(x\\right)");
    CHECK(to_latex(atan(x)) == "\\arctan\\left(x\\right)");
    CHECK(to_latex(sinh(x)) == "\\sinh\\left(x\\right)");
    CHECK(to_latex(cosh(x)) == "\\cosh\\left(x\\right)");
    CHECK(to_latex(tanh(x)) == "\\tanh\\left(x\\right)");
    CHECK(to_latex(erf(x)) == "\\operatorname{erf}\\left(x\\right)");
    CHECK(to_latex(log1p(x)) == "\\operatorname{log1p}\\left(x\\right)");
    CHECK(to_latex(expm1(x)) == "\\operatorname{expm1}\\left(x\\right)");
    CHECK(to_latex(atan2(y, x)) == "\\operatorname{atan2}\\left(y, x\\right)");
    CHECK(to_latex(hypot(x, y)) == "\\operatorname{hypot}\\left(x, y\\right)");
    CHECK(to_latex((x + 1) / (x - 1)) == "\\frac{x + 1}{x - 1}");
    CHECK(to_latex(-pow(x, 2)) == "-x^{2}");
    CHECK(to_latex(d(log(x), x)) == "\\frac{1}{x}");
}

TEST_CASE("operator<< writes the same text as to_string", "[symbolic][print][stream]") {
    constexpr auto f = u * v + pow(u, 2);
    std::ostringstream os;
    os << f << '|' << d(f, u) << '|' << d(f, v) << '|' << x + -2.0 << '|' << 1e-7 * x;
    CHECK(os.str() == "u*v + u^2|v + 2*u|u|x - 2|1e-07*x");

    std::ostringstream one;
    const auto g = sin(x) / (1 + pow(x, 2));
    one << g;
    CHECK(one.str() == to_string(g));
    CHECK(one.str() == "sin(x)/(1 + x^2)");
}
