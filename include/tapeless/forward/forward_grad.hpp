// forward_grad: the gradient of an expression in one forward pass with dual<T, N> values.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/forward/dual.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/reverse/grad.hpp"
#include "tapeless/reverse/result.hpp"
#include "tapeless/reverse/sweep.hpp"

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless {

namespace detail {

/// The binding used in the forward pass for binding B: the seeded dual when B's variable is
/// differentiated, B itself otherwise (held constant).
template <class B, class D, class... Vars>
using seeded_binding_t =
    std::conditional_t<var_index<var<B::name>, Vars...>() == npos, B, binding<B::name, D>>;

template <class D, class... Vars, class B>
constexpr auto seeded_binding(const B& b, const std::array<D, sizeof...(Vars)>& seeds) {
    constexpr std::size_t i = var_index<var<B::name>, Vars...>();
    if constexpr (i == npos) {
        return b;
    } else {
        return binding<B::name, D>{seeds[i]};
    }
}

template <class... Vars, class E, class... Bs>
auto forward_gradient(wrt_t<Vars...>, const E& e, const Bs&... bs) {
    using T = slot_t<Bs...>;
    constexpr int n = static_cast<int>(sizeof...(Vars));
    using D = dual<T, n>;
    // One dual per differentiated variable, x_i = (value, e_i); the other bindings stay
    // numbers, so their nodes cost a scalar operation plus a broadcast of zero partials.
    std::array<D, sizeof...(Vars)> seeds;
    (
        [&] {
            constexpr std::size_t i = var_index<var<Bs::name>, Vars...>();
            if constexpr (i != npos) {
                seeds[i].value() = static_cast<T>(bs.value);
                seeds[i].grad()(static_cast<Eigen::Index>(i)) = T(1);  // the rest is zero
            }
        }(),
        ...);
    const std::tuple<seeded_binding_t<Bs, D, Vars...>...> seeded{
        seeded_binding<D, Vars...>(bs, seeds)...};
    return std::apply(
        [&](const auto&... sb) {
            const auto ctx = make_context(sb...);
            const std::tuple<const E&> roots{e};  // by reference: constants of a constexpr e fold
            // The compile-time schedule of reverse mode, run forward only: every unique
            // subexpression is evaluated once, into a fixed slot (no heap for fixed N).
            auto eng = make_engine<D>(roots, ctx);
            eng.forward();
            const D& r = eng.val[eng.template root_slot<0>];
            std::array<T, sizeof...(Vars)> partials{};
            for (std::size_t i = 0; i < sizeof...(Vars); ++i)
                partials[i] = r.grad()(static_cast<Eigen::Index>(i));
            return gradient<T, Vars...>(r.value(), partials);
        },
        seeded);
}

}  // namespace detail

/// The value and gradient of e at the bindings in one forward pass: every differentiated
/// variable is bound to a `dual<T, N>` seeded with a unit vector (N = number of variables),
/// and the partials travel through the expression as one Eigen vector. Same result object
/// as `grad`; with `wrt(a, b)` first, only by a and b. No heap allocation.
template <expression E, class... Args>
    requires(sizeof...(Args) > 0)
auto forward_grad(const E& e, const Args&... args) {
    return detail::dispatch_call(
        // Over Eigen arrays forward_grad and grad share the batch path (batch/).
        [&]<class W, class... Bs>(W w, const Bs&... bs) {
            return detail::batch_call<Bs...>::gradient(w, e, bs...);
        },
        [&](auto w, const auto&... bs) { return detail::forward_gradient(w, e, bs...); },
        args...);
}

/// forward_grad of something that is not an expression: an error.
template <class E, class... Args>
    requires(!expression<E>)
auto forward_grad(const E&, const Args&...) {
    // Reached by forward_grad(1.0, x = 1.0) or forward_grad(some_lambda, ...).
    static_assert(detail::always_false<detail::error::not_an_expression<E>>,
                  "tapeless: forward_grad takes a tapeless expression first, e.g. "
                  "forward_grad(f, x = 1.0); for a C++ function use grad(fn, point)");
    return 0.0;
}

}  // namespace tapeless
