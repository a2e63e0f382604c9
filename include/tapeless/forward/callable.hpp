// grad, jacobian and hessian of generic C++ callables at an Eigen point, in forward mode.
#pragma once

#include "tapeless/forward/dual.hpp"
#include "tapeless/fwd.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <functional>
#include <type_traits>
#include <utility>

namespace tapeless {

template <class... Es>
struct vector_expression;

namespace detail {

template <class T>
struct is_vector_expression_impl : std::false_type {};
template <class... Es>
struct is_vector_expression_impl<vector_expression<Es...>> : std::true_type {};

/// A callable that is not a tapeless expression: the `fn` of `grad(fn, point)`.
template <class Fn>
concept callable_object = !expression<Fn> &&
                          !is_vector_expression_impl<std::remove_cvref_t<Fn>>::value;

template <class D, std::size_t>
using repeat_t = const D&;

/// True when fn can be called with N arguments of type D (the scalar form).
template <class Fn, class D, int N>
constexpr bool invocable_with_scalars() {
    if constexpr (N == Eigen::Dynamic || N < 1) {
        return false;
    } else {
        return []<std::size_t... i>(std::index_sequence<i...>) {
            return std::is_invocable_v<const Fn&, repeat_t<D, i>...>;
        }(std::make_index_sequence<static_cast<std::size_t>(N)>{});
    }
}

template <class Fn, class D, int N>
inline constexpr bool differentiable_callable_v =
    invocable_with_scalars<Fn, D, N>() ||
    std::is_invocable_v<const Fn&, const Eigen::Matrix<D, N, 1>&>;

/// fn(x_0, ..., x_{N-1}) when fn takes N scalars, else fn(x). With one variable a callable
/// that accepts a scalar is called with the scalar.
template <class Fn, class D, int N>
decltype(auto) call_at(const Fn& fn, const Eigen::Matrix<D, N, 1>& x) {
    if constexpr (invocable_with_scalars<Fn, D, N>()) {
        return [&]<std::size_t... i>(std::index_sequence<i...>) -> decltype(auto) {
            return std::invoke(fn, x.coeff(static_cast<Eigen::Index>(i))...);
        }(std::make_index_sequence<static_cast<std::size_t>(N)>{});
    } else {
        return std::invoke(fn, x);
    }
}

template <class Fn, class D, int N>
constexpr bool check_callable() {
    if constexpr (!differentiable_callable_v<Fn, D, N>) {
        // Reached by grad(f, point) with f taking double (not a template), or taking a
        // number of arguments other than the size of the point.
        static_assert(always_false<Fn, D>,
                      "tapeless: grad/jacobian/hessian(fn, point) call fn with tapeless::dual "
                      "numbers: fn must take N scalars or one Eigen vector of N scalars of any "
                      "type (write it as a template, e.g. [](auto x, auto y) {...})");
        return false;
    }
    return true;
}

template <class P>
constexpr bool check_point() {
    if constexpr (P::ColsAtCompileTime != 1 || !std::is_floating_point_v<typename P::Scalar>) {
        // Reached by grad(fn, Eigen::RowVector2d(...)) or a point of integers.
        static_assert(always_false<P>,
                      "tapeless: the point of grad/jacobian/hessian(fn, point) must be an Eigen "
                      "column vector of floating-point numbers, e.g. Eigen::Vector2d");
        return false;
    }
    return true;
}

/// The Eigen type of a callable's result, evaluated (the result may be an expression).
template <class R>
using plain_result_t = typename std::remove_cvref_t<R>::PlainObject;

}  // namespace detail

namespace detail {

/// Discards the value of fn at the point: grad(fn, point) and jacobian(fn, point).
struct no_value_sink {
    template <class Y>
    void operator()(const Y&) const {}
};

/// The gradient of fn at `point`; `sink(value)` receives fn's value.
template <class Fn, class P, class Sink>
Eigen::Matrix<typename P::Scalar, P::RowsAtCompileTime, 1> callable_gradient(
    const Fn& fn, const Eigen::MatrixBase<P>& point, const Sink& sink) {
    using T = typename P::Scalar;
    constexpr int N = P::RowsAtCompileTime;
    using D = dual<T, N>;
    Eigen::Matrix<T, N, 1> g;
    if constexpr (check_point<P>() && check_callable<Fn, D, N>()) {
        const Eigen::Index n = point.size();
        g.setZero(n);
        const Eigen::Matrix<D, N, 1> x = seed(point);
        const auto y = call_at(fn, x);
        if constexpr (is_dual_v<decltype(y)>) {
            if (y.grad().size() != 0) g = y.grad();
            sink(y.value());
        } else {
            // Reached by a function returning a vector: use jacobian(fn, point).
            static_assert(std::is_arithmetic_v<std::remove_cvref_t<decltype(y)>>,
                          "tapeless: grad(fn, point) needs fn to return one scalar; for a "
                          "vector-valued fn use jacobian(fn, point)");
            if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(y)>>) {
                sink(static_cast<T>(y));
            }
        }
    }
    return g;
}

/// The Jacobian of fn at `point`; `sink(values)` receives fn's values (an Eigen expression).
template <class Fn, class P, class Sink>
auto callable_jacobian(const Fn& fn, const Eigen::MatrixBase<P>& point, const Sink& sink) {
    using T = typename P::Scalar;
    constexpr int N = P::RowsAtCompileTime;
    using D = dual<T, N>;
    if constexpr (!check_point<P>() || !check_callable<Fn, D, N>()) {
        return Eigen::Matrix<T, N, N>{};
    } else {
        const Eigen::Index n = point.size();
        const Eigen::Matrix<D, N, 1> x = seed(point);
        using Y = decltype(call_at(fn, x));
        if constexpr (!is_eigen_dense_v<std::remove_cvref_t<Y>>) {
            // Reached by jacobian(fn, point) with fn returning a scalar: use grad(fn, point).
            static_assert(always_false<Y>,
                          "tapeless: jacobian(fn, point) needs fn to return an Eigen vector of "
                          "scalars; for a scalar fn use grad(fn, point)");
            return Eigen::Matrix<T, N, N>{};
        } else {
            const plain_result_t<Y> y = call_at(fn, x);
            constexpr int M = plain_result_t<Y>::SizeAtCompileTime;
            Eigen::Matrix<T, M, N> j;
            j.setZero(y.size(), n);
            for (Eigen::Index r = 0; r < y.size(); ++r) {
                const auto& yr = y.coeff(r);
                if (yr.grad().size() != 0) j.row(r) = yr.grad().transpose();
            }
            sink(y.unaryExpr([](const D& yr) { return yr.value(); }));
            return j;
        }
    }
}

template <class V>
constexpr bool check_values() {
    if constexpr (V::ColsAtCompileTime != 1) {
        // Reached by jacobian(fn, point, values) with values an Eigen row vector or matrix.
        static_assert(always_false<V>,
                      "tapeless: the values of jacobian(fn, point, values) are written to an "
                      "Eigen column vector, e.g. Eigen::Vector2d");
        return false;
    }
    return true;
}

}  // namespace detail

