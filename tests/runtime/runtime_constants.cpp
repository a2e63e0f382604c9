// The DESIGN.md hazard "run-time constants": 2.5*x and 3.5*x (and pow(x, 2) and pow(x, 3)) are
// nodes of the same TYPE that differ only in data. Anything that identifies nodes by type
// (sharing of subexpressions, unique-node schedules of reverse mode) must never mix them up:
// not in evaluation, not in d, not in printing, not in tapeless::grad.
#include <catch2/catch.hpp>

#include <tapeless/tapeless.hpp>

#include <cmath>
#include <type_traits>

namespace {

using tapeless::d;
using tapeless::to_string;

constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;

// The premise: the pairs below really are one type each (else this file tests nothing).
constexpr auto a = 2.5 * x;
constexpr auto b = 3.5 * x;
static_assert(std::is_same_v<decltype(a), decltype(b)>);
constexpr auto p2 = pow(x, 2);
constexpr auto p3 = pow(x, 3);
static_assert(std::is_same_v<decltype(p2), decltype(p3)>);
static_assert(std::is_same_v<decltype(sin(a)), decltype(sin(b))>);
static_assert(std::is_same_v<decltype(d(p2, x)), decltype(d(p3, x))>);

// The same facts in constant expressions: a mix-up would show here first.
static_assert((a + b)(x = 2.0) == 12.0);
static_assert((a * b)(x = 2.0) == 35.0);
static_assert((a - b)(x = 2.0) == -2.0);
static_assert((p2 + p3)(x = 2.0) == 12.0);
static_assert(d(a * b, x)(x = 2.0) == 35.0);            // 2 * 2.5 * 3.5 * x
static_assert(d(p2 + p3, x)(x = 2.0) == 16.0);          // 2x + 3x^2
static_assert(d(p2 * p3, x)(x = 2.0) == 80.0);          // 5x^4
static_assert(d(p3 / p2, x)(x = 2.0) == 1.0);           // d x = 1
static_assert(d(p2 + p3, x, x)(x = 2.0) == 14.0);       // 2 + 6x

}  // namespace

TEST_CASE("equal types, different constants: evaluation", "[expr][runtime_constants]") {
    CHECK(a(x = 2.0) == 5.0);
    CHECK(b(x = 2.0) == 7.0);
    CHECK((a + b)(x = 2.0) == 12.0);
    CHECK((b + a)(x = 2.0) == 12.0);
    CHECK((a / b)(x = 1.0) == Approx(2.5 / 3.5).epsilon(1e-15).margin(0));
    CHECK((p2 + p3)(x = 2.0) == 12.0);
    CHECK((p3 - p2)(x = 2.0) == 4.0);
    CHECK((p2 * p3)(x = 2.0) == 32.0);
    // Deeper: the differing nodes sit under equal-typed parents.
    const auto s = sin(a) + sin(b);
    CHECK(s(x = 0.5) == Approx(std::sin(1.25) + std::sin(1.75)).epsilon(1e-15).margin(1e-15));
    const auto q = pow(p2 + 1, 2) * pow(p3 + 1, 3);   // (x^2 + 1)^2 (x^3 + 1)^3
    CHECK(q(x = 2.0) == 25.0 * 729.0);
}

TEST_CASE("equal types, different constants: d", "[symbolic][runtime_constants]") {
    CHECK(d(a, x)(x = 0.0) == 2.5);
    CHECK(d(b, x)(x = 0.0) == 3.5);
    CHECK(d(a + b, x)(x = 0.0) == 6.0);
    CHECK(d(a * b, x)(x = 2.0) == 35.0);
    CHECK(d(p2, x)(x = 2.0) == 4.0);
    CHECK(d(p3, x)(x = 2.0) == 12.0);
    CHECK(d(p2 + p3, x)(x = 2.0) == 16.0);
    CHECK(d(p2 * p3, x)(x = 2.0) == 80.0);
    CHECK(d(p2 * p3, x, x)(x = 2.0) == 160.0);           // 20x^3
    CHECK(d(p2 * p3, x, x, x)(x = 2.0) == 240.0);        // 60x^2
    CHECK(d(sin(a) * sin(b), x)(x = 0.0) == 0.0);
    CHECK(d(sin(a) + sin(b), x)(x = 0.0) == 6.0);        // 2.5 cos 0 + 3.5 cos 0
    // Two variables, constants in both.
    const auto g = 2.5 * x * y + 3.5 * x + pow(y, 2) + pow(y, 3);
    CHECK(d(g, x)(x = 1.0, y = 2.0) == 5.0 + 3.5);
    CHECK(d(g, y)(x = 1.0, y = 2.0) == 2.5 + 4.0 + 12.0);
    CHECK(d(g, y, y)(x = 1.0, y = 2.0) == 2.0 + 12.0);
}

TEST_CASE("equal types, different constants: printing", "[symbolic][print][runtime_constants]") {
    CHECK(to_string(a + b) == "2.5*x + 3.5*x");
    CHECK(to_string(b - a) == "3.5*x - 2.5*x");
    CHECK(to_string(p2 + p3) == "x^2 + x^3");
    CHECK(to_string(p3 * p2) == "x^3*x^2");
    CHECK(to_string(d(p2 + p3, x)) == "2*x + 3*x^2");
    CHECK(to_string(d(a + b, x)) == "6");
    CHECK(to_string(sin(a) + sin(b)) == "sin(2.5*x) + sin(3.5*x)");
    CHECK(to_string(d(sin(a) + sin(b), x)) == "2.5*cos(2.5*x) + 3.5*cos(3.5*x)");
    CHECK(tapeless::to_latex(p2 + p3) == "x^{2} + x^{3}");
}

// ---- reverse mode: tapeless::grad (include/tapeless/reverse/) --------------------------------
// LEAD: this is the spot for the reverse-mode side of the hazard. The schedule collects unique
// node types; 2.5*x and 3.5*x, pow(x, 2) and pow(x, 3) must stay distinct slots. Extend it
// with hessian/jacobian when they are final.
TEST_CASE("equal types, different constants: grad", "[reverse][runtime_constants]") {
    const auto g1 = tapeless::grad(a + b, x = 2.0);
    CHECK(g1.value() == 12.0);
    CHECK(g1[x] == 6.0);
    const auto g2 = tapeless::grad(p2 + p3, x = 2.0);
    CHECK(g2.value() == 12.0);
    CHECK(g2[x] == 16.0);
    const auto g3 = tapeless::grad(p2 * p3, x = 2.0);
    CHECK(g3.value() == 32.0);
    CHECK(g3[x] == 80.0);
    const auto g4 = tapeless::grad(sin(a) + sin(b), x = 0.0);
    CHECK(g4[x] == Approx(6.0).epsilon(1e-15).margin(1e-15));
    const auto g5 = tapeless::grad(2.5 * x * y + 3.5 * x + pow(y, 2) + pow(y, 3), x = 1.0, y = 2.0);
    CHECK(g5[x] == 8.5);
    CHECK(g5[y] == 18.5);
    // In constant expressions as well.
    static_assert(tapeless::grad(a * b, x = 2.0)[x] == 35.0);
    static_assert(tapeless::grad(p2 + p3, x = 2.0)[x] == 16.0);
}
