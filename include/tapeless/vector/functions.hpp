// Shape operations and reductions of vector expressions: drop_front<K>, drop_back<K>, segment,
// sum, dot, squared_norm, log_sum_exp (and length, used by derivatives).
#pragma once

#include "tapeless/expr/node.hpp"
#include "tapeless/expr/operators.hpp"
#include "tapeless/expr/simplify.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/ops/tags.hpp"
#include "tapeless/symbolic/derivative.hpp"
#include "tapeless/vector/vector_var.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <string_view>

namespace tapeless {

namespace detail {
template <class E>
constexpr bool check_vector_operand() {
    if constexpr (!expression<E>) {
        // Reached by sum(2.0) or drop_front<1>(some_eigen_vector).
        static_assert(always_false<error::not_an_expression<E>>,
                      "tapeless: this vector operation takes a tapeless vector expression, e.g. "
                      "sum(x) for a vector_var x");
        return false;
    } else if constexpr (!is_vector_valued_v<E>) {
        // Reached by sum(mu) or drop_back<1>(mu) with a scalar variable mu.
        static_assert(always_false<error::not_an_expression<E>>,
                      "tapeless: this operation takes a vector expression (one containing a "
                      "vector_var outside a reduction), not a scalar one");
        return false;
    } else {
        return true;
    }
}

template <class D, class A>
constexpr auto sum_rule(const D& d, const A& arg);
}  // namespace detail

namespace ops {

/// sum(e) = e_0 + ... + e_{n-1} (0 for n = 0); d sum(e) = sum(de).
struct sum {
    static constexpr std::string_view name = "sum";
    static constexpr notation style = notation::call;
    static constexpr detail::vector_kind kind = detail::vector_kind::reduction;
    template <class V, class N>
    constexpr auto derivative(const N& node) const {
        return detail::sum_rule(detail::diff<V>(node.arg), node.arg);
    }
};

/// length(e): the number of entries of e, as a number; its derivative is 0.
struct length {
    static constexpr std::string_view name = "length";
    static constexpr notation style = notation::call;
    static constexpr detail::vector_kind kind = detail::vector_kind::reduction;
    template <class V, class N>
    constexpr auto derivative(const N&) const {
        return constant<0>{};
    }
};

/// dot(a, b) = sum(a * b); d dot(a, b) = sum(da * b + a * db).
struct dot {
    static constexpr std::string_view name = "dot";
    static constexpr notation style = notation::call;
    static constexpr detail::vector_kind kind = detail::vector_kind::reduction;
    template <class V, class N>
    constexpr auto derivative(const N& node) const {
        const auto p = detail::make_mul(node.lhs, node.rhs);
        return detail::sum_rule(detail::diff<V>(p), p);
    }
};

/// squared_norm(e) = sum(e^2); d = sum(2 e de).
struct squared_norm {
    static constexpr std::string_view name = "squared_norm";
    static constexpr notation style = notation::call;
    static constexpr detail::vector_kind kind = detail::vector_kind::reduction;
    template <class V, class N>
    constexpr auto derivative(const N& node) const {
        const auto p = detail::make_pow_int(node.arg, 2);
        return detail::sum_rule(detail::diff<V>(p), p);
    }
};

/// log_sum_exp(e) = m + log(sum(exp(e - m))), m = max(e) (no overflow); -inf for n = 0.
/// d = sum(softmax(e) de), softmax(e) = exp(e - log_sum_exp(e)).
struct log_sum_exp {
    static constexpr std::string_view name = "log_sum_exp";
    static constexpr notation style = notation::call;
    static constexpr detail::vector_kind kind = detail::vector_kind::reduction;
    template <class V, class N>
    constexpr auto derivative(const N& node) const {
        const auto de = detail::diff<V>(node.arg);
        if constexpr (detail::is_constant_of_v<decltype(de), 0>) {
            return constant<0>{};
        } else {
            const auto softmax =
                detail::make_unary<ops::exp>(detail::make_sub(node.arg, node));
            return detail::sum_rule(detail::make_mul(softmax, de), node.arg);
        }
    }
};

/// Shape operations are views: d view(e) = view(de); a scalar derivative (broadcast) stays.
template <class Self>
struct shape_op {  // NOLINT(bugprone-crtp-constructor-accessibility): ops stay aggregates
    static constexpr notation style = notation::call;
    static constexpr detail::vector_kind kind = detail::vector_kind::shape;
    template <class V, class N>
    constexpr auto derivative(const N& node) const {
        const auto de = detail::diff<V>(node.arg);
        if constexpr (detail::is_vector_valued_v<decltype(de)>) {
            return unary<Self, decltype(de)>{static_cast<const Self&>(*this), de};
        } else {
            return de;
        }
    }
};

/// drop_front<K>(e) = (e_K, ..., e_{n-1}).
template <std::size_t K>
struct drop_front : shape_op<drop_front<K>> {
    static constexpr std::string_view name = "drop_front";
};

/// drop_back<K>(e) = (e_0, ..., e_{n-1-K}).
template <std::size_t K>
struct drop_back : shape_op<drop_back<K>> {
    static constexpr std::string_view name = "drop_back";
};

/// segment(e, i, n) = (e_i, ..., e_{i+n-1}).
struct segment : shape_op<segment> {
    static constexpr std::string_view name = "segment";
    Eigen::Index start;
    Eigen::Index count;
};

}  // namespace ops

namespace detail {

/// d sum(e) given de: sum(de) for a vector de, de * length(e) for a scalar (broadcast) de.
template <class D, class A>
constexpr auto sum_rule(const D& d, const A& arg) {
    if constexpr (is_constant_of_v<D, 0>) {
        return constant<0>{};
    } else if constexpr (is_vector_valued_v<D>) {
        return make_unary<ops::sum>(d);
    } else {
        return make_mul(d, make_unary<ops::length>(arg));
    }
}

}  // namespace detail

/// The vector e without its first K entries (an empty vector when e has exactly K).
template <std::size_t K, class E>
constexpr auto drop_front(const E& e) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else if constexpr (K == 0) {
        return e;
    } else {
        return detail::make_unary<ops::drop_front<K>>(e);
    }
}

