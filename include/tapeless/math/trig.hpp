// tapeless::math::sin, cos, tan, asin, acos, atan, atan2: constexpr (own code) / std:: at run time.
#pragma once

#include <tapeless/math/detail.hpp>

#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace tapeless::math {

/// Sine (radians). sin(+-inf) = NaN.
template <std::floating_point T> constexpr T sin(T x);
/// Cosine (radians). cos(+-inf) = NaN.
template <std::floating_point T> constexpr T cos(T x);
/// Tangent (radians). tan(+-inf) = NaN.
template <std::floating_point T> constexpr T tan(T x);
/// Arc sine in [-pi/2, pi/2]; NaN outside [-1, 1].
template <std::floating_point T> constexpr T asin(T x);
/// Arc cosine in [0, pi]; NaN outside [-1, 1].
template <std::floating_point T> constexpr T acos(T x);
/// Arc tangent in [-pi/2, pi/2].
template <std::floating_point T> constexpr T atan(T x);
/// Angle of the point (x, y) in [-pi, pi], with the IEEE signed-zero and infinity cases.
template <std::floating_point T> constexpr T atan2(T y, T x);

namespace detail {

// pi/2 in four parts; the first three have 33 significant bits, so k * part is exact for
// |k| < 2^20 (Cody-Waite), the fourth carries the rest (error of the sum ~2^-152).
inline constexpr double pio2_p1 = 0x1.921fb54400000p+0;
inline constexpr double pio2_p2 = 0x1.0b4611a600000p-34;
inline constexpr double pio2_p3 = 0x1.3198a2e000000p-69;
inline constexpr double pio2_p4 = 0x1.b839a252049c1p-104;
inline constexpr double two_over_pi = 0x1.45f306dc9c883p-1;

// Bits of 2/pi after the binary point, 32 per word (1536 bits), for Payne-Hanek reduction.
inline constexpr std::uint32_t two_over_pi_bits[48] = {
    0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599, 0x3c439041,
    0xfe5163ab, 0xdebbc561, 0xb7246e3a, 0x424dd2e0, 0x06492eea, 0x09d1921c,
    0xfe1deb1c, 0xb129a73e, 0xe88235f5, 0x2ebb4484, 0xe99c7026, 0xb45f7e41,
    0x3991d639, 0x835339f4, 0x9c845f8b, 0xbdf9283b, 0x1ff897ff, 0xde05980f,
    0xef2f118b, 0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7, 0x4f463f66, 0x9e5fea2d,
    0x7527bac7, 0xebe5f17b, 0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1, 0x1f8d5d08,
    0x56033046, 0xfc7b6bab, 0xf0cfbc20, 0x9af4361d, 0xa9e39161, 0x5ee61b08,
    0x6599855f, 0x14a06840, 0x8dffd880, 0x4d732731, 0x06061556, 0xca73a8c9,
};

/// 32 bits of 2/pi starting at bit i (bit 1 is the first after the binary point; bits at
/// i <= 0 are zero).
constexpr std::uint32_t two_over_pi_window(int i) noexcept
{
    const int pos = i - 1;  // 0-based position of the first bit
    const int w = pos >= 0 ? pos / 32 : -((-pos + 31) / 32);
    const int off = pos - 32 * w;
    auto word = [](int k) -> std::uint64_t {
        return (k >= 0 && k < 48) ? two_over_pi_bits[k] : 0u;
    };
    const std::uint64_t both = (word(w) << 32) | word(w + 1);
    return static_cast<std::uint32_t>((both << off) >> 32);
}

/// x = q * pi/2 + r, |r| <= ~pi/4, r as a double-double; q only modulo 4 matters.
struct reduced {
    dd r;
    int q;
};

/// Payne-Hanek reduction for finite |x| >= 2^20: multiply the 53-bit integer mantissa by a
/// 256-bit window of 2/pi, keep the product modulo 4.
constexpr reduced rem_pio2_large(double ax) noexcept
{
    constexpr int limbs = 8;
    const int ex = exponent_of(ax);
    const auto mant = static_cast<std::uint64_t>(ldexp(ax, 52 - ex));  // 2^52 <= M < 2^53
    const int e = ex - 52;                                                      // ax = M * 2^e
    // Bits of 2/pi at index <= e - 2 contribute multiples of 4 to x * 2/pi: start at e - 1.
    std::uint32_t w[limbs] = {};  // least significant first
    for (int j = 0; j < limbs; ++j) {
        w[limbs - 1 - j] = two_over_pi_window(e - 1 + 32 * j);
    }
    const std::uint32_t m[2] = {static_cast<std::uint32_t>(mant & 0xffffffffu),
                                static_cast<std::uint32_t>(mant >> 32)};
    std::uint32_t res[limbs] = {};
    for (int a = 0; a < 2; ++a) {
        std::uint64_t carry = 0;
        for (int b = 0; a + b < limbs; ++b) {
            const std::uint64_t cur =
                static_cast<std::uint64_t>(m[a]) * w[b] + res[a + b] + carry;
            res[a + b] = static_cast<std::uint32_t>(cur);
            carry = cur >> 32;
        }
    }
    // res / 2^(32*limbs - 2) = x * 2/pi mod 4: top two bits the quadrant, the rest the fraction.
    int q = static_cast<int>(res[limbs - 1] >> 30);
    res[limbs - 1] &= 0x3fffffffu;
    bool negative = false;
    if ((res[limbs - 1] & 0x20000000u) != 0) {  // fraction >= 1/2: use fraction - 1
        negative = true;
        q += 1;
        std::uint64_t borrow = 1;  // two's complement within 30 + 32*(limbs-1) bits
        for (std::uint32_t& limb : res) {
            const std::uint64_t v = static_cast<std::uint64_t>(~limb) + borrow;
            limb = static_cast<std::uint32_t>(v);
            borrow = v >> 32;
        }
        res[limbs - 1] &= 0x3fffffffu;
    }
    dd f{0.0, 0.0};
    for (int t = 0; t < limbs; ++t) {  // least significant first: no cancellation
        f = add(f, ldexp(static_cast<double>(res[t]), 32 * t - (32 * limbs - 2)));
    }
    dd r = mul(f, pio2_dd);
    if (negative) {
        r = neg(r);
    }
    return {r, q & 3};
}

constexpr reduced rem_pio2(double x) noexcept
{
    const double ax = fabs(x);
    if (ax <= 0x1.921fb54442d18p-1) {
        return {{x, 0.0}, 0};
    }
    if (ax < 0x1p20) {
        // Cody-Waite, four parts: x - k*p1 is exact (Sterbenz), k*p2 and k*p3 are exact.
        const double kd = nearest(x * two_over_pi);
        const double r1 = x - kd * pio2_p1;
        dd r = two_sum(r1, -(kd * pio2_p2));
        r = add(r, -(kd * pio2_p3));
        r = add(r, neg(two_prod(kd, pio2_p4)));
        return {r, static_cast<int>(static_cast<std::int64_t>(kd) & 3)};
    }
    reduced red = rem_pio2_large(ax);
    if (x < 0) {
        red.r = neg(red.r);
        red.q = (4 - red.q) & 3;
    }
    return red;
}

/// sin(r.hi + r.lo) for |r| <= ~0.8, as a double-double (relative error ~2^-56).
constexpr dd sin_kernel(dd r) noexcept
{
    const double x = r.hi;
    const double z = x * x;
    double p = -1.0 / 121645100408832000.0;  // -1/19!
    p = p * z + 1.0 / 355687428096000.0;
    p = p * z - 1.0 / 1307674368000.0;
    p = p * z + 1.0 / 6227020800.0;
    p = p * z - 1.0 / 39916800.0;
    p = p * z + 1.0 / 362880.0;
    p = p * z - 1.0 / 5040.0;
    p = p * z + 1.0 / 120.0;
    p = p * z - 1.0 / 6.0;
    return fast_two_sum(x, x * z * p + r.lo * (1.0 - 0.5 * z));
}

/// cos(r.hi + r.lo) for |r| <= ~0.8, as a double-double.
constexpr dd cos_kernel(dd r) noexcept
{
    const double x = r.hi;
    const double z = x * x;
    double p = 1.0 / 2432902008176640000.0;  // 1/20!
    p = p * z - 1.0 / 6402373705728000.0;
    p = p * z + 1.0 / 20922789888000.0;
    p = p * z - 1.0 / 87178291200.0;
    p = p * z + 1.0 / 479001600.0;
    p = p * z - 1.0 / 3628800.0;
    p = p * z + 1.0 / 40320.0;
    p = p * z - 1.0 / 720.0;
    p = p * z + 1.0 / 24.0;
    const dd h = scale(two_prod(x, x), 0.5);
    const dd c = two_sum(1.0, -h.hi);
    return fast_two_sum(c.hi, c.lo - h.lo + z * z * p - x * r.lo);
}

constexpr double sin_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (is_inf(x)) {
        return nan_v;
    }
    if (fabs(x) < 0x1p-27) {
        return x;  // sin x = x (1 - x^2/6) rounds to x; keeps -0
    }
    const reduced red = rem_pio2(x);
    switch (red.q) {
    case 0: return sin_kernel(red.r).hi;
    case 1: return cos_kernel(red.r).hi;
    case 2: return -sin_kernel(red.r).hi;
    default: return -cos_kernel(red.r).hi;
    }
}

