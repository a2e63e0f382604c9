// Evaluation and reverse mode for expressions with vector variables: the schedule of unique
// nodes is a compile-time list as in reverse/, each vector node's value is an Eigen array of
// run-time length in one workspace, and the adjoint sweep runs Eigen's vectorised operations.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/ops/arithmetic.hpp"
#include "tapeless/ops/elementary.hpp"
#include "tapeless/reverse/schedule.hpp"
#include "tapeless/reverse/sweep.hpp"
#include "tapeless/vector/functions.hpp"
#include "tapeless/vector/vector_var.hpp"
#include "tapeless/vector/workspace.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace tapeless::detail::vec {

// ---- the schedule: unique nodes in post-order, each with the path to one occurrence --------

template <std::size_t... P>
struct path {};
template <class P, std::size_t C>
struct path_push;
template <std::size_t... P, std::size_t C>
struct path_push<path<P...>, C> {
    using type = path<P..., C>;
};

/// A slot: the node type and the path from the root to it. Nodes that carry run-time data
/// (literals, pow(e, n), segment) are keyed by their path, so they are never merged.
template <class Node, class Path>
struct ventry {
    using node = Node;
    using path_type = Path;
    using key = std::conditional_t<carries_data_v<Node>, ventry, Node>;
};

template <class Node, class Path, class Acc>
struct vcollect {
    static constexpr bool seen = [] {
        if constexpr (carries_data_v<Node>) {
            return false;
        } else {
            return index_in<Node, Acc>::value != npos;
        }
    }();
    using self = ventry<Node, Path>;

    template <class A, bool = seen, bool = is_unary_node<Node>::value,
              bool = is_binary_node<Node>::value>
    struct impl {
        using type = std::conditional_t<seen, A, typename append<A, self>::type>;
    };
    template <class A>
    struct impl<A, false, true, false> {
        using child = std::remove_cvref_t<decltype(Node::arg)>;
        using after = typename vcollect<child, typename path_push<Path, 0>::type, A>::type;
        using type = typename append<after, self>::type;
    };
    template <class A>
    struct impl<A, false, false, true> {
        using left = std::remove_cvref_t<decltype(Node::lhs)>;
        using right = std::remove_cvref_t<decltype(Node::rhs)>;
        using after_l = typename vcollect<left, typename path_push<Path, 0>::type, A>::type;
        using after_r =
            typename vcollect<right, typename path_push<Path, 1>::type, after_l>::type;
        using type = typename append<after_r, self>::type;
    };
    using type = typename impl<Acc>::type;
};

template <class E>
using schedule_t = typename vcollect<E, path<>, type_list<>>::type;

/// The node at `path` below e (recursion over the depth of the tree only).
template <class E>
constexpr const E& at(const E& e, path<>) {
    return e;  // NOLINT(bugprone-return-const-ref-from-parameter): a node of the caller's tree
}
template <class E, std::size_t C, std::size_t... P>
constexpr const auto& at(const E& e, path<C, P...>) {
    if constexpr (is_unary_node<E>::value) {
        return at(e.arg, path<P...>{});
    } else if constexpr (C == 0) {
        return at(e.lhs, path<P...>{});
    } else {
        return at(e.rhs, path<P...>{});
    }
}

template <class Sched, std::size_t k>
struct info {
    using entry_t = typename list_element<Sched>::template type<k>;
    using node = typename entry_t::node;
    using path_type = typename entry_t::path_type;
    static constexpr bool is_vec = is_vector_valued_v<node>;

    template <std::size_t C>
    static constexpr std::size_t child =
        find_slot<typename ventry<typename child_type<node, C>::type,
                                  typename path_push<path_type, C>::type>::key,
                  Sched>();
};

template <class N>
struct op_of {
    using type = void;
};
template <class Op, class E>
struct op_of<unary<Op, E>> {
    using type = Op;
};
template <class Op, class L, class R>
struct op_of<binary<Op, L, R>> {
    using type = Op;
};
template <class N>
using op_of_t = typename op_of<N>::type;

template <class Op>
struct drop_count : std::integral_constant<std::size_t, 0> {};
template <std::size_t K>
struct drop_count<ops::drop_front<K>> : std::integral_constant<std::size_t, K> {};
template <std::size_t K>
struct drop_count<ops::drop_back<K>> : std::integral_constant<std::size_t, K> {};

template <class Op>
struct is_drop_front : std::false_type {};
template <std::size_t K>
struct is_drop_front<ops::drop_front<K>> : std::true_type {};
template <class Op>
struct is_drop_back : std::false_type {};
template <std::size_t K>
struct is_drop_back<ops::drop_back<K>> : std::true_type {};

// ---- element-wise operations on Eigen arrays and numbers -----------------------------------

template <class T>
using array_t = Eigen::Array<T, Eigen::Dynamic, 1>;

template <class X>
inline constexpr bool is_num_v = std::is_arithmetic_v<std::remove_cvref_t<X>>;

/// x^n for an integer n known at run time, as an Eigen functor with a packet path: n is the
/// same for every entry, so the branch on it is predicted and the common exponents (0 to 3)
/// run vectorised; others take ops::pow_int entry by entry.
template <class T>
struct pow_int_fn {
    int n;
    T operator()(T a) const { return static_cast<T>(ops::pow_int{n}(a)); }
    template <class Packet>
    Packet packetOp(const Packet& a) const {  // NOLINT(readability-identifier-naming): Eigen's name
        namespace ei = Eigen::internal;
        if (n == 2) return ei::pmul(a, a);
        if (n == 1) return a;
        if (n == 3) return ei::pmul(ei::pmul(a, a), a);
        if (n == 0) return ei::pset1<Packet>(T(1));
        constexpr auto size = static_cast<std::size_t>(ei::unpacket_traits<Packet>::size);
        alignas(64) std::array<T, size> v{};
        ei::pstoreu(v.data(), a);
        for (T& x : v) x = (*this)(x);
        return ei::ploadu<Packet>(v.data());
    }
};

}  // namespace tapeless::detail::vec

// NOLINTBEGIN(readability-identifier-naming,performance-enum-size): Eigen's names and enum
template <class T>
struct Eigen::internal::functor_traits<tapeless::detail::vec::pow_int_fn<T>> {
    enum { Cost = 3 * Eigen::NumTraits<T>::MulCost, PacketAccess = packet_traits<T>::HasMul };
};
// NOLINTEND(readability-identifier-naming,performance-enum-size)

