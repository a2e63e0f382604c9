// Benchmarks of the ADBench bundle-adjustment residual: its 2 x 15 Jacobian.
// Names: ba/<eval|jacobian>/<column>; bench/report.py divides each column by "hand".
#include "../problems/ba.hpp"
#include "bench_common.hpp"

#include <string>
#include <tuple>
#include <utility>

namespace {

using namespace tapeless_bench;

constexpr std::size_t N = ba::n_inputs;
constexpr std::size_t M = ba::n_outputs;
constexpr std::size_t NOut = M + M * N;  // residuals, then the Jacobian row-major

void register_ba() {
    const auto pts = make_points<N>(11, [](std::mt19937_64& rng) {
        std::uniform_real_distribution<double> u(0.0, 1.0);
        auto next = [&] { return u(rng); };
        return ba::random_point<double>(next);
    });

    add_unchecked<N>("ba/eval/hand", pts, [](const double* in) {
        std::array<double, 2> r;
        ba::generic(in, r.data());
        return r;
    });
    add_unchecked<N>("ba/eval/tapeless", pts, [](const double* in) {
        return with_family<"p", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return ba::expr(b...); });
    });

    auto hand = [](const double* in, double* out) { ba::jacobian(in, out, out + M); };
    add<N, NOut>("ba/jacobian/hand", pts, hand, hand);
    add<N, NOut>("ba/jacobian/tapeless", pts, [](const double* in, double* out) {
        const auto J = with_family<"p", N>(in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::jacobian(ba::expr, b...); });
        for (std::size_t r = 0; r < M; ++r) out[r] = J.value(r);
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            for (std::size_t r = 0; r < M; ++r)
                ((out[M + r * N + I] = J(r, tapeless::get<I>(ba::p))), ...);
        }(std::make_index_sequence<N>{});
    }, hand);
    add<N, NOut>("ba/jacobian/tapeless_symbolic", pts, [](const double* in, double* out) {
        static constexpr auto e0 = std::get<0>(ba::expr.components);
        static constexpr auto e1 = std::get<1>(ba::expr.components);
        static constexpr auto ds = []<std::size_t... I>(std::index_sequence<I...>) {
            return std::tuple{tapeless::d(e0, tapeless::get<I>(ba::p))...,
                              tapeless::d(e1, tapeless::get<I>(ba::p))...};
        }(std::make_index_sequence<N>{});
        with_family<"p", N>(in, [&](const auto&... b) TAPELESS_LAMBDA_INLINE {
            out[0] = e0(b...);
            out[1] = e1(b...);
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                ((out[M + I] = std::get<I>(ds)(b...)), ...);
            }(std::make_index_sequence<M * N>{});
            return 0;
        });
    }, hand);
#if TAPELESS_BENCH_HAVE_FORWARD
    add<N, NOut>("ba/jacobian/tapeless_dual_fn", pts, [](const double* in, double* out) {
        const Eigen::Map<const Eigen::Matrix<double, static_cast<int>(N), 1>> x(in);
        Eigen::Map<Eigen::Matrix<double, static_cast<int>(M), 1>> values(out);
        const auto J = tapeless::jacobian(
            [](const auto& v) {
                using T = typename std::remove_cvref_t<decltype(v)>::Scalar;
                Eigen::Matrix<T, 2, 1> r;
                ba::generic(v.data(), r.data());
                return r;
            },
            x, values);
        for (std::size_t r = 0; r < M; ++r)
            for (std::size_t c = 0; c < N; ++c)
                out[M + r * N + c] = J(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    }, hand);
#endif
    add<N, NOut>("ba/jacobian/eigen_autodiff", pts, [](const double* in, double* out) {
        const auto x = eigen_seed<N>(in);
        eigen_ad<N> r[2];
        ba::generic(x.data(), r);
        for (std::size_t k = 0; k < M; ++k) {
            out[k] = r[k].value();
            for (std::size_t c = 0; c < N; ++c) out[M + k * N + c] = r[k].derivatives()(static_cast<Eigen::Index>(c));
        }
    }, hand);
#if TAPELESS_BENCH_HAVE_JET
    add<N, NOut>("ba/jacobian/ceres_jet", pts, [](const double* in, double* out) {
        const auto x = jet_seed<N>(in);
        ceres::Jet<double, static_cast<int>(N)> r[2];
        ba::generic(x.data(), r);
        for (std::size_t k = 0; k < M; ++k) {
            out[k] = r[k].a;
            for (std::size_t c = 0; c < N; ++c) out[M + k * N + c] = r[k].v(static_cast<Eigen::Index>(c));
        }
    }, hand);
#endif
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { ba::generic(x, y); };
    constexpr short tag = 50;
    add_unchecked<N>("ba/jacobian/adolc_tape", pts,
                     [](const double* in) { return adolc_record<N, M>(tag, in, fn); });
    adolc_record<N, M>(tag, pts[0].data(), fn);
    add<N, NOut>("ba/jacobian/adolc_sweep", pts, [](const double* in, double* out) {
        double* rows[2] = {out + M, out + M + N};
        ::function(tag, static_cast<int>(M), static_cast<int>(N), const_cast<double*>(in), out);
        ::jacobian(tag, static_cast<int>(M), static_cast<int>(N), const_cast<double*>(in), rows);
    }, hand);
#endif
}

const int registered = (register_ba(), 0);

}  // namespace

BENCHMARK_MAIN();
