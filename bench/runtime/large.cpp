// Problems of run-time size, where the tools that support run-time sizes compete (issue 5):
//   rosenbrock1000/grad    extended Rosenbrock of 1000 variables (a run-time-length loop)
//   normal1000/grad        normal log-density summed over 1000 data points, gradient in
//                          (mu, sigma)
//   f/batch_grad           the tutorial's f(u, v) = u*v + u^2 and its gradient at 10^6 points,
//                          tapeless' batch grad against hand-written Eigen array code
// tapeless' columns here: `tapeless_dual_fn`, dual numbers on the generic C++ function, and the
// batch `grad`. Reverse mode over vector variables on the same problems is bench_vector
// (vector.cpp), with its own hand-written columns.
// Names: <problem>/<derivative>/<column>; bench/report.py divides each column by "hand".
#include "../problems/normal.hpp"
#include "../problems/rosenbrock.hpp"
#include "../problems/tutorial.hpp"
#include "bench_common.hpp"

#include <cstdlib>

namespace {

using namespace tapeless_bench;

// ---- extended Rosenbrock, N = 1000 -----------------------------------------------------------

constexpr std::size_t n_rosen = 1000;

void register_rosenbrock1000() {
    constexpr std::size_t N = n_rosen;
    const auto pts = uniform_points<N>(1000, -1.5, 1.5);
    add_unchecked<N>("rosenbrock1000/eval/hand", pts,
                     [](const double* in) { return rosenbrock::value<N>(in); });
    auto hand = [](const double* in, double* out) { out[0] = rosenbrock::gradient<N>(in, out + 1); };
    add<N, N + 1>("rosenbrock1000/grad/hand", pts, hand, hand);
    // dual<double, Eigen::Dynamic>: the partials are a heap vector of N entries per value.
    add<N, N + 1>("rosenbrock1000/grad/tapeless_dual_fn", pts, [](const double* in, double* out) {
        const Eigen::Map<const Eigen::VectorXd> x(in, static_cast<Eigen::Index>(N));
        const Eigen::VectorXd point = x;
        const Eigen::VectorXd g = tapeless::grad(
            [](const auto& v) { return rosenbrock::generic(v.data(), static_cast<std::size_t>(v.size())); },
            point, out[0]);
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = g(static_cast<Eigen::Index>(i));
    }, hand);
    add<N, N + 1>("rosenbrock1000/grad/eigen_autodiff", pts, [](const double* in, double* out) {
        using A = Eigen::AutoDiffScalar<Eigen::VectorXd>;
        std::vector<A> x(N);
        for (std::size_t i = 0; i < N; ++i)
            x[i] = A(in[i], static_cast<int>(N), static_cast<int>(i));
        const A r = rosenbrock::generic(x.data(), N);
        out[0] = r.value();
        for (std::size_t i = 0; i < N; ++i) out[1 + i] = r.derivatives()(static_cast<Eigen::Index>(i));
    }, hand);
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { y[0] = rosenbrock::generic(x, N); };
    add_adolc_gradient<N>("rosenbrock1000/grad", pts, 40, fn, hand);
#endif
}

// ---- normal log-density over 1000 data points ------------------------------------------------

constexpr std::size_t n_data = 1000;

const std::vector<double>& data() {
    static const std::vector<double> x = normal::make_data(n_data, 7);
    return x;
}

void register_normal1000() {
    const auto pts = make_points<2>(1001, [](std::mt19937_64& rng) {
        std::uniform_real_distribution<double> mu(0.5, 2.5), sigma(1.0, 3.0);
        return std::array<double, 2>{mu(rng), sigma(rng)};
    });
    static const double* x = data().data();
    add_unchecked<2>("normal1000/eval/hand", pts, [](const double* in) {
        return normal::generic(in[0], in[1], x, n_data);
    });
    auto hand = [](const double* in, double* out) {
        out[0] = normal::gradient(in[0], in[1], x, n_data, out + 1);
    };
    add<2, 3>("normal1000/grad/hand", pts, hand, hand);
    // Dual numbers inside the user's loop: value and both partials in one pass.
    add<2, 3>("normal1000/grad/tapeless_dual_fn", pts, [](const double* in, double* out) {
        using D = tapeless::dual<double, 2>;
        const D r = normal::generic(D::variable(in[0], 0), D::variable(in[1], 1), x, n_data);
        out[0] = r.value();
        out[1] = r.grad()(0);
        out[2] = r.grad()(1);
    }, hand);
    add<2, 3>("normal1000/grad/eigen_autodiff", pts, [](const double* in, double* out) {
        const auto s = eigen_seed<2>(in);
        const auto r = normal::generic(s[0], s[1], x, n_data);
        out[0] = r.value();
        out[1] = r.derivatives()(0);
        out[2] = r.derivatives()(1);
    }, hand);
#if TAPELESS_BENCH_HAVE_JET
    add<2, 3>("normal1000/grad/ceres_jet", pts, [](const double* in, double* out) {
        const auto s = jet_seed<2>(in);
        const auto r = normal::generic(s[0], s[1], x, n_data);
        out[0] = r.a;
        out[1] = r.v(0);
        out[2] = r.v(1);
    }, hand);
#endif
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* p, adouble* y) { y[0] = normal::generic(p[0], p[1], x, n_data); };
    add_adolc_gradient<2>("normal1000/grad", pts, 41, fn, hand);
#endif
}

