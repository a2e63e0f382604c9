// The expression node types: var, constant, literal, unary and binary operation nodes.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/fwd.hpp"

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace tapeless {

namespace detail {
/// Evaluates an operation node: with number (or dual number) bindings through the
/// compile-time schedule of its unique subexpressions, so a shared subexpression is
/// evaluated once; otherwise as `evaluate`. Defined in reverse/sweep.hpp.
template <class E, class... Bs>
TAPELESS_FORCE_INLINE constexpr auto evaluate_node(const E& e, const Bs&... bs);
}  // namespace detail

/// A variable. Its identity is its name: two `var`s with the same name are the same
/// variable. `x = value` makes a binding; `d(x, x) = 1`.
template <fixed_string Name>
struct var {
    static constexpr auto name = Name;

    /// Binds a value to this variable for one evaluation: `e(x = 2.0)`. The return type is
    /// spelled out, so that asking whether a var is assignable (std::tuple<const var&> does)
    /// does not instantiate the body and its static_assert.
    template <class T>
    constexpr std::conditional_t<detail::is_bindable_v<T>, binding<Name, T>, binding<Name, double>>
    operator=(const T& value) const {
        if constexpr (!detail::is_bindable_v<T>) {
            // Reached by x = "text", x = some_struct, or x = y (binding a variable).
            static_assert(detail::always_false<detail::error::not_bindable<T>>,
                          "tapeless: a variable can only be bound to a number (double, float, "
                          "long double, an integer), a tapeless::dual or an Eigen array/vector");
            return binding<Name, double>{0.0};
        } else if constexpr (std::is_integral_v<T>) {
            // x = 2: stored as double (an explicit conversion; brace-init would narrow).
            return binding<Name, T>{static_cast<double>(value)};
        } else {
            return binding<Name, T>{value};
        }
    }

    template <class Ctx>
    constexpr decltype(auto) eval(const Ctx& ctx) const {
        constexpr std::size_t i = Ctx::template index_of<Name>;
        if constexpr (i == detail::npos) {
            // Reached by e(...) without a binding for this variable (its name is in the
            // instantiation context above the error).
            static_assert(detail::always_false<var>,
                          "tapeless: variable not bound; bind every variable of the expression, "
                          "e.g. e(x = 1.0)");
            return typename Ctx::real{};
        } else {
            return ctx.template get<i>();
        }
    }

    template <class... Bs>
    constexpr auto operator()(const Bs&... bs) const {
        return detail::evaluate(*this, bs...);
    }
};

/// A compile-time integer constant (zero, one and the small integers of derivative rules).
template <int V>
struct constant {
    static constexpr int value = V;

    template <class Ctx>
    constexpr auto eval(const Ctx&) const {
        return static_cast<typename Ctx::real>(V);
    }
    template <class... Bs>
    constexpr auto operator()(const Bs&... bs) const {
        return detail::evaluate(*this, bs...);
    }
};

/// A constant known at run time (`2.5` in `2.5 * x`). It carries its value, so two literals
/// of one type are never assumed equal.
template <class T>
struct literal {
    T value;

    template <class Ctx>
    constexpr auto eval(const Ctx&) const {
        return static_cast<typename Ctx::real>(value);
    }
    template <class... Bs>
    constexpr auto operator()(const Bs&... bs) const {
        return detail::evaluate(*this, bs...);
    }
};

/// An operation with one operand; `Op` says how to evaluate, differentiate and print it.
template <class Op, class E>
struct unary {
    [[no_unique_address]] Op op;
    [[no_unique_address]] E arg;

    template <class Ctx>
    constexpr auto eval(const Ctx& ctx) const {
        return op(arg.eval(ctx));
    }
    template <class... Bs>
    TAPELESS_FORCE_INLINE constexpr auto operator()(const Bs&... bs) const {
        return detail::evaluate_node(*this, bs...);
    }
};

/// An operation with two operands.
template <class Op, class L, class R>
struct binary {
    [[no_unique_address]] Op op;
    [[no_unique_address]] L lhs;
    [[no_unique_address]] R rhs;

    template <class Ctx>
    constexpr auto eval(const Ctx& ctx) const {
        return op(lhs.eval(ctx), rhs.eval(ctx));
    }
    template <class... Bs>
    TAPELESS_FORCE_INLINE constexpr auto operator()(const Bs&... bs) const {
        return detail::evaluate_node(*this, bs...);
    }
};

namespace detail {

template <fixed_string Name>
struct is_expression_impl<var<Name>> : std::true_type {};
template <int V>
struct is_expression_impl<constant<V>> : std::true_type {};
template <class T>
struct is_expression_impl<literal<T>> : std::true_type {};
template <class Op, class E>
struct is_expression_impl<unary<Op, E>> : std::true_type {};
template <class Op, class L, class R>
struct is_expression_impl<binary<Op, L, R>> : std::true_type {};

template <fixed_string Name>
struct is_leaf_impl<var<Name>> : std::true_type {};
template <int V>
struct is_leaf_impl<constant<V>> : std::true_type {};
template <class T>
struct is_leaf_impl<literal<T>> : std::true_type {};

template <class T>
struct is_constant_impl : std::false_type {};
template <int V>
struct is_constant_impl<constant<V>> : std::true_type {};
template <class T>
struct is_constant_impl<literal<T>> : std::true_type {};

/// True for constants known at compile time or at run time (no variable inside).
template <class E>
inline constexpr bool is_constant_v = is_constant_impl<std::remove_cvref_t<E>>::value;

template <class T>
struct is_int_constant_impl : std::false_type {};
template <int V>
struct is_int_constant_impl<constant<V>> : std::true_type {};

/// True for the compile-time integer constants.
template <class E>
inline constexpr bool is_int_constant_v = is_int_constant_impl<std::remove_cvref_t<E>>::value;

template <class E, int V>
inline constexpr bool is_constant_of_v = std::is_same_v<std::remove_cvref_t<E>, constant<V>>;

/// True when a node of this type carries run-time data (a literal's value, an integer
/// exponent): such nodes are never merged with other nodes of the same type.
template <class E>
struct carries_data : std::false_type {};
template <class T>
struct carries_data<literal<T>> : std::true_type {};
template <class Op, class E>
struct carries_data<unary<Op, E>>
    : std::bool_constant<!std::is_empty_v<Op> || carries_data<E>::value> {};
template <class Op, class L, class R>
struct carries_data<binary<Op, L, R>>
    : std::bool_constant<!std::is_empty_v<Op> || carries_data<L>::value ||
                         carries_data<R>::value> {};
template <class E>
inline constexpr bool carries_data_v = carries_data<std::remove_cvref_t<E>>::value;

/// True when expression E contains variable V.
template <class E, class V>
struct depends_on : std::false_type {};
template <class V>
struct depends_on<V, V> : std::true_type {};
template <class Op, class E, class V>
struct depends_on<unary<Op, E>, V> : depends_on<E, V> {};
template <class Op, class L, class R, class V>
struct depends_on<binary<Op, L, R>, V>
    : std::bool_constant<depends_on<L, V>::value || depends_on<R, V>::value> {};
template <class E, class V>
inline constexpr bool depends_on_v =
    depends_on<std::remove_cvref_t<E>, std::remove_cvref_t<V>>::value;

/// The numeric value of a constant node.
template <int V>
constexpr int constant_value(const constant<V>&) {
    return V;
}
template <class T>
constexpr T constant_value(const literal<T>& e) {
    return e.value;
}

}  // namespace detail
}  // namespace tapeless
