// Helpers shared by the benchmark problems: binding a family of variables to an array.
#pragma once

#include <tapeless/tapeless.hpp>

#include <cstddef>
#include <utility>

namespace tapeless_bench {

/// Calls fn(x0 = p[0], x1 = p[1], ..., x{N-1} = p[N-1]) for the family vars<Prefix, N>.
/// Inlined, like the hand-written code it is timed against: not a call that passes N
/// bindings by reference (fn itself is inlined when it is marked TAPELESS_LAMBDA_INLINE).
template <tapeless::fixed_string Prefix, std::size_t N, class T, class Fn>
TAPELESS_FORCE_INLINE constexpr decltype(auto) with_family(const T* p, Fn&& fn) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) TAPELESS_LAMBDA_INLINE -> decltype(auto) {
        return fn((tapeless::get<I>(tapeless::vars<Prefix, N>) = p[I])...);
    }(std::make_index_sequence<N>{});
}

/// Relative difference |a - b| / max(|a|, |b|, floor): what the tests and the pre-timing
/// checks of the benchmarks compare.
template <class T>
constexpr double rel_diff(T a, T b, double floor = 1.0) {
    const auto x = static_cast<double>(a), y = static_cast<double>(b);
    const double ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    double m = ax > ay ? ax : ay;
    if (m < floor) m = floor;
    const double d = x - y;
    return (d < 0 ? -d : d) / m;
}

}  // namespace tapeless_bench
