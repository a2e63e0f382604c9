// tapeless::dual<T, N>: a value and its N partial derivatives as an Eigen vector (forward mode).
#pragma once

#include "tapeless/detail/dispatch.hpp"
#include "tapeless/expr/bind.hpp"
#include "tapeless/fwd.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <compare>
#include <concepts>
#include <cstddef>
#include <limits>
#include <ostream>
#include <type_traits>

/// How the hot functions of dual numbers are inlined: with GCC and Clang, into the caller
/// together with the Eigen assignment loop inside them (GCC otherwise keeps that loop out of
/// line, one call per operation, which halves the speed of a 15-partial dual).
#ifndef TAPELESS_DUAL_INLINE
#if defined(__GNUC__) || defined(__clang__)
#define TAPELESS_DUAL_INLINE [[gnu::always_inline, gnu::flatten]] inline
#else
#define TAPELESS_DUAL_INLINE inline
#endif
#endif
/// How the rare path of the chain rule (an infinite or NaN local derivative) is compiled: out
/// of line and cold, so that each dual operation inlines only its fast loop (a BA Jacobian with
/// dual<double, 15> had 14,000 instructions on GCC, 4,700 with this, and ran 12% faster).
#ifndef TAPELESS_DUAL_COLD
#if defined(__GNUC__) || defined(__clang__)
#define TAPELESS_DUAL_COLD [[gnu::noinline, gnu::cold]]
#else
#define TAPELESS_DUAL_COLD
#endif
#endif
#if defined(__GNUC__) || defined(__clang__)
#define TAPELESS_RESTRICT __restrict
#else
#define TAPELESS_RESTRICT
#endif

