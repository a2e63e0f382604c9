// Static expressions (API.md section 1): variables, families, sum/prod, operators with numbers,
// bindings and evaluation, is_leaf_v, op_name and the expression concept. Compiled, never run.
#include "support.hpp"

#include <tapeless/tapeless.hpp>

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace {

using tapeless::var;
using tapeless_test::is_of_type;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"u"> u;
constexpr var<"v"> v;

// ---- variables ---------------------------------------------------------------------------
// Empty literal types whose identity is the name.
static_assert(std::is_empty_v<var<"x">> && std::is_trivially_copyable_v<var<"x">>);
static_assert(std::is_same_v<var<"x">, std::remove_cvref_t<decltype(x)>>);
static_assert(!std::is_same_v<var<"x">, var<"y">>);
static_assert(!std::is_same_v<var<"x">, var<"x0">>);
static_assert(x.name.view() == "x");
// Two vars with the same name are one variable: one binding serves both.
static_assert((x * var<"x">{})(x = 3.0) == 9.0);
static_assert(tapeless::d(var<"x">{} * 5.0, x)(x = 1.0) == 5.0);

// ---- families ----------------------------------------------------------------------------
constexpr auto xs = tapeless::vars<"x", 3>;
static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(xs)>> == 3);
static_assert(std::tuple_size_v<decltype(xs)> == 3);  // const family: std's const forwarding
static_assert(std::is_same_v<std::tuple_element_t<0, std::remove_cvref_t<decltype(xs)>>, var<"x0">>);
static_assert(std::is_same_v<std::tuple_element_t<2, std::remove_cvref_t<decltype(xs)>>, var<"x2">>);
static_assert(is_of_type<var<"x0">>(tapeless::get<0>(xs)));
static_assert(is_of_type<var<"x1">>(tapeless::get<1>(xs)));
static_assert(is_of_type<var<"x2">>(tapeless::get<2>(xs)));
// Multi-digit indices and longer prefixes.
static_assert(is_of_type<var<"x10">>(tapeless::get<10>(tapeless::vars<"x", 11>)));
static_assert(is_of_type<var<"w123">>(tapeless::get<123>(tapeless::vars<"w", 200>)));
static_assert(is_of_type<var<"theta0">>(tapeless::get<0>(tapeless::vars<"theta", 1>)));
static_assert(tapeless::get<10>(tapeless::vars<"x", 11>).name.view() == "x10");
// A member is the same variable as the plain var of that name.
static_assert(tapeless::get<1>(xs)(var<"x1">{} = 4.0) == 4.0);
// get<I>(xs) = value binds a temporary.
static_assert((tapeless::get<0>(xs) * tapeless::get<1>(xs))(tapeless::get<0>(xs) = 2.0,
                                                             tapeless::get<1>(xs) = 5.0) == 10.0);
// Families are not expressions.
static_assert(!tapeless::expression<decltype(xs)>);

// Structured bindings (in a constexpr function, so the values are checked at compile time).
constexpr double family_value() {
    auto [x0, x1, x2] = tapeless::vars<"x", 3>;
    static_assert(std::is_same_v<decltype(x0), var<"x0">>);
    static_assert(std::is_same_v<decltype(x2), var<"x2">>);
    const auto e = x0 * x1 - x2;
    return e(x0 = 2.0, x2 = 1.0, x1 = 3.0) + tapeless::d(e, x1)(x0 = 7.0, x1 = 0.0, x2 = 0.0);
}
static_assert(family_value() == 5.0 + 7.0);

// ---- sum and prod ------------------------------------------------------------------------
constexpr auto sq_sum = tapeless::sum(xs, [](auto xi) { return pow(xi, 2); });
static_assert(sq_sum(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = 3.0) == 14.0);
static_assert(tapeless::d(sq_sum, get<1>(xs))(get<0>(xs) = 1.0, get<1>(xs) = 2.0,
                                                get<2>(xs) = 3.0) == 4.0);

