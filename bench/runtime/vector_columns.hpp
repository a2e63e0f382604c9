// The problems of run-time length written over tapeless::vector_var (docs/vector.md), with
// their hand-written baselines: extended Rosenbrock of 1000 variables, the normal
// log-density over 1000 data points in (mu, sigma), log-sum-exp of 16 and of 1000 values.
// bench_vector registers them (the peers are in bench_large); bench_large_avx2 (bench/avx2/)
// registers the same with every function compiled for AVX2 and FMA, prefixed "avx2_".
#pragma once

#include "../problems/lse.hpp"
#include "../problems/normal.hpp"
#include "../problems/rosenbrock.hpp"
#include "bench_common.hpp"

#include <string>
#include <vector>

namespace tapeless_bench::vector_columns {

constexpr tapeless::vector_var<"x"> x;
constexpr tapeless::vector_var<"data"> data;
constexpr tapeless::var<"mu"> mu;
constexpr tapeless::var<"sigma"> sigma;

inline const auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2) +
                              pow(1.0 - drop_back<1>(x), 2));
inline const auto normal_ll = -0.5 * squared_norm((data - mu) / sigma) -
                              length(data) * (log(sigma) + normal::half_log_2pi);
inline const auto lse = log_sum_exp(x);

constexpr std::size_t n_large = 1000;

/// The data of the normal log-density (seeded).
inline const std::vector<double>& normal_data() {
    static const std::vector<double> d = normal::make_data(n_large, 7);
    return d;
}

/// The gradient by x of a vector expression at `in` (n values): with one workspace reused
/// from call to call (the gradient stays in it, as the hand-written gradient stays in `out`),
/// or owning its result (a fresh vector per call). The copy into `out` for the check against
/// the hand-written gradient is made only while verifying, not when timed.
template <bool Reuse, class E>
void gradient_into(const E& e, const double* in, std::size_t n, double* out) {
    const Eigen::Map<const Eigen::VectorXd> xv(in, static_cast<Eigen::Index>(n));
    auto put = [&](const auto& g) {
        out[0] = g.value();
        if (verifying) {
            Eigen::Map<Eigen::VectorXd>(out + 1, xv.size()) = g[x];
        } else {
            benchmark::DoNotOptimize(g[x].data());
        }
    };
    if constexpr (Reuse) {
        static tapeless::workspace ws;
        put(tapeless::grad(e, ws, x = xv));
    } else {
        put(tapeless::grad(e, x = xv));
    }
}

/// log-sum-exp of N values: hand-written and tapeless, evaluation and gradient.
template <std::size_t N>
void register_lse(const std::string& p, const std::string& column, bool with_hand) {
    const auto pts = uniform_points<N>(N == 16 ? 7 : 11, -2.0, 2.0);
    auto hand = [](const double* in, double* out) { out[0] = lse::gradient<N>(in, out + 1); };
    if (with_hand) {
        add_unchecked<N>(p + "/eval/hand", pts, [](const double* in) { return lse::value<N>(in); });
        add<N, N + 1>(p + "/grad/hand", pts, hand, hand);
    }
    add_unchecked<N>(p + "/eval/" + column, pts, [](const double* in) {
        return lse(x = Eigen::Map<const Eigen::VectorXd>(in, N));
    });
    add<N, N + 1>(p + "/grad/" + column, pts, [](const double* in, double* out) {
        gradient_into<true>(lse, in, N, out);
    }, hand, 1e-12);
}

/// Every vector column; `prefix` names the program's variant, `with_hand` adds the
/// hand-written columns of rosenbrock1000 and normal1000.
inline void register_all(const std::string& prefix, bool with_hand) {
    constexpr std::size_t N = n_large;
    {
        const std::string p = prefix + "rosenbrock1000";
        const auto pts = uniform_points<N>(1000, -1.5, 1.5);
        auto hand = [](const double* in, double* out) {
            out[0] = rosenbrock::gradient<N>(in, out + 1);
        };
        if (with_hand) {
            add_unchecked<N>(p + "/eval/hand", pts,
                             [](const double* in) { return rosenbrock::value<N>(in); });
            add<N, N + 1>(p + "/grad/hand", pts, hand, hand);
        }
        add_unchecked<N>(p + "/eval/tapeless", pts, [](const double* in) {
            return rosen(x = Eigen::Map<const Eigen::VectorXd>(in, N));
        });
        add<N, N + 1>(p + "/grad/tapeless", pts, [](const double* in, double* out) {
            gradient_into<true>(rosen, in, N, out);
        }, hand, 1e-12);
        add<N, N + 1>(p + "/grad/tapeless_owning", pts, [](const double* in, double* out) {
            gradient_into<false>(rosen, in, N, out);
        }, hand, 1e-12);
    }
    {
        const std::string p = prefix + "normal1000";
        const auto pts = make_points<2>(1001, [](std::mt19937_64& rng) {
            std::uniform_real_distribution<double> m(0.5, 2.5), s(1.0, 3.0);
            return std::array<double, 2>{m(rng), s(rng)};
        });
        auto hand = [](const double* in, double* out) {
            out[0] = normal::gradient(in[0], in[1], normal_data().data(), N, out + 1);
        };
        if (with_hand) {
            add_unchecked<2>(p + "/eval/hand", pts, [](const double* in) {
                return normal::generic(in[0], in[1], normal_data().data(), N);
            });
            add<2, 3>(p + "/grad/hand", pts, hand, hand);
        }
        // Reverse mode over the data vector, differentiated by (mu, sigma) only: no vector
        // gradient, so no memory at all.
        static const Eigen::Map<const Eigen::VectorXd> ys(normal_data().data(),
                                                          static_cast<Eigen::Index>(N));
        add_unchecked<2>(p + "/eval/tapeless", pts, [](const double* in) {
            return normal_ll(mu = in[0], sigma = in[1], data = ys);
        });
        add<2, 3>(p + "/grad/tapeless", pts, [](const double* in, double* out) {
            const auto g = tapeless::grad(normal_ll, tapeless::wrt(mu, sigma), mu = in[0],
                                          sigma = in[1], data = ys);
            out[0] = g.value();
            out[1] = g[mu];
            out[2] = g[sigma];
        }, hand, 1e-12);
    }
    register_lse<N>(prefix + "lse1000", "tapeless", true);
}

}  // namespace tapeless_bench::vector_columns