namespace tapeless {

namespace detail {

template <class T>
struct is_dual_impl : std::false_type {};
template <class T, int N>
struct is_dual_impl<dual<T, N>> : std::true_type {};

/// True when S can stand beside a `D = dual<T, N>` as a constant: a number, T itself, or
/// (for nested duals) a constant of T.
template <class S, class D>
struct is_dual_scalar : std::false_type {};
template <class S, class T, int N>
struct is_dual_scalar<S, dual<T, N>>
    : std::bool_constant<arithmetic<S> || std::is_same_v<S, T> || is_dual_scalar<S, T>::value> {
};

namespace error {
template <class L, class R>
struct mismatched_duals;
}  // namespace error

/// Partials updated by plain loops over N numbers: fixed N and a number type T. GCC keeps
/// Eigen's fixed-size assignment loop out of line (one call per operation, about half the
/// speed at N = 15); a loop of compile-time length is unrolled and vectorised by GCC and
/// Clang alike. Dynamic sizes and nested duals use Eigen expressions.
template <class T, int N>
inline constexpr bool dual_raw_loop_v = N != Eigen::Dynamic && std::is_arithmetic_v<T>;

/// The width in bytes of the vectors that update fixed-size partials of float and double:
/// 32 with AVX, 16 with SSE2 or NEON, 0 (plain loops) elsewhere.
#if (defined(__GNUC__) || defined(__clang__)) && defined(__AVX__)
inline constexpr int dual_simd_bytes = 32;
#elif (defined(__GNUC__) || defined(__clang__)) && \
    (defined(__SSE2__) || defined(__ARM_NEON) || defined(__aarch64__))
inline constexpr int dual_simd_bytes = 16;
#else
inline constexpr int dual_simd_bytes = 0;
#endif

#if defined(__GNUC__) || defined(__clang__)
/// A GCC/Clang vector of Bytes / sizeof(T) numbers T.
template <class T, int Bytes>
struct simd_vector {
    typedef T type __attribute__((vector_size(Bytes)));  // NOLINT(modernize-use-using)
};
#endif

/// o[i] = f(in[i]...) for I <= i < N, in vectors of Bytes bytes while they fit, then in
/// vectors of half that width (down to 16 bytes), then number by number. Explicit vectors make the update
/// vectorised at any optimisation level: GCC 12's -O2 vectoriser does not vectorise a loop of
/// 15 doubles, which cost a BA Jacobian with dual<double, 15> a factor 2.3. Each vector is read
/// before its results are stored, so `o` may be one of the inputs.
template <int I, int N, int Bytes, class T, class F, class... In>
TAPELESS_DUAL_INLINE void lanes_from(T* o, const F& f, const In*... in) {
    if constexpr (I >= N) {
        return;
#if defined(__GNUC__) || defined(__clang__)
    } else if constexpr (Bytes >= 16 && (std::is_same_v<T, double> || std::is_same_v<T, float>)) {
        static_assert((std::is_same_v<In, T> && ...), "tapeless: internal: lanes of one type");
        using V = typename simd_vector<T, Bytes>::type;
        constexpr int width = Bytes / static_cast<int>(sizeof(T));
        constexpr int end = I + (N - I) / width * width;
#pragma GCC unroll 16
        for (int i = I; i < end; i += width) {
            const V r = f([p = in + i] {
                V v;
                __builtin_memcpy(&v, p, sizeof v);
                return v;
            }()...);
            __builtin_memcpy(o + i, &r, sizeof r);
        }
        lanes_from<end, N, Bytes / 2>(o, f, in...);
#endif
    } else {
        for (int i = I; i < N; ++i) o[i] = f(in[i]...);
    }
}

/// o[i] = f(in[i]...) for the N partials of a fixed-size dual of numbers.
template <int N, class T, class F, class... In>
TAPELESS_DUAL_INLINE void lanes(T* o, const F& f, const In*... in) {
    lanes_from<0, N, dual_simd_bytes>(o, f, in...);
}

/// The alignment of dual<T, N>: 16 bytes when its N partials and its value fill whole 16-byte
/// blocks (dual<double, 15> is 128 bytes) and the partials are updated in vectors, else the
/// members' own. The partials are stored
/// first, so with it no 16-byte load of partials straddles a cache line (with the value first,
/// one in four did: a BA Jacobian with dual<double, 15> ran 9% faster on GCC with this layout).
template <class T, int N>
constexpr std::size_t dual_members_alignment() {
    if constexpr (N == Eigen::Dynamic || N >= 0) {
        return std::max(alignof(T), alignof(Eigen::Matrix<T, N, 1>));
    } else {
        return alignof(T);  // an invalid N: the class's static_assert reports it, not Eigen
    }
}
template <class T, int N>
inline constexpr std::size_t dual_members_alignment_v = dual_members_alignment<T, N>();
template <class T, int N>
inline constexpr std::size_t dual_alignment_v =
    dual_simd_bytes >= 16 && dual_raw_loop_v<T, N> &&
            (static_cast<std::size_t>(N) + 1) * sizeof(T) % 16 == 0
        ? std::max(std::size_t{16}, dual_members_alignment_v<T, N>)
        : dual_members_alignment_v<T, N>;

/// Whether `w` is finite, as one test: w - w is +0 for a finite w and NaN otherwise, the one
/// number unequal to itself. False marks the rare case in which the chain rule must not
/// multiply a local derivative by a zero partial. `w` is a number that is inf or NaN whenever
/// a coefficient is: the coefficient itself, a product's value a b (inf * 0 is NaN), a
/// quotient's -(a/b)(1/b), or (c1 - c1) + (c2 - c2). Where it is not finite for finite
/// coefficients (a product that overflows) the rare path runs and gives the same partials, up
/// to the sign of a zero.
template <class T>
TAPELESS_DUAL_INLINE bool finite_coefficient(const T& w) {
    if constexpr (std::is_floating_point_v<T>) {
        const T t = w - w;
        return t == t;  // NOLINT(misc-redundant-expression): false for NaN
    } else {
        (void)w;
        return true;  // integers are finite
    }
}

/// g * c with a zero partial staying zero even when c is inf or NaN: a zero partial means the
/// operand does not depend on that variable, as in reverse mode, where such an operand is not
/// visited at all. Without it 0 * inf = NaN would spoil every partial: d(x / y)/dx at y = 0,
/// or d(pow(x, 2.0))/dx at x = -1, whose unused log(x) factor is NaN.
template <class T>
TAPELESS_DUAL_INLINE T times_partial(const T& g, const T& c) {
    return g == T(0) ? T(0) : g * c;
}

/// The rare path is out of line for more than 64 bytes of partials. Smaller duals live in
/// registers, and a call, even on a cold path, makes GCC keep them in memory (the nested
/// dual<dual<double, 2>, 2> of a Rosenbrock-2 Hessian took 64 ns instead of 50 ns).
template <class T, int N>
inline constexpr bool guarded_out_of_line_v = static_cast<std::size_t>(N) * sizeof(T) > 64;

/// N partials by value: the argument and result of the out-of-line rare path. They are
/// copied there, so that the partials of the caller's duals never have their address taken
/// (Clang keeps them in registers only then: passing their addresses made a BA Jacobian 1.5x
/// slower).
template <class T, int N>
struct partials_copy {
    T at[N > 0 ? static_cast<std::size_t>(N) : 1];
};

/// times_partial on the lanes X of `lanes` (a vector of numbers T, or one T): the product
/// g c with the bits of every lane whose g is zero cleared, so that it is +0 there. (The
/// cleared lanes compute 0 * inf or 0 * NaN where c is not finite, which raises FE_INVALID;
/// the inf itself came from a division by zero or an overflow, which raised its own flag.)
template <class X, class T>
TAPELESS_DUAL_INLINE X times_partial_lanes(const X& g, const T& c) {
    if constexpr (std::is_same_v<X, T>) {
        return times_partial(g, c);
#if defined(__GNUC__) || defined(__clang__)
    } else {
        using mask = std::remove_const_t<decltype(g != X{})>;  // all ones where g != 0
        const mask keep = g != X{};
        const X p = g * c;
        mask bits;
        __builtin_memcpy(&bits, &p, sizeof bits);
        bits &= keep;
        X r;
        __builtin_memcpy(&r, &bits, sizeof r);
        return r;
#else
    } else {
        static_assert(always_false<X>, "tapeless: internal: vector lanes need GCC or Clang");
#endif
    }
}

/// o = a ca + b cb and o = a k with a zero partial staying zero (times_partial): the rare path,
/// and every product of duals of 32 bytes or less (dual_masked_products_v). In the same vectors
/// as the fast path: inline (at most 64 bytes of partials), GCC then keeps the partials in
/// registers on both paths. With a loop of numbers it stored them to the stack and reloaded
/// them after every operation: a normal log-density over 1000 points with dual<double, 2> took
/// 1.87 us instead of 1.56 us. `o` may be `a` (compound assignment).
template <class T, int N>
TAPELESS_DUAL_INLINE void combine_guarded_loop(T* o, const T* a, T ca, const T* b, T cb) {
    lanes<N>(
        o,
        [ca, cb](auto x, auto y) {
            return times_partial_lanes(x, ca) + times_partial_lanes(y, cb);
        },
        a, b);
}
template <class T, int N>
TAPELESS_DUAL_INLINE void scale_guarded_loop(T* o, const T* a, T k) {
    lanes<N>(o, [k](auto x) { return times_partial_lanes(x, k); }, a);
}

// The out-of-line functions carry the vector width of the translation unit in their
// template arguments: a program that links units built with and without -mavx2 keeps one
// copy of each per width, so code for a CPU without AVX never calls an AVX copy.
template <class T, int N, int Simd = dual_simd_bytes>
TAPELESS_DUAL_COLD partials_copy<T, N> combine_guarded_out(const partials_copy<T, N> a, T ca,
                                                           const partials_copy<T, N> b, T cb) {
    partials_copy<T, N> o;
    combine_guarded_loop<T, N>(o.at, a.at, ca, b.at, cb);
    return o;
}

template <class T, int N, int Simd = dual_simd_bytes>
TAPELESS_DUAL_COLD partials_copy<T, N> scale_guarded_out(const partials_copy<T, N> a, T k) {
    partials_copy<T, N> o;
    scale_guarded_loop<T, N>(o.at, a.at, k);
    return o;
}

template <class T, int N>
TAPELESS_DUAL_INLINE partials_copy<T, N> copy_partials(const T* p) {
    partials_copy<T, N> c;
    std::copy_n(p, N, c.at);
    return c;
}

/// combine_guarded_loop, out of line above 64 bytes of partials: the rare path of the chain
/// rule.
template <class T, int N>
TAPELESS_DUAL_INLINE void combine_guarded(T* o, const T* a, T ca, const T* b, T cb) {
    if constexpr (guarded_out_of_line_v<T, N>) {
        const partials_copy<T, N> r =
            combine_guarded_out<T, N>(copy_partials<T, N>(a), ca, copy_partials<T, N>(b), cb);
        std::copy_n(r.at, N, o);
    } else {
        combine_guarded_loop<T, N>(o, a, ca, b, cb);
    }
}

/// scale_guarded_loop, out of line above 64 bytes: the rare path of a unary chain rule.
template <class T, int N>
TAPELESS_DUAL_INLINE void scale_guarded(T* o, const T* a, T k) {
    if constexpr (guarded_out_of_line_v<T, N>) {
        const partials_copy<T, N> r = scale_guarded_out<T, N>(copy_partials<T, N>(a), k);
        std::copy_n(r.at, N, o);
    } else {
        scale_guarded_loop<T, N>(o, a, k);
    }
}

/// Whether every product of partials takes the masked update of the rare path (per vector of
/// partials and per coefficient, one compare and one AND; no test of the coefficients):
/// partials of float or double updated in vectors, 32 bytes of them or fewer (one AVX vector or
/// two SSE2 vectors). There the test and its branch cost more than the masks: `grad` of
/// Rosenbrock-4 with dual<double, 4> took 10.7 ns instead of 13.3 ns with GCC and 8.4 ns
/// instead of 19.8 ns with Clang; with 6 or 8 doubles the test was faster. A zero partial then
/// comes out +0 from every product, where the fast path gives the sign of 0 * c. (With -mfma the
/// AND also keeps Clang from fusing a product into an addition, so the last bit of a partial
/// may differ from what a larger dual computes.)
template <class T, int N>
inline constexpr bool dual_masked_products_v =
    dual_simd_bytes >= 16 && (std::is_same_v<T, double> || std::is_same_v<T, float>) &&
    static_cast<std::size_t>(N) * sizeof(T) <= 32;

/// o = a ca + b cb with a zero partial staying zero (times_partial): `w` is inf or NaN whenever
/// ca or cb is (finite_coefficient), the one test. `o` may be `a`.
template <class T, int N>
TAPELESS_DUAL_INLINE void combine_partials(T* o, const T* a, T ca, const T* b, T cb, T w) {
    if constexpr (dual_masked_products_v<T, N>) {
        (void)w;
        combine_guarded_loop<T, N>(o, a, ca, b, cb);
    } else if (finite_coefficient(w)) [[likely]] {
        lanes<N>(o, [ca, cb](auto x, auto y) { return x * ca + y * cb; }, a, b);
    } else {
        combine_guarded<T, N>(o, a, ca, b, cb);
    }
}

/// o = a k with a zero partial staying zero.
template <class T, int N>
TAPELESS_DUAL_INLINE void scale_partials(T* o, const T* a, T k) {
    if constexpr (dual_masked_products_v<T, N>) {
        scale_guarded_loop<T, N>(o, a, k);
    } else if (finite_coefficient(k)) [[likely]] {
        lanes<N>(o, [k](auto x) { return x * k; }, a);
    } else {
        scale_guarded<T, N>(o, a, k);
    }
}

}  // namespace detail

/// True for `tapeless::dual<T, N>`.
template <class T>
inline constexpr bool is_dual_v = detail::is_dual_impl<std::remove_cvref_t<T>>::value;

/// A constant operand of dual<T, N>: an arithmetic value, or T (for nested duals).
template <class S, class D>
concept dual_scalar = detail::is_dual_scalar<std::remove_cvref_t<S>, std::remove_cvref_t<D>>::value;

/// A forward-mode dual number: a value `v` and the partial derivatives `g` of v by N
/// variables, stored in an `Eigen::Matrix<T, N, 1>` so that every derivative update is one
/// Eigen vector expression (SIMD over the variables). N may be `Eigen::Dynamic`; an empty
/// partial vector then stands for zero partials. Every rule is the chain rule
/// `f(v, g) = (f(v), f'(v) g)`; `dual<dual<T, N>, N>` gives second derivatives.
template <class T, int N>
class alignas(detail::dual_alignment_v<T, N>) dual {
    static_assert(N == Eigen::Dynamic || N >= 0,
                  "tapeless: dual<T, N> needs N >= 0 or N == Eigen::Dynamic");

public:
    using value_type = T;
    using grad_type = Eigen::Matrix<T, N, 1>;
    static constexpr int size_at_compile_time = N;