/// The vector e without its last K entries.
template <std::size_t K, class E>
constexpr auto drop_back(const E& e) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else if constexpr (K == 0) {
        return e;
    } else {
        return detail::make_unary<ops::drop_back<K>>(e);
    }
}

/// The n entries of e from entry i on.
template <class E>
constexpr auto segment(const E& e, Eigen::Index i, Eigen::Index n) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else {
        return unary<ops::segment, E>{ops::segment{{}, i, n}, e};
    }
}

/// The sum of the entries of a vector expression (0 for an empty vector).
template <class E>
constexpr auto sum(const E& e) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else {
        return detail::make_unary<ops::sum>(e);
    }
}

/// The number of entries of a vector expression, as a scalar expression.
template <class E>
constexpr auto length(const E& e) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else {
        return detail::make_unary<ops::length>(e);
    }
}

/// The dot product of two vector expressions of equal length.
template <class A, class B>
constexpr auto dot(const A& a, const B& b) {
    if constexpr (!detail::check_vector_operand<A>() || !detail::check_vector_operand<B>()) {
        return constant<0>{};
    } else {
        return detail::make_binary<ops::dot>(a, b);
    }
}

/// The sum of the squares of the entries.
template <class E>
constexpr auto squared_norm(const E& e) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else {
        return detail::make_unary<ops::squared_norm>(e);
    }
}

/// log(sum(exp(e))), computed with the maximum shifted out: no overflow.
template <class E>
constexpr auto log_sum_exp(const E& e) {
    if constexpr (!detail::check_vector_operand<E>()) {
        return constant<0>{};
    } else {
        return detail::make_unary<ops::log_sum_exp>(e);
    }
}

}  // namespace tapeless