// The integral_constant form: fn(x_i, i), with i usable in constant expressions.
constexpr auto weighted = tapeless::sum(xs, [](auto xi, auto i) {
    static_assert(std::is_same_v<decltype(i), std::integral_constant<std::size_t, decltype(i)::value>>);
    return static_cast<double>(i + 1) * xi;
});
static_assert(weighted(get<0>(xs) = 1.0, get<1>(xs) = 10.0, get<2>(xs) = 100.0) == 321.0);

// Left to right: the first term is the innermost operand, so the derivative by each member is
// its own weight, and the outermost node is the last addition.
static_assert(tapeless::d(weighted, get<2>(xs))(get<0>(xs) = 0.0, get<1>(xs) = 0.0,
                                                 get<2>(xs) = 0.0) == 3.0);
static_assert(std::is_same_v<decltype(std::declval<decltype(weighted)>().rhs),
                             tapeless::binary<tapeless::ops::mul, tapeless::literal<double>, var<"x2">>>);

// Returning 0.0 skips a term (the last Rosenbrock term): Rosenbrock on a family of 3.
constexpr auto rosen = tapeless::sum(xs, [](auto xi, auto i) {
    if constexpr (i + 1 < 3) {
        const auto next = tapeless::get<i + 1>(tapeless::vars<"x", 3>);
        return 100.0 * pow(next - pow(xi, 2), 2) + pow(1.0 - xi, 2);
    } else {
        return 0.0;
    }
});
static_assert(rosen(get<0>(xs) = 1.0, get<1>(xs) = 1.0, get<2>(xs) = 1.0) == 0.0);
static_assert(rosen(get<0>(xs) = 0.0, get<1>(xs) = 0.0, get<2>(xs) = 0.0) == 2.0);
// (1, 2, 3): 100*(2 - 1)^2 + 0 + 100*(3 - 4)^2 + (1 - 2)^2 = 201.
static_assert(rosen(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = 3.0) == 201.0);
// d/dx2 = 200*(x2 - x1^2) = 200*(3 - 4) = -200; d/dx0 = -400*x0*(x1 - x0^2) - 2*(1 - x0) = -400.
static_assert(tapeless::d(rosen, get<2>(xs))(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = 3.0) ==
              -200.0);
static_assert(tapeless::d(rosen, get<0>(xs))(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = 3.0) ==
              -400.0);

constexpr auto product = tapeless::prod(xs, [](auto xi) { return xi + 1.0; });
static_assert(product(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = 3.0) == 24.0);
constexpr auto powers = tapeless::prod(xs, [](auto xi, auto i) { return pow(xi, int(i) + 1); });
static_assert(powers(get<0>(xs) = 2.0, get<1>(xs) = 3.0, get<2>(xs) = 5.0) == 2.0 * 9.0 * 125.0);
// A family of one: the identity of the fold is dropped, the term is the whole expression.
static_assert(is_of_type<var<"z0">>(tapeless::sum(tapeless::vars<"z", 1>, [](auto zi) { return zi; })));
static_assert(is_of_type<var<"z0">>(tapeless::prod(tapeless::vars<"z", 1>, [](auto zi) { return zi; })));
// Numbers only: the sum is a constant.
static_assert(tapeless::sum(xs, [](auto) { return 2.0; })() == 6.0);

