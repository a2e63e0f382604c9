// Extended Rosenbrock: f(x) = sum_{i<N-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, with
// hand-written gradient and Hessian.
#pragma once

#include "common.hpp"

#include <array>
#include <cstddef>

namespace tapeless_bench::rosenbrock {

/// The variables x0 ... x{N-1}.
template <std::size_t N>
inline constexpr auto xs = tapeless::vars<"x", N>;

/// The tapeless expression, built with tapeless::sum; the last term is the constant zero, which
/// the fold drops (0.0 would be a run-time term: f + 0.0, one more addition than the math).
template <std::size_t N>
constexpr auto expr() {
    return tapeless::sum(xs<N>, [](auto xi, auto i) {
        if constexpr (i() + 1 < N) {
            constexpr auto next = tapeless::get<i() + 1>(xs<N>);
            return 100.0 * pow(next - pow(xi, 2), 2) + pow(1.0 - xi, 2);
        } else {
            return tapeless::constant<0>{};
        }
    });
}

/// The same function as generic C++ (for dual numbers, Jets, AutoDiffScalar, adouble).
template <class T>
T generic(const T* x, std::size_t n) {
    T r = 0.0 * x[0];
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const T a = x[i + 1] - x[i] * x[i];
        const T b = 1.0 - x[i];
        r = r + 100.0 * a * a + b * b;
    }
    return r;
}

/// Plain evaluation of f, for double (the baseline of "grad cost / evaluation cost").
template <std::size_t N>
inline double value(const double* x) {
    double r = 0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        const double a = x[i + 1] - x[i] * x[i];
        const double b = 1.0 - x[i];
        r += 100.0 * a * a + b * b;
    }
    return r;
}

// ---- hand-written derivatives ---------------------------------------------------------------

/// f and its gradient:
///   df/dx_i = -400 x_i (x_{i+1} - x_i^2) - 2 (1 - x_i)   [i < N-1]
///           + 200 (x_i - x_{i-1}^2)                       [i > 0]
template <std::size_t N, class T>
inline T gradient(const T* x, T* g) {
    T f = 0;
    for (std::size_t i = 0; i < N; ++i) g[i] = 0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        const T a = x[i + 1] - x[i] * x[i];
        const T b = 1 - x[i];
        f += 100 * a * a + b * b;
        g[i] += -400 * x[i] * a - 2 * b;
        g[i + 1] += 200 * a;
    }
    return f;
}

/// The Hessian, row-major N x N (tridiagonal):
///   H_ii     = 1200 x_i^2 - 400 x_{i+1} + 2 [i < N-1] + 200 [i > 0]
///   H_i,i+1  = H_i+1,i = -400 x_i
template <std::size_t N, class T>
inline void hessian(const T* x, T* h) {
    for (std::size_t k = 0; k < N * N; ++k) h[k] = 0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        h[i * N + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
        h[(i + 1) * N + i + 1] += 200;
        h[i * N + i + 1] = -400 * x[i];
        h[(i + 1) * N + i] = -400 * x[i];
    }
}

}  // namespace tapeless_bench::rosenbrock