    /// Zero, with zero partials (an empty partial vector when N is Dynamic).
    TAPELESS_DUAL_INLINE dual() : value_(0) {
        if constexpr (N != Eigen::Dynamic) grad_.setZero();
    }

    /// A constant: the value `v` with zero partials.
    template <class S>
        requires dual_scalar<S, dual>
    TAPELESS_DUAL_INLINE dual(const S& v) : value_(static_cast<T>(v)) {  // NOLINT: implicit, as `T x = 0` needs
        if constexpr (N != Eigen::Dynamic) grad_.setZero();
    }

    /// The value `v` with uninitialised partials (fixed N; empty when Dynamic), for the code that
    /// writes them.
    TAPELESS_DUAL_INLINE dual(detail::uninitialized_t, const T& v) : value_(v) {}

    /// The value `v` with the partials `g` (any Eigen expression of N entries).
    // T is a number or a dual, whose move is no cheaper than this copy.
    template <class G>
    // NOLINTNEXTLINE(modernize-pass-by-value)
    TAPELESS_DUAL_INLINE dual(const T& v, const Eigen::MatrixBase<G>& g) : grad_(g), value_(v) {}

    /// The i-th of N variables at the value `v`: partials e_i (1 at i, 0 elsewhere).
    TAPELESS_DUAL_INLINE static dual variable(const T& v, Eigen::Index i)
        requires(N != Eigen::Dynamic)
    {
        return variable(v, i, N);
    }

    /// The i-th of n variables at the value `v` (n == N when N is fixed).
    TAPELESS_DUAL_INLINE static dual variable(const T& v, Eigen::Index i, Eigen::Index n) {
        dual r(detail::uninitialized_t{}, v);
        r.seed(i, n);
        return r;
    }

