// The evaluation and gradient columns of a problem with N inputs (Rosenbrock, log-sum-exp):
// the same columns for every such problem, so that their rows compare.
#pragma once

#include "../problems/lse.hpp"
#include "../problems/rosenbrock.hpp"
#include "bench_common.hpp"

#include <string>
#include <tuple>
#include <utility>

namespace tapeless_bench {

/// A problem of N inputs as the columns see it: its expression and variables, its value and
/// hand-written gradient, and its generic C++ version (for duals, Jets, AutoDiffScalar,
/// adouble).
template <std::size_t N>
struct rosenbrock_problem {
    static constexpr auto expr() { return rosenbrock::expr<N>(); }
    static constexpr const auto& xs = rosenbrock::xs<N>;
    static double value(const double* in) { return rosenbrock::value<N>(in); }
    static double gradient(const double* in, double* g) { return rosenbrock::gradient<N>(in, g); }
    template <class T>
    static T generic(const T* x, std::size_t n) {
        return rosenbrock::generic(x, n);
    }
};

template <std::size_t N>
struct lse_problem {
    static constexpr auto expr() { return lse::expr<N>(); }
    static constexpr const auto& xs = lse::xs<N>;
    static double value(const double* in) { return lse::value<N>(in); }
    static double gradient(const double* in, double* g) { return lse::gradient<N>(in, g); }
    template <class T>
    static T generic(const T* x, std::size_t n) {
        return lse::generic(x, n);
    }
};

/// Registers <p>/eval/<column> and <p>/grad/<column> for problem P at the points `pts`;
/// `tag` is the ADOL-C tape number (distinct per problem).
template <std::size_t N, class P, class Points>
void register_gradient_columns(const std::string& p, const Points& pts, short tag) {
    static constexpr auto e = P::expr();

    // ---- plain evaluation: the denominator of "grad cost / evaluation cost" ----------------
    add_unchecked<N>(p + "/eval/hand", pts, [](const double* in) TAPELESS_BENCH_COLUMN { return P::value(in); });
    add_unchecked<N>(p + "/eval/tapeless", pts, [](const double* in) TAPELESS_BENCH_COLUMN {
        return with_family<"x", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return e(b...); });
    });

    // ---- gradient ----------------------------------------------------------------------------
    auto hand = [](const double* in, double* out) TAPELESS_BENCH_COLUMN { out[0] = P::gradient(in, out + 1); };
    add<N, N + 1>(p + "/grad/hand", pts, hand, hand);
    add<N, N + 1>(p + "/grad/tapeless", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto g = with_family<"x", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::grad(e, b...); });
        out[0] = g.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g.partials()[i];
    }, hand);
    add<N, N + 1>(p + "/grad/tapeless_symbolic", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        static constexpr auto ds = []<std::size_t... I>(std::index_sequence<I...>) {
            return std::tuple{tapeless::d(e, tapeless::get<I>(P::xs))...};
        }(std::make_index_sequence<N>{});
        with_family<"x", N>(in, [&](const auto&... b) TAPELESS_LAMBDA_INLINE {
            out[0] = e(b...);
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                ((out[1 + I] = std::get<I>(ds)(b...)), ...);
            }(std::make_index_sequence<N>{});
            return 0;
        });
    }, hand);
#if TAPELESS_BENCH_HAVE_FORWARD
    add<N, N + 1>(p + "/grad/tapeless_forward", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto g = with_family<"x", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::forward_grad(e, b...); });
        out[0] = g.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g.partials()[i];
    }, hand);
    add<N, N + 1>(p + "/grad/tapeless_dual_fn", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const Eigen::Map<const Eigen::Matrix<double, static_cast<int>(N), 1>> x(in);
        const auto g = tapeless::grad([](const auto& v) { return P::generic(v.data(), N); }, x, out[0]);
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g(static_cast<Eigen::Index>(i));
    }, hand);
#endif
    add<N, N + 1>(p + "/grad/eigen_autodiff", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto x = eigen_seed<N>(in);
        const auto r = P::generic(x.data(), N);
        out[0] = r.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = r.derivatives()(static_cast<Eigen::Index>(i));
    }, hand);
#if TAPELESS_BENCH_HAVE_JET
    add<N, N + 1>(p + "/grad/ceres_jet", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto x = jet_seed<N>(in);
        const auto r = P::generic(x.data(), N);
        out[0] = r.a;
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = r.v(static_cast<Eigen::Index>(i));
    }, hand);
#endif
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { y[0] = P::generic(x, N); };
    add_adolc_gradient<N>(p + "/grad", pts, tag, fn, hand);
#endif
}

template <std::size_t N>
void register_rosenbrock_grad() {
    register_gradient_columns<N, rosenbrock_problem<N>>(
        "rosenbrock" + std::to_string(N), uniform_points<N>(100 + N, -1.5, 1.5),
        static_cast<short>(10 + N));
}

}  // namespace tapeless_bench
