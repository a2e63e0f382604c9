// Evaluation, grad, hessian and jacobian of expressions over batches of points in Eigen arrays.
#pragma once

#include "tapeless/batch/lanes.hpp"
#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/reverse/grad.hpp"
#include "tapeless/reverse/result.hpp"
#include "tapeless/reverse/sweep.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless::detail {

/// Points per chunk. The sweeps keep one lanes value per unique node (and per adjoint), so a
/// chunk of 16 doubles keeps a schedule of ~100 nodes in the L1 cache, and every operation is a
/// fixed-size Eigen expression of 16 values (unrolled SIMD, no size checks).
inline constexpr int batch_lanes = 16;

template <class B>
inline constexpr bool is_array_binding_v =
    is_eigen_dense_v<std::remove_cvref_t<typename B::value_type>>;

template <class V>
constexpr bool batch_value_ok() {
    if constexpr (is_eigen_dense_v<std::remove_cvref_t<V>>) {
        return std::is_floating_point_v<typename std::remove_cvref_t<V>::Scalar>;
    } else {
        return arithmetic<V>;
    }
}

/// A call `f(u = us, v = vs, s = 2.0)`: the arrays are cut into chunks of `batch_lanes`
/// points and every chunk goes through the same compile-time schedule as one point of
/// reverse mode, with `lanes` values; numbers are broadcast. Sizes are checked once.
template <class... Bs>
struct batch_call {
    using T = typename context<Bs...>::real;
    static constexpr int P = batch_lanes;
    using L = batch::lanes<T, P>;

    static_assert(all_of_v<batch_value_ok<typename Bs::value_type>()...>,
                  // Reached by u = Eigen::ArrayXi, an Eigen array of duals, or a dual beside
                  // an array.
                  "tapeless: a batch binds Eigen arrays or vectors of float, double or long "
                  "double, and numbers; cast integer arrays with .cast<double>()");

    /// The first array binding (its shape is the shape of the results).
    static constexpr std::size_t first_array = [] {
        constexpr std::array<bool, sizeof...(Bs)> is_array{is_array_binding_v<Bs>...};
        for (std::size_t i = 0; i < sizeof...(Bs); ++i)
            if (is_array[i]) return i;
        return npos;
    }();
    using first_binding_t = std::tuple_element_t<first_array, std::tuple<Bs...>>;
    using first_t = std::remove_cvref_t<typename first_binding_t::value_type>;

    /// The type of every per-point result: an Eigen array shaped like the first bound array.
    using out_t = Eigen::Array<T, first_t::RowsAtCompileTime, first_t::ColsAtCompileTime>;

    /// The value bound in a chunk: lanes for an array, the number itself otherwise.
    template <class B>
    using chunk_value_t = std::conditional_t<is_array_binding_v<B>, L, typename B::value_type>;
    template <class B>
    using chunk_binding_t = std::conditional_t<is_array_binding_v<B>, binding<B::name, L>, B>;

    /// The common number of points; throws std::invalid_argument naming both sizes when two
    /// bound arrays differ.
    static Eigen::Index checked_size(const Bs&... bs) {
        Eigen::Index n = -1;
        std::string_view first_name;
        (
            [&] {
                if constexpr (is_array_binding_v<Bs>) {
                    const Eigen::Index m = bs.value.size();
                    if (n < 0) {
                        n = m;
                        first_name = Bs::name.view();
                    } else if (m != n) {
                        throw std::invalid_argument(
                            "tapeless: batch sizes differ: " + std::string(first_name) + " has " +
                            std::to_string(n) + " points but " + std::string(Bs::name.view()) +
                            " has " + std::to_string(m) + "; bind arrays of one size (numbers "
                            "are broadcast to every point)");
                    }
                }
            }(),
            ...);
        return n;
    }

