// Calls an elementary function on any value: tapeless::math for numbers (constant evaluation
// included), and the operand's own overload, found by ADL, for dual numbers and Eigen arrays.
#pragma once

#include "tapeless/math/math.hpp"

#include <type_traits>

// Generated list: one forwarding function per elementary function; keep in step with ops/.
namespace tapeless::detail::adl {
// Nothing in this namespace is named like an elementary function, so the unqualified calls
// below find the operand's own overloads (tapeless::dual in namespace tapeless, Eigen's
// array functions in namespace Eigen) by argument-dependent lookup.

template <class A>
constexpr auto call_sqrt(const A& a) {
    return sqrt(a);
}

template <class A>
constexpr auto call_cbrt(const A& a) {
    return cbrt(a);
}

template <class A>
constexpr auto call_exp(const A& a) {
    return exp(a);
}

template <class A>
constexpr auto call_log(const A& a) {
    return log(a);
}

template <class A>
constexpr auto call_sin(const A& a) {
    return sin(a);
}

template <class A>
constexpr auto call_cos(const A& a) {
    return cos(a);
}

template <class A>
constexpr auto call_tan(const A& a) {
    return tan(a);
}

template <class A>
constexpr auto call_asin(const A& a) {
    return asin(a);
}

template <class A>
constexpr auto call_acos(const A& a) {
    return acos(a);
}

template <class A>
constexpr auto call_atan(const A& a) {
    return atan(a);
}

template <class A>
constexpr auto call_sinh(const A& a) {
    return sinh(a);
}

template <class A>
constexpr auto call_cosh(const A& a) {
    return cosh(a);
}

template <class A>
constexpr auto call_tanh(const A& a) {
    return tanh(a);
}

template <class A>
constexpr auto call_abs(const A& a) {
    return abs(a);
}

template <class A>
constexpr auto call_log1p(const A& a) {
    return log1p(a);
}

template <class A>
constexpr auto call_expm1(const A& a) {
    return expm1(a);
}

template <class A>
constexpr auto call_erf(const A& a) {
    return erf(a);
}

template <class A>
constexpr auto call_sign(const A& a) {
    return sign(a);
}

template <class A, class B>
constexpr auto call_atan2(const A& a, const B& b) {
    return atan2(a, b);
}

template <class A, class B>
constexpr auto call_hypot(const A& a, const B& b) {
    return hypot(a, b);
}

template <class A, class B>
constexpr auto call_pow(const A& a, const B& b) {
    return pow(a, b);
}

template <class A>
constexpr auto call_pow_int(const A& a, int n) {
    return pow(a, n);
}

}  // namespace tapeless::detail::adl

namespace tapeless::detail::fn {

template <class A>
constexpr auto sqrt(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::sqrt(a);
    } else {
        return adl::call_sqrt(a);
    }
}

template <class A>
constexpr auto cbrt(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::cbrt(a);
    } else {
        return adl::call_cbrt(a);
    }
}

template <class A>
constexpr auto exp(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::exp(a);
    } else {
        return adl::call_exp(a);
    }
}

template <class A>
constexpr auto log(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::log(a);
    } else {
        return adl::call_log(a);
    }
}

template <class A>
constexpr auto sin(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::sin(a);
    } else {
        return adl::call_sin(a);
    }
}

template <class A>
constexpr auto cos(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::cos(a);
    } else {
        return adl::call_cos(a);
    }
}

template <class A>
constexpr auto tan(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::tan(a);
    } else {
        return adl::call_tan(a);
    }
}

template <class A>
constexpr auto asin(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::asin(a);
    } else {
        return adl::call_asin(a);
    }
}

template <class A>
constexpr auto acos(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::acos(a);
    } else {
        return adl::call_acos(a);
    }
}

template <class A>
constexpr auto atan(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::atan(a);
    } else {
        return adl::call_atan(a);
    }
}

template <class A>
constexpr auto sinh(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::sinh(a);
    } else {
        return adl::call_sinh(a);
    }
}

template <class A>
constexpr auto cosh(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::cosh(a);
    } else {
        return adl::call_cosh(a);
    }
}

template <class A>
constexpr auto tanh(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::tanh(a);
    } else {
        return adl::call_tanh(a);
    }
}

template <class A>
constexpr auto abs(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::abs(a);
    } else {
        return adl::call_abs(a);
    }
}

template <class A>
constexpr auto log1p(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::log1p(a);
    } else {
        return adl::call_log1p(a);
    }
}

template <class A>
constexpr auto expm1(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::expm1(a);
    } else {
        return adl::call_expm1(a);
    }
}

template <class A>
constexpr auto erf(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::erf(a);
    } else {
        return adl::call_erf(a);
    }
}

template <class A>
constexpr auto sign(const A& a) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::sign(a);
    } else {
        return adl::call_sign(a);
    }
}

template <class A, class B>
constexpr auto atan2(const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A> && std::is_arithmetic_v<B>) {
        using T = std::common_type_t<A, B, float>;
        return math::atan2(static_cast<T>(a), static_cast<T>(b));
    } else {
        return adl::call_atan2(a, b);
    }
}

template <class A, class B>
constexpr auto hypot(const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A> && std::is_arithmetic_v<B>) {
        using T = std::common_type_t<A, B, float>;
        return math::hypot(static_cast<T>(a), static_cast<T>(b));
    } else {
        return adl::call_hypot(a, b);
    }
}

template <class A, class B>
constexpr auto pow(const A& a, const B& b) {
    if constexpr (std::is_arithmetic_v<A> && std::is_arithmetic_v<B>) {
        using T = std::common_type_t<A, B, float>;
        return math::pow(static_cast<T>(a), static_cast<T>(b));
    } else {
        return adl::call_pow(a, b);
    }
}

/// a^n by exact repeated multiplication for numbers.
template <class A>
constexpr auto pow_int(const A& a, int n) {
    if constexpr (std::is_arithmetic_v<A>) {
        return math::pow(a, n);
    } else {
        return adl::call_pow_int(a, n);
    }
}
}  // namespace tapeless::detail::fn
