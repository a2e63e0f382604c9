// grad, hessian, jacobian and vec over static expressions: reverse mode with sweeps generated
// at compile time.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/reverse/result.hpp"
#include "tapeless/reverse/schedule.hpp"
#include "tapeless/reverse/sweep.hpp"
#include "tapeless/symbolic/derivative.hpp"

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless {

namespace detail {

/// The values of the components of vec(...) at the bindings. With number bindings, one
/// forward sweep over the schedule of all the components: a subexpression they share is
/// evaluated once, as in `jacobian`.
template <class... Es, class... Bs>
TAPELESS_FORCE_INLINE constexpr auto evaluate_components(const std::tuple<Es...>& components,
                                                         const Bs&... bs) {
    if constexpr (schedule_evaluates(type_list<Es...>{}, type_list<Bs...>{})) {
        using V = typename slot_of_bindings<Bs...>::type;
        const auto ctx = make_context(bs...);
        auto eng = make_engine<V>(components, ctx);
        eng.forward();
        return [&]<std::size_t... r>(std::index_sequence<r...>) {
            return std::array<V, sizeof...(Es)>{eng.val[eng.template root_slot<r>]...};
        }(std::index_sequence_for<Es...>{});
    } else {
        return std::apply([&](const auto&... c) { return std::array{c(bs...)...}; },
                          components);
    }
}

}  // namespace detail

/// A vector-valued expression: the components e1, e2, ... for `jacobian`.
template <class... Es>
struct vector_expression {
    static constexpr std::size_t size = sizeof...(Es);
    std::tuple<Es...> components;

    /// The components' values at the bindings, as an array.
    template <class... Bs>
    constexpr auto operator()(const Bs&... bs) const {
        return detail::evaluate_components(components, bs...);
    }
};

/// Makes a vector-valued expression of scalar expressions.
template <class... Es>
constexpr auto vec(const Es&... es) {
    if constexpr (sizeof...(Es) == 0 || !(expression<Es> && ...)) {
        // Reached by vec(), vec(x, 1.0) or vec(x, "y"): components must be expressions.
        static_assert(detail::always_false<detail::error::not_an_expression<Es>...>,
                      "tapeless: vec(...) takes one or more tapeless expressions; write a number "
                      "c as an expression, e.g. x * 0 + c");
        return vector_expression<>{};
    } else {
        return vector_expression<Es...>{{es...}};
    }
}

/// Names the variables to differentiate by: `grad(f, wrt(a, b), a = 1.0, b = 2.0, c = 3.0)`.
template <class... Vs>
constexpr auto wrt(const Vs&...) {
    if constexpr (!((is_var_v<Vs> || is_vector_var_v<Vs>) && ...)) {
        // Reached by wrt(2 * x) or wrt(1.0).
        static_assert(detail::always_false<detail::error::not_a_variable<Vs>...>,
                      "tapeless: wrt(...) takes variables such as x, not expressions or numbers");
        return wrt_t<>{};
    } else {
        return wrt_t<std::remove_cvref_t<Vs>...>{};
    }
}

namespace detail {

template <class T>
struct is_wrt : std::false_type {};
template <class... Vs>
struct is_wrt<wrt_t<Vs...>> : std::true_type {};

template <class E>
struct is_vector_expression : std::false_type {};
template <class... Es>
struct is_vector_expression<vector_expression<Es...>> : std::true_type {};

/// The variables of a call: those of wrt(...) when it comes first, else the bound ones.
template <class... Args>
struct call_vars {
    using type = wrt_t<var<Args::name>...>;
};
template <class... Vs, class... Bs>
struct call_vars<wrt_t<Vs...>, Bs...> {
    using type = wrt_t<Vs...>;
};

/// Calls fn(wrt_t<Vars...>{}, bindings...) with the wrt(...) argument split off.
template <class Fn, class First, class... Rest>
TAPELESS_FORCE_INLINE constexpr auto split_wrt(Fn fn, const First& first, const Rest&... rest) {
    if constexpr (is_wrt<First>::value) {
        return fn(first, rest...);
    } else {
        return fn(typename call_vars<First, Rest...>::type{}, first, rest...);
    }
}

template <class... Bs>
using slot_t = typename slot_of_bindings<Bs...>::type;

template <class... Vars, class E, class... Bs>
TAPELESS_FORCE_INLINE constexpr auto reverse_gradient(wrt_t<Vars...>, const E& e, const Bs&... bs) {
    using V = slot_t<Bs...>;
    const auto ctx = make_context(bs...);
    const std::tuple<const E&> roots{e};  // by reference: constants of a constexpr e fold
    auto eng = make_engine<V>(roots, ctx);
    // Written in place: the partials go from the adjoints to the result (returned by NRVO).
    gradient<V, Vars...> out{uninitialized_t{}};
    const auto storage = result_access::storage(out);  // references into out
    auto& value = std::get<0>(storage);
    auto& partials = std::get<1>(storage);
    const auto store = [&](auto, auto c, const V& p) TAPELESS_LAMBDA_INLINE { partials[c] = p; };
    if constexpr (interleaves_sweeps<V>) {
        // The forward and adjoint steps interleaved (sweep.hpp, interleave_of).
        eng.forward_store_rows(std::index_sequence<0>{}, type_list<Vars...>{}, store);
    } else {
        eng.forward();
        eng.store_rows(std::index_sequence<0>{}, type_list<Vars...>{}, store);
    }
    value = eng.val[eng.template root_slot<0>];
    return out;
}

/// Calls store(r, c, d root_{Offset + r} / d Vars_c) for each r < M and c, with r and c as
/// std::integral_constant. The rows are swept together (one evaluation of each local
/// derivative for all of them), as many at a time as `rows_per_sweep` allows.
template <std::size_t Offset, std::size_t M, class... Vars, class Eng, class Store>
TAPELESS_FORCE_INLINE constexpr void for_each_row(const Eng& eng, Store&& store) {
    constexpr std::size_t G = rows_per_sweep<typename Eng::value_type, Eng::K, M>;
    [&]<std::size_t... g>(std::index_sequence<g...>) TAPELESS_LAMBDA_INLINE {
        (
            [&]() TAPELESS_LAMBDA_INLINE {
                constexpr std::size_t begin = g * G;
                constexpr std::size_t count = begin + G <= M ? G : M - begin;
                [&]<std::size_t... i>(std::index_sequence<i...>) TAPELESS_LAMBDA_INLINE {
                    eng.store_rows(std::index_sequence<Offset + begin + i...>{},
                                   type_list<Vars...>{},
                                   [&](auto r, auto c, const auto& p) TAPELESS_LAMBDA_INLINE {
                                       store(std::integral_constant<std::size_t, begin + r>{},
                                             c, p);
                                   });
                }(std::make_index_sequence<count>{});
            }(),
            ...);
    }(std::make_index_sequence<(M + G - 1) / G>{});
}

template <class... Vars, class E, class... Bs>
TAPELESS_FORCE_INLINE constexpr auto reverse_hessian(wrt_t<Vars...>, const E& e, const Bs&... bs) {
    using V = slot_t<Bs...>;
    constexpr std::size_t n = sizeof...(Vars);
    const auto ctx = make_context(bs...);
    // Root 0 is e, root 1 + i its symbolic derivative by Vars[i]; row i of the Hessian is
    // the reverse sweep of root 1 + i. Shared subexpressions are evaluated once.
    const auto roots = std::tuple{e, d(e, Vars{})...};
    auto eng = make_engine<V>(roots, ctx);
    eng.forward();
    std::array<V, n * n> h{};
    std::array<V, n> g{};
    [&]<std::size_t... i>(std::index_sequence<i...>) {
        ((g[i] = eng.val[eng.template root_slot<1 + i>]), ...);
    }(std::make_index_sequence<n>{});
    for_each_row<1, n, Vars...>(eng, [&](auto i, auto j, const V& p) TAPELESS_LAMBDA_INLINE {
        // The upper triangle from row i, mirrored: exactly symmetric.
        if constexpr (j >= i) {
            h[i * n + j] = p;
            h[j * n + i] = p;
        }
    });
    return hessian_result<V, Vars...>(gradient<V, Vars...>(eng.val[eng.template root_slot<0>], g),
                                      h);
}

template <class... Vars, class... Es, class... Bs>
TAPELESS_FORCE_INLINE constexpr auto reverse_jacobian(wrt_t<Vars...>, const vector_expression<Es...>& f,
                                const Bs&... bs) {
    using V = slot_t<Bs...>;
    constexpr std::size_t m = sizeof...(Es);
    constexpr std::size_t n = sizeof...(Vars);
    const auto ctx = make_context(bs...);
    auto eng = make_engine<V>(f.components, ctx);
    eng.forward();
    // Written in place: the entries go from the adjoints to the result (returned by NRVO).
    jacobian_result<V, m, Vars...> out{uninitialized_t{}};
    const auto storage = result_access::storage(out);  // references into out
    auto& values = std::get<0>(storage);
    auto& j = std::get<1>(storage);
    [&]<std::size_t... r>(std::index_sequence<r...>) TAPELESS_LAMBDA_INLINE {
        ((values[r] = eng.val[eng.template root_slot<r>]), ...);
    }(std::make_index_sequence<m>{});
    for_each_row<0, m, Vars...>(eng, [&](auto r, auto c, const V& p) TAPELESS_LAMBDA_INLINE {
        j[r * n + c] = p;
    });
    return out;
}


/// The common front end of grad, hessian, jacobian and forward_grad: splits off wrt(...),
/// checks the bindings, and runs `batch(w, bs...)` over Eigen arrays or `scalar(w, bs...)`
/// otherwise.
template <class Batch, class Scalar, class... Args>
TAPELESS_FORCE_INLINE constexpr auto dispatch_call(Batch batch, Scalar scalar, const Args&... args) {
    return split_wrt(
        [&]<class W, class... Bs>(W w, const Bs&... bs) TAPELESS_LAMBDA_INLINE {
            if constexpr (!check_bindings<Bs...>()) {
                return 0.0;
            } else if constexpr (is_batch_call_v<Bs...>) {
                return batch(w, bs...);
            } else {
                return scalar(w, bs...);
            }
        },
        args...);
}

}  // namespace detail

/// The value and gradient of e at the bindings, by reverse mode over the compile-time
/// schedule of e's unique subexpressions: `grad(f, u = 1.0, v = 2.0)[u]`. With
/// `wrt(a, b)` first, only by a and b.
template <expression E, class... Args>
    requires(sizeof...(Args) > 0)
TAPELESS_FORCE_INLINE constexpr auto grad(const E& e, const Args&... args) {
    if constexpr (detail::contains_vector_v<E> ||
                  detail::any_of_v<detail::is_vector_binding<Args>::value...>) {
        // Vector variables of run-time length (section 5): vector/grad.hpp.
        return detail::vector_call<E>::gradient(e, args...);
    } else {
        return detail::dispatch_call(
            [&]<class W, class... Bs>(W w, const Bs&... bs) {
                return detail::batch_call<Bs...>::gradient(w, e, bs...);
            },
            [&](auto w, const auto&... bs) TAPELESS_LAMBDA_INLINE {
                return detail::reverse_gradient(w, e, bs...);
            },
            args...);
    }
}

/// The value, gradient and Hessian of e at the bindings: `h(a, b)`, exactly symmetric.
template <expression E, class... Args>
    requires(sizeof...(Args) > 0)
TAPELESS_FORCE_INLINE constexpr auto hessian(const E& e, const Args&... args) {
    return detail::dispatch_call(
        [&]<class W, class... Bs>(W w, const Bs&... bs) {
            return detail::batch_call<Bs...>::hessian(w, e, bs...);
        },
        [&](auto w, const auto&... bs) TAPELESS_LAMBDA_INLINE {
            return detail::reverse_hessian(w, e, bs...);
        },
        args...);
}

/// The values and Jacobian of a vector expression `vec(e1, e2, ...)` at the bindings.
template <class... Es, class... Args>
    requires(sizeof...(Args) > 0)
TAPELESS_FORCE_INLINE constexpr auto jacobian(const vector_expression<Es...>& f, const Args&... args) {
    return detail::dispatch_call(
        [&]<class W, class... Bs>(W w, const Bs&... bs) {
            return detail::batch_call<Bs...>::jacobian(w, f, bs...);
        },
        [&](auto w, const auto&... bs) TAPELESS_LAMBDA_INLINE {
            return detail::reverse_jacobian(w, f, bs...);
        },
        args...);
}

namespace detail {

/// True for argument lists of the expression forms: bindings, optionally after wrt(...).
template <class... Args>
inline constexpr bool binding_arguments_v =
    sizeof...(Args) > 0 && all_of_v<(is_binding<Args>::value || is_wrt<Args>::value)...>;

template <class F>
inline constexpr bool is_vector_expression_v = false;
template <class... Es>
inline constexpr bool is_vector_expression_v<vector_expression<Es...>> = true;

}  // namespace detail

/// grad or hessian of a number, a C++ function or vec(...) with bindings: an error.
template <class F, class... Args>
    requires(!expression<F> && detail::binding_arguments_v<Args...>)
auto grad(const F&, const Args&...) {
    // Reached by grad(2.0, x = 1.0), grad(vec(a, b), x = 1.0) or grad(some_lambda, x = 1.0).
    static_assert(detail::always_false<detail::error::not_an_expression<F>>,
                  "tapeless: grad and hessian take one scalar tapeless expression first, e.g. "
                  "grad(f, x = 1.0); for vec(...) use jacobian, for a C++ function "
                  "grad(fn, point) with an Eigen vector point");
    return 0.0;
}

template <class F, class... Args>
    requires(!expression<F> && detail::binding_arguments_v<Args...>)
auto hessian(const F&, const Args&...) {
    // Reached by hessian(2.0, x = 1.0) or hessian(some_lambda, x = 1.0).
    static_assert(detail::always_false<detail::error::not_an_expression<F>>,
                  "tapeless: grad and hessian take one scalar tapeless expression first, e.g. "
                  "hessian(f, x = 1.0); for a C++ function use hessian(fn, point) with an "
                  "Eigen vector point");
    return 0.0;
}

/// jacobian of something other than vec(...) with bindings: an error.
template <class F, class... Args>
    requires(!detail::is_vector_expression_v<F> && detail::binding_arguments_v<Args...>)
auto jacobian(const F&, const Args&...) {
    // Reached by jacobian(f, x = 1.0) with f one expression, or jacobian(2.0, x = 1.0).
    static_assert(detail::always_false<detail::error::not_an_expression<F>>,
                  "tapeless: jacobian takes vec(e1, e2, ...) of tapeless expressions first, "
                  "e.g. jacobian(vec(r0, r1), x = 1.0); for one expression use grad, for a "
                  "C++ function jacobian(fn, point) with an Eigen vector point");
    return 0.0;
}

}  // namespace tapeless
