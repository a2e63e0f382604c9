// Bindings (`x = 2.0`) and the evaluation context that looks variables up by name.
#pragma once

#include "tapeless/fwd.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless {

/// Opt-in for user scalar types (an instrumented or multi-precision number): specialise to
/// true and the type can be bound to variables and evaluated with ADL-found functions
/// (`sin(t)`, `pow(t, n)`, ...) and the arithmetic operators.
template <class T>
inline constexpr bool enable_binding = false;

namespace detail {

/// The real number type underneath a bound value: double for double, float for an
/// Eigen array of float, T for dual<T, N>, recursively.
template <class T>
struct real_of {
    using type = double;
};
template <class T>
    requires std::is_floating_point_v<T>
struct real_of<T> {
    using type = T;
};
template <class T>
    requires(!std::is_arithmetic_v<T> && requires { typename T::Scalar; })
struct real_of<T> {
    using type = typename real_of<typename T::Scalar>::type;
};
template <class T>
    requires(!std::is_arithmetic_v<T> && !requires { typename T::Scalar; } &&
             requires { typename T::value_type; })
struct real_of<T> {
    using type = typename real_of<typename T::value_type>::type;
};
template <class T>
using real_of_t = typename real_of<T>::type;

/// Values a variable can be bound to: floating-point and integer numbers (integers are
/// converted to double), and the numeric class types that opt in (dual numbers and Eigen
/// dense objects; see `is_numeric_class`).
template <class T>
struct is_numeric_class : std::false_type {};
template <class T>
    requires requires {
        typename T::Scalar;
        T::RowsAtCompileTime;
        T::ColsAtCompileTime;
    }
struct is_numeric_class<T> : std::true_type {};  // Eigen dense objects

template <class T>
inline constexpr bool is_bindable_v = arithmetic<T> ||
                                      is_numeric_class<std::remove_cvref_t<T>>::value ||
                                      enable_binding<std::remove_cvref_t<T>>;

/// How a bound value is stored: numbers by value, everything else (Eigen objects, duals)
/// by reference for the duration of the call, never copied.
template <class T>
using bound_storage_t =
    std::conditional_t<std::is_integral_v<T>, double,
                       std::conditional_t<std::is_floating_point_v<T>, T, const T&>>;

inline constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

template <class T>
struct is_binding : std::false_type {};
template <fixed_string Name, class T>
struct is_binding<binding<Name, T>> : std::true_type {};
template <fixed_string Name, class T>
struct is_binding<vector_binding<Name, T>> : std::true_type {};

/// A binding of a vector_var (one vector of run-time length, not a batch of points).
template <class T>
struct is_vector_binding : std::false_type {};
template <fixed_string Name, class T>
struct is_vector_binding<vector_binding<Name, T>> : std::true_type {};

/// True when expression E contains a vector_var (so its nodes may be vectors of run-time
/// length, section 5): such expressions are evaluated and differentiated by vector/.
template <class E>
struct contains_vector : std::false_type {};
template <fixed_string Name>
struct contains_vector<vector_var<Name>> : std::true_type {};
template <class Op, class E>
struct contains_vector<unary<Op, E>> : contains_vector<E> {};
template <class Op, class L, class R>
struct contains_vector<binary<Op, L, R>>
    : std::bool_constant<contains_vector<L>::value || contains_vector<R>::value> {};
template <class E>
inline constexpr bool contains_vector_v = contains_vector<std::remove_cvref_t<E>>::value;

}  // namespace detail

/// `x = value`: the value bound to variable x for one evaluation.
template <fixed_string Name, class T>
struct binding {
    static constexpr auto name = Name;
    using value_type = std::conditional_t<std::is_integral_v<T>, double, T>;
    detail::bound_storage_t<T> value;
};