constexpr double cos_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (is_inf(x)) {
        return nan_v;
    }
    if (fabs(x) < 0x1p-27) {
        return 1.0;
    }
    const reduced red = rem_pio2(x);
    switch (red.q) {
    case 0: return cos_kernel(red.r).hi;
    case 1: return -sin_kernel(red.r).hi;
    case 2: return -cos_kernel(red.r).hi;
    default: return sin_kernel(red.r).hi;
    }
}

constexpr double tan_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    if (is_inf(x)) {
        return nan_v;
    }
    if (fabs(x) < 0x1p-27) {
        return x;
    }
    const reduced red = rem_pio2(x);
    const dd s = sin_kernel(red.r);
    const dd c = cos_kernel(red.r);
    return (red.q & 1) == 0 ? div(s, c).hi : -div(c, s).hi;
}

// atan(j/16), j = 0..16, as double-doubles.
inline constexpr dd atan_table[17] = {
    {0x0.0p+0, 0x0.0p+0},
    {0x1.ff55bb72cfdeap-5, -0x1.c934d86d23f1dp-60},
    {0x1.fd5ba9aac2f6ep-4, -0x1.cd37686760c17p-59},
    {0x1.7b97b4bce5b02p-3, 0x1.347b0b4f881cap-58},
    {0x1.f5b75f92c80ddp-3, 0x1.8ab6e3cf7afbdp-57},
    {0x1.362773707ebccp-2, -0x1.963a544b672d8p-57},
    {0x1.6f61941e4def1p-2, -0x1.c63aae6f6e918p-56},
    {0x1.a64eec3cc23fdp-2, -0x1.24dec1b50b7ffp-56},
    {0x1.dac670561bb4fp-2, 0x1.a2b7f222f65e2p-56},
    {0x1.0657e94db30d0p-1, -0x1.d5b495f6349e6p-56},
    {0x1.1e00babdefeb4p-1, -0x1.928df287a668fp-58},
    {0x1.345f01cce37bbp-1, 0x1.1021137c71102p-55},
    {0x1.4978fa3269ee1p-1, 0x1.2419a87f2a458p-56},
    {0x1.5d58987169b18p-1, 0x1.0028e4bc5e7cap-57},
    {0x1.700a7c5784634p-1, -0x1.8c34d25aadef6p-56},
    {0x1.819d0b7158a4dp-1, -0x1.bf76229d3b917p-56},
    {0x1.921fb54442d18p-1, 0x1.1a62633145c07p-55},
};