    /// The value.
    const T& value() const { return value_; }
    T& value() { return value_; }

    /// The partial derivatives.
    const grad_type& grad() const { return grad_; }
    grad_type& grad() { return grad_; }

    /// Makes this the i-th of n variables: partials e_i. Zeros, then the one: GCC evaluates
    /// grad_type::Unit(i) as N compares and stores (assigning 16 variables of dual<double, 16>
    /// to an array took 190 ns that way, 137 ns this way; Clang 9 and 3 ns).
    TAPELESS_DUAL_INLINE void seed(Eigen::Index i,
                                   Eigen::Index n = (N == Eigen::Dynamic ? 0 : N)) {
        if constexpr (N == Eigen::Dynamic) {
            grad_.setZero(n);
        } else {
            eigen_assert(n == N && "tapeless: seed(i, n) of a fixed-size dual needs n == N");
            grad_.setZero();
        }
        grad_(i) = T(1);
    }

    // Compound assignment updates the partials in place, from the old value, before the value.
    // Coefficient-wise Eigen assignment reads each coefficient before writing it, so `a *= a`
    // is safe without a temporary.

    /// a += b: da += db.
    TAPELESS_DUAL_INLINE dual& operator+=(const dual& b) {
        if constexpr (detail::dual_raw_loop_v<T, N>) {
            detail::lanes<N>(grad_.data(), [](auto x, auto y) { return x + y; }, grad_.data(),
                             b.grad_.data());
        } else if constexpr (N == Eigen::Dynamic) {
            if (b.grad_.size() == 0) {
            } else if (grad_.size() == 0) {
                grad_ = b.grad_;
            } else {
                grad_ += b.grad_;
            }
        } else {
            grad_ += b.grad_;
        }
        value_ += b.value_;
        return *this;
    }

    /// a -= b: da -= db.
    TAPELESS_DUAL_INLINE dual& operator-=(const dual& b) {
        if constexpr (detail::dual_raw_loop_v<T, N>) {
            detail::lanes<N>(grad_.data(), [](auto x, auto y) { return x - y; }, grad_.data(),
                             b.grad_.data());
        } else if constexpr (N == Eigen::Dynamic) {
            if (b.grad_.size() == 0) {
            } else if (grad_.size() == 0) {
                grad_ = -b.grad_;
            } else {
                grad_ -= b.grad_;
            }
        } else {
            grad_ -= b.grad_;
        }
        value_ -= b.value_;
        return *this;
    }

    /// a *= b: da = b da + a db.
    TAPELESS_DUAL_INLINE dual& operator*=(const dual& b) {
        if constexpr (detail::dual_raw_loop_v<T, N>) {
            T* o = grad_.data();
            const T* g = b.grad_.data();
            const T bv = b.value_, av = value_;
            detail::combine_partials<T, N>(o, o, bv, g, av, T(av * bv));
        } else if constexpr (N == Eigen::Dynamic) {
            if (b.grad_.size() == 0) {
                grad_ *= b.value_;
            } else if (grad_.size() == 0) {
                grad_ = b.grad_ * value_;
            } else {
                grad_ = grad_ * b.value_ + b.grad_ * value_;
            }
        } else {
            grad_ = grad_ * b.value_ + b.grad_ * value_;
        }
        value_ *= b.value_;
        return *this;
    }

    /// a /= b: da = (da - (a/b) db) / b.
    TAPELESS_DUAL_INLINE dual& operator/=(const dual& b) {
        const T inv = T(1) / b.value_;
        const T r = value_ / b.value_;
        const T c = -r * inv;
        if constexpr (detail::dual_raw_loop_v<T, N>) {
            T* o = grad_.data();
            const T* g = b.grad_.data();
            // c = -(a/b)(1/b) is inf or NaN whenever 1/b is: one test.
            detail::combine_partials<T, N>(o, o, inv, g, c, c);
        } else if constexpr (N == Eigen::Dynamic) {
            if (b.grad_.size() == 0) {
                grad_ *= inv;
            } else if (grad_.size() == 0) {
                grad_ = b.grad_ * c;
            } else {
                grad_ = grad_ * inv + b.grad_ * c;
            }
        } else {
            grad_ = grad_ * inv + b.grad_ * c;
        }
        value_ = r;
        return *this;
    }

    template <class S>
        requires dual_scalar<S, dual>
    TAPELESS_DUAL_INLINE dual& operator+=(const S& s) {
        value_ += static_cast<T>(s);
        return *this;
    }
    template <class S>
        requires dual_scalar<S, dual>
    TAPELESS_DUAL_INLINE dual& operator-=(const S& s) {
        value_ -= static_cast<T>(s);
        return *this;
    }
    template <class S>
        requires dual_scalar<S, dual>
    TAPELESS_DUAL_INLINE dual& operator*=(const S& s) {
        scale_by(static_cast<T>(s));
        value_ *= static_cast<T>(s);
        return *this;
    }
    template <class S>
        requires dual_scalar<S, dual>
    TAPELESS_DUAL_INLINE dual& operator/=(const S& s) {
        const T c = static_cast<T>(s);
        scale_by(T(T(1) / c));
        value_ /= c;
        return *this;
    }

    /// Compound assignment with a dual of another size or scalar type: an error.
    template <class U, int M>
        requires(!dual_scalar<dual<U, M>, dual>)
    dual& operator+=(const dual<U, M>&) {
        return mismatched<U, M>();
    }
    template <class U, int M>
        requires(!dual_scalar<dual<U, M>, dual>)
    dual& operator-=(const dual<U, M>&) {
        return mismatched<U, M>();
    }
    template <class U, int M>
        requires(!dual_scalar<dual<U, M>, dual>)
    dual& operator*=(const dual<U, M>&) {
        return mismatched<U, M>();
    }
    template <class U, int M>
        requires(!dual_scalar<dual<U, M>, dual>)
    dual& operator/=(const dual<U, M>&) {
        return mismatched<U, M>();
    }

private:
    /// grad *= k with a zero partial staying zero where k is inf or NaN, as in `a * k`.
    TAPELESS_DUAL_INLINE void scale_by(const T& k) {
        if constexpr (detail::dual_raw_loop_v<T, N>) {
            detail::scale_partials<T, N>(grad_.data(), grad_.data(), k);
        } else if constexpr (std::is_arithmetic_v<T>) {
            if (detail::finite_coefficient(k)) {
                grad_ *= k;
            } else {
                for (Eigen::Index i = 0; i < grad_.size(); ++i)
                    grad_(i) = detail::times_partial(grad_(i), k);
            }
        } else {
            grad_ *= k;
        }
    }