namespace tapeless::detail::vec {

/// exp over an Eigen array expression. Eigen's vectorised exp needs SSE4.1's rounding (or
/// AVX) to be fast; on the baseline x86-64 target (SSE2 only) it is slower than the C
/// library's scalar exp, which is then used entry by entry.
template <class T, class A>
auto vexp(const A& a) {
#if defined(__x86_64__) && !defined(__SSE4_1__) && !defined(__AVX__)
    return a.unaryExpr([](T v) { return std::exp(v); });
#else
    return a.exp();
#endif
}

/// Op on operands that are numbers or Eigen array expressions: an Eigen expression (lazy;
/// it nests maps and sub-expressions by value) or a number. Eigen's vectorised functions
/// where it has them, the scalar operation applied entry by entry otherwise.
template <class T, class Op, class A>
auto apply(const Op& op, const A& a) {
    if constexpr (is_num_v<A>) {
        return static_cast<T>(op(a));
    } else if constexpr (std::is_same_v<Op, ops::neg>) {
        return -a;
    } else if constexpr (std::is_same_v<Op, ops::sqrt>) {
        return a.sqrt();
    } else if constexpr (std::is_same_v<Op, ops::exp>) {
        return vexp<T>(a);
    } else if constexpr (std::is_same_v<Op, ops::log>) {
        return a.log();
    } else if constexpr (std::is_same_v<Op, ops::sin>) {
        return a.sin();
    } else if constexpr (std::is_same_v<Op, ops::cos>) {
        return a.cos();
    } else if constexpr (std::is_same_v<Op, ops::tan>) {
        return a.tan();
    } else if constexpr (std::is_same_v<Op, ops::asin>) {
        return a.asin();
    } else if constexpr (std::is_same_v<Op, ops::acos>) {
        return a.acos();
    } else if constexpr (std::is_same_v<Op, ops::atan>) {
        return a.atan();
    } else if constexpr (std::is_same_v<Op, ops::sinh>) {
        return a.sinh();
    } else if constexpr (std::is_same_v<Op, ops::cosh>) {
        return a.cosh();
    } else if constexpr (std::is_same_v<Op, ops::tanh>) {
        return a.tanh();
    } else if constexpr (std::is_same_v<Op, ops::abs>) {
        return a.abs();
    } else if constexpr (std::is_same_v<Op, ops::log1p>) {
        return a.log1p();
    } else if constexpr (std::is_same_v<Op, ops::expm1>) {
        return a.expm1();
    } else if constexpr (std::is_same_v<Op, ops::sign>) {
        return a.sign();
    } else if constexpr (std::is_same_v<Op, ops::pow_int>) {
        return a.unaryExpr(pow_int_fn<T>{op.n});
    } else {
        return a.unaryExpr([op](T v) { return static_cast<T>(op(v)); });
    }
}

template <class T, class Op, class A, class B>
auto apply(const Op& op, const A& a, const B& b) {
    constexpr bool native = std::is_same_v<Op, ops::add> || std::is_same_v<Op, ops::sub> ||
                            std::is_same_v<Op, ops::mul>;
    if constexpr (is_num_v<A> && is_num_v<B>) {
        return static_cast<T>(op(a, b));
    } else if constexpr (native) {
        return op(a, b);
    } else if constexpr (std::is_same_v<Op, ops::div>) {
        if constexpr (is_num_v<A>) {
            return a * b.inverse();
        } else if constexpr (is_num_v<B>) {
            // by a broadcast number: one division, then multiplications (may differ from
            // the quotient in the last bit; docs/vector.md)
            return a * (T(1) / static_cast<T>(b));
        } else {
            return a / b;
        }
    } else if constexpr (is_num_v<A>) {
        return b.unaryExpr([op, a](T v) { return static_cast<T>(op(a, v)); });
    } else if constexpr (is_num_v<B>) {
        return a.unaryExpr([op, b](T v) { return static_cast<T>(op(v, b)); });
    } else {
        return a.binaryExpr(b, [op](T u, T v) { return static_cast<T>(op(u, v)); });
    }
}

// ---- lengths ---------------------------------------------------------------------------------

[[noreturn]] inline void throw_length(std::string_view what, Eigen::Index a, Eigen::Index b) {
    throw std::invalid_argument("tapeless: vector lengths differ in " + std::string(what) +
                                ": " + std::to_string(a) + " and " + std::to_string(b) +
                                "; bind vectors of equal length (numbers and scalar "
                                "expressions are broadcast)");
}

[[noreturn]] inline void throw_shape(std::string_view what, Eigen::Index n) {
    throw std::invalid_argument("tapeless: " + std::string(what) + " of a vector of length " +
                                std::to_string(n) + " is out of range");
}

// ---- regions: the element-wise operand of a reduction, evaluated chunk by chunk --------------
//
// A reduction (sum, dot, squared_norm, log_sum_exp) and the element-wise nodes below it form a
// region. Its nodes are never stored whole: the region runs over its length in chunks of
// `chunk_size<T>` entries, evaluating every unique element-wise node of the chunk into a
// small buffer on the stack (Eigen's vectorised operations over the chunk), adding the chunk
// to the reduction, and, for grad, sweeping the chunk's adjoints back at once with the
// reduction's local derivative as the seed (1 for sum, 2 e for squared_norm, the other
// operand for dot, exp(e - max) for log_sum_exp). The adjoints that leave the region (into a
// vector variable's gradient, or into a broadcast scalar) are therefore those of the
// reduction's value with unit weight; the scalar sweep later scales them by the reduction's
// adjoint. One pass over the data computes the value and everything grad needs from it.
//
// Views (drop_front, drop_back, segment) cost nothing: they shift the entries read from (and
// the adjoints written to) the vector variables below them, so an entry of a region is a node
// together with the views above it.

/// Entries per chunk: 2 KB per buffer (256 doubles), small enough that the few buffers a
/// region keeps stay in the L1 cache, large enough that every Eigen loop runs many packets.
template <class T>
inline constexpr Eigen::Index chunk_size = static_cast<Eigen::Index>(2048 / sizeof(T));

enum class rkind : unsigned char { scalar_leaf, vector_leaf, view, op };

template <class Key, class Views>
struct rkey {};

template <class Node>
constexpr rkind rkind_of() {
    if constexpr (!is_vector_valued_v<Node>) {
        return rkind::scalar_leaf;
    } else if constexpr (is_vector_var_v<Node>) {
        return rkind::vector_leaf;
    } else if constexpr (kind_of_op<op_of_t<Node>>() == vector_kind::shape) {
        return rkind::view;
    } else {
        return rkind::op;
    }
}

/// A region entry: a node at `Path` below the views `Views`. Scalar subexpressions are leaves
/// keyed as in the scalar schedule (their value is computed there and broadcast).
template <class Node, class Path, class Views>
struct rentry {
    using node = Node;
    using path_type = Path;
    static constexpr rkind kind = rkind_of<Node>();
    using gkey = typename ventry<Node, Path>::key;
    using key = std::conditional_t<kind == rkind::scalar_leaf, gkey, rkey<gkey, Views>>;
    using child_views =
        std::conditional_t<kind == rkind::view, typename append<Views, gkey>::type, Views>;
};

template <class Node, class Path, class Views, class Acc>
struct rcollect {
    using self = rentry<Node, Path, Views>;
    static constexpr bool seen = index_in<typename self::key, Acc>::value != npos;