/// atan(t) for a double-double t in [0, 1 + 2^-40], relative error ~2^-60.
constexpr dd atan_unit(dd t) noexcept
{
    const int j = static_cast<int>(nearest(t.hi * 16.0));
    const double c = j / 16.0;
    // atan t = atan c + atan u, u = (t - c) / (1 + t c), |u| <= 1/32
    const dd u = j == 0 ? t : div(add(t, -c), add(mul(t, c), 1.0));
    const double u2 = u.hi * u.hi;
    double p = -1.0 / 15;
    p = p * u2 + 1.0 / 13;
    p = p * u2 - 1.0 / 11;
    p = p * u2 + 1.0 / 9;
    p = p * u2 - 1.0 / 7;
    p = p * u2 + 1.0 / 5;
    p = p * u2 - 1.0 / 3;
    return add(atan_table[j], add(u, u.hi * u2 * p));
}

/// atan2 for a first-quadrant point given as double-doubles of comparable magnitude
/// (both positive, or y == 0): an angle in [0, pi/2].
constexpr dd atan2_first_quadrant(dd y, dd x) noexcept
{
    if (y.hi <= x.hi) {
        return atan_unit(div(y, x));
    }
    return add(pio2_dd, neg(atan_unit(div(x, y))));
}

constexpr double atan_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    const double ax = fabs(x);
    if (ax < 0x1p-27) {
        return x;
    }
    if (ax > 0x1p60) {
        return copy_sign(pio2_dd.hi, x);
    }
    const dd a = ax <= 1.0 ? atan_unit({ax, 0.0})
                           : add(pio2_dd, neg(atan_unit(div({1.0, 0.0}, {ax, 0.0}))));
    return copy_sign(a.hi, x);
}

