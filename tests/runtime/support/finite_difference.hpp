// Finite-difference checks of symbolic derivatives, shared by derivative_rules*.cpp: d(f, x)
// against a Richardson-extrapolated central difference of f, d(f, x, x) against the difference
// quotient of d(f, x), and so on. Counts the checks and prints the total when the program ends.
#pragma once

#include <catch2/catch.hpp>

#include <tapeless/expr/operators.hpp>
#include <tapeless/symbolic/derivative.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <initializer_list>

namespace tapeless_test {

using tapeless::d;

inline constexpr tapeless::var<"x"> x;
inline constexpr tapeless::var<"y"> y;

inline long total_checks = 0;

struct report_total {
    report_total() = default;
    report_total(const report_total&) = delete;
    report_total& operator=(const report_total&) = delete;
    ~report_total() {
        if (total_checks > 0) std::printf("%ld finite-difference checks of derivatives\n", total_checks);
    }
};
inline const report_total report;

/// Richardson extrapolation of the central difference: (4 D(h/2) - D(h)) / 3, error O(h^4).
template <class Fn>
double richardson(Fn fn, double t, double h) {
    const auto central = [&](double s) { return (fn(t + s) - fn(t - s)) / (2 * s); };
    return (4 * central(h / 2) - central(h)) / 3;
}

inline double step(double t) { return 2e-4 * std::max(1.0, std::abs(t)); }

/// The tolerance: relative 1e-7 of the derivative, plus the rounding error of the difference
/// quotient, which grows with the size of the function differenced (`scale`).
constexpr double rel_tol = 1e-7;
inline double abs_tol(double scale) { return 1e-9 * (1.0 + std::abs(scale)); }

inline bool agrees(double symbolic, double numeric, double scale) {
    return std::isfinite(symbolic) &&
           std::abs(symbolic - numeric) <= rel_tol * std::abs(numeric) + abs_tol(scale);
}

/// One check: the symbolic value against the finite difference, with the context on failure.
inline void compare(const char* name, const char* order, double a, double b, double symbolic, double numeric,
             double scale) {
    ++total_checks;
    INFO(name << ": derivative " << order << " at (" << a << ", " << b << "), symbolic " << symbolic
              << ", finite difference " << numeric);
    CHECK(agrees(symbolic, numeric, scale));
}

struct interval {
    double lo, hi;
};

/// 60 points spread over the intervals (open ends), the same number in each.
template <class Fn>
void for_points(std::initializer_list<interval> domain, Fn fn) {
    const int per = 60 / static_cast<int>(domain.size());
    for (const interval& iv : domain)
        for (int i = 0; i < per; ++i) fn(iv.lo + (iv.hi - iv.lo) * (i + 0.5) / per);
}

/// f(x): d, d2 and d3 against finite differences at 60 points of `domain`.
template <class E>
void check_unary(const char* name, const E& f, std::initializer_list<interval> domain) {
    const auto d1 = d(f, x);
    const auto d2 = d(f, x, x);
    const auto d3 = d(f, x, x, x);
    const auto fd = [](const auto& g, double t) {
        return richardson([&](double s) { return g(x = s); }, t, step(t));
    };
    for_points(domain, [&](double t) {
        compare(name, "x", t, 0, d1(x = t), fd(f, t), f(x = t));
        compare(name, "xx", t, 0, d2(x = t), fd(d1, t), d1(x = t));
        compare(name, "xxx", t, 0, d3(x = t), fd(d2, t), d2(x = t));
    });
}

/// Eight coordinates that avoid 0 (and the branch cut of atan2 along a zero first argument).
inline constexpr std::array<double, 8> grid_signed{-1.9, -1.3, -0.7, -0.2, 0.3, 0.8, 1.4, 2.0};
inline constexpr std::array<double, 8> grid_positive{0.3, 0.6, 0.9, 1.2, 1.5, 1.9, 2.4, 3.0};

/// f(x, y): both first partials, the four second and four third partials, on an 8 x 8 grid.
template <class E>
void check_binary(const char* name, const E& f, const std::array<double, 8>& xs,
                  const std::array<double, 8>& ys) {
    const auto fx = d(f, x);
    const auto fy = d(f, y);
    const auto fxx = d(f, x, x);
    const auto fxy = d(f, x, y);
    const auto fyx = d(f, y, x);
    const auto fyy = d(f, y, y);
    for (double a : xs) {
        for (double b : ys) {
            const auto at = [&](const auto& g) { return g(x = a, y = b); };
            const auto by_x = [&](const auto& g) {
                return richardson([&](double s) { return g(x = s, y = b); }, a, step(a));
            };
            const auto by_y = [&](const auto& g) {
                return richardson([&](double s) { return g(x = a, y = s); }, b, step(b));
            };
            compare(name, "x", a, b, at(fx), by_x(f), at(f));
            compare(name, "y", a, b, at(fy), by_y(f), at(f));
            compare(name, "xx", a, b, at(fxx), by_x(fx), at(fx));
            compare(name, "xy", a, b, at(fxy), by_y(fx), at(fx));
            compare(name, "yx", a, b, at(fyx), by_x(fy), at(fy));
            compare(name, "yy", a, b, at(fyy), by_y(fy), at(fy));
            compare(name, "xxx", a, b, at(d(f, x, x, x)), by_x(fxx), at(fxx));
            compare(name, "xxy", a, b, at(d(f, x, x, y)), by_y(fxx), at(fxx));
            compare(name, "xyy", a, b, at(d(f, x, y, y)), by_y(fxy), at(fxy));
            compare(name, "yyy", a, b, at(d(f, y, y, y)), by_y(fyy), at(fyy));
        }
    }
}

}  // namespace tapeless_test
