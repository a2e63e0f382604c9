// Benchmarks of the Hessian of extended Rosenbrock, N = 2 and 16, beside its gradient (the
// "Hessian cost / gradient cost" figure).
// Names: rosenbrock<N>/hessian/<column>; bench/report.py divides each column by "hand".
#include "../problems/rosenbrock.hpp"
#include "bench_common.hpp"

#include <string>
#include <tuple>
#include <utility>

namespace {

using namespace tapeless_bench;
namespace rb = tapeless_bench::rosenbrock;

template <std::size_t N>
void register_n() {
    static constexpr auto e = rb::expr<N>();
    const std::string p = "rosenbrock" + std::to_string(N);
    const auto pts = uniform_points<N>(200 + N, -1.5, 1.5);
    constexpr std::size_t NN = N * N;

    auto hand = [](const double* in, double* out) { rb::hessian<N>(in, out); };
    add<N, NN>(p + "/hessian/hand", pts, hand, hand);

    // The gradients in the same program, for "Hessian cost / gradient cost" from one run.
    auto hand_grad = [](const double* in, double* out) { out[0] = rb::gradient<N>(in, out + 1); };
    add<N, N + 1>(p + "/hessian/grad_hand", pts, hand_grad, hand_grad);
    add<N, N + 1>(p + "/hessian/grad_tapeless", pts, [](const double* in, double* out) {
        const auto g = with_family<"x", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::grad(e, b...); });
        out[0] = g.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g.partials()[i];
    }, hand_grad);
    add<N, NN>(p + "/hessian/tapeless", pts, [](const double* in, double* out) {
        const auto h = with_family<"x", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::hessian(e, b...); });
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((out[I] = h(tapeless::get<I / N>(rb::xs<N>), tapeless::get<I % N>(rb::xs<N>))), ...);
        }(std::make_index_sequence<NN>{});
    }, hand);
    add<N, NN>(p + "/hessian/tapeless_symbolic", pts, [](const double* in, double* out) {
        // d(f, x_i, x_j) for j >= i, mirrored.
        with_family<"x", N>(in, [&](const auto&... b) TAPELESS_LAMBDA_INLINE {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                (
                    [&] {
                        constexpr std::size_t i = I / N, j = I % N;
                        if constexpr (j >= i) {
                            static constexpr auto dij = tapeless::d(e, tapeless::get<i>(rb::xs<N>),
                                                                    tapeless::get<j>(rb::xs<N>));
                            out[i * N + j] = out[j * N + i] = dij(b...);
                        }
                    }(),
                    ...);
            }(std::make_index_sequence<NN>{});
            return 0;
        });
    }, hand);
#if TAPELESS_BENCH_HAVE_FORWARD
    add<N, NN>(p + "/hessian/tapeless_dual_fn", pts, [](const double* in, double* out) {
        const Eigen::Map<const Eigen::Matrix<double, static_cast<int>(N), 1>> x(in);
        const auto h = tapeless::hessian([](const auto& v) { return rb::generic(v.data(), N); }, x);
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = 0; j < N; ++j)
                out[i * N + j] = h(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
    }, hand);
#endif
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { y[0] = rb::generic(x, N); };
    constexpr short tag = static_cast<short>(60 + N);
    adolc_record<N, 1>(tag, pts[0].data(), fn);
    add<N, NN>(p + "/hessian/adolc_sweep", pts, [](const double* in, double* out) {
        double* rows[N];
        for (std::size_t i = 0; i < N; ++i) rows[i] = out + i * N;
        ::hessian(tag, static_cast<int>(N), const_cast<double*>(in), rows);  // lower triangle
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = i + 1; j < N; ++j) out[i * N + j] = out[j * N + i];
    }, hand);
#endif
}

const int registered = (register_n<2>(), register_n<16>(), 0);

}  // namespace

BENCHMARK_MAIN();