namespace detail {

/// A variable's name as a type: names compare as template arguments, by the compiler, not
/// character by character in constant evaluation (whose step limit hundreds of bindings
/// would reach).
template <fixed_string Name>
struct name_key {};

/// Position of the binding named `Name` in `Bs...`, or npos: one step per binding.
template <fixed_string Name, class... Bs>
constexpr std::size_t binding_index() {
    constexpr std::array<bool, sizeof...(Bs) + 1> hit{
        std::is_same_v<name_key<Bs::name>, name_key<Name>>..., false};
    for (std::size_t i = 0; i < sizeof...(Bs); ++i)
        if (hit[i]) return i;
    return npos;
}

/// Binding I of a call, named Name: a base of `named_slots`.
template <fixed_string Name, std::size_t I>
struct named_slot {};
template <class Seq, class... Bs>
struct named_slots;
template <std::size_t... I, class... Bs>
struct named_slots<std::index_sequence<I...>, Bs...> : named_slot<Bs::name, I>... {};

template <fixed_string Name, std::size_t I>
constexpr std::size_t slot_of(const named_slot<Name, I>*) {
    return I;
}

/// True when `Name` is the name of exactly one base of S: with two, I cannot be deduced.
template <fixed_string Name, class S>
inline constexpr bool named_once = requires(const S* s) { slot_of<Name>(s); };

/// True when two bindings in `Bs...` name the same variable (linear in the number of
/// bindings: one deduction each).
template <class... Bs>
constexpr bool has_duplicate_binding() {
    if constexpr (sizeof...(Bs) < 2) {
        return false;
    } else {
        using slots = named_slots<std::index_sequence_for<Bs...>, Bs...>;
        return !all_of_v<named_once<Bs::name, slots>...>;
    }
}

template <class... Bs>
struct common_real {
    using type = std::common_type_t<real_of_t<typename Bs::value_type>...>;
};
template <>
struct common_real<> {
    using type = double;
};

/// The bindings of one call, looked up by name when a variable is evaluated.
template <class... Bs>
struct context {
    /// The real type constants evaluate to: the common real type of the bound values.
    using real = typename common_real<Bs...>::type;

    std::tuple<const Bs&...> bindings;

    template <fixed_string Name>
    static constexpr std::size_t index_of = binding_index<Name, Bs...>();

    template <std::size_t I>
    constexpr decltype(auto) get() const {
        return (std::get<I>(bindings).value);
    }
};

template <class... Bs>
constexpr context<Bs...> make_context(const Bs&... bs) {
    return context<Bs...>{std::tuple<const Bs&...>(bs...)};
}

/// Checks the bindings of one call; false after reporting the misuse.
template <class... Bs>
constexpr bool check_bindings() {
    if constexpr (!all_of_v<is_binding<Bs>::value...>) {
        // Reached by e(1.0), e(x) or grad(f, 1.0): arguments must be bindings `var = value`.
        static_assert(always_false<Bs...>,
                      "tapeless: pass bindings made with var = value, e.g. e(x = 1.0, y = 2.0)");
        return false;
    } else if constexpr (has_duplicate_binding<Bs...>()) {
        // Reached by e(x = 1.0, x = 2.0).
        static_assert(always_false<Bs...>,
                      "tapeless: a variable is bound twice in one call; bind each variable once");
        return false;
    } else {
        return true;
    }
}

/// True for Eigen dense objects (arrays, vectors and their expressions).
template <class T>
inline constexpr bool is_eigen_dense_v = requires {
    typename T::Scalar;
    T::RowsAtCompileTime;
    T::ColsAtCompileTime;
};

/// A call over Eigen arrays (a batch of points, section 4): some value bound to a scalar
/// variable is an Eigen object (a vector_var's vector is one value, not a batch).
template <class... Bs>
inline constexpr bool is_batch_call_v =
    any_of_v<(is_eigen_dense_v<std::remove_cvref_t<typename Bs::value_type>> &&
              !is_vector_binding<Bs>::value)...>;

/// Evaluation and grad of expressions with vector variables; defined in vector/.
template <class E, class... Bs>
struct vector_call;

/// Evaluation, grad, hessian and jacobian over a batch of points; defined in batch/batch.hpp.
template <class... Bs>
struct batch_call;

/// Checks the arguments of `e(...)` and evaluates `e` with them.
template <class E, class... Bs>
constexpr auto evaluate(const E& e, const Bs&... bs) {
    if constexpr (!check_bindings<Bs...>()) {
        return 0.0;
    } else if constexpr (contains_vector_v<E>) {
        return vector_call<E, Bs...>::evaluate(e, bs...);
    } else if constexpr (is_batch_call_v<Bs...>) {
        return batch_call<Bs...>::evaluate(e, bs...);
    } else {
        return e.eval(make_context(bs...));
    }
}

}  // namespace detail
}  // namespace tapeless
