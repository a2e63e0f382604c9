// docs/reverse.md: grad, hessian and jacobian on the tutorial function.
#include <tapeless/tapeless.hpp>

#include <cstdio>

// [grad]
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr auto f = u * v + pow(u, 2);

// The whole sweep runs at compile time when the bindings are constants.
static_assert(tapeless::grad(f, u = 1.0, v = 2.0).value() == 3.0);
static_assert(tapeless::grad(f, u = 1.0, v = 2.0)[u] == 4.0);  // v + 2u
static_assert(tapeless::grad(f, u = 1.0, v = 2.0)[v] == 1.0);  // u
// [grad]

int main(int argc, char**) {
    const double a = 1.0 * argc, b = 2.0;  // run-time values
    // [runtime]
    const auto g = tapeless::grad(f, u = a, v = b);
    const auto h = tapeless::hessian(f, u = a, v = b);   // rows by reverse over d(f, u), d(f, v)
    const auto J = tapeless::jacobian(tapeless::vec(f, u * v), u = a, v = b);
    const auto gu = tapeless::grad(f, tapeless::wrt(u), u = a, v = b);  // v held constant
    // [runtime]
    int bad = 0;
    bad += g[u] != b + 2 * a;
    bad += g[v] != a;
    bad += h(u, u) != 2.0 || h(u, v) != 1.0 || h(v, u) != 1.0 || h(v, v) != 0.0;
    bad += J(0, u) != g[u] || J(1, u) != b || J(1, v) != a;
    bad += gu[u] != g[u];
    std::printf("f = %g, df/du = %g, df/dv = %g\n", g.value(), g[u], g[v]);
    return bad;
}
