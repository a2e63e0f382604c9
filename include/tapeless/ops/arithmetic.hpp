// Tags of + - * / unary minus and powers: evaluation, local derivatives, names.
#pragma once

#include "tapeless/detail/dispatch.hpp"
#include "tapeless/expr/simplify.hpp"
#include "tapeless/ops/tags.hpp"

#include <cstddef>
#include <string_view>
#include <type_traits>

// Every tag: `name` (op_name and printing), `style`, `operator()` evaluating on values, and
// `partial<I>(r, args...)`, the local derivative by argument I as an expression in the
// arguments `args` and the result `r`. Symbolic `d` calls it with the operands themselves,
// reverse mode with placeholders that it evaluates on numbers.
namespace tapeless::ops {

/// a + b; d = da + db.
struct add {
    static constexpr std::string_view name = "add";
    static constexpr notation style = notation::add;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return a + b;
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial(const R&, const A&, const B&) const {
        return constant<1>{};
    }
};

/// a - b; d = da - db.
struct sub {
    static constexpr std::string_view name = "sub";
    static constexpr notation style = notation::sub;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return a - b;
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial(const R&, const A&, const B&) const {
        if constexpr (I == 0) {
            return constant<1>{};
        } else {
            return constant<-1>{};
        }
    }
};

/// a * b; d = b da + a db.
struct mul {
    static constexpr std::string_view name = "mul";
    static constexpr notation style = notation::mul;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return a * b;
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial(const R&, const A& a, const B& b) const {
        if constexpr (I == 0) {
            return b;
        } else {
            return a;
        }
    }
};

/// a / b; d = da / b - (a/b)/b db.
struct div {
    static constexpr std::string_view name = "div";
    static constexpr notation style = notation::div;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return a / b;
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial(const R& r, const A&, const B& b) const {
        if constexpr (I == 0) {
            return detail::make_div(constant<1>{}, b);
        } else {
            return detail::make_neg(detail::make_div(r, b));
        }
    }
};

/// -a; d = -da.
struct neg {
    static constexpr std::string_view name = "neg";
    static constexpr notation style = notation::neg;
    template <class A>
    constexpr auto operator()(const A& a) const {
        return -a;
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial(const R&, const A&) const {
        return constant<-1>{};
    }
};

/// a^n for an integer n, by exact repeated multiplication; d = n a^(n-1) da.
struct pow_int {
    static constexpr std::string_view name = "pow";
    static constexpr notation style = notation::power;
    int n;
    template <class A>
    constexpr auto operator()(const A& a) const {
        if constexpr (std::is_floating_point_v<A>) {
            // Small exponents inline, so a constant n folds to multiplications (the same
            // products as math::pow's loop, so the results are identical). Not in constant
            // evaluation, where math::pow turns an overflow into inf explicitly.
            if (!std::is_constant_evaluated()) {
                if (n == 2) return a * a;
                if (n == 1) return a;
            }
        }
        return detail::fn::pow_int(a, n);
    }
    /// The run-time number this operation carries, and back (for the reverse sweeps).
    constexpr int data() const { return n; }
    template <class T>
    static constexpr pow_int from_data(T v) {
        return {static_cast<int>(v)};
    }
    template <std::size_t I, class R, class A>
    constexpr auto partial(const R&, const A& a) const {
        // For n = 0 the derivative is 0*a^0, not 0*a^-1: that would be 0*inf = NaN at a = 0
        // (d(x^2, x, x, x) at x = 0), and not a constant expression.
        return detail::make_mul(detail::make_literal(n), detail::make_pow_int(a, n == 0 ? 0 : n - 1));
    }
};

/// a^b for real b; d = b a^(b-1) da + a^b log(a) db.
struct pow {
    static constexpr std::string_view name = "pow";
    static constexpr notation style = notation::power;
    template <class A, class B>
    constexpr auto operator()(const A& a, const B& b) const {
        return detail::fn::pow(a, b);
    }
    template <std::size_t I, class R, class A, class B>
    constexpr auto partial(const R& r, const A& a, const B& b) const {
        if constexpr (I == 0) {
            return detail::make_mul(
                b, detail::make_binary<pow>(a, detail::make_sub(b, constant<1>{})));
        } else {
            return detail::make_mul(r, detail::make_unary<log>(a));
        }
    }
};

}  // namespace tapeless::ops

namespace tapeless::detail {
template <class A>
constexpr auto make_pow_int(const A& a, int n) {
    if constexpr (is_constant_v<A>) {
        return make_literal(fn::pow_int(static_cast<double>(constant_value(a)), n));
    } else {
        return unary<ops::pow_int, A>{{n}, a};
    }
}
}  // namespace tapeless::detail
