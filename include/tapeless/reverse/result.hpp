// Result types of grad, hessian and jacobian: array-like storage (constexpr when the values
// are numbers) with Eigen views for run-time use.
#pragma once

#include "tapeless/fwd.hpp"

#include <Eigen/Core>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tapeless {

/// The variables a derivative is taken with respect to: `grad(f, wrt(a, b), a = 1.0, ...)`.
template <class... Vars>
struct wrt_t {
    static constexpr std::size_t size = sizeof...(Vars);
};

namespace detail {

/// Position of variable V in Vars..., or npos.
template <class V, class... Vars>
constexpr std::size_t var_index() {
    constexpr std::array<bool, sizeof...(Vars) + 1> hit{
        std::is_same_v<std::remove_cvref_t<V>, Vars>..., false};
    for (std::size_t i = 0; i < sizeof...(Vars); ++i)
        if (hit[i]) return i;
    return static_cast<std::size_t>(-1);
}

template <class V, class... Vars>
constexpr std::size_t checked_var_index() {
    constexpr std::size_t i = var_index<V, Vars...>();
    // Reached by g[z] when z was not differentiated (not bound, or not in wrt(...)).
    static_assert(i != static_cast<std::size_t>(-1),
                  "tapeless: this variable was not differentiated; bind it in the call, or add "
                  "it to wrt(...)");
    return i;
}

/// Write access to a result's numbers, for the sweeps that fill it in place: references to
/// (value, partials) of a gradient, (values, entries) of a jacobian_result.
struct result_access {
    template <class R>
    static constexpr auto storage(R& r) {
        return r.storage();
    }
};

}  // namespace detail

/// A value and its partial derivatives: `g.value()`, `g[x]`, `g.vector()` (Eigen, in the
/// order of `wrt(...)` or of the bindings).
template <class T, class... Vars>
class gradient {
public:
    static constexpr std::size_t size = sizeof...(Vars);

    constexpr gradient(T value, std::array<T, size> partials)
        : value_(std::move(value)), partials_(std::move(partials)) {}

    /// Storage not yet written (detail::result_access writes it).
    constexpr explicit gradient(detail::uninitialized_t) {}

    /// The function's value at the point.
    constexpr const T& value() const { return value_; }

    /// The partial derivative by variable `v`.
    template <class V>
    constexpr const T& operator[](const V&) const {
        return partials_[detail::checked_var_index<V, Vars...>()];
    }

    /// The partials in order, as an array.
    constexpr const std::array<T, size>& partials() const { return partials_; }

    /// The partials in order, as an Eigen column vector.
    Eigen::Matrix<T, static_cast<int>(size), 1> vector() const {
        Eigen::Matrix<T, static_cast<int>(size), 1> v;
        for (std::size_t i = 0; i < size; ++i) v(static_cast<Eigen::Index>(i)) = partials_[i];
        return v;
    }

private:
    friend struct detail::result_access;
    constexpr auto storage() { return std::tie(value_, partials_); }

    T value_;
    std::array<T, size> partials_;
};

/// Second derivatives: `h(a, b)` (exactly symmetric), `h.value()`, `h.gradient()`,
/// `h.matrix()` (Eigen N x N).
template <class T, class... Vars>
class hessian_result {
public:
    static constexpr std::size_t size = sizeof...(Vars);

    constexpr hessian_result(tapeless::gradient<T, Vars...> g, std::array<T, size * size> h)
        : gradient_(std::move(g)), h_(std::move(h)) {}

    constexpr const T& value() const { return gradient_.value(); }
    constexpr const tapeless::gradient<T, Vars...>& gradient() const { return gradient_; }

    /// d2f / da db.
    template <class A, class B>
    constexpr const T& operator()(const A&, const B&) const {
        return h_[detail::checked_var_index<A, Vars...>() * size +
                  detail::checked_var_index<B, Vars...>()];
    }

    Eigen::Matrix<T, static_cast<int>(size), static_cast<int>(size)> matrix() const {
        Eigen::Matrix<T, static_cast<int>(size), static_cast<int>(size)> m;
        for (std::size_t i = 0; i < size; ++i)
            for (std::size_t j = 0; j < size; ++j)
                m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = h_[i * size + j];
        return m;
    }

private:
    tapeless::gradient<T, Vars...> gradient_;
    std::array<T, size * size> h_;
};

/// The Jacobian of a vector expression of M components: `J(i, a)`, `J.values()` (Eigen
/// M-vector) and `J.matrix()` (Eigen M x N).
template <class T, std::size_t M, class... Vars>
class jacobian_result {
public:
    static constexpr std::size_t size = sizeof...(Vars);
    static constexpr std::size_t rows = M;

    constexpr jacobian_result(std::array<T, M> values, std::array<T, M * size> j)
        : values_(std::move(values)), j_(std::move(j)) {}

    /// Storage not yet written (detail::result_access writes it).
    constexpr explicit jacobian_result(detail::uninitialized_t) {}

    /// d f_i / d a.
    template <class A>
    constexpr const T& operator()(std::size_t i, const A&) const {
        return j_[i * size + detail::checked_var_index<A, Vars...>()];
    }

    /// f_i at the point.
    constexpr const T& value(std::size_t i) const { return values_[i]; }

    Eigen::Matrix<T, static_cast<int>(M), 1> values() const {
        Eigen::Matrix<T, static_cast<int>(M), 1> v;
        for (std::size_t i = 0; i < M; ++i) v(static_cast<Eigen::Index>(i)) = values_[i];
        return v;
    }

    Eigen::Matrix<T, static_cast<int>(M), static_cast<int>(size)> matrix() const {
        Eigen::Matrix<T, static_cast<int>(M), static_cast<int>(size)> m;
        for (std::size_t i = 0; i < M; ++i)
            for (std::size_t j = 0; j < size; ++j)
                m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = j_[i * size + j];
        return m;
    }

private:
    friend struct detail::result_access;
    constexpr auto storage() { return std::tie(values_, j_); }

    std::array<T, M> values_;
    std::array<T, M * size> j_;
};

}  // namespace tapeless
