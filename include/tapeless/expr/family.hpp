// Families of variables (`vars<"x", N>`), structured bindings, and sum/prod folds over them.
#pragma once

#include "tapeless/expr/node.hpp"
#include "tapeless/expr/operators.hpp"
#include "tapeless/fwd.hpp"

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless {

/// N distinct variables named Prefix0, Prefix1, ...; tuple-like.
template <fixed_string Prefix, std::size_t N>
struct var_family {
    // Reached by vars<"x", 0>.
    static_assert(N > 0, "tapeless: a family of variables needs at least one member; use "
                         "vars<\"x\", N> with N >= 1");

    /// The I-th member, `var<"xI">`.
    template <std::size_t I>
    using member = var<detail::indexed_name<Prefix, I>()>;

    static constexpr std::size_t size() { return N; }
};

/// A family of N distinct variables: `auto [x0, x1] = tapeless::vars<"x", 2>;`.
template <fixed_string Prefix, std::size_t N>
inline constexpr var_family<Prefix, N> vars{};

namespace detail {
template <class T>
struct is_family : std::false_type {};
template <fixed_string P, std::size_t N>
struct is_family<var_family<P, N>> : std::true_type {};
template <class T>
inline constexpr bool is_family_v = is_family<std::remove_cvref_t<T>>::value;
}  // namespace detail

/// The I-th variable of a family.
template <std::size_t I, class F>
constexpr auto get(const F&) {
    if constexpr (!detail::is_family_v<F>) {
        // Reached by tapeless::get<0>(std::tuple{...}) or get<I>(x): only families here.
        static_assert(detail::always_false<F>,
                      "tapeless: tapeless::get<I> takes a family of variables made with "
                      "tapeless::vars<\"x\", N>; use std::get for other tuples");
        return constant<0>{};
    } else if constexpr (I >= F::size()) {
        // Reached by get<3>(vars<"x", 3>).
        static_assert(detail::always_false<F>,
                      "tapeless: index out of range in get<I>(family); I must be less than N");
        return constant<0>{};
    } else {
        return typename F::template member<I>{};
    }
}

namespace detail {

template <class Fn, class X, std::size_t I>
constexpr auto call_term(Fn& fn, const X& x) {
    if constexpr (std::is_invocable_v<Fn&, const X&, std::integral_constant<std::size_t, I>>) {
        return fn(x, std::integral_constant<std::size_t, I>{});
    } else {
        return fn(x);
    }
}

/// A fold step: `acc` combined with the next term, left to right.
template <class Acc, class Combine>
struct fold_acc {
    Acc acc;
    template <class T>
    constexpr auto operator<<(const T& term) const {
        auto next = Combine{}(acc, as_expr(term));
        return fold_acc<decltype(next), Combine>{next};
    }
};

struct add_fn {
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return make_add(a, b);
    }
};
struct mul_fn {
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return make_mul(a, b);
    }
};

template <class Combine, class Identity, class F, class Fn, std::size_t... I>
constexpr auto fold_family(Fn& fn, std::index_sequence<I...>) {
    return (fold_acc<Identity, Combine>{Identity{}} << ... <<
            call_term<Fn, typename F::template member<I>, I>(
                fn, typename F::template member<I>{}))
        .acc;
}

template <class Combine, class Identity, class F, class Fn>
constexpr auto checked_fold(const F&, Fn& fn) {
    if constexpr (!is_family_v<F>) {
        // Reached by sum(x, fn) or prod(std::tuple{...}, fn).
        static_assert(always_false<F>,
                      "tapeless: sum(xs, fn) and prod(xs, fn) take a family made with "
                      "tapeless::vars<\"x\", N>");
        return constant<0>{};
    } else {
        return fold_family<Combine, Identity, F>(fn, std::make_index_sequence<F::size()>{});
    }
}

}  // namespace detail

/// fn(x0) + fn(x1) + ... folded left to right; fn may take (x_i, integral_constant<i>) and
/// may return a number (0.0 to skip a term).
template <class F, class Fn>
constexpr auto sum(const F& xs, Fn fn) {
    return detail::checked_fold<detail::add_fn, constant<0>>(xs, fn);
}

/// fn(x0) * fn(x1) * ... folded left to right, like `sum`.
template <class F, class Fn>
constexpr auto prod(const F& xs, Fn fn) {
    return detail::checked_fold<detail::mul_fn, constant<1>>(xs, fn);
}

}  // namespace tapeless

template <tapeless::fixed_string P, std::size_t N>
struct std::tuple_size<tapeless::var_family<P, N>> : std::integral_constant<std::size_t, N> {};

template <std::size_t I, tapeless::fixed_string P, std::size_t N>
struct std::tuple_element<I, tapeless::var_family<P, N>> {
    using type = typename tapeless::var_family<P, N>::template member<I>;
};
