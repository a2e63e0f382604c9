// Tags of the elementary functions: evaluation, local derivatives, names.
#pragma once

#include "tapeless/detail/dispatch.hpp"
#include "tapeless/expr/simplify.hpp"
#include "tapeless/ops/arithmetic.hpp"
#include "tapeless/ops/tags.hpp"

#include <cstddef>
#include <string_view>

// The same shape as the tags in arithmetic.hpp: `partial<I>(r, args...)` is the local
// derivative by argument I, written with the simplifying constructors.
namespace tapeless::ops {

/// 2/sqrt(pi), the factor in the derivative of erf.
inline constexpr long double two_over_sqrt_pi = 1.12837916709551257389615890312154517L;

/// d sqrt(a) = da / (2 sqrt(a)).
struct sqrt {
    static constexpr std::string_view name = "sqrt";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::sqrt(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_div(constant<1>{}, make_mul(constant<2>{}, r));
    }
};

/// d cbrt(a) = da / (3 cbrt(a)^2).
struct cbrt {
    static constexpr std::string_view name = "cbrt";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::cbrt(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_div(constant<1>{}, make_mul(constant<3>{}, make_pow_int(r, 2)));
    }
};

/// d exp(a) = exp(a) da.
struct exp {
    static constexpr std::string_view name = "exp";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::exp(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return r;
    }
};

/// d log(a) = da / a.
struct log {
    static constexpr std::string_view name = "log";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::log(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_div(constant<1>{}, a);
    }
};

/// d sin(a) = cos(a) da.
struct sin {
    static constexpr std::string_view name = "sin";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::sin(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_unary<cos>(a);
    }
};

/// d cos(a) = -sin(a) da.
struct cos {
    static constexpr std::string_view name = "cos";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::cos(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_neg(make_unary<sin>(a));
    }
};

/// d tan(a) = (1 + tan(a)^2) da.
struct tan {
    static constexpr std::string_view name = "tan";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::tan(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_add(constant<1>{}, make_pow_int(r, 2));
    }
};

/// d asin(a) = da / sqrt(1 - a^2).
struct asin {
    static constexpr std::string_view name = "asin";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::asin(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_div(constant<1>{}, make_unary<sqrt>(make_sub(constant<1>{}, make_pow_int(a, 2))));
    }
};

/// d acos(a) = -da / sqrt(1 - a^2).
struct acos {
    static constexpr std::string_view name = "acos";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::acos(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_neg(make_div(constant<1>{}, make_unary<sqrt>(make_sub(constant<1>{}, make_pow_int(a, 2)))));
    }
};

/// d atan(a) = da / (1 + a^2).
struct atan {
    static constexpr std::string_view name = "atan";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::atan(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_div(constant<1>{}, make_add(constant<1>{}, make_pow_int(a, 2)));
    }
};

/// d sinh(a) = cosh(a) da.
struct sinh {
    static constexpr std::string_view name = "sinh";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::sinh(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_unary<cosh>(a);
    }
};

/// d cosh(a) = sinh(a) da.
struct cosh {
    static constexpr std::string_view name = "cosh";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::cosh(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_unary<sinh>(a);
    }
};

/// d tanh(a) = (1 - tanh(a)^2) da.
struct tanh {
    static constexpr std::string_view name = "tanh";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::tanh(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_sub(constant<1>{}, make_pow_int(r, 2));
    }
};

/// d abs(a) = sign(a) da (0 at a = 0).
struct abs {
    static constexpr std::string_view name = "abs";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::abs(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_unary<sign>(a);
    }
};

/// sign(a) in {-1, 0, 1}; d sign(a) = 0.
struct sign {
    static constexpr std::string_view name = "sign";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::sign(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return constant<0>{};
    }
};

/// d log1p(a) = da / (1 + a).
struct log1p {
    static constexpr std::string_view name = "log1p";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::log1p(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_div(constant<1>{}, make_add(constant<1>{}, a));
    }
};

/// d expm1(a) = (expm1(a) + 1) da.
struct expm1 {
    static constexpr std::string_view name = "expm1";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::expm1(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_add(r, constant<1>{});
    }
};

/// d erf(a) = 2/sqrt(pi) exp(-a^2) da.
struct erf {
    static constexpr std::string_view name = "erf";
    static constexpr notation style = notation::call;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return detail::fn::erf(a);
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a) const {
        using namespace detail;
        return make_mul(make_literal(two_over_sqrt_pi), make_unary<exp>(make_neg(make_pow_int(a, 2))));
    }
};

/// atan2(a, b) = angle of (b, a); d = (b da - a db) / (a^2 + b^2).
struct atan2 {
    static constexpr std::string_view name = "atan2";
    static constexpr notation style = notation::call;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return detail::fn::atan2(a, b);
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a, [[maybe_unused]] const B& b) const {
        using namespace detail;
        if constexpr (I == 0) {
            return make_div(b, make_add(make_pow_int(b, 2), make_pow_int(a, 2)));
        } else {
            return make_neg(make_div(a, make_add(make_pow_int(b, 2), make_pow_int(a, 2))));
        }
    }
};

/// d hypot(a, b) = (a da + b db) / hypot(a, b).
struct hypot {
    static constexpr std::string_view name = "hypot";
    static constexpr notation style = notation::call;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return detail::fn::hypot(a, b);
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial([[maybe_unused]] const R& r, [[maybe_unused]] const A& a, [[maybe_unused]] const B& b) const {
        using namespace detail;
        if constexpr (I == 0) {
            return make_div(a, r);
        } else {
            return make_div(b, r);
        }
    }
};

}  // namespace tapeless::ops
