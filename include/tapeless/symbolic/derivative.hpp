// d(e, v...): symbolic partial derivatives as new expression types, and op_name.
#pragma once

#include "tapeless/expr/node.hpp"
#include "tapeless/expr/simplify.hpp"
#include "tapeless/fwd.hpp"

#include <string_view>
#include <type_traits>

namespace tapeless {

namespace detail {

/// dE/dV by the chain rule over the node's local derivatives (its tag's `partial`), built
/// with the simplifying constructors. A subtree without V differentiates to the constant
/// zero without being visited; the compiler instantiates each (E, V) once, so shared
/// subexpression types are differentiated once.
template <class V, class E>
constexpr auto diff(const E& e) {
    if constexpr (!depends_on_v<E, V>) {
        return constant<0>{};
    } else if constexpr (std::is_same_v<E, V>) {
        return constant<1>{};
    } else if constexpr (requires { e.op.template derivative<V>(e); }) {
        // Operations whose derivative is not (local derivative) * (operand's derivative):
        // the reductions and shape operations of vector expressions (vector/).
        return e.op.template derivative<V>(e);
    } else if constexpr (requires { e.arg; }) {
        return make_mul(e.op.template partial<0>(e, e.arg), diff<V>(e.arg));
    } else {
        auto left = [&] {
            if constexpr (depends_on_v<decltype(e.lhs), V>) {
                return make_mul(e.op.template partial<0>(e, e.lhs, e.rhs), diff<V>(e.lhs));
            } else {
                return constant<0>{};
            }
        };
        auto right = [&] {
            if constexpr (depends_on_v<decltype(e.rhs), V>) {
                return make_mul(e.op.template partial<1>(e, e.lhs, e.rhs), diff<V>(e.rhs));
            } else {
                return constant<0>{};
            }
        };
        return make_add(left(), right());
    }
}

template <class E>
struct diff_acc {
    E e;
    template <class V>
    constexpr auto operator<<(const V&) const {
        auto next = diff<V>(e);
        return diff_acc<decltype(next)>{next};
    }
};

}  // namespace detail

/// The partial derivative of e by v1, then by v2, ...: a new expression. By a variable that
/// e does not contain it is the constant zero.
template <class E, class... Vs>
constexpr auto d(const E& e, const Vs&... vs) {
    if constexpr (!expression<E>) {
        // Reached by d(1.0, x) or d(some_value, x).
        static_assert(detail::always_false<detail::error::not_an_expression<E>>,
                      "tapeless: d(e, x) differentiates a tapeless expression; the first "
                      "argument must be one, e.g. d(pow(x, 2), x)");
        return constant<0>{};
    } else if constexpr (sizeof...(Vs) == 0) {
        // Reached by d(e).
        static_assert(detail::always_false<E>,
                      "tapeless: d(e, x, ...) needs at least one variable to differentiate by");
        return constant<0>{};
    } else if constexpr (!(is_var_v<Vs> && ...)) {
        // Reached by d(e, 2 * x) or d(e, 1.0): differentiate by the variable itself.
        static_assert(detail::always_false<detail::error::not_a_variable<Vs>...>,
                      "tapeless: d(e, v) differentiates by a variable; pass a tapeless::var "
                      "such as x, not an expression or a number");
        return constant<0>{};
    } else {
        return (detail::diff_acc<E>{e} << ... << vs).e;
    }
}

/// The name of the outermost operation ("add", "mul", "pow", "sin", ...); "var" for a
/// variable and "constant" for a constant (PyTorch's `grad_fn`).
template <expression E>
constexpr std::string_view op_name(const E&) {
    if constexpr (is_var_v<E>) {
        return "var";
    } else if constexpr (detail::is_constant_v<E>) {
        return "constant";
    } else {
        return decltype(std::declval<const E&>().op)::name;
    }
}

}  // namespace tapeless