    template <class U, int M>
    dual& mismatched() {
        // Reached by a += b with a a dual<double, 2> and b a dual<double, 3> (or float/double).
        static_assert(detail::always_false<detail::error::mismatched_duals<dual, dual<U, M>>>,
                      "tapeless: dual numbers of different sizes or scalar types in one "
                      "operation; use one dual<T, N> type for all the variables of a computation");
        return *this;
    }

    grad_type grad_;
    T value_;
};

/// The dual numbers x_0 ... x_{n-1} at `point`, each seeded as a variable: the argument of a
/// function differentiated in forward mode.
template <class P>
auto seed(const Eigen::MatrixBase<P>& point) {
    using T = typename P::Scalar;
    constexpr int n = P::SizeAtCompileTime;
    using D = dual<T, n>;
    // Each dual starts as 0 with zero partials (fixed n); then its value and its 1 are written
    // in place. (Assigning D::variable(...) per entry built a unit vector on the stack and
    // copied it: for dual<double, 15> that was a third of a BA Jacobian's time.)
    Eigen::Matrix<D, n, 1> x;
    const Eigen::Index size = point.size();
    if constexpr (n == Eigen::Dynamic) x.resize(size);
    for (Eigen::Index i = 0; i < size; ++i) {
        D& xi = x(i);
        xi.value() = point.derived().coeff(i);
        if constexpr (n == Eigen::Dynamic) xi.grad().setZero(size);
        xi.grad()(i) = T(1);
    }
    return x;
}

namespace detail {

/// (c1 - c1) + (c2 - c2): finite exactly when both coefficients are (see finite_coefficient).
template <class T>
TAPELESS_DUAL_INLINE T finiteness_witness(const T& c1, const T& c2) {
    if constexpr (std::is_floating_point_v<T>) {
        return (c1 - c1) + (c2 - c2);
    } else {
        (void)c1;
        (void)c2;
        return T(0);
    }
}

/// A dual with value v and partials ga*ca + gb*cb; an empty Dynamic vector counts as zero.
/// `w` (fixed N, numbers) is inf or NaN whenever ca or cb is: the one test of the fast path.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> dual_combine(const T& v, const Eigen::Matrix<T, N, 1>& ga, const T& ca,
                               const Eigen::Matrix<T, N, 1>& gb, const T& cb,
                               const T& w) {
    if constexpr (dual_raw_loop_v<T, N>) {
        // Local copies and restrict: otherwise the stores through o may alias ca and cb
        // (references), and GCC reloads them every iteration instead of vectorising.
        const T a_c = ca, b_c = cb;
        dual<T, N> r(uninitialized_t{}, v);
        T* TAPELESS_RESTRICT o = r.grad().data();
        const T* TAPELESS_RESTRICT a = ga.data();
        const T* TAPELESS_RESTRICT b = gb.data();
        combine_partials<T, N>(o, a, a_c, b, b_c, w);
        return r;
    } else if constexpr (N == Eigen::Dynamic && std::is_arithmetic_v<T>) {
        if (!finite_coefficient(finiteness_witness(ca, cb))) {
            dual<T, N> r(v, Eigen::Matrix<T, N, 1>::Zero(std::max(ga.size(), gb.size())));
            if (r.grad().size() == 0) return r;
            for (Eigen::Index i = 0; i < ga.size(); ++i) r.grad()(i) = times_partial(ga(i), ca);
            for (Eigen::Index i = 0; i < gb.size(); ++i) r.grad()(i) += times_partial(gb(i), cb);
            return r;
        }
        if (ga.size() == 0) return gb.size() == 0 ? dual<T, N>(v) : dual<T, N>(v, gb * cb);
        if (gb.size() == 0) return dual<T, N>(v, ga * ca);
        return dual<T, N>(v, ga * ca + gb * cb);
    } else if constexpr (N == Eigen::Dynamic) {
        if (ga.size() == 0) return gb.size() == 0 ? dual<T, N>(v) : dual<T, N>(v, gb * cb);
        if (gb.size() == 0) return dual<T, N>(v, ga * ca);
        return dual<T, N>(v, ga * ca + gb * cb);
    } else {
        return dual<T, N>(v, ga * ca + gb * cb);
    }
}

/// dual_combine with the witness (ca - ca) + (cb - cb).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> dual_combine(const T& v, const Eigen::Matrix<T, N, 1>& ga,
                                             const T& ca, const Eigen::Matrix<T, N, 1>& gb,
                                             const T& cb) {
    if constexpr (dual_raw_loop_v<T, N>) {
        return dual_combine(v, ga, ca, gb, cb, finiteness_witness(ca, cb));
    } else {
        return dual_combine(v, ga, ca, gb, cb, T(0));
    }
}

/// A dual with value v and partials da * c: the chain rule of a unary function.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> dual_scaled(const T& v, const Eigen::Matrix<T, N, 1>& g,
                                            const T& c) {
    if constexpr (dual_raw_loop_v<T, N>) {
        const T k = c;
        dual<T, N> r(uninitialized_t{}, v);
        T* TAPELESS_RESTRICT o = r.grad().data();
        const T* TAPELESS_RESTRICT a = g.data();
        scale_partials<T, N>(o, a, k);
        return r;
    } else if constexpr (std::is_arithmetic_v<T>) {
        if (!finite_coefficient(c)) {
            dual<T, N> r(v, g);
            for (Eigen::Index i = 0; i < g.size(); ++i) r.grad()(i) = times_partial(g(i), c);
            return r;
        }
        return dual<T, N>(v, g * c);
    } else {
        return dual<T, N>(v, g * c);
    }
}
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> dual_chain(const T& v, const dual<T, N>& a, const T& c) {
    return dual_scaled(v, a.grad(), c);
}

