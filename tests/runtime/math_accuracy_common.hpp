// Shared machinery of the math accuracy tests: constexpr input grids, chunked constant evaluation, ulp errors.
#pragma once

#include <tapeless/math/math.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace math_accuracy {

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
inline constexpr long double pio2_ld = 1.570796326794896619231321691639751442L;

/// Two arguments of a binary function.
struct xy {
    double x;
    double y;
};

/// Deterministic pseudo-random numbers (splitmix64), usable in constant evaluation.
struct rng {
    std::uint64_t state;
    constexpr std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// uniform in [0, 1)
    constexpr double unit() { return static_cast<double>(next() >> 11) * 0x1p-53; }
    constexpr double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
    /// log-uniform in [lo, hi] (0 < lo < hi): uniform over the bit patterns.
    constexpr double log_uniform(double lo, double hi)
    {
        const auto a = std::bit_cast<std::uint64_t>(lo);
        const auto b = std::bit_cast<std::uint64_t>(hi);
        return std::bit_cast<double>(a + next() % (b - a + 1));
    }
};

/// A fixed-capacity list of inputs built in constant evaluation.
template <class Arg, std::size_t N>
struct grid {
    std::array<Arg, N> values{};
    std::size_t count = 0;
    constexpr void add(Arg a)
    {
        if (count < N) {
            values[count++] = a;
        }
    }
    constexpr std::size_t size() const { return count; }
    constexpr const Arg& operator[](std::size_t i) const { return values[i]; }
};

/// Function values at Inputs[I*Chunk, (I+1)*Chunk), each a separate constant expression so
/// that Clang's default -fconstexpr-steps suffices.
template <const auto& Inputs, auto Fn, std::size_t Chunk, std::size_t I>
inline constexpr auto chunk_values = [] {
    std::array<decltype(Fn(Inputs[0])), Chunk> out{};
    for (std::size_t k = 0; k < Chunk && I * Chunk + k < Inputs.size(); ++k) {
        out[k] = Fn(Inputs[I * Chunk + k]);
    }
    return out;
}();

/// All values of Fn over Inputs, computed in constant evaluation, copied out at run time.
template <const auto& Inputs, auto Fn, std::size_t Chunk = 128>
auto constant_evaluated()
{
    constexpr std::size_t n = Inputs.size();
    using R = decltype(Fn(Inputs[0]));
    std::vector<R> out;
    out.reserve(n);
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (
            [&] {
                for (std::size_t k = 0; k < Chunk && I * Chunk + k < n; ++k) {
                    out.push_back(chunk_values<Inputs, Fn, Chunk, I>[k]);
                }
            }(),
            ...);
    }(std::make_index_sequence<(n + Chunk - 1) / Chunk>{});
    return out;
}

inline constexpr double too_far = 1e30;  // the error reported for a wrong NaN / inf / zero sign

/// Error of got against the exact value ref (a long double), in ulps of T at ref. A NaN, an
/// infinity or a zero must match exactly (the correctly rounded result of ref), sign included.
template <class T>
double ulp_error(T got, long double ref)
{
    if (std::isnan(ref)) {
        return std::isnan(got) ? 0.0 : too_far;
    }
    const T r = static_cast<T>(ref);
    if (std::isinf(r)) {
        return got == r ? 0.0 : too_far;
    }
    if (std::isnan(got) || std::isinf(got)) {
        return too_far;
    }
    if (ref == 0) {
        return (got == 0 && std::signbit(got) == std::signbit(ref)) ? 0.0 : too_far;
    }
    constexpr int digits = std::numeric_limits<T>::digits;
    constexpr int min_exp = std::numeric_limits<T>::min_exponent - digits;  // exponent of the least subnormal
    int e = 0;
    std::frexp(static_cast<long double>(r == 0 ? std::numeric_limits<T>::denorm_min() : r), &e);
    const long double ulp = std::ldexp(1.0L, std::max(e - digits, min_exp));
    return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / ulp);
}