    template <class A, bool = seen, rkind = self::kind, bool = is_binary_node<Node>::value>
    struct impl {
        using type = std::conditional_t<seen, A, typename append<A, self>::type>;
    };
    template <class A>
    struct impl<A, false, rkind::view, false> {
        using after = typename rcollect<typename child_type<Node, 0>::type,
                                        typename path_push<Path, 0>::type,
                                        typename self::child_views, A>::type;
        using type = typename append<after, self>::type;
    };
    template <class A>
    struct impl<A, false, rkind::op, false> {
        using after = typename rcollect<typename child_type<Node, 0>::type,
                                        typename path_push<Path, 0>::type, Views, A>::type;
        using type = typename append<after, self>::type;
    };
    template <class A>
    struct impl<A, false, rkind::op, true> {
        using after_l = typename rcollect<typename child_type<Node, 0>::type,
                                          typename path_push<Path, 0>::type, Views, A>::type;
        using after_r = typename rcollect<typename child_type<Node, 1>::type,
                                          typename path_push<Path, 1>::type, Views, after_l>::type;
        using type = typename append<after_r, self>::type;
    };
    using type = typename impl<Acc>::type;
};

/// The entries of the region of reduction R at path PR, and its operands' entries.
template <class R, class PR, bool = is_binary_node<R>::value>
struct region_list {
    using child = typename child_type<R, 0>::type;
    using cpath = typename path_push<PR, 0>::type;
    using type = typename rcollect<child, cpath, type_list<>, type_list<>>::type;
    static constexpr std::size_t o0 =
        index_in<typename rentry<child, cpath, type_list<>>::key, type>::value;
    static constexpr std::size_t o1 = npos;
};
template <class R, class PR>
struct region_list<R, PR, true> {
    using lchild = typename child_type<R, 0>::type;
    using rchild = typename child_type<R, 1>::type;
    using lpath = typename path_push<PR, 0>::type;
    using rpath = typename path_push<PR, 1>::type;
    using type = typename rcollect<rchild, rpath, type_list<>,
                                   typename rcollect<lchild, lpath, type_list<>,
                                                     type_list<>>::type>::type;
    static constexpr std::size_t o0 =
        index_in<typename rentry<lchild, lpath, type_list<>>::key, type>::value;
    static constexpr std::size_t o1 =
        index_in<typename rentry<rchild, rpath, type_list<>>::key, type>::value;
};

/// The entries of a vector-valued root, evaluated into a vector.
template <class E>
struct root_list {
    using type = typename rcollect<E, path<>, type_list<>, type_list<>>::type;
    static constexpr std::size_t o0 = type::size - 1;
    static constexpr std::size_t o1 = npos;
};

template <std::size_t N, class P>
struct path_drop;
template <class P>
struct path_drop<0, P> {
    using type = P;
};
template <std::size_t N, std::size_t C, std::size_t... P>
    requires(N > 0)
struct path_drop<N, path<C, P...>> {
    using type = typename path_drop<N - 1, path<P...>>::type;
};
template <class P>
struct path_size;
template <std::size_t... P>
struct path_size<path<P...>> : std::integral_constant<std::size_t, sizeof...(P)> {};

/// How far entry 0 of the node at `path` below `e` is into the vector variable it reads:
/// drop_front<K> adds K, segment(., i, n) adds i.
template <class E>
Eigen::Index offset_below(const E&, path<>) {
    return 0;
}
template <class E, std::size_t C, std::size_t... P>
Eigen::Index offset_below(const E& e, path<C, P...>) {
    if constexpr (is_unary_node<E>::value) {
        using Op = op_of_t<E>;
        Eigen::Index here = 0;
        if constexpr (is_drop_front<Op>::value) {
            here = static_cast<Eigen::Index>(drop_count<Op>::value);
        } else if constexpr (std::is_same_v<Op, ops::segment>) {
            here = e.op.start;
        }
        return here + offset_below(e.arg, path<P...>{});
    } else if constexpr (C == 0) {
        return offset_below(e.lhs, path<P...>{});
    } else {
        return offset_below(e.rhs, path<P...>{});
    }
}

/// What the region's sweep looks like, worked out at compile time: each entry's children,
/// which entry its adjoint lands in (views pass theirs down), the first contribution to
/// each adjoint (it assigns, so no buffer is zeroed), and the stack buffers.
template <std::size_t L>
struct region_meta {
    std::array<rkind, L> kind{};
    std::array<std::size_t, L> c0{}, c1{}, target{}, first_k{}, first_c{}, count{}, vbuf{},
        abuf{};
    std::array<bool, L> active{}, seed_only{}, inlined{}, fused{};
    std::array<std::size_t, L> uses{}, weight{}, chain{};
    // every contribution, in sweep order: from entry ck (L, L + 1: the seeds) through its
    // operand cc into the adjoint of entry ct
    std::array<std::size_t, 2 * L + 2> ck{}, cc{}, ct{};
    std::size_t contributions = 0;
    std::size_t values = 0;
    std::size_t adjoints = 0;
};

template <class RedOp>
inline constexpr bool is_materialize_v = std::is_void_v<RedOp>;

/// The variables differentiated by.
template <class... Vars>
struct var_set {
    template <class N>
    static constexpr bool depends = (depends_on_v<N, Vars> || ... || false);
};

/// One region of one call: `Eng` the engine (values of real type T, differentiated by
/// `Active`), `List` the region_list (or root_list), RedOp the reduction (void: evaluate the
/// vector-valued root), `Path` the reduction's path.
/// `Sq`: every integer power in the region is a square (checked per call): the squares
/// and their derivatives 2 e are then plain Eigen products, with no branch on the exponent.
template <class Eng, class T, class Active, class List, class RedOp, class Path, bool Sq = false>
struct region {
    using LS = typename List::type;
    static constexpr std::size_t L = LS::size;
    static constexpr std::size_t o0 = List::o0;
    static constexpr std::size_t o1 = List::o1;
    static constexpr Eigen::Index B = chunk_size<T>;
    static constexpr auto chunk_entries = static_cast<std::size_t>(B);
    static constexpr std::size_t depth = path_size<Path>::value;
    using map_t = Eigen::Map<array_t<T>>;
    using cmap_t = Eigen::Map<const array_t<T>>;

    template <std::size_t j>
    using entry_t = typename list_element<LS>::template type<j>;
    template <std::size_t j>
    using node_t = typename entry_t<j>::node;

    template <std::size_t j, std::size_t C>
    static constexpr std::size_t child_index() {
        using E = entry_t<j>;
        if constexpr (E::kind == rkind::view || E::kind == rkind::op) {
            if constexpr (C == 0 || is_binary_node<node_t<j>>::value) {
                using CN = typename child_type<node_t<j>, C>::type;
                return index_in<typename rentry<CN, typename path_push<typename E::path_type, C>::type,
                                                typename E::child_views>::key,
                                LS>::value;
            } else {
                return npos;
            }
        } else {
            return npos;
        }
    }

    template <class X, std::size_t i>
    static constexpr bool mentions() {
        if constexpr (is_slot_ref<X>::value) {
            return X::index == i;
        } else if constexpr (is_unary_node<X>::value) {
            return mentions<std::remove_cvref_t<decltype(X::arg)>, i>();
        } else if constexpr (is_binary_node<X>::value) {
            return mentions<std::remove_cvref_t<decltype(X::lhs)>, i>() ||
                   mentions<std::remove_cvref_t<decltype(X::rhs)>, i>();
        } else {
            return false;
        }
    }

    /// For op entry k and operand C: whether its local derivative reads k's value, its first
    /// operand's, its second's.
    template <std::size_t k, std::size_t C>
    static constexpr std::array<bool, 3> partial_reads() {
        using N = node_t<k>;
        if constexpr (entry_t<k>::kind != rkind::op) {
            return {};
        } else if constexpr (is_unary_node<N>::value) {
            if constexpr (C == 0) {
                constexpr std::size_t c0 = child_index<k, 0>();
                using P = std::remove_cvref_t<decltype(std::declval<const op_of_t<N>&>()
                                                           .template partial<0>(
                                                               slot_ref<k>{}, slot_ref<c0>{}))>;
                return {mentions<P, k>(), mentions<P, c0>(), false};
            } else {
                return {};
            }
        } else {
            constexpr std::size_t c0 = child_index<k, 0>();
            constexpr std::size_t c1 = child_index<k, 1>();
            using P = std::remove_cvref_t<decltype(std::declval<const op_of_t<N>&>()
                                                       .template partial<C>(slot_ref<k>{},
                                                                            slot_ref<c0>{},
                                                                            slot_ref<c1>{}))>;
            return {mentions<P, k>(), mentions<P, c0>(), mentions<P, c1>()};
        }
    }

    static constexpr std::array<std::array<std::array<bool, 3>, 2>, L> partial_mentions() {
        std::array<std::array<std::array<bool, 3>, 2>, L> r{};
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            ((r[k][0] = partial_reads<k, 0>(), r[k][1] = partial_reads<k, 1>()), ...);
        }(std::make_index_sequence<L>{});
        return r;
    }

