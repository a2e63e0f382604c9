// Random expressions with static types for tests/runtime/random_crosscheck*.cpp: gen<Seed, Depth>()
// draws a node kind from a compile-time PRNG (splitmix64 of the seed) and recurses, so every
// seed is one expression type over the variables x, y, z, up to Depth levels deep, over every
// operation of the API. Domain-restricted operations get arguments that keep them valid
// (log(1 + a^2), asin(tanh(a)/2), pow(1 + a^2, c), ...), and some nodes reuse one generated
// subtree twice (`s*cos(s)`, `a + a`), which the reverse schedule must evaluate once.
#pragma once

#include <tapeless/tapeless.hpp>

#include <cstdint>

namespace random_expr {

inline constexpr tapeless::var<"x"> x;
inline constexpr tapeless::var<"y"> y;
inline constexpr tapeless::var<"z"> z;

/// splitmix64: a good 64-bit mix, usable in constant expressions.
constexpr std::uint64_t mix(std::uint64_t s) {
    s += 0x9e3779b97f4a7c15ULL;
    s = (s ^ (s >> 30)) * 0xbf58476d1ce4e5b9ULL;
    s = (s ^ (s >> 27)) * 0x94d049bb133111ebULL;
    return s ^ (s >> 31);
}

/// A constant in [lo, lo + width) drawn from r.
constexpr double draw(std::uint64_t r, double lo, double width) {
    return lo + width * static_cast<double>((r >> 11) % 1024) / 1024.0;
}

/// The number of node kinds below; kind 0 is a leaf.
inline constexpr std::uint64_t kinds = 37;

template <std::uint64_t S>
constexpr auto leaf() {
    constexpr std::uint64_t v = mix(S ^ 0x5bd1e995ULL) % 3;
    if constexpr (v == 0) {
        return x;
    } else if constexpr (v == 1) {
        return y;
    } else {
        return z;
    }
}

template <std::uint64_t S, int D>
constexpr auto gen() {
    constexpr std::uint64_t r = mix(S);
    if constexpr (D <= 0) {
        return leaf<r>();
    } else {
        // Deeper levels stop more often, so that types stay small enough to compile quickly.
        constexpr std::uint64_t k = (r % 8 < 1) ? 0 : (r >> 3) % kinds;
        constexpr std::uint64_t ra = mix(r ^ 0xa);
        constexpr std::uint64_t rb = mix(r ^ 0xb);
        // The right operand of a binary node is one level shallower half of the time, and
        // the same subtree as the left operand one time in five.
        constexpr bool same = (r >> 40) % 5 == 0;
        constexpr int db = D - 1 - static_cast<int>((r >> 44) % 2);
        constexpr double c = draw(r >> 17, 0.5, 1.5);          // [0.5, 2)
        constexpr double e = draw(r >> 29, -1.5, 3.0);         // [-1.5, 1.5)
        const auto a = gen<ra, D - 1>();
        const auto b = [&] {
            if constexpr (same) {
                return gen<ra, D - 1>();
            } else {
                return gen<rb, db>();
            }
        }();
        if constexpr (k == 0) return leaf<r>();
        else if constexpr (k == 1) return a + b;
        else if constexpr (k == 2) return a - b;
        else if constexpr (k == 3) return a * b;
        else if constexpr (k == 4) return a / (1.0 + pow(b, 2));
        else if constexpr (k == 5) return -a;
        else if constexpr (k == 6) return c * a;
        else if constexpr (k == 7) return a + c;
        else if constexpr (k == 8) return c - a;
        else if constexpr (k == 9) return pow(a, 2);
        else if constexpr (k == 10) return pow(a, 3);
        else if constexpr (k == 11) return pow(1.0 + pow(a, 2), -1);
        else if constexpr (k == 12) return pow(1.0 + pow(a, 2), e);          // pow(e, double)
        else if constexpr (k == 13) return pow(1.0 + pow(a, 2), tanh(b));    // pow(e, e)
        else if constexpr (k == 14) return sqrt(0.5 + pow(a, 2));
        else if constexpr (k == 15) return cbrt(a);
        else if constexpr (k == 16) return exp(a);
        else if constexpr (k == 17) return log(1.0 + pow(a, 2));
        else if constexpr (k == 18) return sin(a);
        else if constexpr (k == 19) return cos(a);
        else if constexpr (k == 20) return tan(tanh(a));
        else if constexpr (k == 21) return asin(tanh(a) / 2.0);
        else if constexpr (k == 22) return acos(tanh(a) / 2.0);
        else if constexpr (k == 23) return atan(a);
        else if constexpr (k == 24) return atan2(a, b);
        else if constexpr (k == 25) return sinh(a);
        else if constexpr (k == 26) return cosh(a);
        else if constexpr (k == 27) return tanh(a);
        else if constexpr (k == 28) return abs(a);
        else if constexpr (k == 29) return hypot(a, b);
        else if constexpr (k == 30) return log1p(pow(a, 2));
        else if constexpr (k == 31) return expm1(a);
        else if constexpr (k == 32) return erf(a);
        else if constexpr (k == 33) return a * cos(a) + b;                   // shared subtree a
        else if constexpr (k == 34) return exp(-pow(a, 2)) * (a - b);        // shared subtree a
        else if constexpr (k == 35) return pow(c, tanh(a));                  // pow(number, e)
        else return c / (1.0 + pow(a, 2));
    }
}

}  // namespace random_expr
