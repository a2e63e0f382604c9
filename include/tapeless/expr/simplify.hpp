// Simplifying constructors: make_add, make_mul, ... fold constants and drop zeros and ones as
// an expression is built, so derivative types stay small and print as a person would write.
#pragma once

#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"

#include <type_traits>

namespace tapeless {

namespace ops {
struct add;
struct sub;
struct mul;
struct div;
struct neg;
struct pow_int;
}  // namespace ops

namespace detail {

template <class T>
struct is_unary_of_impl {
    using op = void;
};
template <class Op, class E>
struct is_unary_of_impl<unary<Op, E>> {
    using op = Op;
};
template <class T>
struct is_binary_of_impl {
    using op = void;
};
template <class Op, class L, class R>
struct is_binary_of_impl<binary<Op, L, R>> {
    using op = Op;
};

/// True when E is an operation node with tag Op.
template <class E, class Op>
inline constexpr bool is_op_v =
    std::is_same_v<typename is_unary_of_impl<std::remove_cvref_t<E>>::op, Op> ||
    std::is_same_v<typename is_binary_of_impl<std::remove_cvref_t<E>>::op, Op>;

/// Is E's left operand the constant V (`1/b`), or any constant (`c*x`)?
template <class E>
struct lhs_of {
    static constexpr bool is_constant = false;
    static constexpr int int_value = 0;
    static constexpr bool is_int = false;
};
template <class Op, class L, class R>
struct lhs_of<binary<Op, L, R>> {
    static constexpr bool is_constant = is_constant_v<L>;
    static constexpr bool is_int = is_int_constant_v<L>;
    static constexpr int int_value = [] {
        if constexpr (is_int_constant_v<L>) {
            return L::value;
        } else {
            return 0;
        }
    }();
};
template <class E, int V>
inline constexpr bool lhs_is_v = lhs_of<E>::is_int && lhs_of<E>::int_value == V;

template <class T>
constexpr auto make_literal(T v) {
    if constexpr (std::is_integral_v<T>) {
        return literal<double>{static_cast<double>(v)};
    } else {
        return literal<T>{v};
    }
}

/// Folds two constants with `fn`; the result is a compile-time constant when both are and
/// the result is an exactly representable integer, else a literal.
template <class A, class B, class Fn>
constexpr auto fold_constants(const A& a, const B& b, Fn fn) {
    if constexpr (is_int_constant_v<A> && is_int_constant_v<B>) {
        constexpr auto r = fn(static_cast<long long>(A::value), static_cast<long long>(B::value));
        if constexpr (r >= -1000000 && r <= 1000000) {
            return constant<static_cast<int>(r)>{};
        } else {
            return make_literal(static_cast<double>(r));
        }
    } else {
        return make_literal(fn(constant_value(a), constant_value(b)));
    }
}

template <class A>
constexpr auto make_neg(const A& a);
template <class A, class B>
constexpr auto make_sub(const A& a, const B& b);
template <class A, class B>
constexpr auto make_div(const A& a, const B& b);

/// a + b, with 0 + b = b, a + 0 = a, constants folded, a + (-b) = a - b.
template <class A, class B>
constexpr auto make_add(const A& a, const B& b) {
    if constexpr (is_constant_of_v<A, 0>) {
        return b;
    } else if constexpr (is_constant_of_v<B, 0>) {
        return a;
    } else if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return fold_constants(a, b, [](auto x, auto y) { return x + y; });
    } else if constexpr (is_op_v<B, ops::neg>) {
        return make_sub(a, b.arg);
    } else if constexpr (is_op_v<A, ops::neg>) {
        return make_sub(b, a.arg);
    } else {
        return binary<ops::add, A, B>{{}, a, b};
    }
}

/// a - b, with a - 0 = a, 0 - b = -b, constants folded, a - (-b) = a + b.
template <class A, class B>
constexpr auto make_sub(const A& a, const B& b) {
    if constexpr (is_constant_of_v<B, 0>) {
        return a;
    } else if constexpr (is_constant_of_v<A, 0>) {
        return make_neg(b);
    } else if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return fold_constants(a, b, [](auto x, auto y) { return x - y; });
    } else if constexpr (is_op_v<B, ops::neg>) {
        return make_add(a, b.arg);
    } else {
        return binary<ops::sub, A, B>{{}, a, b};
    }
}

/// a * b, with 0 * b = 0, 1 * b = b, -1 * b = -b, constants folded and moved to the front,
/// (1/b) * a = a/b.
template <class A, class B>
constexpr auto make_mul(const A& a, const B& b) {
    if constexpr (is_constant_of_v<A, 0> || is_constant_of_v<B, 0>) {
        return constant<0>{};
    } else if constexpr (is_constant_of_v<A, 1>) {
        return b;
    } else if constexpr (is_constant_of_v<B, 1>) {
        return a;
    } else if constexpr (is_constant_of_v<A, -1>) {
        return make_neg(b);
    } else if constexpr (is_constant_of_v<B, -1>) {
        return make_neg(a);
    } else if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return fold_constants(a, b, [](auto x, auto y) { return x * y; });
    } else if constexpr (is_constant_v<B>) {
        return make_mul(b, a);
    } else if constexpr (is_op_v<A, ops::div> && lhs_is_v<A, 1>) {
        return make_div(b, a.rhs);
    } else if constexpr (is_op_v<B, ops::div> && lhs_is_v<B, 1>) {
        return make_div(a, b.rhs);
    } else if constexpr (is_op_v<B, ops::mul> && lhs_of<B>::is_constant) {
        // a * (c * x) = (c * a) * x: constants gather at the front, "2*cos(x)*x".
        return make_mul(make_mul(b.lhs, a), b.rhs);
    } else {
        return binary<ops::mul, A, B>{{}, a, b};
    }
}

/// a / b, with 0 / b = 0, a / 1 = a, constants folded where exact.
template <class A, class B>
constexpr auto make_div(const A& a, const B& b) {
    if constexpr (is_constant_of_v<A, 0>) {
        return constant<0>{};
    } else if constexpr (is_constant_of_v<B, 1>) {
        return a;
    } else if constexpr (is_constant_of_v<B, -1>) {
        return make_neg(a);
    } else if constexpr (is_int_constant_v<A> && is_int_constant_v<B>) {
        if constexpr (B::value != 0 && A::value % B::value == 0) {
            return constant<A::value / B::value>{};
        } else {
            return binary<ops::div, A, B>{{}, a, b};
        }
    } else if constexpr (is_constant_v<A> && is_constant_v<B>) {
        return make_literal(constant_value(a) / constant_value(b));
    } else {
        return binary<ops::div, A, B>{{}, a, b};
    }
}

/// -a, with -0 = 0, -(-a) = a, constants folded.
template <class A>
constexpr auto make_neg(const A& a) {
    if constexpr (is_int_constant_v<A>) {
        return constant<-A::value>{};
    } else if constexpr (is_constant_v<A>) {
        return make_literal(-constant_value(a));
    } else if constexpr (is_op_v<A, ops::neg>) {
        return a.arg;
    } else {
        return unary<ops::neg, A>{{}, a};
    }
}

template <class Op, class A>
constexpr auto make_unary(const A& a) {
    return unary<Op, A>{{}, a};
}

template <class Op, class A, class B>
constexpr auto make_binary(const A& a, const B& b) {
    return binary<Op, A, B>{{}, a, b};
}

/// a^n for an integer n known at run time.
template <class A>
constexpr auto make_pow_int(const A& a, int n);

}  // namespace detail
}  // namespace tapeless
