// The exact simplified types built by the operators and by d (API.md section 1, "Derivatives
// are simplified as they are built"): zeros and ones dropped, integer constants folded, a
// derivative by an absent variable exactly the constant zero. Compiled, never run.
#include "support.hpp"

#include <tapeless/tapeless.hpp>

#include <type_traits>

namespace {

using tapeless::binary;
using tapeless::constant;
using tapeless::d;
using tapeless::literal;
using tapeless::unary;
using tapeless::var;
using tapeless_test::is_of_type;
namespace ops = tapeless::ops;

using X = var<"x">;
using U = var<"u">;
using V = var<"v">;
constexpr X x;
constexpr U u;
constexpr V v;

constexpr constant<0> zero;
constexpr constant<1> one;
constexpr constant<2> two;
constexpr constant<3> three;

// ---- d of something without the variable is exactly constant<0> --------------------------
static_assert(is_of_type<constant<0>>(d(u, x)));
static_assert(is_of_type<constant<0>>(d(two, x)));
static_assert(is_of_type<constant<0>>(d(2.5 * u, x)));
static_assert(is_of_type<constant<0>>(d(pow(u, 2), x)));
static_assert(is_of_type<constant<0>>(d(pow(sin(u), 3) * exp(v) / (u + v), x)));
static_assert(is_of_type<constant<0>>(d(atan2(u, v) + hypot(u, 1.0) + erf(v), x)));
static_assert(is_of_type<constant<0>>(d(u * v + pow(u, 2), x)));
// ... and after a derivative removed the variable: d(x + u, x) = 1, whose d is 0.
static_assert(is_of_type<constant<0>>(d(x + u, x, x)));
static_assert(is_of_type<constant<0>>(d(x + u, u, x)));
static_assert(is_of_type<constant<0>>(d(x * u, x, x)));
// By the family member that does not occur.
static_assert(is_of_type<constant<0>>(d(tapeless::get<0>(tapeless::vars<"x", 2>) * 3.0,
                                       tapeless::get<1>(tapeless::vars<"x", 2>))));

// ---- d(x, x) is constant<1>; linear terms give their coefficient --------------------------
static_assert(is_of_type<constant<1>>(d(x, x)));
static_assert(is_of_type<constant<1>>(d(x + u, x)));
static_assert(is_of_type<constant<1>>(d(u + x, x)));
static_assert(is_of_type<constant<1>>(d(x - u, x)));
static_assert(is_of_type<constant<-1>>(d(u - x, x)));
static_assert(is_of_type<constant<-1>>(d(-x, x)));
static_assert(is_of_type<constant<1>>(d(-(-x), x)));
static_assert(is_of_type<constant<2>>(d(x + x, x)));         // 1 + 1 folded
static_assert(is_of_type<constant<0>>(d(x - x, x)));         // 1 - 1 folded
static_assert(is_of_type<constant<2>>(d(two * x, x)));
static_assert(is_of_type<constant<2>>(d(x * two, x)));
static_assert(is_of_type<constant<6>>(d(two * (three * x), x)));
static_assert(is_of_type<constant<2>>(d(x * x, x, x)));      // d(x + x) = 1 + 1
static_assert(is_of_type<U>(d(u * x, x)));
static_assert(is_of_type<U>(d(x * u, x)));
static_assert(is_of_type<X>(d(x * u, u)));
// A run-time coefficient stays a literal carrying its value.
static_assert(is_of_type<literal<double>>(d(2.5 * x, x)));
static_assert(d(2.5 * x, x).value == 2.5);
static_assert(d(x * 2.5, x).value == 2.5);

// The tutorial's f(u, v) = u*v + u^2.
constexpr auto f = u * v + pow(u, 2);
static_assert(is_of_type<U>(d(f, v)));                       // df/dv = u
static_assert(is_of_type<constant<1>>(d(f, u, v)));          // d2f/dudv = 1
static_assert(is_of_type<constant<1>>(d(f, v, u)));
static_assert(is_of_type<constant<0>>(d(f, v, v)));
static_assert(is_of_type<binary<ops::add, binary<ops::mul, U, V>, unary<ops::pow_int, U>>>(f));

// ---- the operators simplify as they build --------------------------------------------------
// Zeros dropped.
static_assert(is_of_type<X>(x + zero));
static_assert(is_of_type<X>(zero + x));
static_assert(is_of_type<X>(x - zero));
static_assert(is_of_type<unary<ops::neg, X>>(zero - x));
static_assert(is_of_type<constant<0>>(zero * sin(x)));
static_assert(is_of_type<constant<0>>(sin(x) * zero));
static_assert(is_of_type<constant<0>>(zero / x));
// Ones dropped.
static_assert(is_of_type<X>(one * x));
static_assert(is_of_type<X>(x * one));
static_assert(is_of_type<X>(x / one));
static_assert(is_of_type<unary<ops::neg, X>>(constant<-1>{} * x));
static_assert(is_of_type<unary<ops::neg, X>>(x * constant<-1>{}));
static_assert(is_of_type<unary<ops::neg, X>>(x / constant<-1>{}));
static_assert(is_of_type<binary<ops::div, U, X>>((one / x) * u));   // (1/x)*u = u/x
static_assert(is_of_type<binary<ops::div, U, X>>(u * (one / x)));
// Negations.
static_assert(is_of_type<X>(-(-x)));
static_assert(is_of_type<binary<ops::sub, X, U>>(x + (-u)));
static_assert(is_of_type<binary<ops::sub, U, X>>((-x) + u));
static_assert(is_of_type<binary<ops::add, X, U>>(x - (-u)));
// Integer constants folded.
static_assert(is_of_type<constant<5>>(two + three));
static_assert(is_of_type<constant<-1>>(two - three));
static_assert(is_of_type<constant<6>>(two * three));
static_assert(is_of_type<constant<3>>(constant<6>{} / two));
static_assert(is_of_type<constant<-3>>(-three));
static_assert(is_of_type<constant<0>>(-zero));
static_assert(is_of_type<binary<ops::div, constant<2>, constant<3>>>(two / three));  // not exact
// Constants move to the front and gather there.
static_assert(is_of_type<binary<ops::mul, constant<3>, X>>(x * three));
static_assert(is_of_type<binary<ops::mul, constant<6>, X>>(two * (three * x)));
static_assert(is_of_type<binary<ops::mul, binary<ops::mul, constant<3>, U>, X>>(u * (three * x)));
// Run-time constants fold into one literal.
static_assert(is_of_type<literal<double>>(2.0 * (3.0 * x) / x * zero + 1.5 * literal<double>{2.0}) &&
              (1.5 * literal<double>{2.0}).value == 3.0);
static_assert(is_of_type<binary<ops::mul, literal<double>, X>>(2.0 * (3.0 * x)) &&
              (2.0 * (3.0 * x)).lhs.value == 6.0);
static_assert(is_of_type<literal<double>>(pow(literal<double>{3.0}, 2)) &&
              pow(literal<double>{3.0}, 2).value == 9.0);

// ---- the local derivative rules, simplified -----------------------------------------------
static_assert(is_of_type<unary<ops::cos, X>>(d(sin(x), x)));
static_assert(is_of_type<unary<ops::neg, unary<ops::sin, X>>>(d(cos(x), x)));
static_assert(is_of_type<unary<ops::exp, X>>(d(exp(x), x)));                  // d exp = exp
static_assert(is_of_type<unary<ops::cosh, X>>(d(sinh(x), x)));
static_assert(is_of_type<unary<ops::sinh, X>>(d(cosh(x), x)));
static_assert(is_of_type<binary<ops::div, constant<1>, X>>(d(log(x), x)));
static_assert(is_of_type<unary<ops::sign, X>>(d(abs(x), x)));
static_assert(is_of_type<constant<0>>(d(abs(x), x, x)));                      // d sign = 0
static_assert(is_of_type<binary<ops::div, constant<1>, binary<ops::add, constant<1>, X>>>(d(log1p(x), x)));
static_assert(is_of_type<binary<ops::add, unary<ops::expm1, X>, constant<1>>>(d(expm1(x), x)));
static_assert(is_of_type<binary<ops::div, constant<1>, binary<ops::mul, constant<2>, unary<ops::sqrt, X>>>>(
    d(sqrt(x), x)));
// The chain rule multiplies by the inner derivative only when it is not one.
static_assert(is_of_type<binary<ops::mul, U, unary<ops::cos, X>>>(d(u * sin(x), x)));
static_assert(is_of_type<binary<ops::mul, U, unary<ops::cos, X>>>(d(sin(x) * u, x)));
static_assert(is_of_type<binary<ops::mul, constant<2>, unary<ops::cos, binary<ops::mul, constant<2>, X>>>>(
    d(sin(two * x), x)));  // 2*cos(2*x): the constant factor moves to the front
static_assert(is_of_type<unary<ops::cos, binary<ops::add, X, U>>>(d(sin(x + u), x)));
static_assert(is_of_type<unary<ops::neg, unary<ops::cos, binary<ops::sub, U, X>>>>(d(sin(u - x), x)));
// The quotient rule with a constant numerator.
static_assert(is_of_type<binary<ops::div, constant<1>, U>>(d(x / u, x)));

// ---- a derivative's type is built once per (expression, variable) --------------------------
static_assert(std::is_same_v<decltype(d(sin(x) * sin(x), x)), decltype(d(sin(x) * sin(x), x))>);
static_assert(std::is_same_v<decltype(d(d(f, u), v)), decltype(d(f, u, v))>);

}  // namespace