    /// Copies points [i, i + count) of every bound array into its lanes; the lanes past the
    /// end repeat the last point (they are computed and dropped, and stay in the domain).
    template <class B>
    static void load(const B& b, chunk_value_t<B>& out, Eigen::Index i, Eigen::Index count) {
        if constexpr (is_array_binding_v<B>) {
            const auto& x = b.value;
            using X = std::remove_cvref_t<decltype(x)>;
            if constexpr (requires { x.data(); } && X::InnerStrideAtCompileTime == 1) {
                const Eigen::Map<const Eigen::Array<typename X::Scalar, Eigen::Dynamic, 1>> m(
                    x.data(), x.size());
                if (count == P) {
                    out.a = m.template segment<P>(i).template cast<T>();
                } else {
                    out.a.head(count) = m.segment(i, count).template cast<T>();
                }
            } else {
                for (Eigen::Index k = 0; k < count; ++k)
                    out.a(k) = static_cast<T>(x.coeff(i + k));
            }
            for (Eigen::Index k = count; k < P; ++k) out.a(k) = out.a(count - 1);
        } else {
            (void)b, (void)out, (void)i, (void)count;
        }
    }

    /// Writes the first `count` lanes to points [i, i + count) of `out`.
    static void store(out_t& out, const L& l, Eigen::Index i, Eigen::Index count) {
        Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>> m(out.data(), out.size());
        if (count == P) {
            m.template segment<P>(i) = l.a;
        } else {
            m.segment(i, count) = l.a.head(count);
        }
    }

    static out_t make_out(const Bs&... bs) {
        const auto& x = std::get<first_array>(std::tie(bs...)).value;
        out_t out(x.rows(), x.cols());
        return out;
    }

    /// Runs `fn(i, count, chunk_bindings...)` for every chunk of points.
    template <class Fn>
    static void for_each_chunk(Eigen::Index n, Fn fn, const Bs&... bs) {
        std::tuple<chunk_value_t<Bs>...> values{chunk_init(bs)...};
        [&]<std::size_t... j>(std::index_sequence<j...>) {
            const std::tuple<chunk_binding_t<Bs>...> chunk{
                chunk_binding<Bs>(bs, std::get<j>(values))...};
            for (Eigen::Index i = 0; i < n; i += P) {
                const Eigen::Index count = std::min<Eigen::Index>(P, n - i);
                (load(bs, std::get<j>(values), i, count), ...);
                std::apply([&](const auto&... cb) { fn(i, count, cb...); }, chunk);
            }
        }(std::index_sequence_for<Bs...>{});
    }

    template <class B>
    static chunk_value_t<B> chunk_init(const B& b) {
        if constexpr (is_array_binding_v<B>) {
            return L();
        } else {
            return b.value;
        }
    }
    template <class B>
    static chunk_binding_t<B> chunk_binding(const B& b, const chunk_value_t<B>& v) {
        if constexpr (is_array_binding_v<B>) {
            return binding<B::name, L>{v};
        } else {
            return b;
        }
    }

    /// e at every point: an evaluated Eigen array (no expression template is returned).
    template <class E>
    static out_t evaluate(const E& e, const Bs&... bs) {
        const Eigen::Index n = checked_size(bs...);
        out_t out = make_out(bs...);
        const std::tuple<const E&> roots{e};  // by reference: constants of a constexpr e fold
        for_each_chunk(
            n,
            [&](Eigen::Index i, Eigen::Index count, const auto&... cb) {
                const auto ctx = make_context(cb...);
                auto eng = make_engine<L>(roots, ctx);
                eng.forward();
                store(out, eng.val[eng.template root_slot<0>], i, count);
            },
            bs...);
        return out;
    }

    /// The value and the partials by Vars at every point: `gb[u]` is an array.
    template <class... Vars, class E>
    static gradient<out_t, Vars...> gradient(wrt_t<Vars...> w, const E& e, const Bs&... bs) {
        const Eigen::Index n = checked_size(bs...);
        out_t value = make_out(bs...);
        std::array<out_t, sizeof...(Vars)> partials;
        for (auto& p : partials) p.resize(value.rows(), value.cols());  // filled chunk by chunk
        for_each_chunk(
            n,
            [&](Eigen::Index i, Eigen::Index count, const auto&... cb) {
                const auto g = reverse_gradient(w, e, cb...);
                store(value, g.value(), i, count);
                for (std::size_t v = 0; v < sizeof...(Vars); ++v)
                    store(partials[v], g.partials()[v], i, count);
            },
            bs...);
        return tapeless::gradient<out_t, Vars...>(std::move(value), std::move(partials));
    }

