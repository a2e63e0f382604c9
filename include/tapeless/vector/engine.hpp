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
    return e;
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
        return a.exp();
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

// ---- one call: lengths, values and adjoints --------------------------------------------------

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

/// One evaluation (and optionally one adjoint sweep) of root expression E with slot values
/// of real type T. `Vars` are the variables differentiated by.
template <class T, class E, class Ctx, class... Vars>
struct engine {
    using sched = schedule_t<E>;
    static constexpr std::size_t K = sched::size;
    using map_t = Eigen::Map<array_t<T>>;
    using cmap_t = Eigen::Map<const array_t<T>>;

    const E& root;
    const Ctx& ctx;
    std::array<T, K> s{};             // scalar values
    std::array<T*, K> p{};            // vector values (vector_var data is never written)
    std::array<Eigen::Index, K> n{};  // vector lengths
    std::array<T, K> sa{};            // scalar adjoints
    std::array<T*, K> pa{};           // vector adjoints

    template <std::size_t k>
    using info_t = info<sched, k>;
    template <std::size_t k>
    using node_t = typename info_t<k>::node;

    template <std::size_t k>
    static constexpr bool active = (depends_on_v<node_t<k>, Vars> || ... || false);

    template <std::size_t k>
    const auto& node() const {
        return at(root, typename info_t<k>::path_type{});
    }

    /// Slot k's value: a map over its entries or a number.
    template <std::size_t k>
    auto value() const {
        if constexpr (info_t<k>::is_vec) {
            return cmap_t(p[k], n[k]);
        } else {
            return s[k];
        }
    }

    // -- pass 1: lengths (checked once) and the memory needed --------------------------------

