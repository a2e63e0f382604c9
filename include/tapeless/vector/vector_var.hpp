// vector_var<"x">: a variable whose value is an Eigen vector of run-time length, its binding,
// and the traits that tell vector-valued expressions from scalar ones.
#pragma once

#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"

#include <Eigen/Core>

#include <type_traits>

namespace tapeless {

namespace detail {

/// Values a vector_var can be bound to: contiguous Eigen vectors of floating-point numbers
/// (VectorXd, ArrayXd, RowVectorXd, a Map or Ref with unit inner stride).
template <class T>
inline constexpr bool is_vector_value_v = [] {
    if constexpr (is_eigen_dense_v<T>) {
        return std::is_floating_point_v<typename T::Scalar> &&
               (T::RowsAtCompileTime == 1 || T::ColsAtCompileTime == 1) &&
               requires(const T& t) { t.data(); } && T::InnerStrideAtCompileTime == 1;
    } else {
        return false;
    }
}();

}  // namespace detail

/// `x = v`: the Eigen vector bound to vector variable x for one call, by reference (never
/// copied); it must outlive the call (it does when written in the call's argument list).
template <fixed_string Name, class T>
struct vector_binding {
    static constexpr auto name = Name;
    using value_type = T;
    const T& value;
};

/// A variable whose value is an Eigen vector of run-time length: `x = Eigen::VectorXd(...)`.
/// Element-wise operations, `drop_front<K>`, `drop_back<K>`, `segment`, and the reductions
/// `sum`, `dot`, `squared_norm`, `log_sum_exp` apply to it (vector/functions.hpp).
template <fixed_string Name>
struct vector_var {
    static constexpr auto name = Name;

    /// Binds an Eigen vector (by reference) for one call: `rosen(x = x0)`.
    template <class T>
    constexpr auto operator=(const T& value) const {
        // Reached by x = 2.0, x = Eigen::MatrixXd, x = 2 * v (an unevaluated Eigen
        // expression) or x = Eigen::VectorXi.
        static_assert(detail::is_vector_value_v<T>,
                      "tapeless: a vector_var is bound to a contiguous Eigen vector of float or "
                      "double (VectorXd, ArrayXd, a Map or Ref); evaluate Eigen expressions "
                      "into an Eigen::VectorXd first");
        return vector_binding<Name, T>{value};
    }

    template <class... Bs>
    auto operator()(const Bs&... bs) const {
        return detail::evaluate(*this, bs...);
    }
};

namespace detail {

template <fixed_string Name>
struct is_expression_impl<vector_var<Name>> : std::true_type {};
template <fixed_string Name>
struct is_leaf_impl<vector_var<Name>> : std::true_type {};

/// What an operation does to the shape of its operands: element-wise (the operations of
/// section 1), a reduction to a scalar, or a shape operation (a view of part of a vector).
enum class vector_kind : unsigned char { elementwise, reduction, shape };

template <class Op>
constexpr vector_kind kind_of_op() {
    if constexpr (requires { Op::kind; }) {
        return Op::kind;
    } else {
        return vector_kind::elementwise;
    }
}

/// True when E's value is a vector (it contains a vector_var not under a reduction).
template <class E>
struct is_vector_valued : std::false_type {};
template <fixed_string Name>
struct is_vector_valued<vector_var<Name>> : std::true_type {};
template <class Op, class E>
struct is_vector_valued<unary<Op, E>>
    : std::bool_constant<kind_of_op<Op>() == vector_kind::shape ||
                         (kind_of_op<Op>() == vector_kind::elementwise &&
                          is_vector_valued<E>::value)> {};
template <class Op, class L, class R>
struct is_vector_valued<binary<Op, L, R>>
    : std::bool_constant<kind_of_op<Op>() != vector_kind::reduction &&
                         (is_vector_valued<L>::value || is_vector_valued<R>::value)> {};
template <class E>
inline constexpr bool is_vector_valued_v = is_vector_valued<std::remove_cvref_t<E>>::value;

}  // namespace detail
}  // namespace tapeless
