// The compile-time schedule: the unique subexpressions of an expression in topological order,
// evaluated once each into fixed slots (forward sweep), adjoints accumulated in reverse.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"

#include <array>
#include <tuple>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace tapeless::detail {

template <class... Ts>
struct type_list {
    static constexpr std::size_t size = sizeof...(Ts);
};

template <class T>
struct is_unary_node : std::false_type {};
template <class Op, class E>
struct is_unary_node<unary<Op, E>> : std::true_type {};
template <class T>
struct is_binary_node : std::false_type {};
template <class Op, class L, class R>
struct is_binary_node<binary<Op, L, R>> : std::true_type {};

/// Run-time data of an operation node: one number (the n of pow(x, n)) or none.
template <class Op>
inline constexpr std::size_t op_data_count = std::is_empty_v<Op> ? 0 : 1;

/// The number of run-time numbers a tree of type E carries (literal values, integer
/// exponents), computed once per type.
template <class E>
struct data_count : std::integral_constant<std::size_t, 0> {};
template <class T>
struct data_count<literal<T>> : std::integral_constant<std::size_t, 1> {};
template <class Op, class E>
struct data_count<unary<Op, E>>
    : std::integral_constant<std::size_t, op_data_count<Op> + data_count<E>::value> {};
template <class Op, class L, class R>
struct data_count<binary<Op, L, R>>
    : std::integral_constant<std::size_t, op_data_count<Op> + data_count<L>::value +
                                              data_count<R>::value> {};

/// The run-time numbers of a tree in pre-order, into `out` from `Offset` on. Subtrees
/// without data are not visited.
/// The type the run-time numbers of E are kept in: double, or long double when E has a long
/// double literal (x87 loads and conversions are slow; most expressions never need them).
template <class E>
struct has_long_double : std::false_type {};
template <>
struct has_long_double<literal<long double>> : std::true_type {};
template <class Op, class E>
struct has_long_double<unary<Op, E>> : has_long_double<E> {};
template <class Op, class L, class R>
struct has_long_double<binary<Op, L, R>>
    : std::bool_constant<has_long_double<L>::value || has_long_double<R>::value> {};
template <class E>
using data_real_t = std::conditional_t<has_long_double<E>::value, long double, double>;

template <std::size_t Offset, class E, class T, std::size_t D>
TAPELESS_FORCE_INLINE constexpr void gather_data(const E& e, std::array<T, D>& out) {
    if constexpr (!carries_data_v<E>) {
        return;
    } else if constexpr (is_constant_v<E>) {
        out[Offset] = static_cast<T>(e.value);
    } else if constexpr (is_unary_node<E>::value) {
        using Op = std::remove_cvref_t<decltype(e.op)>;
        if constexpr (op_data_count<Op> == 1) out[Offset] = static_cast<T>(e.op.data());
        gather_data<Offset + op_data_count<Op>>(e.arg, out);
    } else {
        using Op = std::remove_cvref_t<decltype(e.op)>;
        using L = std::remove_cvref_t<decltype(e.lhs)>;
        if constexpr (op_data_count<Op> == 1) out[Offset] = static_cast<T>(e.op.data());
        gather_data<Offset + op_data_count<Op>>(e.lhs, out);
        gather_data<Offset + op_data_count<Op> + data_count<L>::value>(e.rhs, out);
    }
}

/// One slot of the schedule: the node type and where its run-time data starts (root, offset
/// in the root's data). A node that carries data is keyed by that place, so it is never
/// merged with another node of its type; any other node is keyed by its type alone.
template <class Node, std::size_t Root, std::size_t Offset>
struct entry {
    using node = Node;
    static constexpr std::size_t root = Root;
    static constexpr std::size_t offset = Offset;
    using key = std::conditional_t<carries_data_v<Node>, entry, Node>;
};

/// Where the data of child C of a node of type N starts, relative to the node's.
template <class N, std::size_t C>
struct child_offset;
template <class Op, class E>
struct child_offset<unary<Op, E>, 0> : std::integral_constant<std::size_t, op_data_count<Op>> {};
template <class Op, class L, class R>
struct child_offset<binary<Op, L, R>, 0>
    : std::integral_constant<std::size_t, op_data_count<Op>> {};