/// The gradient of a scalar C++ function at `point`, in one forward pass with
/// `dual<T, N>` arguments (N the size of the point): fn may take N scalars or an Eigen
/// vector of N scalars, and contain loops and branches (they follow the values).
/// No heap allocation for a fixed-size point.
template <class Fn, class P>
    requires detail::callable_object<Fn>
Eigen::Matrix<typename P::Scalar, P::RowsAtCompileTime, 1> grad(const Fn& fn,
                                                                const Eigen::MatrixBase<P>& point) {
    return detail::callable_gradient(fn, point, detail::no_value_sink{});
}

/// grad(fn, point) that also stores fn's value at `point` in `value` (the same forward pass).
template <class Fn, class P>
    requires detail::callable_object<Fn>
Eigen::Matrix<typename P::Scalar, P::RowsAtCompileTime, 1> grad(const Fn& fn,
                                                                const Eigen::MatrixBase<P>& point,
                                                                typename P::Scalar& value) {
    return detail::callable_gradient(fn, point, [&](const auto& y) { value = y; });
}

/// The M x N Jacobian of a C++ function returning an Eigen vector of M scalars, in one
/// forward pass with `dual<T, N>` arguments.
template <class Fn, class P>
    requires detail::callable_object<Fn>
auto jacobian(const Fn& fn, const Eigen::MatrixBase<P>& point) {
    return detail::callable_jacobian(fn, point, detail::no_value_sink{});
}

/// jacobian(fn, point) that also stores fn's M values at `point` in the Eigen column vector
/// `values` (resized if it is a plain vector of dynamic size; a Map or block must have M rows).
template <class Fn, class P, class V>
    requires detail::callable_object<Fn>
auto jacobian(const Fn& fn, const Eigen::MatrixBase<P>& point, Eigen::MatrixBase<V>& values) {
    return detail::callable_jacobian(fn, point, [&](const auto& y) {
        if constexpr (detail::check_values<V>()) values = y;
    });
}

/// The same with `values` a temporary view: `out.head<2>()`, `Eigen::Map<...>(ptr)`.
template <class Fn, class P, class V>
    requires detail::callable_object<Fn>
auto jacobian(const Fn& fn, const Eigen::MatrixBase<P>& point, Eigen::MatrixBase<V>&& values) {
    return jacobian(fn, point, values);
}

/// The N x N Hessian of a scalar C++ function at `point`, by nested dual numbers
/// `dual<dual<T, N>, N>` (forward over forward); exactly symmetric (the upper triangle is
/// mirrored).
template <class Fn, class P>
    requires detail::callable_object<Fn>
Eigen::Matrix<typename P::Scalar, P::RowsAtCompileTime, P::RowsAtCompileTime> hessian(
    const Fn& fn, const Eigen::MatrixBase<P>& point) {
    using T = typename P::Scalar;
    constexpr int N = P::RowsAtCompileTime;
    using D1 = dual<T, N>;
    using D2 = dual<D1, N>;
    Eigen::Matrix<T, N, N> h;
    if constexpr (detail::check_point<P>() && detail::check_callable<Fn, D2, N>()) {
        const Eigen::Index n = point.size();
        h.setZero(n, n);
        // x_i = (x_i + e_i eps1) + e_i eps2: the inner partials give the gradient, the outer
        // partials of the inner partials the second derivatives.
        Eigen::Matrix<D2, N, 1> x;
        if constexpr (N == Eigen::Dynamic) x.resize(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            typename D2::grad_type outer;
            outer.setConstant(n, D1(T(0)));
            outer(i) = D1(T(1));
            x(i) = D2(D1::variable(point.derived().coeff(i), i, n), outer);
        }
        const auto y = detail::call_at(fn, x);
        if constexpr (is_dual_v<decltype(y)>) {
            for (Eigen::Index i = 0; i < y.grad().size(); ++i) {
                const auto& row = y.grad().coeff(i).grad();
                for (Eigen::Index j = i; j < row.size(); ++j) {
                    h(i, j) = row(j);
                    h(j, i) = row(j);
                }
            }
        } else {
            static_assert(std::is_arithmetic_v<std::remove_cvref_t<decltype(y)>>,
                          "tapeless: hessian(fn, point) needs fn to return one scalar");
        }
    }
    return h;
}

}  // namespace tapeless
