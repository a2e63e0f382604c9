// The tutorial problems: f(u, v) = u*v + u^2 and y = x^2, with hand-written derivatives.
#pragma once

#include "common.hpp"

#include <array>

namespace tapeless_bench::tutorial {

inline constexpr tapeless::var<"u"> u;
inline constexpr tapeless::var<"v"> v;
inline constexpr tapeless::var<"x"> x;

/// f(u, v) = u*v + u^2 as a tapeless expression.
inline constexpr auto f = u * v + pow(u, 2);
/// y = x^2 as a tapeless expression.
inline constexpr auto y = pow(x, 2);

/// f as plain generic C++ (for dual numbers and the peers).
template <class T>
constexpr T f_generic(const T& uu, const T& vv) {
    return uu * vv + uu * uu;
}
template <class T>
constexpr T y_generic(const T& xx) {
    return xx * xx;
}

// ---- hand-written derivatives ---------------------------------------------------------------

/// {f, df/du, df/dv}: df/du = v + 2u, df/dv = u.
template <class T>
struct f_grad_t {
    T value, du, dv;
};
template <class T>
constexpr f_grad_t<T> f_grad(T uu, T vv) {
    return {uu * vv + uu * uu, vv + 2 * uu, uu};
}

/// The Hessian of f: [[2, 1], [1, 0]], row-major.
template <class T>
constexpr std::array<T, 4> f_hessian(T, T) {
    return {T(2), T(1), T(1), T(0)};
}

/// {y, dy/dx = 2x, d2y/dx2 = 2}.
template <class T>
struct y_derivs_t {
    T value, dx, dxx;
};
template <class T>
constexpr y_derivs_t<T> y_derivs(T xx) {
    return {xx * xx, 2 * xx, T(2)};
}

}  // namespace tapeless_bench::tutorial