// ---- the tutorial's gradient over 10^6 points ------------------------------------------------

constexpr Eigen::Index n_batch = 1000000;

/// Hand-written Eigen array code for f and its partials: one vectorised pass per result,
/// into fresh arrays (as tapeless' batch grad returns fresh arrays).
struct batch_hand_result {
    Eigen::ArrayXd f, du, dv;
};

batch_hand_result batch_hand(const Eigen::ArrayXd& us, const Eigen::ArrayXd& vs) {
    return {us * vs + us.square(), vs + 2.0 * us, us};
}

auto batch_tapeless(const Eigen::ArrayXd& us, const Eigen::ArrayXd& vs) {
    using namespace tapeless_bench::tutorial;
    return tapeless::grad(f, u = us, v = vs);
}

template <class Fn>
void register_batch_column(const char* name, Fn fn, const Eigen::ArrayXd& us,
                           const Eigen::ArrayXd& vs) {
    benchmark::RegisterBenchmark(name, [fn, &us, &vs](benchmark::State& st) {
        for (auto _ : st) {
            auto r = fn(us, vs);
            benchmark::DoNotOptimize(r);
            benchmark::ClobberMemory();
        }
        st.SetItemsProcessed(st.iterations() * n_batch);
    })->Unit(benchmark::kMillisecond);
}

void register_batch() {
    using namespace tapeless_bench::tutorial;
    static const Eigen::ArrayXd us = Eigen::ArrayXd::Random(n_batch) * 2.0;
    static const Eigen::ArrayXd vs = Eigen::ArrayXd::Random(n_batch) * 2.0;
    {  // the check, before timing
        const auto a = batch_hand(us, vs);
        const auto b = batch_tapeless(us, vs);
        for (Eigen::Index i = 0; i < n_batch; ++i) {
            if (!(rel_diff(a.f(i), b.value()(i)) <= 1e-12 && rel_diff(a.du(i), b[u](i)) <= 1e-12 &&
                  rel_diff(a.dv(i), b[v](i)) <= 1e-12)) {
                std::fprintf(stderr, "bench f/batch_grad/tapeless: point %ld differs\n",
                             static_cast<long>(i));
                std::abort();
            }
        }
    }
    register_batch_column("f/batch_grad/hand", batch_hand, us, vs);
    register_batch_column("f/batch_grad/tapeless", batch_tapeless, us, vs);
}

const int registered = (register_rosenbrock1000(), register_normal1000(), register_batch(), 0);

}  // namespace

BENCHMARK_MAIN();