    template <std::size_t k>
    void shape_step(std::size_t& values, std::size_t& adjoints, bool with_adjoints) {
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
                    using B = std::remove_cvref_t<decltype(std::get<i>(ctx.bindings))>;
                    if constexpr (!is_vector_binding<B>::value) {
                        // Reached by f(x = 2.0) when x is a vector_var and another var<"x">.
                        static_assert(always_false<N>,
                                      "tapeless: a vector_var is bound with a scalar value; "
                                      "bind an Eigen vector to it");
                    } else {
                        using X = typename B::value_type;
                        // Reached by x = Eigen::VectorXf beside mu = 1.0 (double).
                        static_assert(std::is_same_v<typename X::Scalar, T>,
                                      "tapeless: the vectors and numbers of one call must have "
                                      "the same real type; cast with .cast<double>()");
                        const auto& v = ctx.template get<i>();
                        p[k] = const_cast<T*>(v.data());
                        n[k] = v.size();
                    }
                }
                if (with_adjoints && active<k>) adjoints += static_cast<std::size_t>(n[k]);
            } else {
                using Op = op_of_t<N>;
                constexpr std::size_t c0 = info_t<k>::template child<0>;
                if constexpr (kind_of_op<Op>() == vector_kind::shape) {
                    const Eigen::Index m = n[c0];
                    if constexpr (is_drop_front<Op>::value || is_drop_back<Op>::value) {
                        constexpr auto drop = static_cast<Eigen::Index>(drop_count<Op>::value);
                        if (m < drop) throw_shape(Op::name, m);
                        n[k] = m - drop;
                    } else {
                        const auto& op = node<k>().op;
                        if (op.start < 0 || op.count < 0 || op.start + op.count > m)
                            throw_shape("segment(e, " + std::to_string(op.start) + ", " +
                                            std::to_string(op.count) + ")",
                                        m);
                        n[k] = op.count;
                    }
                } else if constexpr (is_unary_node<N>::value) {
                    n[k] = n[c0];
                    values += static_cast<std::size_t>(n[k]);
                    if (with_adjoints && active<k>) adjoints += static_cast<std::size_t>(n[k]);
                } else {
                    constexpr std::size_t c1 = info_t<k>::template child<1>;
                    if constexpr (info<sched, c0>::is_vec && info<sched, c1>::is_vec) {
                        if (n[c0] != n[c1]) throw_length(Op::name, n[c0], n[c1]);
                    }
                    n[k] = info<sched, c0>::is_vec ? n[c0] : n[c1];
                    values += static_cast<std::size_t>(n[k]);
                    if (with_adjoints && active<k>) adjoints += static_cast<std::size_t>(n[k]);
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

    /// Pass 2: places values and adjoints in memory; shape operations are views.
    template <std::size_t k>
    void place_step(T*& values, T*& adjoints, bool with_adjoints) {
        using N = node_t<k>;
        if constexpr (info_t<k>::is_vec) {
            using Op = op_of_t<N>;
            if constexpr (kind_of_op<Op>() == vector_kind::shape && !is_vector_var_v<N>) {
                constexpr std::size_t c0 = info_t<k>::template child<0>;
                const Eigen::Index off = [&] {
                    if constexpr (is_drop_front<Op>::value) {
                        return n[c0] - n[k];
                    } else if constexpr (is_drop_back<Op>::value) {
                        return Eigen::Index{0};
                    } else {
                        return node<k>().op.start;
                    }
                }();
                p[k] = p[c0] + off;
                if (with_adjoints && active<k>) pa[k] = pa[c0] + off;
            } else {
                if constexpr (!is_vector_var_v<N>) {
                    p[k] = values;
                    values += n[k];
                }
                if (with_adjoints && active<k>) {
                    pa[k] = adjoints;
                    adjoints += n[k];
                }
            }
        }
    }

    // -- forward ---------------------------------------------------------------------------

    template <std::size_t k>
    void forward_step() {
        using N = node_t<k>;
        if constexpr (is_vector_var_v<N>) {
            // bound in pass 1
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
            if constexpr (kind_of_op<Op>() == vector_kind::shape) {
                // a view, placed in pass 2
            } else if constexpr (kind_of_op<Op>() == vector_kind::reduction) {
                if constexpr (std::is_same_v<Op, ops::sum>) {
                    s[k] = value<c0>().sum();
                } else if constexpr (std::is_same_v<Op, ops::length>) {
                    s[k] = static_cast<T>(n[c0]);
                } else if constexpr (std::is_same_v<Op, ops::squared_norm>) {
                    s[k] = value<c0>().square().sum();
                } else if constexpr (std::is_same_v<Op, ops::dot>) {
                    constexpr std::size_t c1 = info_t<k>::template child<1>;
                    s[k] = value<c0>().matrix().dot(value<c1>().matrix());
                } else {
                    static_assert(std::is_same_v<Op, ops::log_sum_exp>);
                    const auto a = value<c0>();
                    if (a.size() == 0) {
                        s[k] = -std::numeric_limits<T>::infinity();
                    } else {
                        const T m = a.maxCoeff();
                        s[k] = std::isinf(m) ? m : m + std::log((a - m).exp().sum());
                    }
                }
            } else if constexpr (!info_t<k>::is_vec) {
                // all operands scalar
                if constexpr (is_unary_node<N>::value) {
                    s[k] = static_cast<T>(node<k>().op(s[c0]));
                } else {
                    constexpr std::size_t c1 = info_t<k>::template child<1>;
                    s[k] = static_cast<T>(node<k>().op(s[c0], s[c1]));
                }
            } else {
                map_t out(p[k], n[k]);
                if constexpr (std::is_same_v<Op, ops::pow_int>) {
                    const auto a = value<c0>();
                    switch (const int e = node<k>().op.n) {
                        case 0: out.setOnes(); break;
                        case 1: out = a; break;
                        case 2: out = a.square(); break;
                        case 3: out = a.cube(); break;
                        default: out = apply<T>(ops::pow_int{e}, a); break;
                    }
                } else if constexpr (is_unary_node<N>::value) {
                    out = apply<T>(node<k>().op, value<c0>());
                } else {
                    constexpr std::size_t c1 = info_t<k>::template child<1>;
                    out = apply<T>(node<k>().op, value<c0>(), value<c1>());
                }
            }
        }
    }

    // -- backward --------------------------------------------------------------------------

    /// The value of a local-derivative expression over slots.
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

    /// adj[c] += x; a vector contribution to a scalar is summed, a scalar one to a vector
    /// is broadcast.
    template <std::size_t c, class X>
    void accumulate(const X& x) {
        if constexpr (info_t<c>::is_vec) {
            map_t(pa[c], n[c]) += x;
        } else if constexpr (is_num_v<X>) {
            sa[c] += x;
        } else {
            sa[c] += x.sum();
        }
    }

    template <std::size_t k>
    auto adjoint() const {
        if constexpr (info_t<k>::is_vec) {
            return cmap_t(pa[k], n[k]);
        } else {
            return sa[k];
        }
    }

    template <std::size_t k, std::size_t i, std::size_t c, class P>
    void propagate(const P& partial) {
        if constexpr (!active<c>) {
            return;
        } else if constexpr (is_constant_of_v<P, 1>) {
            accumulate<c>(adjoint<k>());
        } else if constexpr (is_constant_of_v<P, -1>) {
            accumulate<c>(-adjoint<k>());
        } else {
            accumulate<c>(adjoint<k>() * local(partial));
        }
    }

    template <std::size_t k>
    void backward_step() {
        using N = node_t<k>;
        if constexpr (!active<k> || is_leaf_v<N>) {
            return;
        } else {
            using Op = op_of_t<N>;
            constexpr std::size_t c0 = info_t<k>::template child<0>;
            if constexpr (kind_of_op<Op>() == vector_kind::shape ||
                          std::is_same_v<Op, ops::length>) {
                // views share their operand's adjoint; length has derivative 0
            } else if constexpr (std::is_same_v<Op, ops::sum>) {
                accumulate<c0>(sa[k]);
            } else if constexpr (std::is_same_v<Op, ops::squared_norm>) {
                accumulate<c0>((2 * sa[k]) * value<c0>());
            } else if constexpr (std::is_same_v<Op, ops::dot>) {
                constexpr std::size_t c1 = info_t<k>::template child<1>;
                if constexpr (active<c0>) accumulate<c0>(sa[k] * value<c1>());
                if constexpr (active<c1>) accumulate<c1>(sa[k] * value<c0>());
            } else if constexpr (std::is_same_v<Op, ops::log_sum_exp>) {
                if (n[c0] > 0 && !std::isinf(s[k]))
                    accumulate<c0>(sa[k] * (value<c0>() - s[k]).exp());
            } else if constexpr (std::is_same_v<Op, ops::pow_int> && info_t<k>::is_vec) {
                if constexpr (active<c0>) {
                    const auto a = value<c0>();
                    const auto g = adjoint<k>();
                    switch (const int e = node<k>().op.n) {
                        case 0: break;
                        case 1: accumulate<c0>(g); break;
                        case 2: accumulate<c0>(T(2) * g * a); break;
                        case 3: accumulate<c0>(T(3) * g * a.square()); break;
                        default:
                            accumulate<c0>(T(e) * g * apply<T>(ops::pow_int{e - 1}, a));
                            break;
                    }
                }
            } else if constexpr (is_unary_node<N>::value) {
                propagate<k, 0, c0>(
                    node<k>().op.template partial<0>(slot_ref<k>{}, slot_ref<c0>{}));
            } else {
                constexpr std::size_t c1 = info_t<k>::template child<1>;
                const auto& op = node<k>().op;
                propagate<k, 0, c0>(
                    op.template partial<0>(slot_ref<k>{}, slot_ref<c0>{}, slot_ref<c1>{}));
                propagate<k, 1, c1>(
                    op.template partial<1>(slot_ref<k>{}, slot_ref<c0>{}, slot_ref<c1>{}));
            }
        }
    }

    // -- the call --------------------------------------------------------------------------

    /// Checks lengths, places the slots in `ws` and evaluates every node once.
    /// `extra` more entries of zeros follow the adjoints; returns where they start.
    T* run_forward(workspace& ws, bool with_adjoints, std::size_t extra = 0) {
        std::size_t values = 0, adjoints = 0;
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (shape_step<k>(values, adjoints, with_adjoints), ...);
        }(std::make_index_sequence<K>{});
        const std::size_t total = values + adjoints + extra;
        if (total > 0) ws.reserve(total * sizeof(T));
        T* v = ws.as<T>();
        T* a = v + values;
        if (with_adjoints) std::fill(a, a + adjoints + extra, T(0));
        T* const rest = a + adjoints;
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (place_step<k>(v, a, with_adjoints), ...);
            (forward_step<k>(), ...);
        }(std::make_index_sequence<K>{});
        return rest;
    }

    /// The adjoint sweep from the root (a scalar) in reverse topological order.
    void run_backward() {
        sa[K - 1] = T(1);
        [&]<std::size_t... k>(std::index_sequence<k...>) {
            (backward_step<K - 1 - k>(), ...);
        }(std::make_index_sequence<K>{});
    }
};

}  // namespace tapeless::detail::vec
