// Helpers of the static tests: a constexpr approximate comparison and an exact-type check.
#pragma once

#include <type_traits>

namespace tapeless_test {

/// |a - b| <= rel * max(|a|, |b|) + abs, in constant expressions (no <cmath>).
constexpr bool approx_equal(double a, double b, double rel = 1e-14, double abs = 0.0) {
    const double diff = a < b ? b - a : a - b;
    const double ma = a < 0 ? -a : a;
    const double mb = b < 0 ? -b : b;
    return diff <= rel * (ma > mb ? ma : mb) + abs;
}

/// True when `e` has exactly the type T (cv-qualifiers of the object are ignored, so that
/// constexpr variables can be passed).
template <class T, class E>
constexpr bool is_of_type(const E&) {
    return std::is_same_v<T, E>;
}

// The helpers must be able to say no.
static_assert(approx_equal(1.0, 1.0 + 1e-15) && !approx_equal(1.0, 1.0 + 1e-13));
static_assert(approx_equal(0.0, 1e-20, 0.0, 1e-19) && !approx_equal(0.0, 1e-18, 0.0, 1e-19));
static_assert(is_of_type<int>(1) && !is_of_type<long>(1));

}  // namespace tapeless_test