template <class Op, class L, class R>
struct child_offset<binary<Op, L, R>, 1>
    : std::integral_constant<std::size_t, op_data_count<Op> + data_count<L>::value> {};

template <class Key, class List>
struct index_in;
template <class Key, class... Es>
struct index_in<Key, type_list<Es...>> {
    static constexpr std::size_t value = [] {
        constexpr std::array<bool, sizeof...(Es) + 1> hit{std::is_same_v<Key, typename Es::key>...,
                                                          false};
        for (std::size_t i = 0; i < sizeof...(Es); ++i)
            if (hit[i]) return i;
        return npos;
    }();
};

template <class List, class E>
struct append;
template <class... Es, class E>
struct append<type_list<Es...>, E> {
    using type = type_list<Es..., E>;
};

/// Post-order collection of the unique nodes of `Node` (root `Root`, data offset `Pos`)
/// into `Acc`. A node without data that was already collected is skipped with its whole subtree,
/// so the work is proportional to the number of distinct nodes (plus repeated nodes that
/// carry data, which are never looked up: they are distinct by construction).
template <class Node, std::size_t Root, std::size_t Pos, class Acc>
struct collect {
    using self = entry<Node, Root, Pos>;
    static constexpr bool seen = [] {
        if constexpr (carries_data_v<Node>) {
            return false;
        } else {
            return index_in<Node, Acc>::value != npos;
        }
    }();

    template <class A, bool = seen, bool = is_unary_node<Node>::value,
              bool = is_binary_node<Node>::value>
    struct impl {  // a seen node, or a leaf
        using type = std::conditional_t<seen, A, typename append<A, self>::type>;
    };
    template <class A>
    struct impl<A, false, true, false> {
        using child = std::remove_cvref_t<decltype(Node::arg)>;
        using after =
            typename collect<child, Root, Pos + child_offset<Node, 0>::value, A>::type;
        using type = typename append<after, self>::type;
    };
    template <class A>
    struct impl<A, false, false, true> {
        using left = std::remove_cvref_t<decltype(Node::lhs)>;
        using right = std::remove_cvref_t<decltype(Node::rhs)>;
        using after_l =
            typename collect<left, Root, Pos + child_offset<Node, 0>::value, A>::type;
        using after_r =
            typename collect<right, Root, Pos + child_offset<Node, 1>::value, after_l>::type;
        using type = typename append<after_r, self>::type;
    };
    using type = typename impl<Acc>::type;
};

template <class Acc>
struct acc_tag {
    using type = Acc;
};
template <class Root, std::size_t I>
struct root_tag {};

template <class Acc, class Root, std::size_t I>
auto operator+(acc_tag<Acc>, root_tag<Root, I>) -> acc_tag<typename collect<Root, I, 0, Acc>::type>;

template <class Seq, class... Roots>
struct schedule_of_impl;
template <std::size_t... I, class... Roots>
struct schedule_of_impl<std::index_sequence<I...>, Roots...> {
    using type = typename decltype((acc_tag<type_list<>>{} + ... + root_tag<Roots, I>{}))::type;
};

/// The unique nodes of the roots `Roots...` (one root, or the components of a vector
/// expression) in topological order; nodes shared between roots are listed once.
template <class... Roots>
using schedule_t =
    typename schedule_of_impl<std::index_sequence_for<Roots...>, Roots...>::type;

/// Constant-time slot lookup: one base class per slot, found by overload resolution.
template <class Key, std::size_t I>
struct slot_item {};
template <class List, class Seq>
struct slot_map_impl;
template <class... Es, std::size_t... I>
struct slot_map_impl<type_list<Es...>, std::index_sequence<I...>>
    : slot_item<typename Es::key, I>... {};
template <class List>
using slot_map = slot_map_impl<List, std::make_index_sequence<List::size>>;

template <class Key, std::size_t I>
constexpr std::size_t slot_of(const slot_item<Key, I>*) {
    return I;
}

/// The slot of `Key` in the schedule `List`, or npos.
template <class Key, class List>
constexpr std::size_t find_slot() {
    if constexpr (requires { slot_of<Key>(static_cast<const slot_map<List>*>(nullptr)); }) {
        return slot_of<Key>(static_cast<const slot_map<List>*>(nullptr));
    } else {
        return npos;
    }
}

}  // namespace tapeless::detail
