// Benchmarks of the tutorial problems f(u, v) = u*v + u^2 and y = x^2.
// Names: <problem>/<derivative>/<column>; bench/report.py divides each column by "hand".
#include "../problems/tutorial.hpp"
#include "bench_common.hpp"

namespace {

using namespace tapeless_bench;
using namespace tapeless_bench::tutorial;

void register_f_grad() {
    const auto pts = uniform_points<2>(1, -2.0, 2.0);
    auto hand = [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto r = f_grad(in[0], in[1]);
        out[0] = r.value;
        out[1] = r.du;
        out[2] = r.dv;
    };
    add<2, 3>("f/grad/hand", pts, hand, hand);
    add<2, 3>("f/grad/tapeless", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto g = tapeless::grad(f, u = in[0], v = in[1]);
        out[0] = g.value();
        out[1] = g[u];
        out[2] = g[v];
    }, hand);
    add<2, 3>("f/grad/tapeless_symbolic", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        constexpr auto fu = tapeless::d(f, u);
        constexpr auto fv = tapeless::d(f, v);
        out[0] = f(u = in[0], v = in[1]);
        out[1] = fu(u = in[0], v = in[1]);
        out[2] = fv(u = in[0], v = in[1]);
    }, hand);
#if TAPELESS_BENCH_HAVE_FORWARD
    add<2, 3>("f/grad/tapeless_forward", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto g = tapeless::forward_grad(f, u = in[0], v = in[1]);
        out[0] = g.value();
        out[1] = g[u];
        out[2] = g[v];
    }, hand);
#endif
    add<2, 3>("f/grad/eigen_autodiff", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto x = eigen_seed<2>(in);
        const auto r = f_generic(x[0], x[1]);
        out[0] = r.value();
        out[1] = r.derivatives()(0);
        out[2] = r.derivatives()(1);
    }, hand);
#if TAPELESS_BENCH_HAVE_JET
    add<2, 3>("f/grad/ceres_jet", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto x = jet_seed<2>(in);
        const auto r = f_generic(x[0], x[1]);
        out[0] = r.a;
        out[1] = r.v(0);
        out[2] = r.v(1);
    }, hand);
#endif
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { y[0] = f_generic<adouble>(x[0], x[1]); };
    add_adolc_gradient<2>("f/grad", pts, 1, fn, hand);
#endif
}

void register_f_hessian() {
    const auto pts = uniform_points<2>(2, -2.0, 2.0);
    auto hand = [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto h = f_hessian(in[0], in[1]);
        for (int i = 0; i < 4; ++i) out[i] = h[static_cast<std::size_t>(i)];
    };
    add<2, 4>("f/hessian/hand", pts, hand, hand);
    add<2, 4>("f/hessian/tapeless", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto h = tapeless::hessian(f, u = in[0], v = in[1]);
        out[0] = h(u, u);
        out[1] = h(u, v);
        out[2] = h(v, u);
        out[3] = h(v, v);
    }, hand);
    add<2, 4>("f/hessian/tapeless_symbolic", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        constexpr auto fuu = tapeless::d(f, u, u);
        constexpr auto fuv = tapeless::d(f, u, v);
        constexpr auto fvv = tapeless::d(f, v, v);
        out[0] = fuu(u = in[0], v = in[1]);
        out[1] = fuv(u = in[0], v = in[1]);
        out[2] = out[1];
        out[3] = fvv(u = in[0], v = in[1]);
    }, hand);
#if TAPELESS_BENCH_HAVE_ADOLC
    static auto fn = [](adouble* x, adouble* y) { y[0] = f_generic<adouble>(x[0], x[1]); };
    adolc_record<2, 1>(2, pts[0].data(), fn);
    add<2, 4>("f/hessian/adolc_sweep", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        double x[2] = {in[0], in[1]};
        double h0[2], h1[2];
        double* H[2] = {h0, h1};
        ::hessian(2, 2, x, H);  // lower triangle
        out[0] = h0[0];
        out[1] = h1[0];
        out[2] = h1[0];
        out[3] = h1[1];
    }, hand);
#endif
}

void register_y() {
    const auto pts = uniform_points<1>(3, -2.0, 2.0);
    auto hand = [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto r = y_derivs(in[0]);
        out[0] = r.value;
        out[1] = r.dx;
    };
    add<1, 2>("y/grad/hand", pts, hand, hand);
    add<1, 2>("y/grad/tapeless", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        const auto g = tapeless::grad(y, x = in[0]);
        out[0] = g.value();
        out[1] = g[x];
    }, hand);
    add<1, 2>("y/grad/tapeless_symbolic", pts, [](const double* in, double* out) TAPELESS_BENCH_COLUMN {
        constexpr auto dy = tapeless::d(y, x);
        out[0] = y(x = in[0]);
        out[1] = dy(x = in[0]);
    }, hand);
}

const int registered = (register_f_grad(), register_f_hessian(), register_y(), 0);

}  // namespace

BENCHMARK_MAIN();