    static constexpr std::array<bool, L> cheap_ops() {
        std::array<bool, L> r{};
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            (
                [&] {
                    if constexpr (entry_t<j>::kind == rkind::op) {
                        using Op = op_of_t<node_t<j>>;
                        r[j] = std::is_same_v<Op, ops::add> || std::is_same_v<Op, ops::sub> ||
                               std::is_same_v<Op, ops::mul> || std::is_same_v<Op, ops::neg> ||
                               std::is_same_v<Op, ops::pow_int>;
                    }
                }(),
                ...);
        }(std::make_index_sequence<L>{});
        return r;
    }

    static constexpr region_meta<L> make_meta() {
        region_meta<L> r{};
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            ((r.kind[j] = entry_t<j>::kind, r.c0[j] = child_index<j, 0>(),
              r.c1[j] = child_index<j, 1>(),
              r.active[j] = !is_materialize_v<RedOp> && Active::template depends<node_t<j>>),
             ...);
        }(std::make_index_sequence<L>{});
        for (std::size_t j = 0; j < L; ++j) {
            r.target[j] = r.kind[j] == rkind::view ? r.target[r.c0[j]] : j;
            r.first_k[j] = npos;
            r.first_c[j] = npos;
        }
        auto contribute = [&](std::size_t k, std::size_t c, std::size_t which) {
            if (!r.active[c]) return;
            const std::size_t t = r.target[c];
            r.ck[r.contributions] = k;
            r.cc[r.contributions] = which;
            r.ct[r.contributions] = t;
            ++r.contributions;
            if (r.count[t]++ == 0) {
                r.first_k[t] = k;
                r.first_c[t] = which;
            }
        };
        if (o0 != npos) contribute(L, o0, 0);
        if (o1 != npos) contribute(L + 1, o1, 0);
        for (std::size_t k = L; k-- > 0;) {
            if (r.kind[k] != rkind::op || !r.active[k]) continue;
            contribute(k, r.c0[k], 0);
            if (r.c1[k] != npos) contribute(k, r.c1[k], 1);
        }
        // An adjoint with one contribution is not stored: it is that contribution, an Eigen
        // expression evaluated where it is used (so a chain of such nodes costs one fused loop
        // per leaf it reaches). Limits: at most 4 re-evaluations of the chain's top and 8
        // links.
        for (std::size_t k = 0; k < L; ++k) {
            if (r.kind[k] != rkind::op || !r.active[k]) continue;
            r.uses[k] = (r.active[r.c0[k]] ? 1U : 0U) +
                        (r.c1[k] != npos && r.active[r.c1[k]] ? 1U : 0U);
        }
        for (std::size_t t = L; t-- > 0;) {
            if (r.kind[t] != rkind::op || !r.active[t] || r.count[t] != 1) continue;
            const std::size_t k = r.first_k[t];
            if (k >= L) {
                r.seed_only[t] = true;
                r.inlined[t] = true;
                r.weight[t] = 1;
                r.chain[t] = 1;
                continue;
            }
            const std::size_t w = r.inlined[k] ? r.weight[k] * r.uses[k] : 1;
            const std::size_t len = r.inlined[k] ? r.chain[k] + 1 : 1;
            if (w <= 4 && len <= 8) {
                r.inlined[t] = true;
                r.weight[t] = w;
                r.chain[t] = len;
            }
        }
        // A value read once (by its parent's computation, and by no derivative) is not stored
        // either: it is fused into the expression that reads it.
        std::array<std::size_t, L> reads{};
        auto vt = [&](std::size_t c) {
            while (r.kind[c] == rkind::view) c = r.c0[c];
            return c;
        };
        if (o0 != npos) ++reads[vt(o0)];
        if (o1 != npos) ++reads[vt(o1)];
        const bool grad = (o0 != npos && r.active[o0]) || (o1 != npos && r.active[o1]);
        if (grad) {
            // the seeds: 2 e for squared_norm, the other operand for dot
            if (std::is_same_v<RedOp, ops::squared_norm>) ++reads[vt(o0)];
            if (std::is_same_v<RedOp, ops::dot>) {
                ++reads[vt(o0)];
                ++reads[vt(o1)];
            }
            constexpr auto mentions = partial_mentions();
            for (std::size_t k = 0; k < L; ++k) {
                if (r.kind[k] != rkind::op || !r.active[k]) continue;
                for (std::size_t c = 0; c < 2; ++c) {
                    const std::size_t child = c == 0 ? r.c0[k] : r.c1[k];
                    if (child == npos || !r.active[child]) continue;
                    if (mentions[k][c][0]) ++reads[k];
                    if (mentions[k][c][1]) ++reads[vt(r.c0[k])];
                    if (mentions[k][c][2]) ++reads[vt(r.c1[k])];
                }
            }
        }
        // Parents before children: a fused value is computed as often as it is read, and
        // each computation reads its operands. Cheap operations (+ - * and integer powers)
        // are recomputed up to 3 times rather than stored: that costs less than the store and
        // the loads of a buffer.
        constexpr auto cheap = cheap_ops();
        for (std::size_t j = L; j-- > 0;) {
            if (r.kind[j] != rkind::op) continue;
            r.fused[j] = reads[j] == 1 || (cheap[j] && reads[j] <= 3);
            const std::size_t evals = r.fused[j] ? reads[j] : 1;
            reads[vt(r.c0[j])] += evals;
            if (r.c1[j] != npos) reads[vt(r.c1[j])] += evals;
        }
        for (std::size_t j = 0; j < L; ++j) {
            if (r.kind[j] == rkind::op && !r.fused[j]) r.vbuf[j] = r.values++;
            if (r.kind[j] == rkind::op && r.active[j] && !r.inlined[j]) r.abuf[j] = r.adjoints++;
        }
        return r;
    }
    static constexpr region_meta<L> M = make_meta();

    explicit region(Eng& e) : eng(e) {}

    Eng& eng;
    std::array<const T*, L> lp{};  // vector leaves: their data, shifted by the views above
    std::array<T*, L> lg{};        // active vector leaves: their unit adjoints, shifted
    std::array<T, L> acc{};        // scalar leaves: their unit adjoints
    Eigen::Index i0 = 0;           // the chunk: entries [i0, i0 + m)
    Eigen::Index m = 0;
    // NOLINTBEGIN(cppcoreguidelines-pro-type-member-init): every entry is written before read
    std::array<std::array<T, chunk_entries>, (M.values > 0 ? M.values : 1)> vb;
    std::array<std::array<T, chunk_entries>, (M.adjoints > 0 ? M.adjoints : 1)> ab;
    std::array<T, chunk_entries> eb;  // log_sum_exp: exp(e - max) of the chunk (or in the unit adjoints)
    T* ep = nullptr;
    // NOLINTEND(cppcoreguidelines-pro-type-member-init)

    template <std::size_t j>
    const auto& node() const {
        return at(eng.root, typename entry_t<j>::path_type{});
    }

    /// Points the vector leaves at their data and (for grad) at the unit adjoints `g(V)`.
    template <class G>
    void bind(G&& g) {
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            (
                [&] {
                    if constexpr (M.kind[j] == rkind::vector_leaf) {
                        using rest = typename path_drop<depth, typename entry_t<j>::path_type>::type;
                        const Eigen::Index off =
                            offset_below(at(eng.root, Path{}), rest{});
                        lp[j] = eng.template data<node_t<j>>() + off;
                        if constexpr (M.active[j]) lg[j] = g(std::type_identity<node_t<j>>{}) + off;
                    }
                }(),
                ...);
        }(std::make_index_sequence<L>{});
    }

    /// Entry j of the chunk: a number (scalar leaf) or a map over the chunk's entries.
    template <std::size_t j>
    auto value() const {
        if constexpr (M.kind[j] == rkind::scalar_leaf) {
            return eng.s[find_slot<typename entry_t<j>::gkey, typename Eng::sched>()];
        } else if constexpr (M.kind[j] == rkind::vector_leaf) {
            return cmap_t(lp[j] + i0, m);
        } else if constexpr (M.kind[j] == rkind::view) {
            return value<M.c0[j]>();
        } else if constexpr (M.fused[j]) {
            return compute<j>();
        } else {
            return cmap_t(vb[M.vbuf[j]].data(), m);
        }
    }

    /// Op entry j computed from its operands: an Eigen expression over the chunk.
    template <std::size_t j>
    auto compute() const {
        if constexpr (Sq && std::is_same_v<op_of_t<node_t<j>>, ops::pow_int>) {
            return value<M.c0[j]>().square();
        } else if constexpr (is_unary_node<node_t<j>>::value) {
            return apply<T>(node<j>().op, value<M.c0[j]>());
        } else {
            return apply<T>(node<j>().op, value<M.c0[j]>(), value<M.c1[j]>());
        }
    }

    template <std::size_t j>
    void forward_entry() {
        if constexpr (M.kind[j] == rkind::op && !M.fused[j]) {
            map_t(vb[M.vbuf[j]].data(), m) = compute<j>();
        }
    }

    void forward_chunk() {
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            (forward_entry<j>(), ...);
        }(std::make_index_sequence<L>{});
    }

    // -- backward over one chunk -------------------------------------------------------------

    /// The reduction's local derivative by operand `S` over the chunk.
    template <std::size_t S>
    auto seed() const {
        if constexpr (std::is_same_v<RedOp, ops::sum>) {
            return T(1);
        } else if constexpr (std::is_same_v<RedOp, ops::squared_norm>) {
            return T(2) * value<o0>();
        } else if constexpr (std::is_same_v<RedOp, ops::dot>) {
            if constexpr (S == 0) {
                return value<o1>();
            } else {
                return value<o0>();
            }
        } else {
            static_assert(std::is_same_v<RedOp, ops::log_sum_exp>);
            return cmap_t(ep, m);
        }
    }

    template <std::size_t k>
    static constexpr bool adjoint_is_one =
        M.seed_only[k] && std::is_same_v<RedOp, ops::sum>;

    template <std::size_t k>
    auto adjoint() const {
        if constexpr (M.seed_only[k]) {
            return seed<M.first_k[k] - L>();
        } else if constexpr (M.inlined[k]) {
            return contribution<M.first_k[k], M.first_c[k]>();
        } else {
            return cmap_t(ab[M.abuf[k]].data(), m);
        }
    }

    /// What entry k passes to its operand C: its adjoint times the local derivative.
    template <std::size_t k, std::size_t C>
    auto contribution() const {
        using N = node_t<k>;
        constexpr std::size_t c0 = M.c0[k];
        if constexpr (Sq && std::is_same_v<op_of_t<N>, ops::pow_int>) {
            if constexpr (adjoint_is_one<k>) {
                return T(2) * value<c0>();
            } else {
                return adjoint<k>() * (T(2) * value<c0>());
            }
        } else {
        const auto partial = [&] {
            if constexpr (is_unary_node<N>::value) {
                return node<k>().op.template partial<0>(slot_ref<k>{}, slot_ref<c0>{});
            } else {
                return node<k>().op.template partial<C>(slot_ref<k>{}, slot_ref<c0>{},
                                                        slot_ref<M.c1[k]>{});
            }
        }();
        using P = std::remove_cvref_t<decltype(partial)>;
        if constexpr (adjoint_is_one<k>) {
            if constexpr (is_constant_of_v<P, 1>) {
                return T(1);
            } else if constexpr (is_constant_of_v<P, -1>) {
                return T(-1);
            } else {
                return local(partial);
            }
        } else if constexpr (is_constant_of_v<P, 1>) {
            return adjoint<k>();
        } else if constexpr (is_constant_of_v<P, -1>) {
            return -adjoint<k>();
        } else {
            return adjoint<k>() * local(partial);
        }
        }
    }

    /// Whether vector variable V is read by exactly one entry of this region, without views
    /// (so every entry of its unit adjoints is written exactly once per call).
    template <class V>
    static constexpr bool sole_var = [] {
        return []<std::size_t... j>(std::index_sequence<j...>) {
            constexpr std::size_t leaves =
                ((entry_t<j>::kind == rkind::vector_leaf && M.active[j] &&
                          std::is_same_v<node_t<j>, V>
                      ? 1U
                      : 0U) +
                 ... + 0U);
            constexpr bool plain =
                ((entry_t<j>::kind == rkind::vector_leaf && M.active[j] &&
                  std::is_same_v<node_t<j>, V> &&
                  std::is_same_v<typename entry_t<j>::key, rkey<V, type_list<>>>) ||
                 ... || false);
            return leaves == 1 && plain;
        }(std::make_index_sequence<L>{});
    }();

    /// Leaf j is the only writer of its variable's unit adjoints: it assigns them.
    template <std::size_t j>
    static constexpr bool sole_leaf = [] {
        if constexpr (entry_t<j>::kind != rkind::vector_leaf || !M.active[j]) {
            return false;
        } else {
            return sole_var<node_t<j>> && Eng::template readers<node_t<j>> == 1;
        }
    }();

    /// log_sum_exp of a vector variable alone: exp(e - max) is written straight into its unit
    /// adjoints, which then need nothing more.
    static constexpr bool lse_direct() {
        if constexpr (std::is_same_v<RedOp, ops::log_sum_exp> &&
                      entry_t<o0>::kind == rkind::vector_leaf) {
            return sole_leaf<o0> && M.count[o0] == 1;
        } else {
            return false;
        }
    }

    /// Zeros the unit adjoints that sole leaves would have written (a reduction that skipped
    /// its sweep: log_sum_exp at +-inf).
    void zero_sole_leaves(Eigen::Index len) {
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            (
                [&] {
                    if constexpr (sole_leaf<j>) map_t(lg[j], len).setZero();
                }(),
                ...);
        }(std::make_index_sequence<L>{});
    }

    static constexpr bool has_pow = [] {
        return []<std::size_t... j>(std::index_sequence<j...>) {
            return ((entry_t<j>::kind == rkind::op &&
                     std::is_same_v<op_of_t<node_t<j>>, ops::pow_int>) ||
                    ... || false);
        }(std::make_index_sequence<L>{});
    }();

    /// Whether every integer power of the region is a square (then region<..., true> runs).
    static bool squares_only(const typename Eng::root_type& root) {
        return [&]<std::size_t... j>(std::index_sequence<j...>) {
            return (
                [&] {
                    if constexpr (entry_t<j>::kind == rkind::op &&
                                  std::is_same_v<op_of_t<node_t<j>>, ops::pow_int>) {
                        return at(root, typename entry_t<j>::path_type{}).op.n == 2;
                    } else {
                        return true;
                    }
                }() &&
                ... && true);
        }(std::make_index_sequence<L>{});
    }

    /// Adds x to the adjoint that the contribution from k (L, L + 1: the seeds) through its
    /// operand `C` lands in; the first one assigns.
    template <std::size_t k, std::size_t C, class X>
    void deliver(const X& x) {
        constexpr std::size_t c = k >= L ? (k == L ? o0 : o1) : (C == 0 ? M.c0[k] : M.c1[k]);
        constexpr std::size_t t = M.target[c];
        constexpr bool first = M.first_k[t] == k && M.first_c[t] == C;
        if constexpr (M.kind[t] == rkind::op) {
            if constexpr (!M.inlined[t]) {
                map_t a(ab[M.abuf[t]].data(), m);
                if constexpr (first && is_num_v<X>) {
                    a.setConstant(x);
                } else if constexpr (first) {
                    a = x;
                } else {
                    a += x;
                }
            }
        }
        // leaves: all their contributions at once, after the sweep (deliver_leaves)
    }

    /// Contribution i of the sweep's list, as an expression.
    template <std::size_t i>
    auto contribution_at() const {
        constexpr std::size_t k = M.ck[i];
        if constexpr (k >= L) {
            return seed<k - L>();
        } else {
            return contribution<k, M.cc[i]>();
        }
    }

    template <std::size_t t>
    static constexpr auto contributions_to() {
        std::array<std::size_t, M.count[t]> r{};
        std::size_t n = 0;
        for (std::size_t i = 0; i < M.contributions; ++i)
            if (M.ct[i] == t) r[n++] = i;
        return r;
    }

    template <std::size_t t, std::size_t... n>
    auto leaf_total(std::index_sequence<n...>) const {
        constexpr auto list = contributions_to<t>();
        return (contribution_at<list[n]>() + ...);
    }

    /// Each leaf's adjoint gets the sum of its contributions in one loop: a vector variable's
    /// unit adjoints at its offset, a broadcast scalar's the sum over the chunk.
    void deliver_leaves() {
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            (
                [&] {
                    if constexpr ((M.kind[j] == rkind::vector_leaf ||
                                   M.kind[j] == rkind::scalar_leaf) &&
                                  M.active[j] && M.count[j] > 0) {
                        if constexpr (lse_direct() && j == o0) return;  // written already
                        const auto total = leaf_total<j>(std::make_index_sequence<M.count[j]>{});
                        if constexpr (M.kind[j] == rkind::vector_leaf) {
                            if constexpr (sole_leaf<j>) {
                                map_t(lg[j] + i0, m) = total;  // not zeroed beforehand
                            } else {
                                map_t(lg[j] + i0, m) += total;
                            }
                        } else if constexpr (is_num_v<decltype(total)>) {
                            acc[j] += total * static_cast<T>(m);
                        } else {
                            acc[j] += total.sum();
                        }
                    }
                }(),
                ...);
        }(std::make_index_sequence<L>{});
    }

    /// The value of a local-derivative expression over the chunk's entries.
    template <class X>
    auto local(const X& x) const {
        if constexpr (is_slot_ref<X>::value) {
            return value<X::index>();
        } else if constexpr (is_constant_v<X>) {
            return static_cast<T>(constant_value(x));
        } else if constexpr (is_unary_node<X>::value) {
            return apply<T>(x.op, local(x.arg));
        } else {
            return apply<T>(x.op, local(x.lhs), local(x.rhs));
        }
    }

    template <std::size_t k, std::size_t C>
    void propagate() {
        constexpr std::size_t c = C == 0 ? M.c0[k] : M.c1[k];
        // stored adjoints only: inlined ones are computed where read, leaves at the end
        if constexpr (M.active[c] && M.kind[M.target[c]] == rkind::op && !M.inlined[M.target[c]]) {
            deliver<k, C>(contribution<k, C>());
        }
    }

    template <std::size_t k>
    void backward_entry() {
        if constexpr (M.kind[k] == rkind::op && M.active[k]) {
            propagate<k, 0>();
            if constexpr (M.c1[k] != npos) propagate<k, 1>();
        }
    }

    void backward_chunk() {
        if constexpr (o0 != npos && M.active[o0] && M.kind[M.target[o0]] == rkind::op)
            deliver<L, 0>(seed<0>());
        if constexpr (o1 != npos && M.active[o1] && M.kind[M.target[o1]] == rkind::op)
            deliver<L + 1, 0>(seed<1>());
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (backward_entry<L - 1 - k>(), ...);
        }(std::make_index_sequence<L>{});
        deliver_leaves();
    }

    // -- the whole region --------------------------------------------------------------------

    template <class Body>
    void chunks(Eigen::Index len, Body body) {
        for (i0 = 0; i0 < len; i0 += B) {
            m = std::min(B, len - i0);
            forward_chunk();
            body();
        }
    }

    /// The reduction over `len` entries; with `grad`, also the unit adjoints of everything
    /// below it (into lg and acc); `scale` receives the factor they still need (1 / sum of
    /// exp for log_sum_exp, else 1).
    T reduce(Eigen::Index len, bool grad, T& scale) {
        scale = T(1);
        if constexpr (std::is_same_v<RedOp, ops::log_sum_exp>) {
            if (len == 0) {
                scale = T(0);
                return -std::numeric_limits<T>::infinity();
            }
            T mx = -std::numeric_limits<T>::infinity();
            chunks(len, [&] {
                const T cm = value<o0>().template maxCoeff<Eigen::PropagateNaN>();
                if (std::isnan(cm)) {
                    mx = cm;  // value and gradient NaN; the rest cannot change that
                    i0 = len;
                } else {
                    mx = std::max(mx, cm);
                }
            });
            if (std::isinf(mx)) {
                // every entry -inf (value -inf), or some +inf (value +inf): gradient 0
                scale = T(0);
                if (grad) zero_sole_leaves(len);
                return mx;
            }
            T total = 0;
            chunks(len, [&] {
                // log_sum_exp(x) of a variable: exp(x - max) is x's unit adjoint itself
                ep = grad && lse_direct() ? lg[o0] + i0 : eb.data();
                map_t e(ep, m);
                e = vexp<T>(value<o0>() - mx);
                total += e.sum();
                if (grad) backward_chunk();
            });
            scale = T(1) / total;
            return mx + std::log(total);
        } else {
            T total = 0;
            chunks(len, [&] {
                if constexpr (std::is_same_v<RedOp, ops::sum>) {
                    total += value<o0>().sum();
                } else if constexpr (std::is_same_v<RedOp, ops::squared_norm>) {
                    total += value<o0>().square().sum();
                } else {
                    static_assert(std::is_same_v<RedOp, ops::dot>);
                    total += (value<o0>() * value<o1>()).sum();
                }
                if (grad) backward_chunk();
            });
            return total;
        }
    }

    /// The vector-valued root into `out` (of length len).
    void materialize(T* out, Eigen::Index len) {
        chunks(len, [&] { map_t(out + i0, m) = value<o0>(); });
    }
};

