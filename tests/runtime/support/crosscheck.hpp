// The cross-check of tests/runtime/random_crosscheck*.cpp: one random expression (see
// random_expr.hpp) at many random points in its domain, in every mode and against finite
// differences; counts what it checked.
#pragma once

#include "random_expr.hpp"

#include <catch2/catch.hpp>

#include <tapeless/tapeless.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <utility>

namespace random_crosscheck {


using random_expr::x;
using random_expr::y;
using random_expr::z;

struct counts {
    long expressions = 0;
    long cases = 0;     // points at which the four modes were compared
    long rejected = 0;  // points outside the domain (or with huge values)
    long fd_checked = 0;
    long fd_skipped = 0;  // not smooth within the finite-difference step
};
inline counts total;

inline constexpr int points_per_expression = 80;
inline constexpr double mode_rel = 1e-10;
inline constexpr double fd_rel = 1e-6;
inline constexpr double huge = 1e6;

/// Modes: the same number up to rounding. The absolute term covers cancellation, which
/// the modes round differently: it scales with the function's value and the gradient's size.
inline bool modes_agree(double a, double b, double scale) {
    return std::abs(a - b) <= mode_rel * std::max(std::abs(a), std::abs(b)) + 1e-12 * scale;
}

template <class E>
void crosscheck(const E& e, std::uint64_t seed) {
    using D3 = tapeless::dual<double, 3>;
    ++total.expressions;
    const auto dx = tapeless::d(e, x);
    const auto dy = tapeless::d(e, y);
    const auto dz = tapeless::d(e, z);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> coordinate(-2.0, 2.0);
    const auto at = [&](const std::array<double, 3>& p) { return e(x = p[0], y = p[1], z = p[2]); };
    for (int i = 0; i < points_per_expression; ++i) {
        const std::array<double, 3> p{coordinate(rng), coordinate(rng), coordinate(rng)};
        const double v = at(p);
        const std::array<double, 3> sym{dx(x = p[0], y = p[1], z = p[2]),
                                        dy(x = p[0], y = p[1], z = p[2]),
                                        dz(x = p[0], y = p[1], z = p[2])};
        const auto usable = [](double t) { return std::isfinite(t) && std::abs(t) <= huge; };
        if (!usable(v) || !std::all_of(sym.begin(), sym.end(), usable)) {
            ++total.rejected;
            continue;
        }
        ++total.cases;
        const auto g = tapeless::grad(e, x = p[0], y = p[1], z = p[2]);
        const auto f = tapeless::forward_grad(e, x = p[0], y = p[1], z = p[2]);
        const auto u = e(x = D3::variable(p[0], 0), y = D3::variable(p[1], 1),
                         z = D3::variable(p[2], 2));
        const std::array<double, 3> rev{g[x], g[y], g[z]};
        const std::array<double, 3> fwd{f[x], f[y], f[z]};
        const std::array<double, 3> dual{u.grad()(0), u.grad()(1), u.grad()(2)};
        const double scale = 1 + std::abs(v) + std::abs(sym[0]) + std::abs(sym[1]) + std::abs(sym[2]);
        INFO("seed " << seed << ": " << tapeless::to_string(e));
        INFO("at x = " << p[0] << ", y = " << p[1] << ", z = " << p[2] << " (value " << v << ")");
        CHECK((g.value() == v && f.value() == v && u.value() == v));
        for (std::size_t j = 0; j < 3; ++j) {
            INFO("variable " << "xyz"[j] << ": d " << sym[j] << ", grad " << rev[j]
                             << ", forward_grad " << fwd[j] << ", dual " << dual[j]);
            CHECK(modes_agree(rev[j], sym[j], scale));
            CHECK(modes_agree(fwd[j], sym[j], scale));
            CHECK(modes_agree(dual[j], sym[j], scale));
            // Richardson: (4 D(h/2) - D(h)) / 3, at h and at h/2.
            const auto quotient = [&](double h) {
                const auto central = [&](double s) {
                    auto hi = p, lo = p;
                    hi[j] += s;
                    lo[j] -= s;
                    return (at(hi) - at(lo)) / (2 * s);
                };
                return (4 * central(h / 2) - central(h)) / 3;
            };
            const double h = 1e-3 * std::max(1.0, std::abs(p[j]));
            const double r1 = quotient(h);
            const double r2 = quotient(h / 2);
            const double tol = fd_rel * std::abs(sym[j]) + 1e-8 * (1 + std::abs(v));
            if (!(std::abs(r1 - r2) <= tol)) {
                ++total.fd_skipped;
                continue;
            }
            ++total.fd_checked;
            INFO("finite difference " << r2);
            CHECK(std::abs(r2 - sym[j]) <= tol);
        }
    }
}

template <std::uint64_t... Seeds>
void crosscheck_all(std::integer_sequence<std::uint64_t, Seeds...>) {
    (crosscheck(random_expr::gen<Seeds, 8>(), Seeds), ...);
}

/// The summary line, and the check that most points were inside the domain.
inline void report() {
    std::printf("random cross-check: %ld expressions, %ld points compared in 4 modes "
                "(%ld rejected outside the domain), %ld finite-difference checks (%ld skipped "
                "as not smooth within the step)\n",
                total.expressions, total.cases, total.rejected, total.fd_checked,
                total.fd_skipped);
    CHECK(total.cases >= 20 * total.expressions);
}

}  // namespace random_crosscheck