// ---- operators with numbers on either side -----------------------------------------------
static_assert((2 * x)(x = 3.0) == 6.0);
static_assert((x * 2)(x = 3.0) == 6.0);
static_assert((2.5 + x)(x = 1.0) == 3.5);
static_assert((x + 2.5)(x = 1.0) == 3.5);
static_assert((1 - x)(x = 3.0) == -2.0);
static_assert((x - 1)(x = 3.0) == 2.0);
static_assert((x / 4.0)(x = 2.0) == 0.5);
static_assert((3.0 / x)(x = 2.0) == 1.5);
static_assert((-x)(x = 2.0) == -2.0);
static_assert((+x)(x = 2.0) == 2.0);
static_assert((2.0f * x)(x = 3.0) == 6.0);
static_assert((x * 0.5L)(x = 3.0) == 1.5);
static_assert((x * 3u)(x = 3.0) == 9.0);
static_assert((x / y)(x = 1.0, y = 4.0) == 0.25);
static_assert((x - y)(x = 1.0, y = 4.0) == -3.0);
static_assert((x - -y)(x = 1.0, y = 4.0) == 5.0);
static_assert((-x + y)(x = 1.0, y = 4.0) == 3.0);
// Precedence and association are C++'s.
static_assert((1.0 - x - y)(x = 2.0, y = 3.0) == -4.0);
static_assert((x / y / 2.0)(x = 8.0, y = 2.0) == 2.0);
static_assert((x + y * 2.0)(x = 1.0, y = 3.0) == 7.0);
// Powers: integer (exact), real and expression exponents, a number as the base.
static_assert(pow(x, 2)(x = 2.0) == 4.0);
static_assert(pow(x, 10)(x = 3.0) == 59049.0);
static_assert(pow(x, -2)(x = 4.0) == 0.0625);
static_assert(pow(x, 0)(x = 5.0) == 1.0);
static_assert(pow(x, 3)(x = 0.1) == 0.1 * 0.1 * 0.1);

// ---- bindings and evaluation -------------------------------------------------------------
constexpr auto f = u * v + pow(u, 2);
static_assert(f(u = 1.0, v = 2.0) == 3.0);
static_assert(f(v = 2.0, u = 1.0) == 3.0);                       // any order
static_assert(f(u = 1.0, x = 9.0, v = 2.0, y = 8.0) == 3.0);      // extra bindings ignored
static_assert(x(x = 2.0, u = 1.0) == 2.0);
static_assert(f(u = 1, v = 2) == 3.0);                            // integers bind as double
static_assert(std::is_same_v<decltype(f(u = 1, v = 2)), double>);
// A binding is an ordinary literal value.
constexpr auto at_u = (u = 1.0);
constexpr auto at_v = (v = 2.0);
static_assert(f(at_u, at_v) == 3.0 && f(at_v, at_u) == 3.0);
static_assert(std::is_same_v<decltype(at_u), const tapeless::binding<"u", double>>);
// Constants alone need no binding.
static_assert((tapeless::constant<3>{} * tapeless::constant<2>{})() == 6.0);

// float and long double bindings: evaluation is in the bound type, constants converted to it.
static_assert(std::is_same_v<decltype(f(u = 1.0f, v = 2.0f)), float>);
static_assert(f(u = 1.0f, v = 2.0f) == 3.0f);
static_assert(std::is_same_v<decltype(f(u = 1.0L, v = 2.0L)), long double>);
static_assert(f(u = 1.0L, v = 2.0L) == 3.0L);
static_assert(std::is_same_v<decltype((2.5 * x)(x = 2.0f)), float>);
static_assert((2.5 * x)(x = 2.0f) == 5.0f);
static_assert((0.1 * x)(x = 1.0f) == 0.1f);            // 0.1 converted to float first
static_assert((0.1 * x)(x = 1.0L) == static_cast<long double>(0.1));
static_assert(std::is_same_v<decltype(pow(x, 3)(x = 2.0L)), long double>);
static_assert(pow(x, 3)(x = 2.0L) == 8.0L);
static_assert(tapeless::d(f, u)(u = 1.0f, v = 2.0f) == 4.0f);
// Mixed bindings evaluate in the common type.
static_assert(std::is_same_v<decltype(f(u = 1.0f, v = 2.0)), double>);