// ---- one call: lengths, the scalar schedule, the regions -------------------------------------

template <class Op>
inline constexpr bool is_region_op_v =
    kind_of_op<Op>() == vector_kind::reduction && !std::is_same_v<Op, ops::length>;

/// One evaluation (and optionally one adjoint sweep) of root expression E with values of real
/// type T. `Vars` are the variables differentiated by.
template <class T, class E, class Ctx, class... Vars>
struct engine {
    using real = T;
    using root_type = E;
    using sched = schedule_t<E>;
    static constexpr std::size_t K = sched::size;
    static constexpr std::size_t n_vars = sizeof...(Vars);
    using var_list = type_list<ventry<Vars, path<>>...>;  // keyed by the variable's type
    template <std::size_t vi>
    using var_t = typename list_element<type_list<Vars...>>::template type<vi>;

    const E& root;
    const Ctx& ctx;
    std::array<T, K> s{};             // scalar values
    std::array<const T*, K> p{};      // vector variables' data
    std::array<Eigen::Index, K> n{};  // vector lengths
    std::array<T, K> sa{};            // scalar adjoints
    std::array<T, K> rscale{};        // regions: the factor their unit adjoints still need
    std::array<std::array<T*, (n_vars > 0 ? n_vars : 1)>, K> gptr{};  // regions: unit adjoints by var

