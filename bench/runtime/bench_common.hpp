// Shared machinery of the run-time benchmarks: a ring of random points, the check of every
// column against the hand-written derivative before it is timed, and the peers' seeding.
#pragma once

#include "../problems/common.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#if __has_include(<tapeless/forward/forward_grad.hpp>)
#define TAPELESS_BENCH_HAVE_FORWARD 1
#else
#define TAPELESS_BENCH_HAVE_FORWARD 0
#endif

#if __has_include(<adolc/adolc.h>) && !defined(TAPELESS_BENCH_NO_ADOLC)
#define TAPELESS_BENCH_HAVE_ADOLC 1
#include <adolc/adolc.h>
#else
#define TAPELESS_BENCH_HAVE_ADOLC 0
#endif

#if __has_include(<ceres/jet.h>)
#define TAPELESS_BENCH_HAVE_JET 1
#include <ceres/jet.h>
#else
#define TAPELESS_BENCH_HAVE_JET 0
#endif

#include <unsupported/Eigen/AutoDiff>

namespace tapeless_bench {

/// The number of points the benchmarks cycle through (a power of two): every iteration
/// sees another input, so nothing is constant-folded or hoisted out of the loop.
inline constexpr std::size_t ring_size = 256;

/// `ring_size` points of N coordinates from `make(rng)`.
template <std::size_t N, class Make>
std::vector<std::array<double, N>> make_points(unsigned seed, Make make) {
    std::mt19937_64 rng(seed);
    std::vector<std::array<double, N>> pts(ring_size);
    for (auto& p : pts) p = make(rng);
    return pts;
}

/// Uniform points in [lo, hi)^N.
template <std::size_t N>
std::vector<std::array<double, N>> uniform_points(unsigned seed, double lo, double hi) {
    return make_points<N>(seed, [&](std::mt19937_64& rng) {
        std::uniform_real_distribution<double> u(lo, hi);
        std::array<double, N> p{};
        for (auto& x : p) x = u(rng);
        return p;
    });
}

/// Marks a column's lambda: inlined into the timing loop, as the small hand-written columns
/// are by the compiler's own choice. Without it GCC called some columns and inlined others,
/// which added a call per iteration to one column of a pair (the tutorial's f: 0.8 ns against
/// 1.7 ns for the same instructions).
#define TAPELESS_BENCH_COLUMN TAPELESS_LAMBDA_INLINE

/// True while verify() runs a column: a column whose result lives elsewhere (tapeless' vector
/// gradients, in the workspace) copies it into the output array only then, not when timed.
inline bool verifying = false;

/// Aborts the benchmark program when column `name` disagrees with the hand-written `ref`
/// (relative to max(|a|, |b|, 1)) at one of the first points.
template <std::size_t NIn, std::size_t NOut, class Fn, class Ref>
void verify(const std::string& name, const std::vector<std::array<double, NIn>>& pts, Fn& fn,
            Ref& ref, double tol) {
    verifying = true;
    // Through a pointer the compiler cannot see through, where the column converts to one: a
    // column marked TAPELESS_BENCH_COLUMN is inlined into its timing loop, not here as well.
    using column_ptr = void (*)(const double*, double*);
    for (std::size_t k = 0; k < 16 && k < pts.size(); ++k) {
        std::array<double, NOut> a{}, b{};
        if constexpr (std::is_convertible_v<Fn&, column_ptr>) {
            column_ptr volatile f = fn;
            f(pts[k].data(), a.data());
        } else {
            fn(pts[k].data(), a.data());
        }
        ref(pts[k].data(), b.data());
        for (std::size_t i = 0; i < NOut; ++i) {
            if (!(rel_diff(a[i], b[i]) <= tol)) {
                std::fprintf(stderr,
                             "bench %s: entry %zu at point %zu is %.17g, hand-written %.17g\n",
                             name.c_str(), i, k, a[i], b[i]);
                std::abort();
            }
        }
    }
    verifying = false;
}

/// Registers benchmark `name`: `fn(in, out)` writes NOut numbers (the derivatives) for the
/// NIn inputs at `in`. It is checked against `ref` first, then timed over the ring.
template <std::size_t NIn, std::size_t NOut, class Fn, class Ref>
void add(const std::string& name, const std::vector<std::array<double, NIn>>& pts, Fn fn,
         Ref ref, double tol = 1e-10) {
    verify<NIn, NOut>(name, pts, fn, ref, tol);
    benchmark::RegisterBenchmark(name.c_str(), [pts, fn](benchmark::State& st) mutable {
        std::array<double, NOut> out{};
        std::size_t k = 0;
        for (auto _ : st) {
            fn(pts[k].data(), out.data());
            benchmark::DoNotOptimize(out.data());
            benchmark::ClobberMemory();
            k = (k + 1) & (ring_size - 1);
        }
    });
}

/// Registers a timed action without an output to check (taping, plain evaluation).
template <std::size_t NIn, class Fn>
void add_unchecked(const std::string& name, const std::vector<std::array<double, NIn>>& pts,
                   Fn fn) {
    benchmark::RegisterBenchmark(name.c_str(), [pts, fn](benchmark::State& st) mutable {
        std::size_t k = 0;
        for (auto _ : st) {
            auto r = fn(pts[k].data());
            benchmark::DoNotOptimize(r);
            k = (k + 1) & (ring_size - 1);
        }
    });
}

/// Eigen's AutoDiffScalar with N fixed-size partials, seeded with unit vectors.
template <std::size_t N>
using eigen_ad = Eigen::AutoDiffScalar<Eigen::Matrix<double, static_cast<int>(N), 1>>;

template <std::size_t N>
std::array<eigen_ad<N>, N> eigen_seed(const double* in) {
    std::array<eigen_ad<N>, N> x;
    for (std::size_t i = 0; i < N; ++i)
        x[i] = eigen_ad<N>(in[i], static_cast<int>(N), static_cast<int>(i));
    return x;
}

#if TAPELESS_BENCH_HAVE_JET
template <std::size_t N>
std::array<ceres::Jet<double, static_cast<int>(N)>, N> jet_seed(const double* in) {
    std::array<ceres::Jet<double, static_cast<int>(N)>, N> x;
    for (std::size_t i = 0; i < N; ++i)
        x[i] = ceres::Jet<double, static_cast<int>(N)>(in[i], static_cast<int>(i));
    return x;
}
#endif

#if TAPELESS_BENCH_HAVE_ADOLC
/// Records the tape `tag` of `fn(adouble* x, adouble* y)` at `in`: NIn independents,
/// NOut dependents.
template <std::size_t NIn, std::size_t NOut, class Fn>
double adolc_record(short tag, const double* in, Fn& fn) {
    trace_on(tag);
    std::array<adouble, NIn> x;
    std::array<adouble, NOut> y;
    for (std::size_t i = 0; i < NIn; ++i) x[i] <<= in[i];
    fn(x.data(), y.data());
    std::array<double, NOut> out;
    for (std::size_t i = 0; i < NOut; ++i) y[i] >>= out[i];
    trace_off();
    return out[0];
}

/// Registers <p>/adolc_tape (recording tape `tag` of the static `fn` at each point) and
/// <p>/adolc_sweep (value and gradient by ADOL-C's drivers on the tape recorded at the first
/// point), the sweep checked against `ref` (value, then the N partials).
template <std::size_t N, class Fn, class Ref>
void add_adolc_gradient(const std::string& p, const std::vector<std::array<double, N>>& pts,
                        short tag, Fn& fn, Ref ref) {
    add_unchecked<N>(p + "/adolc_tape", pts,
                     [tag, &fn](const double* in) { return adolc_record<N, 1>(tag, in, fn); });
    adolc_record<N, 1>(tag, pts[0].data(), fn);
    add<N, N + 1>(p + "/adolc_sweep", pts, [tag](const double* in, double* out) {
        ::function(tag, 1, static_cast<int>(N), const_cast<double*>(in), out);
        ::gradient(tag, static_cast<int>(N), const_cast<double*>(in), out + 1);
    }, ref);
}
#endif

}  // namespace tapeless_bench
