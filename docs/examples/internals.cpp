// The examples of docs/internals.md: expression types, the types d builds, the simplifier, and
// nodes that carry run-time data. Exits 1 if a printed form differs from the documented one.
#include <tapeless/tapeless.hpp>

#include <iostream>
#include <string>
#include <type_traits>

// [int:types]
namespace ops = tapeless::ops;
using tapeless::binary;
using tapeless::constant;
using tapeless::literal;
using tapeless::unary;
using X = tapeless::var<"x">;
using Y = tapeless::var<"y">;

constexpr X x;
constexpr Y y;

// sin(x) * y is a tree of types; the value holds nothing but its run-time constants.
constexpr auto e = sin(x) * y;
static_assert(std::is_same_v<std::remove_cvref_t<decltype(e)>,
                             binary<ops::mul, unary<ops::sin, X>, Y>>);
static_assert(std::is_empty_v<std::remove_cvref_t<decltype(e)>>);
// [int:end]

// [int:d]
// d(e, x) = partial<0>(e) * d(sin(x), x) + partial<1>(e) * d(y, x)
//         = y * (cos(x) * 1) + sin(x) * 0  ->  y * cos(x)
static_assert(std::is_same_v<decltype(tapeless::d(e, x)), binary<ops::mul, Y, unary<ops::cos, X>>>);
// A subtree without the variable is not visited: its derivative is constant<0>.
static_assert(std::is_same_v<decltype(tapeless::d(sin(y) * exp(y), x)), constant<0>>);
// [int:end]

// [int:simplify]
static_assert(std::is_same_v<decltype(x * constant<1>{} + constant<0>{}), X>);      // a*1 + 0 = a
static_assert(std::is_same_v<decltype(constant<2>{} * (constant<3>{} * x)),
                             binary<ops::mul, constant<6>, X>>);                    // folded
static_assert(std::is_same_v<decltype(x + -y), binary<ops::sub, X, Y>>);            // a + -b = a - b
static_assert(std::is_same_v<decltype(tapeless::d(x * y, x, y)), constant<1>>);
// [int:end]

// [int:data]
// 2.5*x and 3.5*x have one type; the constant is data, so the two are never merged.
constexpr auto a = 2.5 * x;
constexpr auto b = 3.5 * x;
static_assert(std::is_same_v<decltype(a), decltype(b)>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(a)>, binary<ops::mul, literal<double>, X>>);
static_assert((a + b)(x = 1.0) == 6.0);
static_assert(tapeless::grad(a * b, x = 2.0)[x] == 35.0);  // 2 * 2.5 * 3.5 * x
// [int:end]

// [int:runtime-rules]
// d(pow(x, 3), x, x) is 3 * (2 * x^1), folded to 6 * x^1 in the type: the exponent 1 is an int
// carried as data, so the rule x^1 -> x acts when printing; evaluating x^1 is exact anyway.
constexpr auto d2 = tapeless::d(pow(x, 3), x, x);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(d2)>,
                             binary<ops::mul, literal<double>, unary<ops::pow_int, X>>>);
static_assert(d2.lhs.value == 6.0 && d2.rhs.op.n == 1);
// [int:end]

int main() {
    int failures = 0;
    const auto expect = [&](const std::string& got, const std::string& want) {
        if (got != want) {
            std::cout << "expected \"" << want << "\", got \"" << got << "\"\n";
            ++failures;
        }
    };
    // [int:print]
    expect(tapeless::to_string(d2), "6*x");
    expect(tapeless::to_string(a + b), "2.5*x + 3.5*x");
    // [int:end]
    return failures == 0 ? 0 : 1;
}
