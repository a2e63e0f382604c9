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

template <std::size_t... I>
using path = std::index_sequence<I...>;

template <class Path, std::size_t I>
struct path_push;
template <std::size_t... P, std::size_t I>
struct path_push<path<P...>, I> {
    using type = path<P..., I>;
};

/// One slot of the schedule: the node type and where the node stands in the root
/// expression. A node that carries run-time data is keyed by its position, so it is never
/// merged with another node of its type; other nodes are keyed by their type alone.
template <class Node, class Path>
struct entry {
    using node = Node;
    using where = Path;
    using key = std::conditional_t<carries_data_v<Node>, entry, Node>;
};

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

template <class T>
struct is_unary_node : std::false_type {};
template <class Op, class E>
struct is_unary_node<unary<Op, E>> : std::true_type {};
template <class T>
struct is_binary_node : std::false_type {};
template <class Op, class L, class R>
struct is_binary_node<binary<Op, L, R>> : std::true_type {};

/// Post-order collection of the unique nodes of `Node` (found at `Path`) into `Acc`.
/// A key already collected is skipped with its whole subtree, so the work is proportional
/// to the number of distinct nodes (plus repeated nodes that carry data).
template <class Node, class Path, class Acc>
struct collect {
    using self = entry<Node, Path>;
    static constexpr bool seen = index_in<typename self::key, Acc>::value != npos;

    template <class A, bool = seen, bool = is_unary_node<Node>::value,
              bool = is_binary_node<Node>::value>
    struct impl {  // a seen node, or a leaf
        using type = std::conditional_t<seen, A, typename append<A, self>::type>;
    };
    template <class A>
    struct impl<A, false, true, false> {
        using after = typename collect<std::remove_cvref_t<decltype(Node::arg)>,
                                       typename path_push<Path, 0>::type, A>::type;
        using type = typename append<after, self>::type;
    };
    template <class A>
    struct impl<A, false, false, true> {
        using after_l = typename collect<std::remove_cvref_t<decltype(Node::lhs)>,
                                         typename path_push<Path, 0>::type, A>::type;
        using after_r = typename collect<std::remove_cvref_t<decltype(Node::rhs)>,
                                         typename path_push<Path, 1>::type, after_l>::type;
        using type = typename append<after_r, self>::type;
    };
    using type = typename impl<Acc>::type;
};

/// The child of `e` reached by `Path`.
template <class E>
constexpr const auto& at_path(const E& e, path<>) {
    return e;
}
template <class E, std::size_t I, std::size_t... Rest>
constexpr const auto& at_path(const E& e, path<I, Rest...>) {
    if constexpr (I == 0) {
        if constexpr (is_unary_node<E>::value) {
            return at_path(e.arg, path<Rest...>{});
        } else {
            return at_path(e.lhs, path<Rest...>{});
        }
    } else {
        return at_path(e.rhs, path<Rest...>{});
    }
}

template <class Acc>
struct acc_tag {
    using type = Acc;
};
template <class Root, std::size_t I>
struct root_tag {};

template <class Acc, class Root, std::size_t I>
auto operator+(acc_tag<Acc>, root_tag<Root, I>)
    -> acc_tag<typename collect<Root, path<I>, Acc>::type>;

template <class Seq, class... Roots>
struct schedule_of_impl;
template <std::size_t... I, class... Roots>
struct schedule_of_impl<std::index_sequence<I...>, Roots...> {
    using type = typename decltype((acc_tag<type_list<>>{} + ... + root_tag<Roots, I>{}))::type;
};

/// The unique nodes of the roots `Roots...` (one root, or the components of a vector
/// expression) in topological order; root r's nodes have paths starting with r, and nodes
/// shared between roots are listed once.
template <class... Roots>
using schedule_t =
    typename schedule_of_impl<std::index_sequence_for<Roots...>, Roots...>::type;

/// The node at `Path` in the tuple of roots.
template <class Roots, std::size_t R, std::size_t... Rest>
constexpr const auto& node_at(const Roots& roots, path<R, Rest...>) {
    return at_path(std::get<R>(roots), path<Rest...>{});
}

}  // namespace tapeless::detail