    template <std::size_t k>
    using info_t = info<sched, k>;
    template <std::size_t k>
    using node_t = typename info_t<k>::node;

    template <std::size_t k>
    static constexpr bool active = var_set<Vars...>::template depends<node_t<k>>;

    template <std::size_t k>
    static constexpr bool is_region = is_region_op_v<op_of_t<node_t<k>>>;

    template <std::size_t k>
    using region_t = region<engine, T, var_set<Vars...>,
                            region_list<node_t<k>, typename info_t<k>::path_type>,
                            op_of_t<node_t<k>>, typename info_t<k>::path_type>;
    template <std::size_t k>
    using region_sq_t = region<engine, T, var_set<Vars...>,
                               region_list<node_t<k>, typename info_t<k>::path_type>,
                               op_of_t<node_t<k>>, typename info_t<k>::path_type, true>;

    /// Region k's scalar-leaf unit adjoints live at racc[racc_base[k] ...].
    static constexpr std::array<std::size_t, K + 1> racc_base = [] {
        std::array<std::size_t, K + 1> b{};
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (
                [&] {
                    std::size_t size = 0;
                    if constexpr (is_region<k>) size = region_t<k>::L;
                    b[k + 1] = b[k] + size;
                }(),
                ...);
        }(std::make_index_sequence<K>{});
        return b;
    }();
    std::array<T, (racc_base[K] > 0 ? racc_base[K] : 1)> racc{};

    template <std::size_t k>
    const auto& node() const {
        return at(root, typename info_t<k>::path_type{});
    }

    template <class V>
    const T* data() const {
        return p[find_slot<V, sched>()];
    }

    /// Whether region k reads vector variable V (its index in Vars: vi).
    template <std::size_t k, std::size_t vi>
    static constexpr bool region_reads = [] {
        if constexpr (!is_region<k>) {
            return false;
        } else {
            using V = typename list_element<type_list<Vars...>>::template type<vi>;
            if constexpr (!is_vector_var_v<V>) {
                return false;
            } else {
                using R = region_t<k>;
                return []<std::size_t... j>(std::index_sequence<j...>) {
                    return ((R::M.kind[j] == rkind::vector_leaf && R::M.active[j] &&
                             std::is_same_v<typename R::template node_t<j>, V>) ||
                            ... || false);
                }(std::make_index_sequence<R::L>{});
            }
        }
    }();

    /// How many regions read vector variable V.
    template <class V>
    static constexpr std::size_t readers = [] {
        constexpr std::size_t vi = index_in<V, var_list>::value;
        return []<std::size_t... k>(std::index_sequence<k...>) {
            return ((region_reads<k, vi> ? 1U : 0U) + ... + 0U);
        }(std::make_index_sequence<K>{});
    }();

    /// Whether region k writes every entry of V's unit adjoints itself (no zeroing needed).
    template <std::size_t k, std::size_t vi>
    static constexpr bool writes_all = [] {
        if constexpr (!region_reads<k, vi>) {
            return false;
        } else {
            return region_t<k>::template sole_var<var_t<vi>> && readers<var_t<vi>> == 1;
        }
    }();

    // -- pass 1: lengths (checked once) ------------------------------------------------------

    template <std::size_t k>
    void shape_step() {
        using N = node_t<k>;
        if constexpr (info_t<k>::is_vec) {
            if constexpr (is_vector_var_v<N>) {
                constexpr std::size_t i = Ctx::template index_of<N::name>;
                if constexpr (i == npos) {
                    // Reached by f(mu = 1.0) without binding the vector variable.
                    static_assert(always_false<N>,
                                  "tapeless: variable not bound; bind every variable of the "
                                  "expression, e.g. f(x = Eigen::VectorXd(...))");
                } else {
                    using Bd = std::remove_cvref_t<decltype(std::get<i>(ctx.bindings))>;
                    if constexpr (!is_vector_binding<Bd>::value) {
                        // Reached by f(x = 2.0) when x is a vector_var and another var<"x">.
                        static_assert(always_false<N>,
                                      "tapeless: a vector_var is bound with a scalar value; "
                                      "bind an Eigen vector to it");
                    } else {
                        using X = typename Bd::value_type;
                        // Reached by x = Eigen::VectorXf beside mu = 1.0 (double).
                        static_assert(std::is_same_v<typename X::Scalar, T>,
                                      "tapeless: the vectors and numbers of one call must have "
                                      "the same real type; cast with .cast<double>()");
                        const auto& v = ctx.template get<i>();
                        p[k] = v.data();
                        n[k] = v.size();
                    }
                }
            } else {
                using Op = op_of_t<N>;
                constexpr std::size_t c0 = info_t<k>::template child<0>;
                if constexpr (kind_of_op<Op>() == vector_kind::shape) {
                    const Eigen::Index len = n[c0];
                    if constexpr (is_drop_front<Op>::value || is_drop_back<Op>::value) {
                        constexpr auto drop = static_cast<Eigen::Index>(drop_count<Op>::value);
                        if (len < drop) throw_shape(Op::name, len);
                        n[k] = len - drop;
                    } else {
                        const auto& op = node<k>().op;
                        if (op.start < 0 || op.count < 0 || op.start + op.count > len)
                            throw_shape("segment(e, " + std::to_string(op.start) + ", " +
                                            std::to_string(op.count) + ")",
                                        len);
                        n[k] = op.count;
                    }
                } else if constexpr (is_unary_node<N>::value) {
                    n[k] = n[c0];
                } else {
                    constexpr std::size_t c1 = info_t<k>::template child<1>;
                    if constexpr (info<sched, c0>::is_vec && info<sched, c1>::is_vec) {
                        if (n[c0] != n[c1]) throw_length(Op::name, n[c0], n[c1]);
                    }
                    n[k] = info<sched, c0>::is_vec ? n[c0] : n[c1];
                }
            }
        } else if constexpr (is_binary_node<N>::value) {
            using Op = op_of_t<N>;
            if constexpr (std::is_same_v<Op, ops::dot>) {
                constexpr std::size_t c0 = info_t<k>::template child<0>;
                constexpr std::size_t c1 = info_t<k>::template child<1>;
                if (n[c0] != n[c1]) throw_length("dot", n[c0], n[c1]);
            }
        }
    }

    // -- forward -----------------------------------------------------------------------------

    template <std::size_t k>
    void forward_step(bool grad) {
        using N = node_t<k>;
        if constexpr (info_t<k>::is_vec) {
            // vector nodes are evaluated chunk by chunk inside the regions that read them
        } else if constexpr (is_var_v<N>) {
            constexpr std::size_t i = Ctx::template index_of<N::name>;
            if constexpr (i == npos) {
                (void)N{}.eval(ctx);  // the usual "variable not bound" error
            } else {
                using V = std::remove_cvref_t<decltype(ctx.template get<i>())>;
                // Reached by mu = Eigen::VectorXd when mu is a var: use a vector_var.
                static_assert(std::is_arithmetic_v<V>,
                              "tapeless: a scalar var of a vector expression is bound to a "
                              "number; declare vector variables with tapeless::vector_var");
                s[k] = static_cast<T>(ctx.template get<i>());
            }
        } else if constexpr (is_constant_v<N>) {
            s[k] = static_cast<T>(constant_value(node<k>()));
        } else {
            using Op = op_of_t<N>;
            constexpr std::size_t c0 = info_t<k>::template child<0>;
            if constexpr (std::is_same_v<Op, ops::length>) {
                s[k] = static_cast<T>(n[c0]);
            } else if constexpr (is_region<k>) {
                if constexpr (region_t<k>::has_pow) {
                    if (region_t<k>::squares_only(root)) {
                        run_region<k, region_sq_t<k>>(grad);
                        return;
                    }
                }
                run_region<k, region_t<k>>(grad);
            } else if constexpr (is_unary_node<N>::value) {
                s[k] = static_cast<T>(node<k>().op(s[c0]));
            } else {
                constexpr std::size_t c1 = info_t<k>::template child<1>;
                s[k] = static_cast<T>(node<k>().op(s[c0], s[c1]));
            }
        }
    }

    template <std::size_t k, class R>
    void run_region(bool grad) {
        R r(*this);
        r.bind([&]<class V>(std::type_identity<V>) {
            return gptr[k][index_in<V, var_list>::value];
        });
        s[k] = r.reduce(n[info_t<k>::template child<0>], grad && active<k>, rscale[k]);
        if (grad && active<k>) std::copy(r.acc.begin(), r.acc.end(), racc.data() + racc_base[k]);
    }

    // -- backward over the scalar schedule ---------------------------------------------------

    /// The value of a local-derivative expression over scalar slots.
    template <class X>
    T local(const X& x) const {
        if constexpr (is_slot_ref<X>::value) {
            return s[X::index];
        } else if constexpr (is_constant_v<X>) {
            return static_cast<T>(constant_value(x));
        } else if constexpr (is_unary_node<X>::value) {
            return static_cast<T>(x.op(local(x.arg)));
        } else {
            return static_cast<T>(x.op(local(x.lhs), local(x.rhs)));
        }
    }

    template <std::size_t k, std::size_t c, class P>
    void propagate(const P& partial) {
        if constexpr (!active<c>) {
            return;
        } else if constexpr (is_constant_of_v<P, 1>) {
            sa[c] += sa[k];
        } else if constexpr (is_constant_of_v<P, -1>) {
            sa[c] -= sa[k];
        } else {
            sa[c] += sa[k] * local(partial);
        }
    }

    template <std::size_t k>
    void backward_step() {
        using N = node_t<k>;
        if constexpr (!active<k> || is_leaf_v<N> || info_t<k>::is_vec) {
            return;
        } else {
            using Op = op_of_t<N>;
            constexpr std::size_t c0 = info_t<k>::template child<0>;
            if constexpr (std::is_same_v<Op, ops::length>) {
                // derivative 0
            } else if constexpr (is_region<k>) {
                // the region's scalar leaves: their unit adjoints, scaled
                using R = region_t<k>;
                const T w = sa[k] * rscale[k];
                [&]<std::size_t... j>(std::index_sequence<j...>) {
                    (
                        [&] {
                            if constexpr (R::M.kind[j] == rkind::scalar_leaf && R::M.active[j]) {
                                constexpr std::size_t g =
                                    find_slot<typename R::template entry_t<j>::gkey, sched>();
                                sa[g] += w * racc[racc_base[k] + j];
                            }
                        }(),
                        ...);
                }(std::make_index_sequence<R::L>{});
            } else if constexpr (is_unary_node<N>::value) {
                propagate<k, c0>(node<k>().op.template partial<0>(slot_ref<k>{}, slot_ref<c0>{}));
            } else {
                constexpr std::size_t c1 = info_t<k>::template child<1>;
                const auto& op = node<k>().op;
                propagate<k, c0>(
                    op.template partial<0>(slot_ref<k>{}, slot_ref<c0>{}, slot_ref<c1>{}));
                propagate<k, c1>(
                    op.template partial<1>(slot_ref<k>{}, slot_ref<c0>{}, slot_ref<c1>{}));
            }
        }
    }

    // -- the call ----------------------------------------------------------------------------


    /// Vector variable vi's gradient, once run_backward is done: the unit adjoints of the
    /// first region that reads it, or zeros (`zeros` of at least its length) if none does.
    std::array<T*, (n_vars > 0 ? n_vars : 1)> out{};

    /// The length of vector variable V as bound.
    template <class V>
    Eigen::Index bound_length() const {
        constexpr std::size_t i = Ctx::template index_of<V::name>;
        // Reached by grad(f, wrt(z), ...) for a vector_var z neither in f nor bound.
        static_assert(i != npos,
                      "tapeless: bind every vector_var named in wrt(...), so that its "
                      "gradient has a length");
        return ctx.template get<i>().size();
    }

    /// Checks lengths and evaluates every node once; with `grad`, the regions also leave their
    /// unit adjoints, in `ws`.
    void run_forward(workspace& ws, bool grad) {
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (shape_step<k>(), ...);
        }(std::make_index_sequence<K>{});
        if (grad) {
            // memory: one array per (region, vector variable it reads), and zeros for the
            // vector variables that no region reads
            std::size_t total = 0;
            each_array([&](T**, std::size_t len, bool) { total += len; },
                       std::make_index_sequence<n_vars>{});
            if (total > 0) ws.reserve(total * sizeof(T));
            T* next = ws.as<T>();
            each_array(
                [&](T** where, std::size_t len, bool written) {
                    *where = next;
                    if (!written) std::fill(next, next + len, T(0));
                    next += len;
                },
                std::make_index_sequence<n_vars>{});
        }
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (forward_step<k>(grad), ...);
        }(std::make_index_sequence<K>{});
    }

    /// The adjoint sweep from the root (a scalar), then each vector variable's gradient:
    /// the sum over the regions that read it of their unit adjoints times their weight.
    void run_backward() {
        sa[K - 1] = T(1);
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (backward_step<K - 1 - k>(), ...);
        }(std::make_index_sequence<K>{});
        combine(std::make_index_sequence<n_vars>{});
    }

