// Edge-case checks shared by tests/runtime/edge_cases*.cpp: one row is a point, the value the
// expression must have there and its documented partial derivatives; every row is computed in
// every mode (symbolic d evaluated, reverse grad, forward_grad, dual evaluation) and each
// result is compared with the documented one. Values compare exactly (NaN as NaN, the sign of
// a zero, infinities); derivatives compare NaN as NaN, infinities exactly, zeros without their
// sign (not specified: a sum of contributions +0 + -0 is +0 in one mode where another has -0),
// and other finite numbers within 4 ulp.
#pragma once

#include <catch2/catch.hpp>

#include <tapeless/tapeless.hpp>

#include <cmath>
#include <initializer_list>
#include <limits>

namespace edge {

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double qnan = std::numeric_limits<double>::quiet_NaN();

inline constexpr tapeless::var<"x"> x;
inline constexpr tapeless::var<"y"> y;

inline long rows_checked = 0;

/// Values: bit-for-bit the same class (NaN, signed zero, inf) and the same finite number.
inline bool same_value(double got, double want) {
    if (std::isnan(want)) return std::isnan(got);
    if (want == 0) return got == 0 && std::signbit(got) == std::signbit(want);
    return got == want;
}

/// Derivatives: NaN as NaN, infinities exactly, zeros of either sign, else within 4 ulp.
inline bool same_derivative(double got, double want) {
    if (std::isnan(want)) return std::isnan(got);
    if (std::isinf(want) || want == 0) return got == want;
    return std::abs(got - want) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(want);
}

/// One variable: f(x0) = value, f'(x0) = dx.
struct row1 {
    double x;
    double value;
    double dx;
};

/// Two variables: f(x0, y0) = value, df/dx = dx, df/dy = dy.
struct row2 {
    double x;
    double y;
    double value;
    double dx;
    double dy;
};

template <class E>
void check(const char* name, const E& e, std::initializer_list<row1> rows) {
    using tapeless::d;
    for (const row1& r : rows) {
        ++rows_checked;
        const auto g = tapeless::grad(e, x = r.x);
        const auto f = tapeless::forward_grad(e, x = r.x);
        const auto u = e(x = tapeless::dual<double, 1>::variable(r.x, 0));
        const double values[] = {e(x = r.x), g.value(), f.value(), u.value()};
        const double partials[] = {d(e, x)(x = r.x), g[x], f[x], u.grad()(0)};
        const char* const modes[] = {"evaluation / d", "grad", "forward_grad", "dual"};
        for (int m = 0; m < 4; ++m) {
            INFO(name << " at x = " << r.x << ", mode " << modes[m] << ": value " << values[m]
                      << " (want " << r.value << "), derivative " << partials[m] << " (want "
                      << r.dx << ")");
            CHECK(same_value(values[m], r.value));
            CHECK(same_derivative(partials[m], r.dx));
        }
    }
}

template <class E>
void check2(const char* name, const E& e, std::initializer_list<row2> rows) {
    using tapeless::d;
    using tapeless::wrt;
    for (const row2& r : rows) {
        ++rows_checked;
        using D2 = tapeless::dual<double, 2>;
        using D1 = tapeless::dual<double, 1>;
        const auto g = tapeless::grad(e, x = r.x, y = r.y);
        const auto f = tapeless::forward_grad(e, x = r.x, y = r.y);
        const auto fx = tapeless::forward_grad(e, wrt(x), x = r.x, y = r.y);
        const auto fy = tapeless::forward_grad(e, wrt(y), x = r.x, y = r.y);
        const auto u = e(x = D2::variable(r.x, 0), y = D2::variable(r.y, 1));
        const auto ux = e(x = D1::variable(r.x, 0), y = r.y);
        const auto uy = e(x = r.x, y = D1::variable(r.y, 0));
        const double values[] = {e(x = r.x, y = r.y), g.value(), f.value(), fx.value(),
                                 fy.value(), u.value(), ux.value(), uy.value()};
        const double dxs[] = {d(e, x)(x = r.x, y = r.y), g[x], f[x], fx[x],
                              fx[x], u.grad()(0), ux.grad()(0), ux.grad()(0)};
        const double dys[] = {d(e, y)(x = r.x, y = r.y), g[y], f[y], fy[y],
                              fy[y], u.grad()(1), uy.grad()(0), uy.grad()(0)};
        const char* const modes[] = {"evaluation / d", "grad", "forward_grad",
                                     "forward_grad wrt(x)", "forward_grad wrt(y)",
                                     "dual<double, 2>", "dual in x, y a number",
                                     "dual in y, x a number"};
        for (int m = 0; m < 8; ++m) {
            INFO(name << " at (x, y) = (" << r.x << ", " << r.y << "), mode " << modes[m]
                      << ": value " << values[m] << " (want " << r.value << "), d/dx " << dxs[m]
                      << " (want " << r.dx << "), d/dy " << dys[m] << " (want " << r.dy << ")");
            CHECK(same_value(values[m], r.value));
            CHECK(same_derivative(dxs[m], r.dx));
            CHECK(same_derivative(dys[m], r.dy));
        }
    }
}

}  // namespace edge
