// Helpers of the constexpr math layer: classification, exact scaling by powers of two, double-double arithmetic, constants.
#pragma once

#include <bit>
#include <concepts>
#include <cstdint>
#include <limits>

// Everything in this header is only ever run in constant evaluation (the public functions
// dispatch to <cmath> at run time), so it is written for the constant evaluators of GCC and
// Clang: GCC rejects any operation that overflows to infinity or produces a NaN, Clang rejects
// any operation whose result is a NaN (even one that merely propagates a NaN operand). So every
// helper is called only with finite operands that keep every intermediate result finite, and
// infinities and NaNs are returned from std::numeric_limits, never computed.
namespace tapeless::math::detail {

inline constexpr double inf_v = std::numeric_limits<double>::infinity();
inline constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();

constexpr bool is_nan(double x) noexcept { return x != x; }
constexpr bool is_inf(double x) noexcept { return x == inf_v || x == -inf_v; }
constexpr bool is_finite(double x) noexcept { return !is_nan(x) && !is_inf(x); }

/// Sign bit (also of zeros and NaNs); std::signbit is constexpr only from C++23.
constexpr bool sign_bit(double x) noexcept { return (std::bit_cast<std::uint64_t>(x) >> 63) != 0; }

/// |x| with the sign of s.
constexpr double copy_sign(double x, double s) noexcept
{
    const std::uint64_t m = std::bit_cast<std::uint64_t>(x) & ~(std::uint64_t{1} << 63);
    return std::bit_cast<double>(m | (std::bit_cast<std::uint64_t>(s) & (std::uint64_t{1} << 63)));
}

constexpr double fabs(double x) noexcept { return copy_sign(x, 1.0); }

/// 2^k for -1022 <= k <= 1023 (always exact, normal).
constexpr double pow2(int k) noexcept
{
    return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// floor(log2 |x|) for finite nonzero x, subnormals included.
constexpr int exponent_of(double x) noexcept
{
    const int biased = static_cast<int>((std::bit_cast<std::uint64_t>(x) >> 52) & 0x7ff);
    if (biased == 0) {
        return exponent_of(x * 0x1p54) - 54;
    }
    return biased - 1023;
}

/// x * 2^e, rounded once (correct also when the result is subnormal); saturates to inf / 0
/// explicitly instead of overflowing.
constexpr double ldexp(double x, int e) noexcept
{
    if (x == 0 || !is_finite(x)) {
        return x;
    }
    const int ex = exponent_of(x);
    const long target = static_cast<long>(ex) + e;
    if (target > 1023) {
        return copy_sign(inf_v, x);
    }
    if (target < -1076) {
        return copy_sign(0.0, x);
    }
    // Bring x to [1, 2) exactly (two steps for subnormals), then one rounding step at most.
    double m = x;
    if (ex < -1022) {
        m = m * pow2(1022) * pow2(-ex - 1022);
    } else if (ex > 1022) {
        m = m * pow2(-1022) * pow2(1022 - ex);
    } else {
        m = m * pow2(-ex);
    }
    const int t = static_cast<int>(target);
    if (t >= -1022) {
        return m * pow2(t);
    }
    return m * pow2(-1022) * pow2(t + 1022);
}

/// x = m * 2^e with m in [1, 2), for finite nonzero x.
struct decomposed {
    double m;
    int e;
};
constexpr decomposed decompose(double x) noexcept
{
    const int e = exponent_of(x);
    return {ldexp(x, -e), e};
}

/// Round to nearest (ties to even), for |x| < 2^51.
constexpr double nearest(double x) noexcept
{
    constexpr double magic = 0x1.8p52;
    return x >= 0 ? (x + magic) - magic : -((-x + magic) - magic);
}

/// true if x (finite) is an integer.
constexpr bool is_integer(double x) noexcept { return fabs(x) >= 0x1p52 || nearest(x) == x; }

/// true if x (finite) is an odd integer.
constexpr bool is_odd_integer(double x) noexcept
{
    if (fabs(x) >= 0x1p53 || !is_integer(x)) {
        return false;
    }
    return (static_cast<std::int64_t>(x) & 1) != 0;
}

// ---- double-double arithmetic (Dekker / Knuth); no FMA in constant evaluation -------------

/// An unevaluated sum hi + lo with |lo| <= ulp(hi) / 2.
struct dd {
    double hi;
    double lo;
};

constexpr dd two_sum(double a, double b) noexcept
{
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

/// Requires |a| >= |b| (or a == 0).
constexpr dd fast_two_sum(double a, double b) noexcept
{
    const double s = a + b;
    return {s, b - (s - a)};
}

/// Veltkamp split; |a| < 2^995 so that the scaling cannot overflow.
constexpr dd split(double a) noexcept
{
    const double t = 134217729.0 * a;
    const double hi = t - (t - a);
    return {hi, a - hi};
}

/// a * b exactly as hi + lo (|a|, |b| < 2^995, no underflow of the error term assumed).
constexpr dd two_prod(double a, double b) noexcept
{
    const double p = a * b;
    const dd sa = split(a);
    const dd sb = split(b);
    return {p, ((sa.hi * sb.hi - p) + sa.hi * sb.lo + sa.lo * sb.hi) + sa.lo * sb.lo};
}

constexpr dd neg(dd a) noexcept { return {-a.hi, -a.lo}; }

constexpr dd add(dd a, dd b) noexcept
{
    dd s = two_sum(a.hi, b.hi);
    const dd t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = fast_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return fast_two_sum(s.hi, s.lo);
}

constexpr dd add(dd a, double b) noexcept
{
    dd s = two_sum(a.hi, b);
    s.lo += a.lo;
    return fast_two_sum(s.hi, s.lo);
}

constexpr dd mul(dd a, dd b) noexcept
{
    dd p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return fast_two_sum(p.hi, p.lo);
}

constexpr dd mul(dd a, double b) noexcept
{
    dd p = two_prod(a.hi, b);
    p.lo += a.lo * b;
    return fast_two_sum(p.hi, p.lo);
}

/// Exact scaling by a power of two (no overflow / underflow assumed).
constexpr dd scale(dd a, double p2) noexcept { return {a.hi * p2, a.lo * p2}; }

constexpr dd div(dd a, dd b) noexcept
{
    const double q1 = a.hi / b.hi;
    const dd r = add(a, neg(mul(b, q1)));
    const double q2 = r.hi / b.hi;
    const dd r2 = add(r, neg(mul(b, q2)));
    const double q3 = r2.hi / b.hi;
    return add(fast_two_sum(q1, q2), q3);
}

/// Correctly rounded (in practice) square root of a double in [0, inf).
constexpr double sqrt_core(double x) noexcept
{
    if (x == 0) {
        return x;
    }
    auto [m, e] = decompose(x);
    if ((e & 1) != 0) {
        m *= 2;
        e -= 1;
    }
    // m in [1, 4): Newton from a linear guess, then one exact-residual correction step.
    double r = 0.5 + 0.375 * m;
    for (int i = 0; i < 6; ++i) {
        r = 0.5 * (r + m / r);
    }
    const dd p = two_prod(r, r);
    r += ((m - p.hi) - p.lo) / (2 * r);
    return ldexp(r, e / 2);
}

/// sqrt of a double-double in [0, 2^990).
constexpr dd sqrt_dd(dd a) noexcept
{
    const double s = sqrt_core(a.hi);
    if (s == 0) {
        return {0.0, 0.0};
    }
    const dd p = two_prod(s, s);
    const double r = (((a.hi - p.hi) - p.lo) + a.lo) / (2 * s);
    return fast_two_sum(s, r);
}

/// (v.hi + v.lo) * 2^k rounded once to double, also when the result is subnormal.
constexpr double ldexp_dd(dd v, int k) noexcept
{
    const double h = ldexp(v.hi, k);
    if (h == 0 || fabs(h) >= 0x1p-1022 || v.lo == 0 || is_inf(h)) {
        return h;
    }
    // Subnormal: the rounding of v.hi to a multiple of 2^-1074 may hit an exact tie that
    // v.lo breaks.
    const double units = ldexp(v.hi, k + 1074);  // exact: |units| < 2^53
    const double n = nearest(units);
    if (fabs(units - n) != 0.5) {
        return h;
    }
    const double up = units + (units > n ? 0.5 : -0.5);  // the other neighbour
    const double pick = ((v.lo > 0) == (up > n)) ? up : n;
    return ldexp(pick, -1074);
}

// ---- constants (mpmath, 2000 bits) ---------------------------------------------------------
// Written in hex next to their low parts (and ln2_p1, a 32-bit truncation, is not ln 2): the
// pairs would be harder to check against std::numbers.
// NOLINTBEGIN(modernize-use-std-numbers)

inline constexpr dd pi_dd{0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53};
inline constexpr dd pio2_dd{0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54};
inline constexpr dd ln2_dd{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
// ln 2 in three parts; the first two have 32 significant bits, so k * part is exact for |k| < 2^21.
inline constexpr double ln2_p1 = 0x1.62e42fee00000p-1;
inline constexpr double ln2_p2 = 0x1.a39ef35600000p-33;
inline constexpr double ln2_p3 = 0x1.93c7673007e5fp-65;
inline constexpr double inv_ln2 = 0x1.71547652b82fep+0;
inline constexpr dd two_over_sqrtpi_dd{0x1.20dd750429b6dp+0, 0x1.1ae3a914fed80p-56};
inline constexpr dd one_over_sqrtpi_dd{0x1.20dd750429b6dp-1, 0x1.1ae3a914fed80p-57};
// NOLINTEND(modernize-use-std-numbers)

}  // namespace tapeless::math::detail
