// Log-sum-exp of N inputs: f(x) = log(sum_i exp(x_i)), with a hand-written gradient.
#pragma once

#include "common.hpp"

#include <cmath>
#include <cstddef>

namespace tapeless_bench::lse {

template <std::size_t N>
inline constexpr auto xs = tapeless::vars<"x", N>;

/// log(sum exp(x_i)) as a tapeless expression (no max shift: test points stay small).
template <std::size_t N>
constexpr auto expr() {
    return log(tapeless::sum(xs<N>, [](auto xi) { return exp(xi); }));
}

/// The same as generic C++, unshifted like the expression (for the peers).
template <class T>
T generic(const T* x, std::size_t n) {
    using std::exp;
    using std::log;
    T s = exp(x[0]);
    for (std::size_t i = 1; i < n; ++i) s = s + exp(x[i]);
    return log(s);
}

/// Stable plain evaluation: m + log(sum exp(x_i - m)), m = max x_i.
template <std::size_t N>
inline double value(const double* x) {
    double m = x[0];
    for (std::size_t i = 1; i < N; ++i) m = x[i] > m ? x[i] : m;
    double s = 0;
    for (std::size_t i = 0; i < N; ++i) s += std::exp(x[i] - m);
    return m + std::log(s);
}

/// f and its gradient, stable: df/dx_i = exp(x_i - m) / sum_j exp(x_j - m) (the softmax).
template <std::size_t N, class T>
inline T gradient(const T* x, T* g) {
    T m = x[0];
    for (std::size_t i = 1; i < N; ++i) m = x[i] > m ? x[i] : m;
    T s = 0;
    for (std::size_t i = 0; i < N; ++i) {
        g[i] = std::exp(x[i] - m);
        s += g[i];
    }
    const T inv = 1 / s;
    for (std::size_t i = 0; i < N; ++i) g[i] *= inv;
    return m + std::log(s);
}

}  // namespace tapeless_bench::lse
