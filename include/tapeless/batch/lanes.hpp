// detail::batch::lanes<T, P>: P points evaluated together, the slot value of batch sweeps.
#pragma once

#include "tapeless/detail/dispatch.hpp"
#include "tapeless/fwd.hpp"

#include <Eigen/Core>

#include <type_traits>

namespace tapeless::detail::batch {

/// A fixed-size Eigen array of P values of one node at P points. Every operation is one
/// fixed-size (unrolled, vectorised) Eigen expression; the functions Eigen 3.4 arrays lack
/// (cbrt, erf, atan2, hypot, exact integer powers) are built from tapeless::math or from
/// multiplications. Implicit from a number (a constant broadcast to every point), so the
/// compile-time schedules of reverse mode run on lanes unchanged.
template <class T, int P>
struct lanes {
    using value_type = T;
    using array_type = Eigen::Array<T, P, 1>;

    array_type a;

    lanes() {}  // NOLINT: uninitialised like an Eigen array; every slot is written first
    lanes(const T& v) : a(array_type::Constant(v)) {}  // NOLINT: broadcast, implicit on purpose
    template <class S>
        requires(arithmetic<S> && !std::is_same_v<S, T>)
    lanes(const S& v) : a(array_type::Constant(static_cast<T>(v))) {}  // NOLINT
    template <class X>
    explicit lanes(const Eigen::ArrayBase<X>& x) : a(x) {}

    friend lanes operator+(const lanes& x) { return x; }
    friend lanes operator-(const lanes& x) { return lanes(-x.a); }

    friend lanes operator+(const lanes& x, const lanes& y) { return lanes(x.a + y.a); }
    friend lanes operator+(const lanes& x, const T& s) { return lanes(x.a + s); }
    friend lanes operator+(const T& s, const lanes& y) { return lanes(s + y.a); }
    friend lanes operator-(const lanes& x, const lanes& y) { return lanes(x.a - y.a); }
    friend lanes operator-(const lanes& x, const T& s) { return lanes(x.a - s); }
    friend lanes operator-(const T& s, const lanes& y) { return lanes(s - y.a); }
    friend lanes operator*(const lanes& x, const lanes& y) { return lanes(x.a * y.a); }
    friend lanes operator*(const lanes& x, const T& s) { return lanes(x.a * s); }
    friend lanes operator*(const T& s, const lanes& y) { return lanes(s * y.a); }
    friend lanes operator/(const lanes& x, const lanes& y) { return lanes(x.a / y.a); }
    friend lanes operator/(const lanes& x, const T& s) { return lanes(x.a / s); }
    friend lanes operator/(const T& s, const lanes& y) { return lanes(s / y.a); }

    lanes& operator+=(const lanes& y) {
        a += y.a;
        return *this;
    }
    lanes& operator-=(const lanes& y) {
        a -= y.a;
        return *this;
    }
    lanes& operator*=(const lanes& y) {
        a *= y.a;
        return *this;
    }
    lanes& operator/=(const lanes& y) {
        a /= y.a;
        return *this;
    }

    // Eigen's vectorised array functions where Eigen 3.4 has them.
    friend lanes sqrt(const lanes& x) { return lanes(x.a.sqrt()); }
    friend lanes exp(const lanes& x) { return lanes(x.a.exp()); }
    friend lanes log(const lanes& x) { return lanes(x.a.log()); }
    friend lanes sin(const lanes& x) { return lanes(x.a.sin()); }
    friend lanes cos(const lanes& x) { return lanes(x.a.cos()); }
    friend lanes tan(const lanes& x) { return lanes(x.a.tan()); }
    friend lanes asin(const lanes& x) { return lanes(x.a.asin()); }
    friend lanes acos(const lanes& x) { return lanes(x.a.acos()); }
    friend lanes atan(const lanes& x) { return lanes(x.a.atan()); }
    friend lanes sinh(const lanes& x) { return lanes(x.a.sinh()); }
    friend lanes cosh(const lanes& x) { return lanes(x.a.cosh()); }
    friend lanes tanh(const lanes& x) { return lanes(x.a.tanh()); }
    friend lanes abs(const lanes& x) { return lanes(x.a.abs()); }
    friend lanes sign(const lanes& x) { return lanes(x.a.sign()); }
    friend lanes log1p(const lanes& x) { return lanes(x.a.log1p()); }
    friend lanes expm1(const lanes& x) { return lanes(x.a.expm1()); }

    // What Eigen 3.4 arrays lack (erf without <unsupported/...>): tapeless::math per point.
    friend lanes cbrt(const lanes& x) {
        return lanes(x.a.unaryExpr([](T v) { return fn::cbrt(v); }));
    }
    friend lanes erf(const lanes& x) {
        return lanes(x.a.unaryExpr([](T v) { return fn::erf(v); }));
    }
    friend lanes atan2(const lanes& y, const lanes& x) {
        return lanes(y.a.binaryExpr(x.a, [](T p, T q) { return fn::atan2(p, q); }));
    }
    friend lanes atan2(const lanes& y, const T& x) { return atan2(y, lanes(x)); }
    friend lanes atan2(const T& y, const lanes& x) { return atan2(lanes(y), x); }
    friend lanes hypot(const lanes& x, const lanes& y) {
        return lanes(x.a.binaryExpr(y.a, [](T p, T q) { return fn::hypot(p, q); }));
    }
    friend lanes hypot(const lanes& x, const T& y) { return hypot(x, lanes(y)); }
    friend lanes hypot(const T& x, const lanes& y) { return hypot(lanes(x), y); }
    friend lanes pow(const lanes& x, const lanes& y) {
        return lanes(x.a.binaryExpr(y.a, [](T p, T q) { return fn::pow(p, q); }));
    }
    friend lanes pow(const lanes& x, const T& y) { return pow(x, lanes(y)); }
    friend lanes pow(const T& x, const lanes& y) { return pow(lanes(x), y); }

    /// x^n by repeated squaring on whole arrays: exact multiplications, vectorised.
    friend lanes pow(const lanes& x, int n) {
        unsigned m = n < 0 ? 0u - static_cast<unsigned>(n) : static_cast<unsigned>(n);
        array_type r = array_type::Ones();
        array_type b = x.a;
        while (m != 0) {
            if (m & 1u) r *= b;
            m >>= 1;
            if (m != 0) b *= b;
        }
        if (n < 0) r = r.inverse();
        return lanes(r);
    }
};

}  // namespace tapeless::detail::batch
