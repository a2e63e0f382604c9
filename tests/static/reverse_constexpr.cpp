// Reverse mode in constant expressions: grad, hessian and jacobian results are literal types.
#include <tapeless/tapeless.hpp>

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr auto f = u * v + pow(u, 2);

static_assert(tapeless::grad(f, u = 1.0, v = 2.0).value() == 3.0);
static_assert(tapeless::grad(f, u = 1.0, v = 2.0)[u] == 4.0);
static_assert(tapeless::grad(f, u = 1.0, v = 2.0)[v] == 1.0);
static_assert(tapeless::grad(f, tapeless::wrt(v), u = 1.0, v = 2.0)[v] == 1.0);
static_assert(tapeless::grad(f, u = 1.0f, v = 2.0f)[u] == 4.0f);

constexpr auto h = tapeless::hessian(f, u = 1.0, v = 2.0);
static_assert(h(u, u) == 2.0 && h(u, v) == 1.0 && h(v, u) == 1.0 && h(v, v) == 0.0);
static_assert(h.gradient()[u] == 4.0 && h.value() == 3.0);

constexpr auto j = tapeless::jacobian(tapeless::vec(f, u * u * v, 3.0 * v - u), u = 1.0, v = 2.0);
static_assert(j(0, u) == 4.0 && j(1, u) == 4.0 && j(1, v) == 1.0);
static_assert(j(2, u) == -1.0 && j(2, v) == 3.0 && j.value(2) == 5.0);

// Rational functions stay exact: d/dx (1/x) at 2 = -1/4.
constexpr tapeless::var<"x"> x;
static_assert(tapeless::grad(1.0 / x, x = 2.0)[x] == -0.25);
static_assert(tapeless::grad(x / (1.0 + x), x = 1.0)[x] == 0.25);

// The expression may be a variable alone (its reference in the schedule's roots once made
// std::tuple ask whether a var is assignable, which tripped the static_assert of x = value).
static_assert(tapeless::grad(x, x = 2.0).value() == 2.0);
static_assert(tapeless::grad(x, x = 2.0)[x] == 1.0);
static_assert(tapeless::grad(x, x = 2.0, u = 1.0)[u] == 0.0);
static_assert(tapeless::hessian(x, x = 2.0)(x, x) == 0.0);

// hessian by no variable: the value alone.
static_assert(tapeless::hessian(x * x, tapeless::wrt(), x = 2.0).value() == 4.0);
}  // namespace
