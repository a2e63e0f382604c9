// Forward declarations, the expression concept and the cheap traits of tapeless.
#pragma once

#include "tapeless/detail/fixed_string.hpp"

#include <concepts>
#include <cstddef>
#include <type_traits>

/// Forces inlining of the reverse-mode sweeps into the caller: left out of line, a sweep keeps
/// its slots in memory, and run-time constants of a constexpr expression (the 2 of pow(x, 2))
/// cannot be folded. Define it as `inline` before including tapeless to let the compiler
/// choose (smaller code for very large expressions).
#ifndef TAPELESS_FORCE_INLINE
#if defined(__GNUC__)
#define TAPELESS_FORCE_INLINE [[gnu::always_inline]] inline
#define TAPELESS_LAMBDA_INLINE __attribute__((always_inline))
#else
#define TAPELESS_FORCE_INLINE inline
#endif
#endif
#ifndef TAPELESS_LAMBDA_INLINE
#define TAPELESS_LAMBDA_INLINE
#endif

namespace tapeless {

// ---- node types (defined in expr/) ---------------------------------------------------------

template <fixed_string Name>
struct var;

/// A variable whose value is an Eigen vector of run-time length (vector/vector_var.hpp).
template <fixed_string Name>
struct vector_var;

/// A compile-time integer constant; `constant<0>` and `constant<1>` are the zero and one of
/// the simplifier.
template <int V>
struct constant;

/// A run-time constant (`2.5` in `2.5 * x`): carries its value as data.
template <class T>
struct literal;

template <class Op, class E>
struct unary;

template <class Op, class L, class R>
struct binary;

template <fixed_string Prefix, std::size_t N>
struct var_family;

template <fixed_string Name, class T>
struct binding;

/// `x = v` for a vector_var: the Eigen vector, by reference (vector/vector_var.hpp).
template <fixed_string Name, class T>
struct vector_binding;

template <class T, int N>
class dual;

using zero_t = constant<0>;
using one_t = constant<1>;

namespace detail {

template <class...>
inline constexpr bool always_false = false;

/// Selects the constructors (of dual, jacobian_result) that leave numbers to be written.
struct uninitialized_t {
    explicit uninitialized_t() = default;
};

/// `(B && ...)` for any number of operands: a fold over more than 256 (the bindings of
/// `vars<"x", 300>`) exceeds Clang's default -fbracket-depth.
template <bool... B>
inline constexpr bool all_of_v = [] {
    constexpr bool values[] = {B..., true};
    for (const bool v : values)
        if (!v) return false;
    return true;
}();

/// `(B || ...)` for any number of operands.
template <bool... B>
inline constexpr bool any_of_v = !all_of_v<!B...>;

template <class T>
struct is_expression_impl : std::false_type {};

/// Carries the offending type into diagnostics.
namespace error {
template <class T>
struct not_an_expression;
template <class T>
struct not_a_variable;
template <class T>
struct not_bindable;
}  // namespace error

}  // namespace detail

/// Every tapeless expression (variables, constants and operation nodes) satisfies this.
template <class T>
concept expression = detail::is_expression_impl<std::remove_cvref_t<T>>::value;

/// An operand accepted beside an expression: an arithmetic value (not bool).
template <class T>
concept arithmetic = std::is_arithmetic_v<std::remove_cvref_t<T>> &&
                     !std::is_same_v<std::remove_cvref_t<T>, bool>;

namespace detail {
template <class T>
struct is_var_impl : std::false_type {};
template <fixed_string Name>
struct is_var_impl<var<Name>> : std::true_type {};

template <class T>
struct is_leaf_impl : std::false_type {};
}  // namespace detail

namespace detail {
template <class T>
struct is_vector_var_impl : std::false_type {};
template <fixed_string Name>
struct is_vector_var_impl<vector_var<Name>> : std::true_type {};
}  // namespace detail

/// True when `E` is a vector variable (`vector_var<"x">`, section 5).
template <class E>
inline constexpr bool is_vector_var_v = detail::is_vector_var_impl<std::remove_cvref_t<E>>::value;

/// True when `E` is a tapeless variable.
template <class E>
inline constexpr bool is_var_v = detail::is_var_impl<std::remove_cvref_t<E>>::value;

/// True for variables and constants, false for every operation node (PyTorch's `is_leaf`).
template <class E>
inline constexpr bool is_leaf_v = detail::is_leaf_impl<std::remove_cvref_t<E>>::value;

}  // namespace tapeless
