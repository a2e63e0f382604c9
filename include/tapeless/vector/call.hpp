// Evaluation and grad of expressions with vector variables: `f(x = x0)`, `grad(f, x = x0)`,
// `grad(f, ws, wrt(mu), mu = 0.1, data = ys)`, and their result type.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/reverse/grad.hpp"
#include "tapeless/reverse/result.hpp"
#include "tapeless/vector/engine.hpp"
#include "tapeless/vector/vector_var.hpp"
#include "tapeless/vector/workspace.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless {

/// The value and gradient of a scalar expression with vector variables: `g.value()`, `g[mu]`
/// (a number), `g[x]` (an Eigen vector: `Eigen::VectorXd` owned by the result, or, from
/// `grad(f, ws, ...)`, an `Eigen::Map` into the workspace, valid until its next use), and
/// `g.vector()`, every partial in order (wrt(...) or bindings) in one Eigen vector.
template <class T, bool Owning, class... Vars>
class vector_gradient {
public:
    using vector_type = std::conditional_t<Owning, Eigen::Matrix<T, Eigen::Dynamic, 1>,
                                           Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>>;
    template <class V>
    using part_type = std::conditional_t<is_vector_var_v<V>, vector_type, T>;
    static constexpr std::size_t size = sizeof...(Vars);

    vector_gradient(T value, std::tuple<part_type<Vars>...> parts)
        : value_(value), parts_(std::move(parts)) {}

    /// The function's value at the point.
    const T& value() const { return value_; }

    /// The partial derivatives by `v`: a number for a var, a vector for a vector_var.
    template <class V>
    const auto& operator[](const V&) const {
        return std::get<detail::checked_var_index<V, Vars...>()>(parts_);
    }

    /// Every partial, in order, as one Eigen vector (allocates).
    Eigen::Matrix<T, Eigen::Dynamic, 1> vector() const {
        Eigen::Index total = 0;
        std::apply([&](const auto&... q) { ((total += part_size(q)), ...); }, parts_);
        Eigen::Matrix<T, Eigen::Dynamic, 1> out(total);
        Eigen::Index at = 0;
        std::apply(
            [&](const auto&... q) {
                (
                    [&] {
                        if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(q)>>) {
                            out(at++) = q;
                        } else {
                            out.segment(at, q.size()) = q;
                            at += q.size();
                        }
                    }(),
                    ...);
            },
            parts_);
        return out;
    }

private:
    template <class Q>
    static Eigen::Index part_size(const Q& q) {
        if constexpr (std::is_arithmetic_v<Q>) {
            return 1;
        } else {
            return q.size();
        }
    }

    T value_;
    std::tuple<part_type<Vars>...> parts_;
};

namespace detail {

template <class B>
struct var_of_binding {
    using type = var<B::name>;
};
template <fixed_string Name, class T>
struct var_of_binding<vector_binding<Name, T>> {
    using type = vector_var<Name>;
};

template <class... Args>
struct vector_call_vars {
    using type = wrt_t<typename var_of_binding<Args>::type...>;
};
template <class... Vs, class... Bs>
struct vector_call_vars<wrt_t<Vs...>, Bs...> {
    using type = wrt_t<Vs...>;
};

template <class E, class... Bs>
struct vector_call {
    /// e at the bindings: a number for a scalar expression, an Eigen vector for a vector one.
    static auto evaluate(const E& e, const Bs&... bs) {
        using T = typename context<Bs...>::real;
        const auto ctx = make_context(bs...);
        using engine_t = vec::engine<T, E, decltype(ctx)>;
        workspace ws;  // evaluation takes no memory from it
        engine_t eng{e, ctx};
        eng.run_forward(ws, false);
        constexpr std::size_t root = engine_t::K - 1;
        if constexpr (is_vector_valued_v<E>) {
            using region_t = vec::region<engine_t, T, vec::var_set<>, vec::root_list<E>, void,
                                         vec::path<>>;
            Eigen::Matrix<T, Eigen::Dynamic, 1> out(eng.n[root]);
            region_t r(eng);
            r.bind([](auto) { return static_cast<T*>(nullptr); });
            r.materialize(out.data(), out.size());
            return out;
        } else {
            return eng.s[root];
        }
    }

    template <bool Owning, class... Vars, class... Cs>
    static auto run(workspace& ws, wrt_t<Vars...>, const E& e, const Cs&... cs) {
        if constexpr (!check_bindings<Cs...>()) {
            return 0.0;
        } else if constexpr (is_vector_valued_v<E>) {
            // Reached by grad(x * mu, x = x0): reduce first.
            static_assert(always_false<E>,
                          "tapeless: grad takes a scalar expression; reduce a vector "
                          "expression with sum, dot, squared_norm or log_sum_exp");
            return 0.0;
        } else {
            using T = typename context<Cs...>::real;
            const auto ctx = make_context(cs...);
            using engine_t = vec::engine<T, E, decltype(ctx), Vars...>;
            using sched = typename engine_t::sched;
            engine_t eng{e, ctx};
            eng.run_forward(ws, true);
            eng.run_backward();
            using result_t = vector_gradient<T, Owning, Vars...>;
            auto part = [&]<class V>(std::type_identity<V>) -> typename result_t::template part_type<V> {
                if constexpr (!is_vector_var_v<V>) {
                    constexpr std::size_t i = find_slot<V, sched>();
                    if constexpr (i == npos) {
                        return T(0);
                    } else {
                        return eng.sa[i];
                    }
                } else {
                    constexpr std::size_t vi =
                        index_in<V, typename engine_t::var_list>::value;
                    return typename result_t::vector_type(
                        Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(
                            eng.out[vi], eng.template bound_length<V>()));
                }
            };
            return result_t(eng.s[engine_t::K - 1],
                            std::tuple<typename result_t::template part_type<Vars>...>{
                                part(std::type_identity<Vars>{})...});
        }
    }

    /// grad(e, [wrt(...),] bindings...): the partials owned by the result.
    template <class... Args>
    static auto gradient(const E& e, const Args&... args) {
        workspace ws;
        return dispatch<true>(ws, e, args...);
    }

    /// grad(e, ws, [wrt(...),] bindings...): no allocation once ws is large enough.
    template <class... Args>
    static auto gradient(workspace& ws, const E& e, const Args&... args) {
        return dispatch<false>(ws, e, args...);
    }

    template <bool Owning, class First, class... Rest>
    static auto dispatch(workspace& ws, const E& e, const First& first, const Rest&... rest) {
        if constexpr (std::is_same_v<First, workspace>) {
            // Reached by grad(f, std::as_const(ws), ...): the workspace is written to.
            static_assert(always_false<First>,
                          "tapeless: pass the workspace as a non-const lvalue: grad(f, ws, ...)");
            return 0.0;
        } else if constexpr (is_wrt<First>::value) {
            return run<Owning>(ws, first, e, rest...);
        } else {
            return run<Owning>(ws, typename vector_call_vars<First, Rest...>::type{}, e, first,
                               rest...);
        }
    }
};

}  // namespace detail

/// The value and gradient of `e` at the bindings with the node values and adjoints in `ws`:
/// no heap allocation once `ws` has grown to the size the call needs. `g[x]` is a map into
/// `ws`, valid until `ws` is used again.
template <expression E, class... Args>
    requires(sizeof...(Args) > 0)
auto grad(const E& e, workspace& ws, const Args&... args) {
    return detail::vector_call<E>::gradient(ws, e, args...);
}

}  // namespace tapeless
