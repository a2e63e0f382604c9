// The normal log-density summed over n data points x_i, as a function of (mu, sigma):
//   L = sum_i log N(x_i | mu, sigma) = -n (log sigma + log(2 pi) / 2) - sum_i (x_i - mu)^2 / (2 sigma^2)
// with its hand-written gradient:
//   dL/dmu = sum_i (x_i - mu) / sigma^2,   dL/dsigma = -n / sigma + sum_i (x_i - mu)^2 / sigma^3.
#pragma once

#include "common.hpp"

#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <vector>

namespace tapeless_bench::normal {

/// log(2 pi) / 2.
inline constexpr double half_log_2pi = 0.91893853320467274178;

/// n data points drawn from N(1.5, 2^2), seeded.
inline std::vector<double> make_data(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> dist(1.5, 2.0);
    std::vector<double> x(n);
    for (auto& xi : x) xi = dist(rng);
    return x;
}

/// L(mu, sigma) as generic C++ over the data, the way a user writes it for an AD tool
/// (log sigma and 1 / sigma computed once, one squared residual per point).
template <class T>
T generic(const T& mu, const T& sigma, const double* x, std::size_t n) {
    using std::log;
    const T inv_sigma = 1.0 / sigma;
    T sum_sq = 0.0 * mu;
    for (std::size_t i = 0; i < n; ++i) {
        const T z = (x[i] - mu) * inv_sigma;
        sum_sq = sum_sq + z * z;
    }
    return -0.5 * sum_sq - static_cast<double>(n) * (log(sigma) + half_log_2pi);
}

/// L and its gradient (g[0] = dL/dmu, g[1] = dL/dsigma), hand-written: one pass for the sums
/// of residuals and squared residuals.
inline double gradient(double mu, double sigma, const double* x, std::size_t n, double* g) {
    double s1 = 0, s2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double r = x[i] - mu;
        s1 += r;
        s2 += r * r;
    }
    const double inv_sigma = 1 / sigma;
    const double inv_var = inv_sigma * inv_sigma;
    const auto dn = static_cast<double>(n);
    g[0] = s1 * inv_var;
    g[1] = (s2 * inv_var - dn) * inv_sigma;
    return -0.5 * s2 * inv_var - dn * (std::log(sigma) + half_log_2pi);
}

}  // namespace tapeless_bench::normal