/// A dual with value v and partials ga + s gb, s = +1 or -1 (fixed N, numbers).
template <int S, class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> dual_sum(const T& v, const Eigen::Matrix<T, N, 1>& ga,
                                         const Eigen::Matrix<T, N, 1>& gb) {
    dual<T, N> r(uninitialized_t{}, v);
    T* TAPELESS_RESTRICT o = r.grad().data();
    const T* TAPELESS_RESTRICT a = ga.data();
    const T* TAPELESS_RESTRICT b = gb.data();
    if constexpr (S > 0) {
        lanes<N>(o, [](auto x, auto y) { return x + y; }, a, b);
    } else {
        lanes<N>(o, [](auto x, auto y) { return x - y; }, a, b);
    }
    return r;
}

template <class T, int N, class U, int M>
dual<T, N> mismatched_duals() {
    // Reached by a + b, pow(a, b), atan2(a, b), ... with a a dual<double, 2> and b a
    // dual<double, 3> (or dual<float, 2> and dual<double, 2>).
    static_assert(always_false<error::mismatched_duals<dual<T, N>, dual<U, M>>>,
                  "tapeless: dual numbers of different sizes or scalar types in one operation; "
                  "use one dual<T, N> type for all the variables of a computation");
    return {};
}

/// Two duals that are neither the same type nor a dual and one of its constants.
template <class L, class R>
concept mismatched_dual_pair = is_dual_v<L> && is_dual_v<R> && !std::is_same_v<L, R> &&
                               !dual_scalar<L, R> && !dual_scalar<R, L>;

}  // namespace detail

// ---- arithmetic ------------------------------------------------------------------------------

/// +a.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> operator+(const dual<T, N>& a) {
    return a;
}

/// -a; d(-a) = -da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> operator-(const dual<T, N>& a) {
    return detail::dual_scaled(T(-a.value()), a.grad(), T(-1));
}

/// a + b; d = da + db.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> operator+(const dual<T, N>& a, const dual<T, N>& b) {
    if constexpr (N == Eigen::Dynamic) {
        if (a.grad().size() == 0) return dual<T, N>(a.value() + b.value(), b.grad());
        if (b.grad().size() == 0) return dual<T, N>(a.value() + b.value(), a.grad());
    }
    if constexpr (detail::dual_raw_loop_v<T, N>) {
        return detail::dual_sum<1>(T(a.value() + b.value()), a.grad(), b.grad());
    } else {
        return dual<T, N>(a.value() + b.value(), a.grad() + b.grad());
    }
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator+(const dual<T, N>& a, const S& s) {
    return dual<T, N>(a.value() + static_cast<T>(s), a.grad());
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator+(const S& s, const dual<T, N>& a) {
    return dual<T, N>(static_cast<T>(s) + a.value(), a.grad());
}

/// a - b; d = da - db.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> operator-(const dual<T, N>& a, const dual<T, N>& b) {
    if constexpr (N == Eigen::Dynamic) {
        if (a.grad().size() == 0) return dual<T, N>(a.value() - b.value(), -b.grad());
        if (b.grad().size() == 0) return dual<T, N>(a.value() - b.value(), a.grad());
    }
    if constexpr (detail::dual_raw_loop_v<T, N>) {
        return detail::dual_sum<-1>(T(a.value() - b.value()), a.grad(), b.grad());
    } else {
        return dual<T, N>(a.value() - b.value(), a.grad() - b.grad());
    }
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator-(const dual<T, N>& a, const S& s) {
    return dual<T, N>(a.value() - static_cast<T>(s), a.grad());
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator-(const S& s, const dual<T, N>& a) {
    return detail::dual_scaled(T(static_cast<T>(s) - a.value()), a.grad(), T(-1));
}

/// a * b; d = b da + a db.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> operator*(const dual<T, N>& a, const dual<T, N>& b) {
    // The value a b is inf or NaN whenever a coefficient (b, a) is: the finiteness test.
    const T v = a.value() * b.value();
    return detail::dual_combine(v, a.grad(), b.value(), b.grad(), a.value(), v);
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator*(const dual<T, N>& a, const S& s) {
    const T c = static_cast<T>(s);
    return detail::dual_scaled(T(a.value() * c), a.grad(), c);
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator*(const S& s, const dual<T, N>& a) {
    const T c = static_cast<T>(s);
    return detail::dual_scaled(T(c * a.value()), a.grad(), c);
}

/// a / b; d = da / b - (a/b) db / b.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> operator/(const dual<T, N>& a, const dual<T, N>& b) {
    const T inv = T(1) / b.value();
    const T r = a.value() / b.value();
    // -(a/b)(1/b) is inf or NaN whenever 1/b is: the finiteness test.
    const T c = -r * inv;
    return detail::dual_combine(r, a.grad(), inv, b.grad(), c, c);
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator/(const dual<T, N>& a, const S& s) {
    const T c = static_cast<T>(s);
    return detail::dual_scaled(T(a.value() / c), a.grad(), T(T(1) / c));
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> operator/(const S& s, const dual<T, N>& a) {
    const T r = static_cast<T>(s) / a.value();
    return detail::dual_chain(r, a, T(-r / a.value()));
}

// Duals of different sizes or scalar types: one clear error instead of "no match".
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> operator+(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> operator-(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> operator*(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> operator/(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}

// ---- comparisons: by value, so that branches (`if (x > 0)`) follow the value -------------------

template <class T, int N>
TAPELESS_DUAL_INLINE bool operator==(const dual<T, N>& a, const dual<T, N>& b) {
    return a.value() == b.value();
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE bool operator==(const dual<T, N>& a, const S& s) {
    return a.value() == s;
}
template <class T, int N>
TAPELESS_DUAL_INLINE std::partial_ordering operator<=>(const dual<T, N>& a, const dual<T, N>& b) {
    return a.value() <=> b.value();
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE std::partial_ordering operator<=>(const dual<T, N>& a, const S& s) {
    return a.value() <=> s;
}

/// Prints `value` (the partials are not printed; use `.grad()`).
template <class T, int N>
std::ostream& operator<<(std::ostream& os, const dual<T, N>& a) {
    return os << a.value();
}

// ---- elementary functions (found by ADL); the values come from tapeless::math ----------------

/// sqrt: d sqrt(a) = da / (2 sqrt(a)).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> sqrt(const dual<T, N>& a) {
    const T r = detail::fn::sqrt(a.value());
    return detail::dual_chain(r, a, T(T(0.5) / r));
}

/// cbrt: d cbrt(a) = da / (3 cbrt(a)^2).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> cbrt(const dual<T, N>& a) {
    const T r = detail::fn::cbrt(a.value());
    return detail::dual_chain(r, a, T(T(1) / (T(3) * r * r)));
}

/// exp: d exp(a) = exp(a) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> exp(const dual<T, N>& a) {
    const T r = detail::fn::exp(a.value());
    return detail::dual_chain(r, a, r);
}

/// log: d log(a) = da / a.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> log(const dual<T, N>& a) {
    return detail::dual_chain(T(detail::fn::log(a.value())), a, T(T(1) / a.value()));
}

/// sin: d sin(a) = cos(a) da.
/// (Both need sin and cos of the value: one sincos call where the C library has one.)
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> sin(const dual<T, N>& a) {
    if constexpr (std::is_floating_point_v<T>) {
        const auto sc = math::detail::sin_cos(a.value());
        return detail::dual_chain(sc.sin, a, sc.cos);
    } else {
        return detail::dual_chain(T(detail::fn::sin(a.value())), a,
                                  T(detail::fn::cos(a.value())));
    }
}

/// cos: d cos(a) = -sin(a) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> cos(const dual<T, N>& a) {
    if constexpr (std::is_floating_point_v<T>) {
        const auto sc = math::detail::sin_cos(a.value());
        return detail::dual_chain(sc.cos, a, T(-sc.sin));
    } else {
        return detail::dual_chain(T(detail::fn::cos(a.value())), a,
                                  T(-detail::fn::sin(a.value())));
    }
}

/// tan: d tan(a) = (1 + tan(a)^2) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> tan(const dual<T, N>& a) {
    const T r = detail::fn::tan(a.value());
    return detail::dual_chain(r, a, T(T(1) + r * r));
}

/// asin: d asin(a) = da / sqrt(1 - a^2).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> asin(const dual<T, N>& a) {
    const T& v = a.value();
    return detail::dual_chain(T(detail::fn::asin(v)), a,
                              T(T(1) / detail::fn::sqrt(T(T(1) - v * v))));
}

/// acos: d acos(a) = -da / sqrt(1 - a^2).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> acos(const dual<T, N>& a) {
    const T& v = a.value();
    return detail::dual_chain(T(detail::fn::acos(v)), a,
                              T(T(-1) / detail::fn::sqrt(T(T(1) - v * v))));
}

/// atan: d atan(a) = da / (1 + a^2).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> atan(const dual<T, N>& a) {
    const T& v = a.value();
    return detail::dual_chain(T(detail::fn::atan(v)), a, T(T(1) / (T(1) + v * v)));
}