// ---- is_leaf_v ----------------------------------------------------------------------------
static_assert(tapeless::is_leaf_v<var<"x">>);
static_assert(tapeless::is_leaf_v<decltype(x)>);                 // const var<"x">
static_assert(tapeless::is_leaf_v<const var<"x">&>);
static_assert(tapeless::is_leaf_v<var<"x">&&>);
static_assert(tapeless::is_leaf_v<tapeless::constant<0>>);
static_assert(tapeless::is_leaf_v<tapeless::literal<double>>);
static_assert(tapeless::is_leaf_v<decltype(tapeless::d(f, u, v))>);   // the constant 1
static_assert(!tapeless::is_leaf_v<decltype(f)>);
static_assert(!tapeless::is_leaf_v<decltype(-x)>);
static_assert(!tapeless::is_leaf_v<decltype(2 * x)>);
static_assert(!tapeless::is_leaf_v<const decltype(sin(x))&>);
static_assert(!tapeless::is_leaf_v<double> && !tapeless::is_leaf_v<int>);

// ---- op_name, for every operation ---------------------------------------------------------
using tapeless::op_name;
static_assert(op_name(x) == "var");
static_assert(op_name(tapeless::constant<2>{}) == "constant");
static_assert(op_name(tapeless::d(f, u, v)) == "constant");
static_assert(op_name(x + y) == "add");
static_assert(op_name(x + 1) == "add");
static_assert(op_name(x - y) == "sub");
static_assert(op_name(x + -y) == "sub");      // adding a negation is a subtraction
static_assert(op_name(x * y) == "mul");
static_assert(op_name(2 * x) == "mul");
static_assert(op_name(x / y) == "div");
static_assert(op_name(-x) == "neg");
static_assert(op_name(pow(x, 2)) == "pow");
static_assert(op_name(pow(x, 2.5)) == "pow");
static_assert(op_name(pow(x, y)) == "pow");
static_assert(op_name(pow(2.0, x)) == "pow");
static_assert(op_name(sqrt(x)) == "sqrt");
static_assert(op_name(cbrt(x)) == "cbrt");
static_assert(op_name(exp(x)) == "exp");
static_assert(op_name(log(x)) == "log");
static_assert(op_name(sin(x)) == "sin");
static_assert(op_name(cos(x)) == "cos");
static_assert(op_name(tan(x)) == "tan");
static_assert(op_name(asin(x)) == "asin");
static_assert(op_name(acos(x)) == "acos");
static_assert(op_name(atan(x)) == "atan");
static_assert(op_name(atan2(y, x)) == "atan2");
static_assert(op_name(atan2(1.0, x)) == "atan2");
static_assert(op_name(sinh(x)) == "sinh");
static_assert(op_name(cosh(x)) == "cosh");
static_assert(op_name(tanh(x)) == "tanh");
static_assert(op_name(abs(x)) == "abs");
static_assert(op_name(hypot(x, y)) == "hypot");
static_assert(op_name(hypot(x, 3)) == "hypot");
static_assert(op_name(log1p(x)) == "log1p");
static_assert(op_name(expm1(x)) == "expm1");
static_assert(op_name(erf(x)) == "erf");
// Only the outermost operation counts.
static_assert(op_name(sin(x) * cos(x)) == "mul");
static_assert(op_name(exp(sin(x) + 1)) == "exp");

// ---- the expression concept, on cvref types -----------------------------------------------
static_assert(tapeless::expression<var<"x">>);
static_assert(tapeless::expression<decltype(x)>);
static_assert(tapeless::expression<const var<"x">&>);
static_assert(tapeless::expression<var<"x">&&>);
static_assert(tapeless::expression<decltype(f)>);
static_assert(tapeless::expression<const decltype(f)&>);
static_assert(tapeless::expression<decltype(tapeless::d(f, u))>);
static_assert(tapeless::expression<tapeless::constant<0>>);
static_assert(tapeless::expression<tapeless::literal<double>>);
static_assert(tapeless::expression<decltype(erf(x) + atan2(x, y))>);
static_assert(!tapeless::expression<double>);
static_assert(!tapeless::expression<const double&>);
static_assert(!tapeless::expression<int>);
static_assert(!tapeless::expression<std::string>);
static_assert(!tapeless::expression<tapeless::binding<"x", double>>);
// Every expression is a literal type (usable in constexpr variables above).
static_assert(std::is_trivially_copyable_v<decltype(f)> && std::is_trivially_destructible_v<decltype(f)>);

}  // namespace
