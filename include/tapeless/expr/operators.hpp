// The operators + - * / and unary minus, and the elementary functions on expressions.
#pragma once

#include "tapeless/expr/node.hpp"
#include "tapeless/expr/simplify.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/ops/arithmetic.hpp"
#include "tapeless/ops/elementary.hpp"

#include <concepts>

namespace tapeless {

namespace detail {

template <class T>
inline constexpr bool is_operand_v = expression<T> || arithmetic<T>;

/// An operand as an expression: expressions as they are, numbers as literals.
template <class T>
constexpr auto as_expr(const T& t) {
    if constexpr (expression<T>) {
        return t;
    } else {
        return make_literal(t);
    }
}

/// Builds `Op(l, r)` with `make` after checking both operands. One side is an expression
/// (the overloads below require it), so a bad other side is our error to report.
template <class L, class R, class Make>
constexpr auto checked_binary(const L& l, const R& r, Make make) {
    if constexpr (!is_operand_v<L> || !is_operand_v<R>) {
        // Reached by x * "a", x + some_struct, pow(x, std::string()), x + dual: every
        // operand must be a tapeless expression or a plain number.
        static_assert(always_false<error::not_an_expression<std::conditional_t<is_operand_v<L>, R, L>>>,
                      "tapeless: operand is neither a tapeless expression nor a number; use an "
                      "expression (var, constant, ...) or an arithmetic value such as 2.0");
        return constant<0>{};
    } else {
        return make(as_expr(l), as_expr(r));
    }
}

}  // namespace detail

/// a + b; d(a + b) = da + db.
template <class L, class R>
    requires(expression<L> || expression<R>)
constexpr auto operator+(const L& l, const R& r) {
    return detail::checked_binary(l, r, [](auto a, auto b) { return detail::make_add(a, b); });
}

/// a - b; d(a - b) = da - db.
template <class L, class R>
    requires(expression<L> || expression<R>)
constexpr auto operator-(const L& l, const R& r) {
    return detail::checked_binary(l, r, [](auto a, auto b) { return detail::make_sub(a, b); });
}

/// a * b; d(a b) = b da + a db.
template <class L, class R>
    requires(expression<L> || expression<R>)
constexpr auto operator*(const L& l, const R& r) {
    return detail::checked_binary(l, r, [](auto a, auto b) { return detail::make_mul(a, b); });
}

/// a / b; d(a / b) = da / b - (a / b) / b db.
template <class L, class R>
    requires(expression<L> || expression<R>)
constexpr auto operator/(const L& l, const R& r) {
    return detail::checked_binary(l, r, [](auto a, auto b) { return detail::make_div(a, b); });
}

/// -a; d(-a) = -da.
template <expression E>
constexpr auto operator-(const E& e) {
    return detail::make_neg(e);
}

/// +a is a.
template <expression E>
constexpr auto operator+(const E& e) {
    return e;
}

/// pow(a, n) for an integer n (exact repeated multiplication), pow(a, b) for a real or an
/// expression b, pow(c, b) for a number c. d(a^n) = n a^(n-1) da;
/// d(a^b) = b a^(b-1) da + a^b log(a) db.
template <class B, class E>
    requires(expression<B> || expression<E>)
constexpr auto pow(const B& base, const E& exponent) {
    if constexpr (expression<B> && std::integral<E> && !std::same_as<E, bool>) {
        return detail::make_pow_int(base, static_cast<int>(exponent));
    } else {
        return detail::checked_binary(
            base, exponent, [](auto a, auto b) { return detail::make_binary<ops::pow>(a, b); });
    }
}

/// atan2(y, x), the angle of the point (x, y); d = (x dy - y dx) / (x^2 + y^2).
template <class L, class R>
    requires(expression<L> || expression<R>)
constexpr auto atan2(const L& y, const R& x) {
    return detail::checked_binary(
        y, x, [](auto a, auto b) { return detail::make_binary<ops::atan2>(a, b); });
}

/// hypot(a, b) = sqrt(a^2 + b^2) without overflow; d = (a da + b db) / hypot(a, b).
template <class L, class R>
    requires(expression<L> || expression<R>)
constexpr auto hypot(const L& a, const R& b) {
    return detail::checked_binary(
        a, b, [](auto p, auto q) { return detail::make_binary<ops::hypot>(p, q); });
}

/// sqrt(e): sqrt(e).
template <expression E>
constexpr auto sqrt(const E& e) {
    return detail::make_unary<ops::sqrt>(e);
}

/// cbrt(e): cube root.
template <expression E>
constexpr auto cbrt(const E& e) {
    return detail::make_unary<ops::cbrt>(e);
}

/// exp(e): e^x.
template <expression E>
constexpr auto exp(const E& e) {
    return detail::make_unary<ops::exp>(e);
}

/// log(e): natural logarithm.
template <expression E>
constexpr auto log(const E& e) {
    return detail::make_unary<ops::log>(e);
}

/// sin(e).
template <expression E>
constexpr auto sin(const E& e) {
    return detail::make_unary<ops::sin>(e);
}

/// cos(e).
template <expression E>
constexpr auto cos(const E& e) {
    return detail::make_unary<ops::cos>(e);
}

/// tan(e).
template <expression E>
constexpr auto tan(const E& e) {
    return detail::make_unary<ops::tan>(e);
}

/// asin(e).
template <expression E>
constexpr auto asin(const E& e) {
    return detail::make_unary<ops::asin>(e);
}

/// acos(e).
template <expression E>
constexpr auto acos(const E& e) {
    return detail::make_unary<ops::acos>(e);
}

/// atan(e).
template <expression E>
constexpr auto atan(const E& e) {
    return detail::make_unary<ops::atan>(e);
}

/// sinh(e).
template <expression E>
constexpr auto sinh(const E& e) {
    return detail::make_unary<ops::sinh>(e);
}

/// cosh(e).
template <expression E>
constexpr auto cosh(const E& e) {
    return detail::make_unary<ops::cosh>(e);
}

/// tanh(e).
template <expression E>
constexpr auto tanh(const E& e) {
    return detail::make_unary<ops::tanh>(e);
}

/// abs(e): absolute value; its derivative at 0 is 0.
template <expression E>
constexpr auto abs(const E& e) {
    return detail::make_unary<ops::abs>(e);
}

/// sign(e): -1, 0 or 1; derivative 0.
template <expression E>
constexpr auto sign(const E& e) {
    return detail::make_unary<ops::sign>(e);
}

/// log1p(e): log(1 + e), accurate near 0.
template <expression E>
constexpr auto log1p(const E& e) {
    return detail::make_unary<ops::log1p>(e);
}

/// expm1(e): exp(e) - 1, accurate near 0.
template <expression E>
constexpr auto expm1(const E& e) {
    return detail::make_unary<ops::expm1>(e);
}

/// erf(e): error function.
template <expression E>
constexpr auto erf(const E& e) {
    return detail::make_unary<ops::erf>(e);
}

}  // namespace tapeless

// Operation nodes evaluate through the compile-time schedule (detail::evaluate_node, declared
// in node.hpp); its definition needs the nodes and tags, so it is included after them.
#include "tapeless/reverse/sweep.hpp"