/// sinh: d sinh(a) = cosh(a) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> sinh(const dual<T, N>& a) {
    return detail::dual_chain(T(detail::fn::sinh(a.value())), a, T(detail::fn::cosh(a.value())));
}

/// cosh: d cosh(a) = sinh(a) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> cosh(const dual<T, N>& a) {
    return detail::dual_chain(T(detail::fn::cosh(a.value())), a, T(detail::fn::sinh(a.value())));
}

/// tanh: d tanh(a) = (1 - tanh(a)^2) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> tanh(const dual<T, N>& a) {
    const T r = detail::fn::tanh(a.value());
    return detail::dual_chain(r, a, T(T(1) - r * r));
}

/// abs: d |a| = sign(a) da (0 at a = 0).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> abs(const dual<T, N>& a) {
    return detail::dual_chain(T(detail::fn::abs(a.value())), a, T(detail::fn::sign(a.value())));
}

/// sign: -1, 0 or 1, with zero partials.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> sign(const dual<T, N>& a) {
    return dual<T, N>(T(detail::fn::sign(a.value())));
}

/// log1p: d log1p(a) = da / (1 + a).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> log1p(const dual<T, N>& a) {
    return detail::dual_chain(T(detail::fn::log1p(a.value())), a, T(T(1) / (T(1) + a.value())));
}

/// expm1: d expm1(a) = (expm1(a) + 1) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> expm1(const dual<T, N>& a) {
    const T r = detail::fn::expm1(a.value());
    return detail::dual_chain(r, a, T(r + T(1)));
}

/// erf: d erf(a) = 2/sqrt(pi) exp(-a^2) da.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> erf(const dual<T, N>& a) {
    const T& v = a.value();
    using R = detail::real_of_t<T>;
    constexpr R two_over_sqrt_pi = static_cast<R>(1.12837916709551257389615890312154517L);
    return detail::dual_chain(T(detail::fn::erf(v)), a,
                              T(two_over_sqrt_pi * detail::fn::exp(T(-(v * v)))));
}

/// pow(a, n) for an integer n, by exact repeated multiplication; d = n a^(n-1) da.
template <class T, int N, std::integral I>
TAPELESS_DUAL_INLINE dual<T, N> pow(const dual<T, N>& a, I n) {
    const int k = static_cast<int>(n);
    const T r = detail::fn::pow_int(a.value(), k);
    if (k == 0) return dual<T, N>(r, a.grad() * T(0));
    return detail::dual_chain(r, a, T(static_cast<T>(k) * detail::fn::pow_int(a.value(), k - 1)));
}

/// pow(a, s) for a real constant s; d = s a^(s-1) da.
template <class T, int N, class S>
    requires(dual_scalar<S, dual<T, N>> && !std::integral<S>)
TAPELESS_DUAL_INLINE dual<T, N> pow(const dual<T, N>& a, const S& s) {
    const T e = static_cast<T>(s);
    const T r = detail::fn::pow(a.value(), e);
    return detail::dual_chain(r, a, T(e * detail::fn::pow(a.value(), T(e - T(1)))));
}

/// pow(s, b) for a constant base s; d = s^b log(s) db.
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> pow(const S& s, const dual<T, N>& b) {
    const T base = static_cast<T>(s);
    const T r = detail::fn::pow(base, b.value());
    return detail::dual_chain(r, b, T(r * detail::fn::log(base)));
}