private:
    /// fn(&array, length) for every array of the vector variables' unit adjoints.
    template <class Fn, std::size_t... vi>
    void each_array(const Fn& fn, std::index_sequence<vi...>) {
        (var_arrays<vi>(fn, std::make_index_sequence<K>{}), ...);
    }
    template <std::size_t vi, class Fn, std::size_t... k>
    void var_arrays(const Fn& fn, std::index_sequence<k...>) {
        if constexpr (is_vector_var_v<var_t<vi>>) {
            const auto len = static_cast<std::size_t>(bound_length<var_t<vi>>());
            constexpr bool any = (region_reads<k, vi> || ... || false);
            (
                [&] {
                    if constexpr (region_reads<k, vi>) fn(&gptr[k][vi], len, writes_all<k, vi>);
                }(),
                ...);
            if constexpr (!any) fn(&out[vi], len, false);
        }
    }

    template <std::size_t... vi>
    void combine(std::index_sequence<vi...>) {
        (combine_var<vi>(std::make_index_sequence<K>{}), ...);
    }
    template <std::size_t vi, std::size_t... k>
    void combine_var(std::index_sequence<k...>) {
        if constexpr (is_vector_var_v<var_t<vi>>) {
            const Eigen::Index len = bound_length<var_t<vi>>();
            bool first = true;
            (
                [&] {
                    if constexpr (region_reads<k, vi>) {
                        const T w = sa[k] * rscale[k];
                        Eigen::Map<array_t<T>> g(gptr[k][vi], len);
                        if (first) {
                            out[vi] = gptr[k][vi];
                            if (w != T(1)) g *= w;
                            first = false;
                        } else {
                            Eigen::Map<array_t<T>>(out[vi], len) += w * g;
                        }
                    }
                }(),
                ...);
        }
    }
};

}  // namespace tapeless::detail::vec