constexpr double atan2_impl(double y, double x) noexcept
{
    if (is_nan(x) || is_nan(y)) {
        return nan_v;
    }
    const bool x_neg = sign_bit(x);
    if (y == 0) {
        return x_neg ? copy_sign(pi_dd.hi, y) : y;
    }
    if (x == 0) {
        return copy_sign(pio2_dd.hi, y);
    }
    if (is_inf(y)) {
        if (is_inf(x)) {
            // +-pi/4 or +-3pi/4
            return copy_sign(x_neg ? add(pi_dd, neg(scale(pio2_dd, 0.5))).hi : 0.5 * pio2_dd.hi, y);
        }
        return copy_sign(pio2_dd.hi, y);
    }
    if (is_inf(x)) {
        return x_neg ? copy_sign(pi_dd.hi, y) : copy_sign(0.0, y);
    }
    const double ay = fabs(y);
    const double ax = fabs(x);
    const int ey = exponent_of(ay);
    const int exx = exponent_of(ax);
    dd angle{0.0, 0.0};
    if (ey - exx > 60) {
        angle = pio2_dd;  // pi/2 - ax/ay rounds like pi/2
    } else if (exx - ey > 60) {
        angle = {ay / ax, 0.0};  // atan(t) rounds like t; may be subnormal
    } else {
        const int s = -(ey > exx ? ey : exx);
        angle = atan2_first_quadrant({ldexp(ay, s), 0.0}, {ldexp(ax, s), 0.0});
    }
    if (x_neg) {
        angle = add(pi_dd, neg(angle));
    }
    return copy_sign(angle.hi, y);
}

/// 1 - a^2 as an exact double-double, for 0 <= a <= 1.
constexpr dd one_minus_square(double a) noexcept
{
    const dd p = two_prod(a, a);
    return add(two_sum(1.0, -p.hi), -p.lo);
}

constexpr double asin_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    const double ax = fabs(x);
    if (ax > 1.0) {
        return nan_v;
    }
    if (ax == 1.0) {
        return copy_sign(pio2_dd.hi, x);
    }
    if (ax < 0x1p-27) {
        return x;
    }
    const dd c = sqrt_dd(one_minus_square(ax));
    return copy_sign(atan2_first_quadrant({ax, 0.0}, c).hi, x);
}

constexpr double acos_impl(double x) noexcept
{
    if (is_nan(x)) {
        return x;
    }
    const double ax = fabs(x);
    if (ax > 1.0) {
        return nan_v;
    }
    if (x == 1.0) {
        return 0.0;
    }
    if (x == -1.0) {
        return pi_dd.hi;
    }
    if (ax < 0x1p-57) {
        return pio2_dd.hi;
    }
    const dd s = sqrt_dd(one_minus_square(ax));
    const dd angle = atan2_first_quadrant(s, {ax, 0.0});
    return x < 0 ? add(pi_dd, neg(angle)).hi : angle.hi;
}

}  // namespace detail

// Constant evaluation: double-precision code (float rounds the double result once;
// long double is computed in double). Run time: the standard library.

template <std::floating_point T>
constexpr T sin(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::sin_impl(static_cast<double>(x)));
    }
    return std::sin(x);
}

template <std::floating_point T>
constexpr T cos(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::cos_impl(static_cast<double>(x)));
    }
    return std::cos(x);
}

namespace detail {

/// sin x and cos x.
template <std::floating_point T>
struct sin_cos_t {
    T sin;
    T cos;
};

/// sin x and cos x from one call where the C library has sincos (glibc: the same numbers as
/// sin and cos, and about the cost of one of them); else, and in constant evaluation, from
/// sin and cos. For dual numbers, whose sin and cos each need both.
template <std::floating_point T>
constexpr sin_cos_t<T> sin_cos(T x)
{
#if defined(__GLIBC__) && defined(__USE_GNU)  // glibc declares sincos with _GNU_SOURCE
    if (!std::is_constant_evaluated()) {
        if constexpr (std::is_same_v<T, double>) {
            sin_cos_t<T> r{};
            ::sincos(x, &r.sin, &r.cos);
            return r;
        } else if constexpr (std::is_same_v<T, float>) {
            sin_cos_t<T> r{};
            ::sincosf(x, &r.sin, &r.cos);
            return r;
        } else if constexpr (std::is_same_v<T, long double>) {
            sin_cos_t<T> r{};
            ::sincosl(x, &r.sin, &r.cos);
            return r;
        }
    }
#endif
    return {math::sin(x), math::cos(x)};
}

}  // namespace detail

template <std::floating_point T>
constexpr T tan(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::tan_impl(static_cast<double>(x)));
    }
    return std::tan(x);
}

template <std::floating_point T>
constexpr T asin(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::asin_impl(static_cast<double>(x)));
    }
    return std::asin(x);
}

template <std::floating_point T>
constexpr T acos(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::acos_impl(static_cast<double>(x)));
    }
    return std::acos(x);
}

template <std::floating_point T>
constexpr T atan(T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::atan_impl(static_cast<double>(x)));
    }
    return std::atan(x);
}

template <std::floating_point T>
constexpr T atan2(T y, T x)
{
    if (std::is_constant_evaluated()) {
        return static_cast<T>(detail::atan2_impl(static_cast<double>(y), static_cast<double>(x)));
    }
    return std::atan2(y, x);
}

}  // namespace tapeless::math