/// One line of the accuracy table.
struct row {
    std::string name;
    std::size_t points = 0;
    double worst = 0;     // against the long double reference
    std::string where;    // argument(s) of the worst error
    double vs_std = 0;    // largest distance to the run-time std:: result, in ulps of the reference
    double worst_float = -1;  // against the reference, in float ulps; -1: not measured
};

inline std::string show(double x)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}
inline std::string show(xy a) { return show(a.x) + ", " + show(a.y); }
template <class A, class B>
std::string show(std::pair<A, B> a)
{
    return show(a.first) + ", " + std::to_string(a.second);
}

/// Compares constant-evaluated values with the reference and with std:: at run time.
template <class Arg, class Values, class Ref, class Std>
row measure(std::string name, const auto& inputs, const Values& values, Ref ref, Std std_fn)
{
    row r;
    r.name = std::move(name);
    r.points = values.size();
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Arg a = inputs[i];
        const long double exact = ref(a);
        const double err = ulp_error(values[i], exact);
        if (err > r.worst || (err != err)) {
            r.worst = err;
            r.where = show(a);
        }
        const double s = std_fn(a);
        const double d = (std::isnan(s) && std::isnan(values[i])) || s == values[i]
                             ? 0.0
                             : ulp_error(values[i], static_cast<long double>(s));
        r.vs_std = std::max(r.vs_std, d);
    }
    return r;
}

/// Every 8th input, as float: the float check of a unary function.
template <std::size_t N>
constexpr auto float_subset(const grid<double, N>& g)
{
    grid<float, N / 8 + 1> out;
    for (std::size_t i = 0; i < g.size(); i += 8) {
        out.add(static_cast<float>(g[i]));
    }
    return out;
}

/// Accuracy row of a unary function: its double values over Inputs and float values over
/// FloatInputs, all computed in constant evaluation.
template <const auto& Inputs, auto Fn, const auto& FloatInputs, auto FloatFn, class Ref, class Std>
row unary(const char* name, Ref ref, Std std_fn)
{
    const auto values = constant_evaluated<Inputs, Fn>();
    row r = measure<double>(name, Inputs, values, ref, std_fn);
    const auto fvalues = constant_evaluated<FloatInputs, FloatFn>();
    r.worst_float = 0;
    for (std::size_t i = 0; i < fvalues.size(); ++i) {
        r.worst_float = std::max(r.worst_float, ulp_error(fvalues[i], ref(static_cast<long double>(FloatInputs[i]))));
    }
    return r;
}

inline void print_table(const char* title, const std::vector<row>& rows)
{
    std::string text = std::string(title) +
                       "\nfunction                 points  worst ulp (vs long double)  float ulp  max ulp vs std::  worst at\n";
    for (const row& r : rows) {
        char buf[512];
        char float_col[32] = "        -";
        if (r.worst_float >= 0) {
            std::snprintf(float_col, sizeof float_col, "%9.3f", r.worst_float);
        }
        std::snprintf(buf, sizeof buf, "%-24s %6zu  %26.3f  %s  %16.3f  %s\n", r.name.c_str(), r.points, r.worst,
                      float_col, r.vs_std, r.where.c_str());
        text += buf;
    }
    std::fputs(text.c_str(), stdout);
    // The same numbers, narrow enough for Catch's 80-column report.
    std::string brief = std::string(title) + "\nworst ulp, double (float):\n";
    for (const row& r : rows) {
        char buf[128];
        std::snprintf(buf, sizeof buf, "  %-24s %7.3f", r.name.c_str(), r.worst);
        brief += buf;
        if (r.worst_float >= 0) {
            std::snprintf(buf, sizeof buf, " (%.3f)", r.worst_float);
            brief += buf;
        }
        brief += "\n";
    }
    WARN(brief);
}

}  // namespace math_accuracy
