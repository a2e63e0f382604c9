// The forward and adjoint sweeps over a compile-time schedule: one slot per unique node, no
// tape, no allocation (for scalar values), no virtual call.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/reverse/schedule.hpp"

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless::detail {

template <class List>
struct list_element;
template <class... Es>
struct list_element<type_list<Es...>> {
    template <std::size_t K>
    using type = std::tuple_element_t<K, std::tuple<Es...>>;
};

/// Slot `I` of the schedule inside a local derivative rule: an argument or result that
/// carries run-time data, so it cannot be found in the schedule by its type.
template <std::size_t I>
struct slot_ref {
    static constexpr std::size_t index = I;
};
template <class T>
struct is_slot_ref : std::false_type {};
template <std::size_t I>
struct is_slot_ref<slot_ref<I>> : std::true_type {};
template <std::size_t I>
struct is_expression_impl<slot_ref<I>> : std::true_type {};

/// The slot type for a bound value: numbers and dual numbers as they are.
template <class T>
struct slot_type {
    using type = std::conditional_t<std::is_integral_v<T>, double, T>;
};

template <class... Bs>
struct slot_of_bindings {
    using type = std::common_type_t<typename slot_type<typename Bs::value_type>::type...>;
};
template <>
struct slot_of_bindings<> {
    using type = double;
};

/// A zero of the same shape as `like` (a number, a dual number, an Eigen array).
template <class V>
constexpr V zero_like(const V& like) {
    if constexpr (requires { V::Zero(like.rows(), like.cols()); }) {
        return V::Zero(like.rows(), like.cols());
    } else {
        (void)like;
        return V(0);
    }
}

template <class V>
constexpr V one_like(const V& like) {
    if constexpr (requires { V::Ones(like.rows(), like.cols()); }) {
        return V::Ones(like.rows(), like.cols());
    } else {
        (void)like;
        return V(1);
    }
}

/// One evaluation of a schedule `Sched` over the roots `Roots` (a std::tuple of
/// expressions) with slot type `V`.
template <class V, class Sched, class Roots, class Ctx>
struct engine {
    static constexpr std::size_t K = Sched::size;
    template <std::size_t k>
    using entry_at = typename list_element<Sched>::template type<k>;
    template <std::size_t k>
    using node_at_t = typename entry_at<k>::node;

    const Roots& roots;
    const Ctx& ctx;
    std::array<V, K> val{};

    /// The node object of slot k: rebuilt from its type when it carries no data, read
    /// from the root otherwise.
    template <std::size_t k>
    constexpr auto node() const {
        using N = node_at_t<k>;
        if constexpr (carries_data_v<N>) {
            return node_at(roots, typename entry_at<k>::where{});
        } else {
            return N{};
        }
    }

    template <class N, std::size_t C>
    struct child_type;
    template <class Op, class E>
    struct child_type<unary<Op, E>, 0> {
        using type = E;
    };
    template <class Op, class L, class R>
    struct child_type<binary<Op, L, R>, 0> {
        using type = L;
    };
    template <class Op, class L, class R>
    struct child_type<binary<Op, L, R>, 1> {
        using type = R;
    };

    /// The slot of the C-th child of slot k.
    template <std::size_t k, std::size_t C>
    static constexpr std::size_t child =
        index_in<typename entry<typename child_type<node_at_t<k>, C>::type,
                                typename path_push<typename entry_at<k>::where, C>::type>::key,
                 Sched>::value;

    /// The slot of root R.
    template <std::size_t R>
    static constexpr std::size_t root_slot =
        index_in<typename entry<std::remove_cvref_t<std::tuple_element_t<R, Roots>>,
                                path<R>>::key,
                 Sched>::value;

    template <std::size_t k>
    constexpr V compute() const {
        using N = node_at_t<k>;
        if constexpr (is_var_v<N> || is_constant_v<N>) {
            return static_cast<V>(node<k>().eval(ctx));
        } else if constexpr (is_unary_node<N>::value) {
            return static_cast<V>(node<k>().op(val[child<k, 0>]));
        } else {
            return static_cast<V>(node<k>().op(val[child<k, 0>], val[child<k, 1>]));
        }
    }

    /// Evaluates every unique node once, in topological order.
    constexpr void forward() {
        [this]<std::size_t... k>(std::index_sequence<k...>) {
            ((val[k] = compute<k>()), ...);
        }(std::make_index_sequence<K>{});
    }

    template <class N, class... Vars>
    static constexpr bool active = (depends_on_v<N, Vars> || ...);

    /// The value of a local-derivative expression, reading every subexpression that the
    /// schedule already holds from its slot: `d cos(a) = -sin(a)` reuses sin(a) when the
    /// function has it, and the result of exp is its own slot.
    template <class X>
    constexpr V memo_eval(const X& x) const {
        if constexpr (is_slot_ref<X>::value) {
            return val[X::index];
        } else if constexpr (!carries_data_v<X> && index_in<X, Sched>::value != npos) {
            return val[index_in<X, Sched>::value];
        } else if constexpr (is_var_v<X> || is_constant_v<X>) {
            return static_cast<V>(x.eval(ctx));
        } else if constexpr (is_unary_node<X>::value) {
            return static_cast<V>(x.op(memo_eval(x.arg)));
        } else {
            return static_cast<V>(x.op(memo_eval(x.lhs), memo_eval(x.rhs)));
        }
    }

    /// Operand C of slot k inside its local derivative rule: the node itself when the
    /// schedule can find it by type, else a reference to its slot.
    template <std::size_t k, std::size_t C>
    constexpr auto operand() const {
        using N = typename child_type<node_at_t<k>, C>::type;
        if constexpr (carries_data_v<N>) {
            return slot_ref<child<k, C>>{};
        } else {
            return N{};
        }
    }
    template <std::size_t k>
    constexpr auto result() const {
        if constexpr (carries_data_v<node_at_t<k>>) {
            return slot_ref<k>{};
        } else {
            return node_at_t<k>{};
        }
    }

    /// adj[c] += adj[k] * (local derivative of node k by its argument I).
    template <std::size_t k, std::size_t c, class Partial>
    constexpr void accumulate(std::array<V, K>& adj, const Partial& p) const {
        if constexpr (is_constant_of_v<Partial, 1>) {
            adj[c] += adj[k];
        } else if constexpr (is_constant_of_v<Partial, -1>) {
            adj[c] -= adj[k];
        } else {
            adj[c] += adj[k] * memo_eval(p);
        }
    }

    template <std::size_t k, class... Vars>
    constexpr void propagate(std::array<V, K>& adj) const {
        using N = node_at_t<k>;
        if constexpr (is_unary_node<N>::value) {
            if constexpr (active<typename child_type<N, 0>::type, Vars...>) {
                accumulate<k, child<k, 0>>(
                    adj, node<k>().op.template partial<0>(result<k>(), operand<k, 0>()));
            }
        } else if constexpr (is_binary_node<N>::value) {
            if constexpr (active<typename child_type<N, 0>::type, Vars...>) {
                accumulate<k, child<k, 0>>(
                    adj, node<k>().op.template partial<0>(result<k>(), operand<k, 0>(),
                                                           operand<k, 1>()));
            }
            if constexpr (active<typename child_type<N, 1>::type, Vars...>) {
                accumulate<k, child<k, 1>>(
                    adj, node<k>().op.template partial<1>(result<k>(), operand<k, 0>(),
                                                           operand<k, 1>()));
            }
        }
    }

    /// The adjoints of every slot for root R: d root_R / d slot, accumulated in reverse
    /// topological order over the nodes that depend on one of `Vars`.
    template <std::size_t R, class... Vars>
    constexpr std::array<V, K> backward() const {
        std::array<V, K> adj{};
        for (std::size_t k = 0; k < K; ++k) adj[k] = zero_like(val[k]);
        adj[root_slot<R>] = one_like(val[root_slot<R>]);
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            (propagate<K - 1 - j, Vars...>(adj), ...);
        }(std::make_index_sequence<K>{});
        return adj;
    }

    /// d root / d V for each variable: its slot's adjoint, or zero when the roots do not
    /// contain it.
    template <class... Vars>
    constexpr std::array<V, sizeof...(Vars)> partials_of(const std::array<V, K>& adj) const {
        return {[&]<class Var>(std::type_identity<Var>) {
            constexpr std::size_t i = index_in<Var, Sched>::value;
            if constexpr (i == npos) {
                return zero_like(val[K - 1]);
            } else {
                return adj[i];
            }
        }(std::type_identity<Vars>{})...};
    }
};

template <class Roots>
struct schedule_of_tuple;
template <class... Rs>
struct schedule_of_tuple<std::tuple<Rs...>> {
    using type = schedule_t<Rs...>;
};

template <class V, class Roots, class Ctx>
constexpr auto make_engine(const Roots& roots, const Ctx& ctx) {
    return engine<V, typename schedule_of_tuple<Roots>::type, Roots, Ctx>{roots, ctx, {}};
}

}  // namespace tapeless::detail
