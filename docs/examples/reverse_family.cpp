// docs/reverse.md: extended Rosenbrock over a family of variables, grad with every member bound.
#include <tapeless/tapeless.hpp>

#include <array>
#include <cstddef>
#include <cstdio>
#include <utility>

// [family]
constexpr std::size_t N = 8;
constexpr auto xs = tapeless::vars<"x", N>;
constexpr auto rosen = tapeless::sum(xs, [](auto xi, auto i) {
    if constexpr (i() + 1 < N) {
        constexpr auto next = tapeless::get<i() + 1>(xs);
        return 100.0 * pow(next - pow(xi, 2), 2) + pow(1.0 - xi, 2);
    } else {
        return tapeless::constant<0>{};  // no last term (dropped at compile time)
    }
});

// Binds x0 = p[0], ..., x7 = p[7] and differentiates by all of them.
auto rosen_grad(const std::array<double, N>& p) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return tapeless::grad(rosen, (tapeless::get<I>(xs) = p[I])...);
    }(std::make_index_sequence<N>{});
}
// [family]

int main() {
    std::array<double, N> p{};
    p.fill(1.0);  // the minimum: f = 0, gradient 0
    const auto g = rosen_grad(p);
    int bad = g.value() != 0.0;
    for (double d : g.partials()) bad += d != 0.0;
    p[0] = 0.5;
    const auto g2 = rosen_grad(p);
    // df/dx0 = -400 x0 (x1 - x0^2) - 2 (1 - x0) = -400*0.5*0.75 - 1 = -151
    bad += g2[tapeless::get<0>(xs)] != -151.0;
    std::printf("df/dx0 at x0 = 0.5: %g\n", g2[tapeless::get<0>(xs)]);
    return bad;
}
