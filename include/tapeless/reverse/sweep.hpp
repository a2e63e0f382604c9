// The forward and adjoint sweeps over a compile-time schedule: one slot per unique node, no
// tape, no allocation (for scalar values), no virtual call.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/ops/arithmetic.hpp"
#include "tapeless/ops/elementary.hpp"
#include "tapeless/reverse/schedule.hpp"

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless::detail {

template <std::size_t I, class T>
struct indexed_type {
    using type = T;
};
template <class Seq, class... Es>
struct indexed_types;
template <std::size_t... I, class... Es>
struct indexed_types<std::index_sequence<I...>, Es...> : indexed_type<I, Es>... {};
template <std::size_t I, class T>
indexed_type<I, T> pick(const indexed_type<I, T>*);

/// The K-th type of a list in constant time (std::tuple_element recurses in libstdc++ 12).
template <class List>
struct list_element;
template <class... Es>
struct list_element<type_list<Es...>> {
#if defined(__has_builtin)
#if __has_builtin(__type_pack_element)
#define TAPELESS_HAS_TYPE_PACK_ELEMENT 1
#endif
#endif
#ifdef TAPELESS_HAS_TYPE_PACK_ELEMENT
    template <std::size_t K>
    using type = __type_pack_element<K, Es...>;
#else
    using all = indexed_types<std::index_sequence_for<Es...>, Es...>;
    template <std::size_t K>
    using type = typename decltype(pick<K>(static_cast<const all*>(nullptr)))::type;
#endif
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

/// -x: -0 for +0, as unary minus gives; for a number type with -= but no unary minus, 0 - x.
template <class V>
TAPELESS_FORCE_INLINE constexpr V negated(const V& x) {
    if constexpr (requires { V(-x); }) {
        return V(-x);
    } else {
        V r = zero_like(x);
        r -= x;
        return r;
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

/// The run-time numbers of each root, gathered once per call.
template <class Roots>
struct roots_data;
template <class... Rs>
struct roots_data<std::tuple<Rs...>> {
    using type = std::tuple<std::array<data_real_t<std::remove_cvref_t<Rs>>,
                                       data_count<std::remove_cvref_t<Rs>>::value>...>;
};

template <class Roots, class Out, std::size_t... R>
TAPELESS_FORCE_INLINE constexpr void gather_each_root(const Roots& roots, Out& out,
                                                      std::index_sequence<R...>) {
    (gather_data<0>(std::get<R>(roots), std::get<R>(out)), ...);
}

template <class... Rs>
TAPELESS_FORCE_INLINE constexpr auto gather_roots_data(const std::tuple<Rs...>& roots) {
    typename roots_data<std::tuple<Rs...>>::type out{};
    gather_each_root(roots, out, std::index_sequence_for<Rs...>{});
    return out;
}

// ---- steps: what one slot does, with small types -------------------------------------------
//
// The sweeps run over a list of steps, one per slot: a step names the operation tag, the
// slots it reads and where its run-time data is, but not the node's (large) expression type.
// The functions that execute them are therefore instantiated with short names, which keeps
// compile time and object size linear in the number of slots.

template <class Var, std::size_t Slot>
struct var_step {};
template <class Constant, std::size_t Slot>
struct constant_step {};
template <class T, std::size_t Root, std::size_t Offset, std::size_t Slot>
struct literal_step {};
/// An operation: tag, where its data is, its slot, and its operands' slots. `Active` says,
/// per operand, whether the backward sweep propagates to it.
template <class Op, std::size_t Root, std::size_t Offset, std::size_t Slot, class Children,
          class Active = void>
struct op_step {};

template <std::size_t... C>
using slots = std::index_sequence<C...>;
template <bool... A>
struct active_mask {};

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

template <class Sched, std::size_t k>
struct slot_info {
    using entry_t = typename list_element<Sched>::template type<k>;
    using node = typename entry_t::node;
    static constexpr std::size_t root = entry_t::root;
    static constexpr std::size_t offset = entry_t::offset;

    template <std::size_t C>
    static constexpr std::size_t child =
        find_slot<typename entry<typename child_type<node, C>::type, root,
                                 offset + child_offset<node, C>::value>::key,
                  Sched>();
};

template <class Sched, std::size_t k, class N = typename slot_info<Sched, k>::node>
struct forward_step_of {
    using info = slot_info<Sched, k>;
    using type = std::conditional_t<
        is_var_v<N>, var_step<N, k>,
        std::conditional_t<is_int_constant_v<N>, constant_step<N, k>, void>>;
};
template <class Sched, std::size_t k, class T>
struct forward_step_of<Sched, k, literal<T>> {
    using info = slot_info<Sched, k>;
    using type = literal_step<T, info::root, info::offset, k>;
};
template <class Sched, std::size_t k, class Op, class E>
struct forward_step_of<Sched, k, unary<Op, E>> {
    using info = slot_info<Sched, k>;
    using type = op_step<Op, info::root, info::offset, k, slots<info::template child<0>>>;
};
template <class Sched, std::size_t k, class Op, class L, class R>
struct forward_step_of<Sched, k, binary<Op, L, R>> {
    using info = slot_info<Sched, k>;
    using type = op_step<Op, info::root, info::offset, k,
                         slots<info::template child<0>, info::template child<1>>>;
};

// ---- the slot of an operation on slots -----------------------------------------------------
//
// A local derivative may be a node that the schedule already holds: d sin(a) = cos(a) da, and
// cos(a) is often computed beside sin(a) (the Rodrigues rotation of the BA residual). Each
// slot whose operation carries no run-time data is keyed by its operation and operand slots;
// a local derivative `unary<cos, slot_ref<a>>` with that key reads the slot instead of
// calling cos again (which Clang does not merge: cos may set errno).

template <class Op, std::size_t... C>
struct op_key {};
template <std::size_t k>
struct no_op_key {};

template <class Step, std::size_t k>
struct step_key {
    using type = no_op_key<k>;
};
template <class Op, std::size_t Root, std::size_t Offset, std::size_t k, std::size_t... C>
    requires(op_data_count<Op> == 0)
struct step_key<op_step<Op, Root, Offset, k, slots<C...>>, k> {
    using type = op_key<Op, C...>;
};

template <class Key, std::size_t k>
struct key_entry {};

template <class Sched, class Seq>
struct slot_key_map;
template <class Sched, std::size_t... k>
struct slot_key_map<Sched, std::index_sequence<k...>>
    : key_entry<typename step_key<typename forward_step_of<Sched, k>::type, k>::type, k>... {};

template <class Key, std::size_t k>
constexpr std::size_t pick_key_slot(const key_entry<Key, k>*) {
    return k;
}
template <class Key>
constexpr std::size_t pick_key_slot(const void*) {
    return npos;
}

/// The slot holding local-derivative node X, a function of one slot, or npos (also for an
/// operation with run-time data, which has no key).
template <class Sched, class X>
struct slot_of_node {
    static constexpr std::size_t value = npos;
};
template <class Sched, class Op, std::size_t A>
struct slot_of_node<Sched, unary<Op, slot_ref<A>>> {
    using map = slot_key_map<Sched, std::make_index_sequence<Sched::size>>;
    static constexpr std::size_t value =
        pick_key_slot<op_key<Op, A>>(static_cast<const map*>(nullptr));
};

/// Where the backward step of slot k reads its local derivative when a slot holds it: `any`
/// in the two-pass sweep, `before` (a slot up to k, the ones computed by then) in the
/// interleaved one, npos when none; `negated` when the slot holds minus the derivative.
template <std::size_t Any, std::size_t Before, bool Negated>
struct partial_read {
    static constexpr std::size_t any = Any;
    static constexpr std::size_t before = Before;
    static constexpr bool negated = Negated;
};
using no_partial_read = partial_read<npos, npos, false>;

template <class Sched, std::size_t k, class X>
struct partial_read_of {
    static constexpr std::size_t found = slot_of_node<Sched, X>::value;
    using type = partial_read<found, found != npos && found <= k ? found : npos, false>;
};
template <class Sched, std::size_t k, class Y>
struct partial_read_of<Sched, k, unary<ops::neg, Y>> {
    using inner = typename partial_read_of<Sched, k, Y>::type;
    using type = partial_read<inner::any, inner::before, true>;
};

/// The operations whose local derivative is another function of the same operand (d sin =
/// cos, d cos = -sin, d sinh = cosh, d cosh = sinh), which the schedule may hold. Only their
/// backward steps look it up: deducing the local derivatives of every step costs compile time.
template <class Op>
inline constexpr bool partial_may_be_slot_v =
    std::is_same_v<Op, ops::sin> || std::is_same_v<Op, ops::cos> ||
    std::is_same_v<Op, ops::sinh> || std::is_same_v<Op, ops::cosh>;

/// The operation tag of a backward step whose local derivative is read from a slot.
template <class Op, class Read>
struct op_reading {};

/// The operation of a tag (`base`) and where its local derivative is read (`read`).
template <class Op>
struct op_tag {
    using base = Op;
    using read = no_partial_read;
};
template <class Op, class Read>
struct op_tag<op_reading<Op, Read>> {
    using base = Op;
    using read = Read;
};

/// The tag of the backward step of slot k = Op(slot c).
template <class Sched, std::size_t k, class Op, std::size_t c>
struct backward_op {
    using type = Op;
};
template <class Sched, std::size_t k, class Op, std::size_t c>
    requires partial_may_be_slot_v<Op>
struct backward_op<Sched, k, Op, c> {
    using read = typename partial_read_of<
        Sched, k, decltype(Op{}.template partial<0>(slot_ref<k>{}, slot_ref<c>{}))>::type;
    using type = std::conditional_t<read::any == npos, Op, op_reading<Op, read>>;
};

/// The `Real` of the backward steps: the number type of constants (`real`), and whether every
/// slot is computed when they run (`all_computed`: the two-pass sweep, not the interleaved one).
template <class Real, bool AllComputed>
struct sweep_real {
    using real = Real;
    static constexpr bool all_computed = AllComputed;
};

/// The backward step of slot k for the variables `Vars`: its operation and which operands
/// depend on one of them (void for leaves, which propagate nothing).
template <class Sched, std::size_t k, class VarList, class N = typename slot_info<Sched, k>::node>
struct backward_step_of {
    using type = void;
};
template <class Sched, std::size_t k, class... Vars, class Op, class E>
struct backward_step_of<Sched, k, type_list<Vars...>, unary<Op, E>> {
    using fwd = typename forward_step_of<Sched, k>::type;
    using info = slot_info<Sched, k>;
    using type = op_step<typename backward_op<Sched, k, Op, info::template child<0>>::type,
                         info::root, info::offset, k, slots<info::template child<0>>,
                         active_mask<(depends_on_v<E, Vars> || ...)>>;
};
template <class Sched, std::size_t k, class... Vars, class Op, class L, class R>
struct backward_step_of<Sched, k, type_list<Vars...>, binary<Op, L, R>> {
    using info = slot_info<Sched, k>;
    using type = op_step<Op, info::root, info::offset, k,
                         slots<info::template child<0>, info::template child<1>>,
                         active_mask<(depends_on_v<L, Vars> || ...),
                                     (depends_on_v<R, Vars> || ...)>>;
};

/// The forward steps of a schedule, in chunks of at most 128 (Clang limits a fold
/// expression to 256 operands).
inline constexpr std::size_t step_chunk = 128;

template <class Sched, std::size_t Begin, class Seq, bool Backward, class VarList>
struct chunk_of;
template <class Sched, std::size_t Begin, std::size_t... I, bool Backward, class VarList>
struct chunk_of<Sched, Begin, std::index_sequence<I...>, Backward, VarList> {
    static constexpr std::size_t K = Sched::size;
    using type = std::conditional_t<
        Backward, type_list<typename backward_step_of<Sched, K - 1 - (Begin + I), VarList>::type...>,
        type_list<typename forward_step_of<Sched, Begin + I>::type...>>;
};

template <class Sched, bool Backward, class VarList, class Seq>
struct chunks_impl;
template <class Sched, bool Backward, class VarList, std::size_t... C>
struct chunks_impl<Sched, Backward, VarList, std::index_sequence<C...>> {
    static constexpr std::size_t K = Sched::size;
    using type = type_list<typename chunk_of<
        Sched, C * step_chunk,
        std::make_index_sequence<(C * step_chunk + step_chunk <= K ? step_chunk
                                                                   : K - C * step_chunk)>,
        Backward, VarList>::type...>;
};

/// Forward steps in topological order (Backward = false), or backward steps in reverse
/// order for the variables in VarList, as a list of chunks.
template <class Sched, bool Backward, class VarList = type_list<>>
using step_chunks_t =
    typename chunks_impl<Sched, Backward, VarList,
                         std::make_index_sequence<(Sched::size + step_chunk - 1) /
                                                  step_chunk>>::type;

/// The context a local-derivative expression is evaluated in: constants become `Real`.
template <class Real>
struct real_context {
    using real = Real;
};

/// The operation of a step, with its run-time number if it carries one.
template <class Op, std::size_t Root, std::size_t Offset, class Data>
constexpr Op make_op(const Data& data) {
    if constexpr (op_data_count<Op> == 0) {
        return Op{};
    } else {
        return Op::from_data(std::get<Root>(data)[Offset]);
    }
}

// ---- forward steps --------------------------------------------------------------------------

template <class V, std::size_t K, class Ctx, class Data, class Var, std::size_t S>
constexpr void run_step(var_step<Var, S>, std::array<V, K>& val, const Ctx& ctx, const Data&) {
    val[S] = static_cast<V>(Var{}.eval(ctx));
}
template <class V, std::size_t K, class Ctx, class Data, class C, std::size_t S>
constexpr void run_step(constant_step<C, S>, std::array<V, K>& val, const Ctx& ctx,
                        const Data&) {
    val[S] = static_cast<V>(C{}.eval(ctx));
}
template <class V, std::size_t K, class Ctx, class Data, class T, std::size_t Root,
          std::size_t Offset, std::size_t S>
constexpr void run_step(literal_step<T, Root, Offset, S>, std::array<V, K>& val, const Ctx& ctx,
                        const Data& data) {
    val[S] = static_cast<V>(literal<T>{static_cast<T>(std::get<Root>(data)[Offset])}.eval(ctx));
}
template <class V, std::size_t K, class Ctx, class Data, class Op, std::size_t Root,
          std::size_t Offset, std::size_t S, std::size_t... C>
constexpr void run_step(op_step<Op, Root, Offset, S, slots<C...>>, std::array<V, K>& val,
                        const Ctx&, const Data& data) {
    val[S] = static_cast<V>(make_op<Op, Root, Offset>(data)(val[C]...));
}

template <class V, std::size_t K, class Ctx, class Data, class... Steps>
TAPELESS_FORCE_INLINE constexpr void run_chunk(type_list<Steps...>, std::array<V, K>& val, const Ctx& ctx,
                         const Data& data) {
    (run_step(Steps{}, val, ctx, data), ...);
}

template <class V, std::size_t K, class Ctx, class Data, class... Chunks>
TAPELESS_FORCE_INLINE constexpr void run_forward(type_list<Chunks...>, std::array<V, K>& val, const Ctx& ctx,
                           const Data& data) {
    (run_chunk(Chunks{}, val, ctx, data), ...);
}

// ---- backward steps -------------------------------------------------------------------------

/// A local derivative that the backward step has computed itself (division's).
template <class V>
struct given_partial {
    V v;
};
template <class X>
inline constexpr bool is_given_partial_v = false;
template <class V>
inline constexpr bool is_given_partial_v<given_partial<V>> = true;

/// The value of a local-derivative expression whose operands are slots.
template <class Real, class X, class V, std::size_t K>
constexpr V slot_eval(const X& x, const std::array<V, K>& val) {
    if constexpr (is_given_partial_v<X>) {
        return x.v;
    } else if constexpr (is_slot_ref<X>::value) {
        return val[X::index];
    } else if constexpr (is_constant_v<X>) {
        return static_cast<V>(x.eval(real_context<Real>{}));
    } else if constexpr (is_unary_node<X>::value) {
        return static_cast<V>(x.op(slot_eval<Real>(x.arg, val)));
    } else {
        return static_cast<V>(x.op(slot_eval<Real>(x.lhs, val), slot_eval<Real>(x.rhs, val)));
    }
}

/// The operands a backward step writes to: their slots, and whether each is active.
template <class Step>
struct step_edges {
    static constexpr std::array<std::size_t, 2> child{npos, npos};
};
template <class Op, std::size_t Root, std::size_t Offset, std::size_t S, std::size_t C0, bool A0>
struct step_edges<op_step<Op, Root, Offset, S, slots<C0>, active_mask<A0>>> {
    static constexpr std::array<std::size_t, 2> child{A0 ? C0 : npos, npos};
};
template <class Op, std::size_t Root, std::size_t Offset, std::size_t S, std::size_t C0,
          std::size_t C1, bool A0, bool A1>
struct step_edges<op_step<Op, Root, Offset, S, slots<C0, C1>, active_mask<A0, A1>>> {
    static constexpr std::array<std::size_t, 2> child{A0 ? C0 : npos, A1 ? C1 : npos};
};

/// What the adjoint sweep of one root does, decided at compile time:
/// - `reach[k]`: slot k lies below the root (through active operands), so its step runs; the
///   steps of other roots' slots are skipped (no work, and no 0 * inf from a slot that the
///   root does not reach);
/// - `first[c]`: the step that writes slot c's adjoint first (the highest reached slot that
///   has c as an active operand), or npos. That step assigns, the later ones add, so adjoints
///   need no initial zero and the array is never filled.
/// - `flip[c]`: slot c's adjoint is kept negated. It is chosen so that the first contribution
///   assigns without a negation: in `a - b` the adjoint of b is minus that of the difference,
///   and b's own contributions then subtract instead of negating first (`-x * p + y` is
///   `y - x * p` exactly, signed zeros included). Only slots with a single contribution flip
///   (so the stored number is exactly minus the adjoint); variables and the root never do.
/// - `fixed[c]`: slot c's adjoint is the seed times literals and constants only (one chain of
///   single contributions through sums, differences, negations and products with a literal
///   or a constant), so it depends on no value: 100 for pow(a, 2) in 100 pow(a, 2) + ...
template <std::size_t K>
struct backward_plan {
    std::array<bool, K> reach{};
    std::array<std::size_t, K> first{};
    std::array<bool, K> flip{};
    std::array<bool, K> fixed{};
};

/// Whether the local derivative of a step by operand 0 / 1 is -1 (decided by the operation,
/// as step_value_free: deducing local derivatives for every step costs compile time).
template <class Step>
struct step_negates {
    static constexpr std::array<bool, 2> edge{false, false};
};
template <std::size_t Root, std::size_t Offset, std::size_t S, class Children, class Active>
struct step_negates<op_step<ops::sub, Root, Offset, S, Children, Active>> {
    static constexpr std::array<bool, 2> edge{false, true};
};
template <std::size_t Root, std::size_t Offset, std::size_t S, class Children, class Active>
struct step_negates<op_step<ops::div, Root, Offset, S, Children, Active>> {
    // d(a / b)/db = -(a/b) (1/b): back_step passes (a/b) (1/b) and the sign.
    static constexpr std::array<bool, 2> edge{false, true};
};
template <std::size_t Root, std::size_t Offset, std::size_t S, class Children, class Active>
struct step_negates<op_step<ops::neg, Root, Offset, S, Children, Active>> {
    static constexpr std::array<bool, 2> edge{true, false};
};

/// Whether a step's local derivative n y^(n-1) (pow) goes through pow_row: rows whose adjoint
/// is fixed scale it first, (adj n) y^(n-1), and a negative first contribution takes -n, so
/// that it costs no negation (assign_flips).
template <class Step>
inline constexpr bool step_pow_row = false;
template <std::size_t Root, std::size_t Offset, std::size_t S, class Children, class Active>
inline constexpr bool step_pow_row<op_step<ops::pow_int, Root, Offset, S, Children, Active>> =
    true;
// The step's operation is pow_int itself only while no op_reading wraps it.
static_assert(!partial_may_be_slot_v<ops::pow_int>,
              "tapeless: internal: step_pow_row must see through op_reading");

/// How many contributions each slot receives: its operand edges from the steps that `reach`
/// marks.
template <std::size_t K>
constexpr std::array<std::size_t, K> count_uses(
    const std::array<bool, K>& reach, const std::array<std::array<std::size_t, 2>, K>& children) {
    std::array<std::size_t, K> uses{};
    for (std::size_t i = 0; i < K; ++i)
        if (reach[i])
            for (const std::size_t c : children[i])
                if (c != npos) ++uses[c];
    return uses;
}

/// Fills p.flip from p.first (in either sweep's order) with the fewest negations. A negation
/// is needed where a slot's first contribution has a sign that its flip does not absorb: the
/// local derivative's sign (-1 for `b` in `a - b`) times the flips of both slots. Op slots
/// other than the root may flip; variables (whose adjoints are the partials) may not. The
/// first contributions form a forest (each slot has one first writer, above it), so the
/// fewest negations come from one pass up (cost of each subtree with the slot flipped or
/// not) and one pass down (the choices). Linear in K.
template <std::size_t K>
constexpr void assign_flips(backward_plan<K>& p,
                            const std::array<std::array<std::size_t, 2>, K>& children,
                            const std::array<std::array<bool, 2>, K>& negates,
                            const std::array<bool, K>& is_op, std::size_t root,
                            const std::array<bool, K>& sign_free,
                            const std::array<std::size_t, K>& uses) {
    // Only a slot with one contribution (uses) may flip: -(t1 + t2) and (-t1) + (-t2) differ in
    // the sign of an exact zero, -t1 and t1 do not.
    const auto may_flip = [&](std::size_t i) { return is_op[i] && i != root && uses[i] == 1; };
    // A first contribution from a step in sign_free (pow: the sign goes into its literal n)
    // costs no negation whatever its sign.
    const auto free_first = [&](std::size_t i) { return sign_free[p.first[i]]; };
    const auto sign_of_first = [&](std::size_t i) {
        const std::size_t f = p.first[i];
        return negates[f][children[f][0] == i ? 0 : 1];
    };
    // cost[i][b]: the negations below slot i (its first-writer subtree) when flip[i] == b.
    std::array<std::array<std::size_t, 2>, K> cost{};
    const auto best = [&](std::size_t i, bool parent_flip, bool& flip) {
        const bool sign = sign_of_first(i) != parent_flip;  // negative with flip[i] = false
        const bool free = free_first(i);
        std::size_t c = cost[i][0] + (sign && !free ? 1 : 0);
        flip = false;
        if (may_flip(i) && cost[i][1] + (sign || free ? 0 : 1) < c) {
            c = cost[i][1] + (sign || free ? 0 : 1);
            flip = true;
        }
        return c;
    };
    for (std::size_t i = 0; i < K; ++i) {
        const std::size_t f = p.first[i];
        if (f == npos) continue;
        bool unused = false;
        for (const bool pf : {false, true}) cost[f][pf ? 1 : 0] += best(i, pf, unused);
    }
    for (std::size_t i = K; i-- > 0;) {
        p.flip[i] = false;
        if (p.first[i] != npos) best(i, p.flip[p.first[i]], p.flip[i]);
    }
}

/// How a step's adjoint reaches operand 0 / 1 without reading a value: through a sum,
/// difference or negation (local derivative +-1), or a product whose other operand is slot
/// `other` (a literal or constant there makes the local derivative one).
template <class Step>
struct step_scale {
    static constexpr bool linear = false;
    static constexpr std::array<std::size_t, 2> other{npos, npos};
};
template <class Op, std::size_t Root, std::size_t Offset, std::size_t S, class Children,
          class Active>
    requires(std::is_same_v<Op, ops::add> || std::is_same_v<Op, ops::sub> ||
             std::is_same_v<Op, ops::neg>)
struct step_scale<op_step<Op, Root, Offset, S, Children, Active>> {
    static constexpr bool linear = true;
    static constexpr std::array<std::size_t, 2> other{npos, npos};
};
template <std::size_t Root, std::size_t Offset, std::size_t S, std::size_t C0, std::size_t C1,
          class Active>
struct step_scale<op_step<ops::mul, Root, Offset, S, slots<C0, C1>, Active>> {
    static constexpr bool linear = false;
    static constexpr std::array<std::size_t, 2> other{C1, C0};
};

/// Whether a forward step holds a number known without the bindings.
template <class Step>
inline constexpr bool step_is_number = false;
template <class Constant, std::size_t Slot>
inline constexpr bool step_is_number<constant_step<Constant, Slot>> = true;
template <class T, std::size_t Root, std::size_t Offset, std::size_t Slot>
inline constexpr bool step_is_number<literal_step<T, Root, Offset, Slot>> = true;

/// Fills p.fixed from p.reach and p.first (see backward_plan). Parents come after their
/// operands in the schedule: one pass from the top. Linear in K.
template <std::size_t K>
constexpr void assign_fixed(backward_plan<K>& p,
                            const std::array<std::array<std::size_t, 2>, K>& children,
                            const std::array<bool, K>& linear,
                            const std::array<std::array<std::size_t, 2>, K>& other,
                            const std::array<bool, K>& number, std::size_t root,
                            const std::array<std::size_t, K>& uses) {
    for (std::size_t i = K; i-- > 0;) {
        p.fixed[i] = i == root;
        const std::size_t f = p.first[i];
        if (i == root || f == npos || uses[i] != 1 || !p.fixed[f]) continue;
        const std::size_t o = other[f][children[f][0] == i ? 0 : 1];
        p.fixed[i] = linear[f] || (o != npos && number[o]);
    }
}

template <class Sched, class VarList, std::size_t RootSlot,
          class Seq = std::make_index_sequence<Sched::size>>
struct backward_plan_of;
template <class Sched, class VarList, std::size_t RootSlot, std::size_t... k>
struct backward_plan_of<Sched, VarList, RootSlot, std::index_sequence<k...>> {
    static constexpr std::size_t K = Sched::size;

    static constexpr std::array<std::array<std::size_t, 2>, K> children{
        step_edges<typename backward_step_of<Sched, k, VarList>::type>::child...};

    /// `p` with the first writers `first` (of another order of the steps) and their flips.
    static constexpr backward_plan<K> with_first(backward_plan<K> p,
                                                 const std::array<std::size_t, K>& first) {
        constexpr std::array<std::array<bool, 2>, K> negates{
            step_negates<typename backward_step_of<Sched, k, VarList>::type>::edge...};
        constexpr std::array<bool, K> is_op{
            !std::is_void_v<typename backward_step_of<Sched, k, VarList>::type>...};
        constexpr std::array<bool, K> linear{
            step_scale<typename backward_step_of<Sched, k, VarList>::type>::linear...};
        constexpr std::array<std::array<std::size_t, 2>, K> other{
            step_scale<typename backward_step_of<Sched, k, VarList>::type>::other...};
        constexpr std::array<bool, K> number{
            step_is_number<typename forward_step_of<Sched, k>::type>...};
        p.first = first;
        constexpr std::array<bool, K> sign_free{
            step_pow_row<typename backward_step_of<Sched, k, VarList>::type>...};
        const std::array<std::size_t, K> uses = count_uses(p.reach, children);
        assign_flips(p, children, negates, is_op, RootSlot, sign_free, uses);
        assign_fixed(p, children, linear, other, number, RootSlot, uses);
        return p;
    }

    static constexpr backward_plan<K> make() {
        backward_plan<K> p{};
        for (auto& f : p.first) f = npos;
        p.reach[RootSlot] = true;
        // Operands come before their users in the schedule: one pass from the top.
        for (std::size_t i = K; i-- > 0;) {
            if (!p.reach[i]) continue;
            for (const std::size_t c : children[i]) {
                if (c == npos) continue;
                p.reach[c] = true;
                if (p.first[c] == npos) p.first[c] = i;
            }
        }
        return with_first(p, p.first);
    }
    static constexpr backward_plan<K> value = make();
};

/// The plans of the rows that one adjoint sweep computes together.
template <class... Plans>
struct row_plans {};

template <bool... B>
constexpr bool any_of_bools(std::integer_sequence<bool, B...>) {
    return (B || ...);
}

/// What the rows swept together do at one step, as small compile-time flags (so that the
/// functions run per step keep short names, not the plans' schedule types): per row, whether
/// it reaches the step, whether its contribution to operand 0 / operand 1 is the first, and
/// whether the step's slot and operand 0 / 1 differ in `flip`.
template <class Reach, class First0, class First1, class Flip0, class Flip1, class Fixed>
struct row_flags {};
template <bool... B>
using bools = std::integer_sequence<bool, B...>;
template <bool... B>
constexpr bools<!B...> not_bools(bools<B...>) {
    return {};
}

template <class Rows, class Step>
struct row_flags_of {
    using type = void;  // a leaf: nothing to propagate
};
template <class... Plans, class Op, std::size_t Root, std::size_t Offset, std::size_t S,
          std::size_t C0, bool A0>
struct row_flags_of<row_plans<Plans...>,
                    op_step<Op, Root, Offset, S, slots<C0>, active_mask<A0>>> {
    using type = row_flags<bools<Plans::value.reach[S]...>,
                           bools<(Plans::value.first[C0] == S)...>,
                           bools<!std::is_same_v<Plans, Plans>...>,
                           bools<(Plans::value.flip[S] != Plans::value.flip[C0])...>,
                           bools<!std::is_same_v<Plans, Plans>...>,
                           bools<Plans::value.fixed[S]...>>;
};
template <class... Plans, class Op, std::size_t Root, std::size_t Offset, std::size_t S,
          std::size_t C0, std::size_t C1, bool A0, bool A1>
struct row_flags_of<row_plans<Plans...>,
                    op_step<Op, Root, Offset, S, slots<C0, C1>, active_mask<A0, A1>>> {
    // e * e: both operands are one slot, which the first operand has written.
    using type = row_flags<bools<Plans::value.reach[S]...>,
                           bools<(Plans::value.first[C0] == S)...>,
                           bools<(Plans::value.first[C1] == S && !(A0 && C0 == C1))...>,
                           bools<(Plans::value.flip[S] != Plans::value.flip[C0])...>,
                           bools<(Plans::value.flip[S] != Plans::value.flip[C1])...>,
                           bools<Plans::value.fixed[S]...>>;
};

/// Ends GCC's view of `v` as an expression: at expansion to RTL, GCC substitutes each
/// single-use value into its user ("temporary expression replacement"), which moves the
/// computation of a sum's terms next to the sum's last use. An interleaved sweep uses a sum's
/// value only at the end, so the operands of every term stayed live until there and were
/// spilled. An empty asm that takes `v` in a register and gives it back keeps the value
/// where the sweep computes it; it emits no instruction.
template <class V>
TAPELESS_FORCE_INLINE constexpr void keep_in_place(V& v) {
#if defined(__GNUC__) && !defined(__clang__) && \
    (defined(__x86_64__) || defined(__aarch64__)) && !defined(TAPELESS_NO_KEEP_IN_PLACE)
    if constexpr (std::is_same_v<V, double> || std::is_same_v<V, float>) {
        // Not for a value GCC knows (an adjoint 1, a product of literals): it must fold.
        if (!std::is_constant_evaluated() && !__builtin_constant_p(v)) {
            V r = v;  // on a copy: an asm operand in the engine's arrays keeps them in memory
#if defined(__x86_64__)
            asm("" : "+x"(r));
#else
            asm("" : "+w"(r));
#endif
            v = r;
        }
    }
#else
    (void)v;
#endif
}

/// to -= x; `to += -x` for a number type without -= (a type needs the operators that its
/// expressions use; a subtraction of the sweep's own is not one of them).
template <class V, class X>
TAPELESS_FORCE_INLINE constexpr void subtract_from(V& to, const X& x) {
    if constexpr (requires { to -= x; }) {
        to -= x;
    } else {
        to += negated(V(x));
    }
}

/// One row's share of a step: adj[c] (+)= adj[k], or (+)= adj[k] * pv with `Times`, and
/// (-)= with `Minus`. `First`: this is the first contribution to adj[c], which assigns.
template <bool Reach, bool First, bool Minus, bool Times, std::size_t k, std::size_t c, class V,
          std::size_t K, class P>
TAPELESS_FORCE_INLINE constexpr void accumulate_row(std::array<V, K>& adj, const P& pv) {
    if constexpr (Reach) {
        V& to = adj[c];
        const V& from = adj[k];
        if constexpr (First) {
            if constexpr (!Times && !Minus) {
                to = from;
            } else if constexpr (!Times) {
                to = negated(from);
            } else if constexpr (!Minus) {
                to = V(from * pv);
            } else {
                to = negated(V(from * pv));
            }
        } else if constexpr (!Times && !Minus) {
            to += from;
        } else if constexpr (!Times) {
            subtract_from(to, from);
        } else if constexpr (!Minus) {
            to += from * pv;
        } else {
            subtract_from(to, from * pv);
        }
    }
}

/// pow(y, n)'s local derivative n y^(n-1), which a single row multiplies into its adjoint as
/// (adj * n) * y^(n-1), not adj * (n * y^(n-1)): as many operations, but where the adjoint is
/// a number the compiler knows (100 in 100 pow(y, 2)) it folds adj * n, where
/// adj * (y + y) costs an addition more than the hand-written 200 y.
template <class V>
struct scaled_first {
    V n;
    V rest;
};
template <class V>
TAPELESS_FORCE_INLINE constexpr V operator*(const V& from, const scaled_first<V>& p) {
    return V(from * p.n) * p.rest;
}

/// A product `literal * y` (the shape of pow_int's n y^(n-1)).
template <class X>
inline constexpr bool is_literal_times_v = false;
template <class T, class Y>
inline constexpr bool is_literal_times_v<binary<ops::mul, literal<T>, Y>> = true;

/// One row's share of a pow step (see accumulate): the partial n y^(n-1) as the row takes
/// it, with the sign of a negative first contribution moved into n.
template <bool Reach, bool First, bool Minus, bool Fixed, std::size_t k, std::size_t c, class V,
          std::size_t K>
TAPELESS_FORCE_INLINE constexpr void pow_row(std::array<V, K>& adj, const V& n, const V& neg_n,
                                             const V& rest, const V& pv, const V& pvn) {
    constexpr bool neg = First && Minus;
    if constexpr (Fixed) {
        accumulate_row<Reach, First, Minus && !neg, true, k, c>(
            adj, scaled_first<V>{neg ? neg_n : n, rest});
    } else {
        accumulate_row<Reach, First, Minus && !neg, true, k, c>(adj, neg ? pvn : pv);
    }
}

/// adj[c] (+)= adj[k] * p for every row that reaches slot k, with p the local derivative of
/// slot k by its operand c: evaluated once for all the rows (it depends on values only). +1
/// and -1 need no multiplication. `Flip`: per row, whether slots k and c differ in `flip`
/// (their stored adjoints differ in sign), which turns + into -. `ScaleFirst`: the step is
/// pow's (step_pow_row), whose rows go through pow_row.
template <class Real, std::size_t k, std::size_t c, class Read, bool ScaleFirst,
          bool... Reach, bool... First, bool... Flip, bool... Fixed, class Partial, class V,
          std::size_t K, std::size_t M>
TAPELESS_FORCE_INLINE constexpr void accumulate(bools<Reach...>, bools<First...>, bools<Flip...>,
                                                bools<Fixed...>,
                                                std::array<std::array<V, K>, M>& adj,
                                                const std::array<V, K>& val, const Partial& p) {
    [&]<std::size_t... r>(std::index_sequence<r...>) {
        if constexpr (is_constant_of_v<Partial, 1>) {
            (accumulate_row<Reach, First, Flip, false, k, c>(adj[r], 0), ...);
        } else if constexpr (is_constant_of_v<Partial, -1>) {
            (accumulate_row<Reach, First, !Flip, false, k, c>(adj[r], 0), ...);
        } else if constexpr (constexpr std::size_t s =
                                 Real::all_computed ? Read::any : Read::before;
                             s != npos) {
            if constexpr (Read::negated) {
                // Negated once for all the rows (the flips do not count this edge).
                const V pv = negated(val[s]);
                (accumulate_row<Reach, First, Flip, true, k, c>(adj[r], pv), ...);
            } else {
                (accumulate_row<Reach, First, Flip, true, k, c>(adj[r], val[s]), ...);
            }
        } else if constexpr (ScaleFirst && is_literal_times_v<Partial> &&
                             ((Fixed || (First && Flip)) || ...)) {
            // pow's n y^(n-1). Rows whose adjoint is fixed take (adj * n) * y^(n-1); a row
            // whose first contribution is negative takes -n for n, so that the sign goes into
            // the literal (which the compiler knows, or negates off the adjoint's path), not
            // onto the product: -(adj * (n y)) and adj * ((-n) y) are the same number.
            const V n = slot_eval<typename Real::real>(p.lhs, val);
            const V rest = slot_eval<typename Real::real>(p.rhs, val);
            constexpr bool need_pv = ((!Fixed && !(First && Flip)) || ...);
            constexpr bool need_pvn = ((!Fixed && First && Flip) || ...);
            constexpr bool need_neg_n = ((First && Flip) || ...);
            const auto neg_n = [&] {
                if constexpr (need_neg_n) {
                    return V(negated(n));
                } else {
                    return V(n);
                }
            }();
            const auto pv = [&] {
                if constexpr (need_pv) {
                    return V(n * rest);
                } else {
                    return V(rest);  // unused
                }
            }();
            const auto pvn = [&] {
                if constexpr (need_pvn) {
                    return V(neg_n * rest);
                } else {
                    return V(rest);  // unused
                }
            }();
            (pow_row<Reach, First, Flip, Fixed, k, c>(adj[r], n, neg_n, rest, pv, pvn), ...);
        } else {
            const V pv = slot_eval<typename Real::real>(p, val);
            (accumulate_row<Reach, First, Flip, true, k, c>(adj[r], pv), ...);
        }
    }(std::make_index_sequence<M>{});
}

template <class Real, class V, std::size_t K, std::size_t M, class Data>
constexpr void back_step(void*, void*, std::array<std::array<V, K>, M>&, const std::array<V, K>&,
                         const Data&) {}

template <class Real, class V, std::size_t K, std::size_t M, class Data, class Op,
          std::size_t Root, std::size_t Offset, std::size_t S, std::size_t C0, bool A0,
          class Reach, class First0, class First1, class Flip0, class Flip1,
          class Fixed>
TAPELESS_FORCE_INLINE constexpr void back_step(
    op_step<Op, Root, Offset, S, slots<C0>, active_mask<A0>>*,
    row_flags<Reach, First0, First1, Flip0, Flip1, Fixed>*, std::array<std::array<V, K>, M>& adj,
    const std::array<V, K>& val, const Data& data) {
    if constexpr (A0 && any_of_bools(Reach{})) {
        using tag = op_tag<Op>;
        accumulate<Real, S, C0, typename tag::read,
                   step_pow_row<op_step<Op, Root, Offset, S, slots<C0>, active_mask<A0>>>>(
            Reach{}, First0{}, Flip0{}, Fixed{}, adj, val,
            make_op<typename tag::base, Root, Offset>(data).template partial<0>(slot_ref<S>{},
                                                                                slot_ref<C0>{}));
    }
}

template <class Real, class V, std::size_t K, std::size_t M, class Data, class Op,
          std::size_t Root, std::size_t Offset, std::size_t S, std::size_t C0, std::size_t C1,
          bool A0, bool A1, class Reach, class First0, class First1, class Flip0, class Flip1,
          class Fixed>
TAPELESS_FORCE_INLINE constexpr void back_step(
    op_step<Op, Root, Offset, S, slots<C0, C1>, active_mask<A0, A1>>*,
    row_flags<Reach, First0, First1, Flip0, Flip1, Fixed>*, std::array<std::array<V, K>, M>& adj,
    const std::array<V, K>& val, const Data& data) {
    if constexpr (any_of_bools(Reach{}) && std::is_same_v<Op, ops::div>) {
        // d(a / b) = (1/b) da - (a/b) (1/b) db: one division for both operands and all the
        // rows, as hand-written code multiplies by a reciprocal (and as dual numbers do). The
        // minus is the plan's (step_negates): the row subtracts or keeps the adjoint negated.
        const V inv = V(slot_eval<typename Real::real>(constant<1>{}, val) / val[C1]);
        if constexpr (A0) {
            accumulate<Real, S, C0, no_partial_read, false>(Reach{}, First0{}, Flip0{}, Fixed{},
                                                            adj, val, given_partial<V>{inv});
        }
        if constexpr (A1) {
            accumulate<Real, S, C1, no_partial_read, false>(
                Reach{}, First1{}, not_bools(Flip1{}), Fixed{}, adj, val,
                given_partial<V>{V(val[S] * inv)});
        }
    } else if constexpr (any_of_bools(Reach{})) {
        const auto op = make_op<Op, Root, Offset>(data);
        if constexpr (A0) {
            accumulate<Real, S, C0, no_partial_read, false>(
                Reach{}, First0{}, Flip0{}, Fixed{}, adj, val,
                op.template partial<0>(slot_ref<S>{}, slot_ref<C0>{}, slot_ref<C1>{}));
        }
        if constexpr (A1) {
            accumulate<Real, S, C1, no_partial_read, false>(
                Reach{}, First1{}, Flip1{}, Fixed{}, adj, val,
                op.template partial<1>(slot_ref<S>{}, slot_ref<C0>{}, slot_ref<C1>{}));
        }
    }
}

template <class Rows, class Real, class V, std::size_t K, std::size_t M, class Data,
          class... Steps>
TAPELESS_FORCE_INLINE constexpr void back_chunk(type_list<Steps...>,
                                                std::array<std::array<V, K>, M>& adj,
                                                const std::array<V, K>& val, const Data& data) {
    (back_step<Real>(static_cast<Steps*>(nullptr),
                     static_cast<typename row_flags_of<Rows, Steps>::type*>(nullptr), adj, val,
                     data),
     ...);
}

template <class Rows, class Real, class V, std::size_t K, std::size_t M, class Data,
          class... Chunks>
TAPELESS_FORCE_INLINE constexpr void run_backward(type_list<Chunks...>,
                                                  std::array<std::array<V, K>, M>& adj,
                                                  const std::array<V, K>& val, const Data& data) {
    (back_chunk<Rows, Real>(Chunks{}, adj, val, data), ...);
}

// ---- forward and backward steps interleaved ---------------------------------------------------
//
// A backward step can run as soon as its slot's adjoint is final (every step that adds to it
// has run) and the values its local derivatives read are computed. Emitting it then, between
// forward steps, keeps the values it reads live for a short time: in f = t0 + t1 + ... the
// adjoint of each term t_i is known before anything is computed (d(a + b) reads no value), so
// each term's backward steps follow its forward steps, as a hand-written gradient does them.
// All forward values computed first, then all adjoints, kept ~K values live at once, and
// GCC spilled them (Rosenbrock-16: 1.6x the hand-written gradient; 1.3x with GCC's
// pressure-aware scheduling).

/// Whether a backward step reads no value, so that it may run before its slot is computed:
/// d(a + b), d(a - b) and d(-a) are the constants 1 and -1. (Decided by the operation, not by
/// the type of its local derivatives: deducing those for every step cost compile time.)
template <class Step>
inline constexpr bool step_value_free = false;
template <class Op, std::size_t Root, std::size_t Offset, std::size_t S, class Children,
          class Active>
inline constexpr bool step_value_free<op_step<Op, Root, Offset, S, Children, Active>> =
    std::is_same_v<Op, ops::add> || std::is_same_v<Op, ops::sub> || std::is_same_v<Op, ops::neg>;

/// The order of one interleaved sweep of the rows with root slots `RootSlot...`: `events`
/// lists slot k as k (its forward step) and as K + k (its backward step, for every row that
/// reaches it), `first[r][c]` is the backward step that writes row r's adjoint of slot c
/// first in that order (it assigns, the later ones add).
///
/// Forward steps keep the schedule's topological order. After each, every backward step that
/// has become ready runs (depth first): its adjoint is final in every row that reaches it, and
/// it reads no value or its slot is computed (then so are its operands). Linear in K.
template <std::size_t K, std::size_t M>
struct interleaved_order {
    std::array<std::size_t, 2 * K> events{};
    std::size_t count = 0;
    std::array<std::array<std::size_t, K>, M> first{};
};

template <class Sched, class VarList, class RootSlots,
          class Seq = std::make_index_sequence<Sched::size>>
struct interleave_of;
template <class Sched, class VarList, std::size_t... RootSlot, std::size_t... k>
struct interleave_of<Sched, VarList, std::index_sequence<RootSlot...>, std::index_sequence<k...>> {
    static constexpr std::size_t K = Sched::size;
    static constexpr std::size_t M = sizeof...(RootSlot);

    static constexpr interleaved_order<K, M> make() {
        constexpr std::array<std::array<std::size_t, 2>, K> children{
            step_edges<typename backward_step_of<Sched, k, VarList>::type>::child...};
        constexpr std::array<bool, K> is_op{
            !std::is_void_v<typename backward_step_of<Sched, k, VarList>::type>...};
        constexpr std::array<bool, K> free{
            step_value_free<typename backward_step_of<Sched, k, VarList>::type>...};
        constexpr std::array<const backward_plan<K>*, M> plans{
            &backward_plan_of<Sched, VarList, RootSlot>::value...};

        interleaved_order<K, M> o{};
        std::array<bool, K> reach{};
        std::array<std::size_t, K> pending{};  // reached contributions not yet made
        std::array<bool, K> done{};            // forward step run
        for (const auto* p : plans) {
            for (std::size_t i = 0; i < K; ++i) {
                if (!p->reach[i]) continue;
                reach[i] = true;
                for (const std::size_t c : children[i])
                    if (c != npos) ++pending[c];
            }
        }
        for (auto& row : o.first)
            for (auto& f : row) f = npos;

        std::array<std::size_t, K> ready{};  // a stack
        std::size_t top = 0;
        auto may_run = [&](std::size_t s) {
            return reach[s] && is_op[s] && pending[s] == 0 && (free[s] || done[s]);
        };
        for (std::size_t s = 0; s < K; ++s)
            if (free[s] && may_run(s)) ready[top++] = s;
        for (std::size_t next = 0;; ++next) {
            while (top > 0) {
                const std::size_t s = ready[--top];
                o.events[o.count++] = K + s;
                for (std::size_t r = 0; r < M; ++r) {
                    if (!plans[r]->reach[s]) continue;
                    for (const std::size_t c : children[s]) {
                        if (c == npos) continue;
                        if (o.first[r][c] == npos) o.first[r][c] = s;
                        if (--pending[c] == 0 && may_run(c)) ready[top++] = c;
                    }
                }
            }
            if (next == K) break;
            o.events[o.count++] = next;
            done[next] = true;
            if (!free[next] && may_run(next)) ready[top++] = next;
        }
        return o;
    }
    static constexpr interleaved_order<K, M> value = make();
};

/// Row R's plan in an interleaved sweep: its reach, and its first writers in that order.
template <class IL, class Plan, std::size_t R>
struct ordered_plan {
    static constexpr auto value = Plan::with_first(Plan::value, IL::value.first[R]);
};

/// A backward step in the list of events (forward steps are listed as they are).
template <class Step>
struct backward_event {};

template <class Sched, class VarList, class IL, std::size_t E>
struct event_of {
    static constexpr std::size_t K = Sched::size;
    using type = std::conditional_t<
        (E < K), typename forward_step_of<Sched, (E < K ? E : 0)>::type,
        backward_event<typename backward_step_of<Sched, (E < K ? 0 : E - K), VarList>::type>>;
};

template <class Sched, class VarList, class IL, std::size_t Begin, class Seq>
struct event_chunk_of;
template <class Sched, class VarList, class IL, std::size_t Begin, std::size_t... I>
struct event_chunk_of<Sched, VarList, IL, Begin, std::index_sequence<I...>> {
    using type = type_list<typename event_of<Sched, VarList, IL, IL::value.events[Begin + I]>::type...>;
};

template <class Sched, class VarList, class IL, class Seq>
struct event_chunks_impl;
template <class Sched, class VarList, class IL, std::size_t... C>
struct event_chunks_impl<Sched, VarList, IL, std::index_sequence<C...>> {
    static constexpr std::size_t N = IL::value.count;
    using type = type_list<typename event_chunk_of<
        Sched, VarList, IL, C * step_chunk,
        std::make_index_sequence<(C * step_chunk + step_chunk <= N ? step_chunk
                                                                   : N - C * step_chunk)>>::type...>;
};

/// The events of an interleaved sweep, as a list of chunks of at most `step_chunk`.
template <class Sched, class VarList, class IL>
using event_chunks_t =
    typename event_chunks_impl<Sched, VarList, IL,
                               std::make_index_sequence<(IL::value.count + step_chunk - 1) /
                                                        step_chunk>>::type;

/// The row flags of an event: those of its backward step, none for a forward step.
template <class Rows, class Event>
struct event_flags {
    using type = void;
};
template <class Rows, class Step>
struct event_flags<Rows, backward_event<Step>> {
    using type = typename row_flags_of<Rows, Step>::type;
};

// One function per event. A backward event gets the rows' flags as small types, not the
// rows' plans (whose names hold the whole schedule).
template <class Real, class V, std::size_t K, std::size_t M, class Data, class Ctx, class Step>
TAPELESS_FORCE_INLINE constexpr void run_event(Step*, void*, std::array<std::array<V, K>, M>&,
                                               std::array<V, K>& val, const Data& data,
                                               const Ctx* ctx) {
    run_step(Step{}, val, *ctx, data);
}
template <class Real, class V, std::size_t K, std::size_t M, class Data, class Ctx, class Op,
          std::size_t Root, std::size_t Offset, std::size_t S, class Children>
TAPELESS_FORCE_INLINE constexpr void run_event(op_step<Op, Root, Offset, S, Children>*, void*,
                                               std::array<std::array<V, K>, M>&,
                                               std::array<V, K>& val, const Data& data,
                                               const Ctx* ctx) {
    run_step(op_step<Op, Root, Offset, S, Children>{}, val, *ctx, data);
    keep_in_place(val[S]);
}

/// keep_in_place for the adjoints a backward step has written: those of its active operands,
/// in the rows that reach it.
template <bool Reach, bool... A, std::size_t... C, class V, std::size_t K>
TAPELESS_FORCE_INLINE constexpr void keep_row_in_place(std::array<V, K>& adj, slots<C...>) {
    if constexpr (Reach) {
        ((A ? keep_in_place(adj[C]) : void()), ...);
    }
}
template <class V, std::size_t K, std::size_t M, class Op, std::size_t Root, std::size_t Offset,
          std::size_t S, std::size_t... C, bool... A, bool... Reach, class... Other>
TAPELESS_FORCE_INLINE constexpr void keep_adjoints_in_place(
    op_step<Op, Root, Offset, S, slots<C...>, active_mask<A...>>*,
    row_flags<bools<Reach...>, Other...>*, std::array<std::array<V, K>, M>& adj) {
    [&]<std::size_t... r>(std::index_sequence<r...>) {
        (keep_row_in_place<Reach, A...>(adj[r], slots<C...>{}), ...);
    }(std::make_index_sequence<M>{});
}

template <class Real, class V, std::size_t K, std::size_t M, class Data, class Ctx, class Step,
          class Flags>
TAPELESS_FORCE_INLINE constexpr void run_event(backward_event<Step>*, Flags* flags,
                                               std::array<std::array<V, K>, M>& adj,
                                               std::array<V, K>& val, const Data& data,
                                               const Ctx*) {
    back_step<Real>(static_cast<Step*>(nullptr), flags, adj, val, data);
    keep_adjoints_in_place(static_cast<Step*>(nullptr), flags, adj);
}

template <class Rows, class Real, class V, std::size_t K, std::size_t M, class Ctx, class Data,
          class... Events>
TAPELESS_FORCE_INLINE constexpr void run_event_chunk(type_list<Events...>,
                                                     std::array<std::array<V, K>, M>& adj,
                                                     std::array<V, K>& val, const Ctx& ctx,
                                                     const Data& data) {
    (run_event<Real>(static_cast<Events*>(nullptr),
                     static_cast<typename event_flags<Rows, Events>::type*>(nullptr), adj, val,
                     data, &ctx),
     ...);
}

template <class Rows, class Real, class V, std::size_t K, std::size_t M, class Ctx, class Data,
          class... Chunks>
TAPELESS_FORCE_INLINE constexpr void run_interleaved(type_list<Chunks...>,
                                                     std::array<std::array<V, K>, M>& adj,
                                                     std::array<V, K>& val, const Ctx& ctx,
                                                     const Data& data) {
    (run_event_chunk<Rows, Real>(Chunks{}, adj, val, ctx, data), ...);
}

/// Whether `grad` interleaves its sweeps: for floating-point slots, whose values the
/// compiler keeps in registers. Batch lanes (Eigen arrays of 16 points) are loops over memory
/// either way; through the interleaved path the batch gradient of f over 10^6 points took
/// GCC 3.6-4.0 ms instead of 2.9-3.0 ms.
template <class V>
inline constexpr bool interleaves_sweeps = std::is_floating_point_v<V>;

/// The number of rows swept together: as many as fit in 32 KB of adjoints, at least one (also
/// for M = 0, `hessian(e, wrt(), ...)`, which then sweeps nothing).
template <class V, std::size_t K, std::size_t M>
inline constexpr std::size_t rows_per_sweep = [] {
    const std::size_t fit = 32768 / (K * sizeof(V));
    return fit == 0 || M == 0 ? 1 : (fit < M ? fit : M);
}();

/// One evaluation of a schedule `Sched` over the roots `Roots` (a std::tuple of
/// expressions) with slot type `V`: `forward()` fills every slot once, `store_rows(...)` hands
/// the partials of the given roots to the caller (`forward_store_rows` does both, interleaved).
template <class V, class Sched, class Roots, class Ctx>
struct engine {
    static constexpr std::size_t K = Sched::size;
    using value_type = V;
    using data_t = typename roots_data<Roots>::type;

    const Ctx& ctx;
    data_t data;
    // Not value-initialised: the forward sweep writes every slot before it is read.
    std::array<V, K> val;

    constexpr engine(const Ctx& c, data_t d) : ctx(c), data(std::move(d)) {}

    /// The slot of root R.
    template <std::size_t R>
    static constexpr std::size_t root_slot =
        find_slot<typename entry<std::remove_cvref_t<std::tuple_element_t<R, Roots>>, R,
                                 0>::key,
                  Sched>();

    /// Evaluates every unique node once, in topological order.
    TAPELESS_FORCE_INLINE constexpr void forward() {
        run_forward(step_chunks_t<Sched, false>{}, val, ctx, data);
    }

    /// d root_R / d V for each variable and each R of `Rs` (one row per root): one adjoint
    /// sweep in reverse topological order over the slots below the roots, through the operands
    /// that depend on one of `Vars`. A local derivative that several rows need is evaluated
    /// once for all of them. A variable that a row does not reach has partial 0. Calls
    /// `store(m, c, partial)` for row m (the m-th of `R`) and variable c, both as
    /// `std::integral_constant`, so that callers write the partials where they are kept.
    template <std::size_t... R, class... Vars, class Store>
    TAPELESS_FORCE_INLINE constexpr void store_rows(std::index_sequence<R...>, type_list<Vars...>,
                                                    Store&& store) const {
        constexpr std::size_t M = sizeof...(R);
        using vars = type_list<Vars...>;
        using plans = row_plans<backward_plan_of<Sched, vars, root_slot<R>>...>;
        // Each adjoint is assigned by its first contribution (plan::value.first) before any
        // read, so the arrays are not filled first.
        std::array<std::array<V, K>, M> adj;
        std::size_t m = 0;
        ((adj[m++][root_slot<R>] = one_like(val[root_slot<R>])), ...);
        run_backward<plans, sweep_real<typename Ctx::real, true>>(
            step_chunks_t<Sched, true, vars>{}, adj, val, data);
        [&]<std::size_t... i>(std::index_sequence<i...>) TAPELESS_LAMBDA_INLINE {
            (store_partials<R, i, backward_plan_of<Sched, vars, root_slot<R>>, Vars...>(adj[i],
                                                                                      store),
             ...);
        }(std::make_index_sequence<M>{});
    }

    /// forward() and then store_rows(...), interleaved (see interleave_of): each backward
    /// step runs as soon as it can. The results are those of the two calls, bit for bit, when
    /// every adjoint has at most two contributions (a sum of more is added in another order).
    /// For the slot types of `interleaves_sweeps`; the caller decides (reverse_gradient).
    template <std::size_t... R, class... Vars, class Store>
    TAPELESS_FORCE_INLINE constexpr void forward_store_rows(std::index_sequence<R...> rows,
                                                            type_list<Vars...> vs, Store&& store) {
        static_assert(interleaves_sweeps<V>,
                      "tapeless: internal: forward_store_rows is for floating-point slots");
        interleaved_rows(rows, vs, std::make_index_sequence<sizeof...(R)>{}, store);
    }

private:
    template <std::size_t... R, class... Vars, std::size_t... m, class Store>
    TAPELESS_FORCE_INLINE constexpr void interleaved_rows(std::index_sequence<R...>,
                                                          type_list<Vars...>,
                                                          std::index_sequence<m...>,
                                                          Store& store) {
        constexpr std::size_t M = sizeof...(R);
        using vars = type_list<Vars...>;
        using order = interleave_of<Sched, vars, std::index_sequence<root_slot<R>...>>;
        using plans =
            row_plans<ordered_plan<order, backward_plan_of<Sched, vars, root_slot<R>>, m>...>;
        std::array<std::array<V, K>, M> adj;
        ((adj[m][root_slot<R>] = V(1)), ...);
        run_interleaved<plans, sweep_real<typename Ctx::real, false>>(
            event_chunks_t<Sched, vars, order>{}, adj, val, ctx, data);
        (store_partials<R, m, backward_plan_of<Sched, vars, root_slot<R>>, Vars...>(adj[m],
                                                                                  store),
         ...);
    }

    /// d root_R / d Var from the adjoints of R's sweep (planned by `Plan`).
    template <std::size_t R, class Plan, class Var>
    TAPELESS_FORCE_INLINE constexpr V partial_from(const std::array<V, K>& adj) const {
        constexpr std::size_t i = find_slot<Var, Sched>();
        if constexpr (i == npos ||
                      (i != root_slot<R> && Plan::value.first[i == npos ? 0 : i] == npos)) {
            return zero_like(val[root_slot<R>]);
        } else {
            return adj[i];
        }
    }

    template <std::size_t R, std::size_t Row, class Plan, class... Vars, class Store>
    TAPELESS_FORCE_INLINE constexpr void store_partials(const std::array<V, K>& adj,
                                                        Store& store) const {
        [&]<std::size_t... c>(std::index_sequence<c...>) TAPELESS_LAMBDA_INLINE {
            (store(std::integral_constant<std::size_t, Row>{}, std::integral_constant<std::size_t, c>{},
                   partial_from<R, Plan, Vars>(adj)),
             ...);
        }(std::make_index_sequence<sizeof...(Vars)>{});
    }
};

template <class Roots>
struct schedule_of_tuple;
template <class... Rs>
struct schedule_of_tuple<std::tuple<Rs...>> {
    using type = schedule_t<std::remove_cvref_t<Rs>...>;
};

template <class V, class Roots, class Ctx>
TAPELESS_FORCE_INLINE constexpr auto make_engine(const Roots& roots, const Ctx& ctx) {
    using E = engine<V, typename schedule_of_tuple<Roots>::type, Roots, Ctx>;
    return E{ctx, gather_roots_data(roots)};
}

template <class B>
struct is_scalar_binding : std::false_type {};
template <fixed_string Name, class T>
struct is_scalar_binding<binding<Name, T>>
    : std::bool_constant<!is_numeric_class<T>::value || !requires { T::RowsAtCompileTime; }> {};

/// True when the expressions `Es` are evaluated at the bindings `Bs` by one forward sweep of
/// their schedule: number bindings, each variable bound once, no vector variable. Otherwise
/// `evaluate` walks the tree (arrays, duplicate bindings, vector variables, errors).
template <class... Es, class... Bs>
constexpr bool schedule_evaluates(type_list<Es...>, type_list<Bs...>) {
    return all_of_v<is_scalar_binding<Bs>::value...> && !has_duplicate_binding<Bs...>() &&
           !(contains_vector_v<Es> || ...);
}

template <class E, class... Bs>
TAPELESS_FORCE_INLINE constexpr auto evaluate_node(const E& e, const Bs&... bs) {
    if constexpr (schedule_evaluates(type_list<E>{}, type_list<Bs...>{})) {
        using V = typename slot_of_bindings<Bs...>::type;
        const auto ctx = make_context(bs...);
        const std::tuple<const E&> roots{e};  // by reference: constants of a constexpr e fold
        auto eng = make_engine<V>(roots, ctx);
        eng.forward();
        return eng.val[eng.template root_slot<0>];
    } else {
        return evaluate(e, bs...);
    }
}

}  // namespace tapeless::detail
