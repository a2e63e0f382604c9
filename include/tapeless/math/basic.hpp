// tapeless::math::abs and tapeless::math::sign, constexpr.
#pragma once

#include <cmath>
#include <concepts>
#include <limits>
#include <type_traits>

namespace tapeless::math {

/// |x|; abs(-0.0) == +0.0. Constant evaluation: own code; run time: std::abs.
template <std::floating_point T>
constexpr T abs(T x)
{
    if (std::is_constant_evaluated()) {
        if (x < 0) {
            return -x;
        }
        return x == 0 ? T(0) : x;  // also turns -0 into +0; NaN passes through
    }
    return std::abs(x);
}

/// Sign of x: -1, 0 or +1 (sign(+-0) == +0), NaN for NaN. The derivative of abs away from 0.
/// The same code in constant evaluation and at run time.
template <std::floating_point T>
constexpr T sign(T x)
{
    if (x > 0) {
        return T(1);
    }
    if (x < 0) {
        return T(-1);
    }
    return x == 0 ? T(0) : std::numeric_limits<T>::quiet_NaN();
}

}  // namespace tapeless::math