    template <std::size_t I, class... Vars>
    using var_at_t = std::tuple_element_t<I, std::tuple<Vars...>>;

    // The entries of one chunk's Hessian / Jacobian in row-major order (by index sequences:
    // nested lambdas over two packs crash GCC 12).
    template <class... Vars, class H, std::size_t... ab>
    static std::array<L, sizeof...(ab)> hessian_entries(const H& hc, std::index_sequence<ab...>) {
        constexpr std::size_t m = sizeof...(Vars);
        return {hc(var_at_t<ab / m, Vars...>{}, var_at_t<ab % m, Vars...>{})...};
    }
    template <std::size_t NV, class... Vars, class J, std::size_t... rc>
    static std::array<L, sizeof...(rc)> jacobian_entries(const J& jc, std::index_sequence<rc...>) {
        return {jc(rc / NV, var_at_t<rc % NV, Vars...>{})...};
    }

    /// Value, gradient and Hessian at every point: `hb(a, b)` is an array.
    template <class... Vars, class E>
    static hessian_result<out_t, Vars...> hessian(wrt_t<Vars...> w, const E& e,
                                                  const Bs&... bs) {
        constexpr std::size_t m = sizeof...(Vars);
        const Eigen::Index n = checked_size(bs...);
        out_t value = make_out(bs...);
        std::array<out_t, m> g;
        std::array<out_t, m * m> h;
        for (auto& a : g) a.resize(value.rows(), value.cols());  // filled chunk by chunk
        for (auto& a : h) a.resize(value.rows(), value.cols());
        for_each_chunk(
            n,
            [&](Eigen::Index i, Eigen::Index count, const auto&... cb) {
                const auto hc = reverse_hessian(w, e, cb...);
                store(value, hc.value(), i, count);
                const auto entries =
                    hessian_entries<Vars...>(hc, std::make_index_sequence<m * m>{});
                for (std::size_t a = 0; a < m; ++a) {
                    store(g[a], hc.gradient().partials()[a], i, count);
                    for (std::size_t b = 0; b < m; ++b)
                        store(h[a * m + b], entries[a * m + b], i, count);
                }
            },
            bs...);
        return hessian_result<out_t, Vars...>(
            tapeless::gradient<out_t, Vars...>(std::move(value), std::move(g)), std::move(h));
    }

    /// Values and Jacobian of vec(e1, ..., eM) at every point: `jb(i, a)` is an array.
    template <class... Vars, class... Es>
    static jacobian_result<out_t, sizeof...(Es), Vars...> jacobian(
        wrt_t<Vars...> w, const vector_expression<Es...>& f, const Bs&... bs) {
        constexpr std::size_t m = sizeof...(Es);
        constexpr std::size_t nv = sizeof...(Vars);
        const Eigen::Index n = checked_size(bs...);
        const auto& x = std::get<first_array>(std::tie(bs...)).value;
        std::array<out_t, m> values;
        std::array<out_t, m * nv> j;
        for (auto& a : values) a.resize(x.rows(), x.cols());  // filled chunk by chunk
        for (auto& a : j) a.resize(x.rows(), x.cols());
        for_each_chunk(
            n,
            [&](Eigen::Index i, Eigen::Index count, const auto&... cb) {
                const auto jc = reverse_jacobian(w, f, cb...);
                for (std::size_t r = 0; r < m; ++r) store(values[r], jc.value(r), i, count);
                const auto entries =
                    jacobian_entries<nv, Vars...>(jc, std::make_index_sequence<m * nv>{});
                for (std::size_t k = 0; k < m * nv; ++k) store(j[k], entries[k], i, count);
            },
            bs...);
        return jacobian_result<out_t, m, Vars...>(std::move(values), std::move(j));
    }
};

}  // namespace tapeless::detail
