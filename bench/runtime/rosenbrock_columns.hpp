// The Rosenbrock gradient columns for one N, shared by rosenbrock.cpp and rosenbrock64.cpp.
#pragma once

#include "../problems/rosenbrock.hpp"
#include "bench_common.hpp"

#include <string>
#include <tuple>
#include <utility>

namespace tapeless_bench {

namespace rb = tapeless_bench::rosenbrock;

template <std::size_t N>
void register_rosenbrock_grad() {
    static constexpr auto e = rb::expr<N>();
    const std::string p = "rosenbrock" + std::to_string(N);
    const auto pts = uniform_points<N>(100 + N, -1.5, 1.5);

    // ---- plain evaluation: the denominator of "grad cost / evaluation cost" ----------------
    add_unchecked<N>(p + "/eval/hand", pts, [](const double* in) { return rb::value<N>(in); });
    add_unchecked<N>(p + "/eval/tapeless", pts, [](const double* in) {
        return with_family<"x", N>(in, [](const auto&... b) { return e(b...); });
    });

    // ---- gradient ----------------------------------------------------------------------------
    auto hand = [](const double* in, double* out) { out[0] = rb::gradient<N>(in, out + 1); };
    add<N, N + 1>(p + "/grad/hand", pts, hand, hand);
    add<N, N + 1>(p + "/grad/tapeless", pts, [](const double* in, double* out) {
        const auto g = with_family<"x", N>(in, [](const auto&... b) { return tapeless::grad(e, b...); });
        out[0] = g.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g.partials()[i];
    }, hand);
    add<N, N + 1>(p + "/grad/tapeless_symbolic", pts, [](const double* in, double* out) {
        static constexpr auto ds = []<std::size_t... I>(std::index_sequence<I...>) {
            return std::tuple{tapeless::d(e, tapeless::get<I>(rb::xs<N>))...};
        }(std::make_index_sequence<N>{});
        with_family<"x", N>(in, [&](const auto&... b) {
            out[0] = e(b...);
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                ((out[1 + I] = std::get<I>(ds)(b...)), ...);
            }(std::make_index_sequence<N>{});
            return 0;
        });
    }, hand);
#if TAPELESS_BENCH_HAVE_FORWARD
    add<N, N + 1>(p + "/grad/tapeless_forward", pts, [](const double* in, double* out) {
        const auto g = with_family<"x", N>(in, [](const auto&... b) { return tapeless::forward_grad(e, b...); });
        out[0] = g.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g.partials()[i];
    }, hand);
    add<N, N + 1>(p + "/grad/tapeless_dual_fn", pts, [](const double* in, double* out) {
        const Eigen::Map<const Eigen::Matrix<double, static_cast<int>(N), 1>> x(in);
        const auto g = tapeless::grad([](const auto& v) { return rb::generic(v.data(), N); }, x);
        out[0] = rb::value<N>(in);  // grad(fn, point) returns the gradient only
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g(static_cast<Eigen::Index>(i));
    }, hand);
#endif
    add<N, N + 1>(p + "/grad/eigen_autodiff", pts, [](const double* in, double* out) {
        const auto x = eigen_seed<N>(in);
        const auto r = rb::generic(x.data(), N);
        out[0] = r.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = r.derivatives()(static_cast<Eigen::Index>(i));
    }, hand);
#if TAPELESS_BENCH_HAVE_JET
    add<N, N + 1>(p + "/grad/ceres_jet", pts, [](const double* in, double* out) {
        const auto x = jet_seed<N>(in);
        const auto r = rb::generic(x.data(), N);
        out[0] = r.a;
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = r.v(static_cast<Eigen::Index>(i));
    }, hand);
#endif
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { y[0] = rb::generic(x, N); };
    constexpr short tag = static_cast<short>(10 + N);
    add_unchecked<N>(p + "/grad/adolc_tape", pts,
                     [](const double* in) { return adolc_record<N, 1>(tag, in, fn); });
    adolc_record<N, 1>(tag, pts[0].data(), fn);
    add<N, N + 1>(p + "/grad/adolc_sweep", pts, [](const double* in, double* out) {
        ::function(tag, 1, static_cast<int>(N), const_cast<double*>(in), out);
        ::gradient(tag, static_cast<int>(N), const_cast<double*>(in), out + 1);
    }, hand);
#endif
}

}  // namespace tapeless_bench
