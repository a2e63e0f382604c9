// The result types of reverse mode, and binding a user scalar type (docs/reverse.md).
#include <tapeless/tapeless.hpp>

#include <cmath>
#include <cstdio>
#include <type_traits>

// [results]
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr auto f = u * v + pow(u, 2);

// grad returns tapeless::gradient<T, Vars...>, hessian tapeless::hessian_result<T, Vars...>,
// jacobian tapeless::jacobian_result<T, M, Vars...>; Vars in the order of wrt(...) or of
// the bindings.
constexpr auto g = tapeless::grad(f, u = 1.0, v = 2.0);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(g)>,
                             tapeless::gradient<double, tapeless::var<"u">, tapeless::var<"v">>>);
constexpr auto h = tapeless::hessian(f, tapeless::wrt(v, u), u = 1.0, v = 2.0);
static_assert(h(u, v) == 1.0 && h(u, u) == 2.0 && h.gradient()[u] == 4.0);
constexpr auto J = tapeless::jacobian(tapeless::vec(f, u - v), u = 1.0, v = 2.0);
static_assert(J(1, v) == -1.0 && J.value(0) == 3.0);
// [results:end]

// [enable_binding]
// A user number type: opt in with tapeless::enable_binding, provide the arithmetic operators
// and the functions the expression uses (found by ADL).
struct checked {
    double x;
    checked(double d = 0) : x(d) {}  // NOLINT: converts like double
    friend checked operator+(checked a, checked b) { return a.x + b.x; }
    friend checked operator*(checked a, checked b) { return a.x * b.x; }
    checked& operator+=(checked b) { x += b.x; return *this; }
    friend checked pow(checked a, int n) { return std::pow(a.x, n); }
};
template <>
inline constexpr bool tapeless::enable_binding<checked> = true;
// [enable_binding:end]

int main() {
    // [enable_binding_use]
    const auto gc = tapeless::grad(f, u = checked(1.0), v = checked(2.0));
    std::printf("df/du = %g, df/dv = %g\n", gc[u].x, gc[v].x);  // 4, 1
    // [enable_binding_use:end]
    const Eigen::Matrix2d m = h.matrix();
    std::printf("hessian in wrt order (v, u):\n%g %g\n%g %g\n", m(0, 0), m(0, 1), m(1, 0), m(1, 1));
    return gc[u].x == 4.0 && gc[v].x == 1.0 && m(1, 1) == 2.0 ? 0 : 1;
}