/// pow(a, b); d = b a^(b-1) da + a^b log(a) db.
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> pow(const dual<T, N>& a, const dual<T, N>& b) {
    const T r = detail::fn::pow(a.value(), b.value());
    return detail::dual_combine(r, a.grad(),
                                T(b.value() * detail::fn::pow(a.value(), T(b.value() - T(1)))),
                                b.grad(), T(r * detail::fn::log(a.value())));
}

/// atan2(y, x), the angle of (x, y); d = (x dy - y dx) / (x^2 + y^2).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> atan2(const dual<T, N>& y, const dual<T, N>& x) {
    const T inv = T(1) / (x.value() * x.value() + y.value() * y.value());
    return detail::dual_combine(T(detail::fn::atan2(y.value(), x.value())), y.grad(),
                                T(x.value() * inv), x.grad(), T(-y.value() * inv));
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> atan2(const dual<T, N>& y, const S& s) {
    const T x = static_cast<T>(s);
    return detail::dual_chain(T(detail::fn::atan2(y.value(), x)), y,
                              T(x / (x * x + y.value() * y.value())));
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> atan2(const S& s, const dual<T, N>& x) {
    const T y = static_cast<T>(s);
    return detail::dual_chain(T(detail::fn::atan2(y, x.value())), x,
                              T(-y / (x.value() * x.value() + y * y)));
}

/// hypot(a, b) = sqrt(a^2 + b^2) without overflow; d = (a da + b db) / hypot(a, b).
template <class T, int N>
TAPELESS_DUAL_INLINE dual<T, N> hypot(const dual<T, N>& a, const dual<T, N>& b) {
    const T r = detail::fn::hypot(a.value(), b.value());
    const T inv = T(1) / r;
    return detail::dual_combine(r, a.grad(), T(a.value() * inv), b.grad(), T(b.value() * inv));
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> hypot(const dual<T, N>& a, const S& s) {
    const T r = detail::fn::hypot(a.value(), static_cast<T>(s));
    return detail::dual_chain(r, a, T(a.value() / r));
}
template <class T, int N, class S>
    requires dual_scalar<S, dual<T, N>>
TAPELESS_DUAL_INLINE dual<T, N> hypot(const S& s, const dual<T, N>& b) {
    const T r = detail::fn::hypot(static_cast<T>(s), b.value());
    return detail::dual_chain(r, b, T(b.value() / r));
}

// Binary functions of duals of different sizes or scalar types.
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> pow(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> atan2(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}
template <class L, class R>
    requires detail::mismatched_dual_pair<L, R>
dual<typename L::value_type, L::size_at_compile_time> hypot(const L&, const R&) {
    return detail::mismatched_duals<typename L::value_type, L::size_at_compile_time,
                                    typename R::value_type, R::size_at_compile_time>();
}

namespace detail {
/// Dual numbers can be bound to variables: `e(x = some_dual)`.
template <class T, int N>
struct is_numeric_class<dual<T, N>> : std::true_type {};
}  // namespace detail

}  // namespace tapeless

// The standard's and Eigen's names and enum (quiet_NaN, IsComplex, ...) are not ours to choose.
// NOLINTBEGIN(readability-identifier-naming,performance-enum-size)

/// Limits of the value type, as dual numbers with zero partials.
template <class T, int N>
struct std::numeric_limits<tapeless::dual<T, N>> : std::numeric_limits<T> {
    using D = tapeless::dual<T, N>;
    static D min() noexcept { return D(std::numeric_limits<T>::min()); }
    static D max() noexcept { return D(std::numeric_limits<T>::max()); }
    static D lowest() noexcept { return D(std::numeric_limits<T>::lowest()); }
    static D epsilon() noexcept { return D(std::numeric_limits<T>::epsilon()); }
    static D round_error() noexcept { return D(std::numeric_limits<T>::round_error()); }
    static D infinity() noexcept { return D(std::numeric_limits<T>::infinity()); }
    static D quiet_NaN() noexcept { return D(std::numeric_limits<T>::quiet_NaN()); }
    static D signaling_NaN() noexcept { return D(std::numeric_limits<T>::signaling_NaN()); }
    static D denorm_min() noexcept { return D(std::numeric_limits<T>::denorm_min()); }
};

namespace Eigen {

/// Eigen matrices of dual numbers: products, norms and decompositions use these traits.
template <class T, int N>
struct NumTraits<tapeless::dual<T, N>> : NumTraits<T> {
    using Real = tapeless::dual<T, N>;
    using NonInteger = tapeless::dual<T, N>;
    using Nested = tapeless::dual<T, N>;
    using Literal = typename NumTraits<T>::Literal;
    enum {
        IsComplex = 0,
        IsInteger = 0,
        IsSigned = 1,
        RequireInitialization = 1,
        ReadCost = (N == Dynamic ? HugeCost : (N + 1) * int(NumTraits<T>::ReadCost)),
        AddCost = (N == Dynamic ? HugeCost : (N + 1) * int(NumTraits<T>::AddCost)),
        MulCost = (N == Dynamic ? HugeCost
                                : (2 * N + 1) * int(NumTraits<T>::MulCost) +
                                      N * int(NumTraits<T>::AddCost)),
    };
    static Real epsilon() { return Real(NumTraits<T>::epsilon()); }
    static Real dummy_precision() { return Real(NumTraits<T>::dummy_precision()); }
    static Real highest() { return Real(NumTraits<T>::highest()); }
    static Real lowest() { return Real(NumTraits<T>::lowest()); }
    static Real infinity() { return Real(NumTraits<T>::infinity()); }
    static Real quiet_NaN() { return Real(NumTraits<T>::quiet_NaN()); }
    static int digits10() { return NumTraits<T>::digits10(); }
};
// NOLINTEND(readability-identifier-naming,performance-enum-size)

/// dual<T, N> with T, both ways: `Matrix<dual> * Matrix<double>`, `2.0 * m`.
template <class T, int N, class BinaryOp>
struct ScalarBinaryOpTraits<tapeless::dual<T, N>, T, BinaryOp> {
    using ReturnType = tapeless::dual<T, N>;
};
template <class T, int N, class BinaryOp>
struct ScalarBinaryOpTraits<T, tapeless::dual<T, N>, BinaryOp> {
    using ReturnType = tapeless::dual<T, N>;
};

}  // namespace Eigen
