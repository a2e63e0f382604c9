// Forward mode with dual numbers: a generic C++ function with a loop and a branch, its
// gradient, Jacobian and Hessian, and forward_grad of an expression. docs/forward.md quotes
// this file; the program exits 1 when a derivative differs from the hand-written one.
#include <tapeless/tapeless.hpp>

#include <cmath>
#include <iostream>

// [forward:function]
// An ordinary function template: a loop, a branch on the values, and any scalar type T
// (double, tapeless::dual<double, N>, nested duals). Nothing in it knows about derivatives.
template <class T>
T spring_energy(const T& x, const T& y) {
    T energy = 0.0;                      // a number converts to a dual with zero partials
    for (int k = 1; k <= 3; ++k) {
        const T stretch = hypot(x, y) - 0.5 * k;
        if (stretch > 0) {               // comparisons look at the value
            energy += k * stretch * stretch;
        } else {
            energy += 0.1 * exp(stretch);
        }
    }
    return energy;
}
// [forward:end]

// [forward:grad]
// grad(fn, point) calls fn once with dual<double, 2> arguments seeded with e_0 and e_1.
Eigen::Vector2d energy_gradient() {
    const Eigen::Vector2d point(0.6, 0.8);  // r = hypot(x, y) = 1
    return tapeless::grad([](auto x, auto y) { return spring_energy(x, y); }, point);
}
// [forward:end]

// [forward:grad_value]
// The energy and its gradient from the same forward pass.
Eigen::Vector2d energy_and_gradient(double& energy) {
    return tapeless::grad([](auto x, auto y) { return spring_energy(x, y); },
                          Eigen::Vector2d(0.6, 0.8), energy);
}
// [forward:end]

// [forward:dual]
// The same by hand: a dual number carries a value and its partials (an Eigen vector).
Eigen::Vector2d energy_gradient_by_hand() {
    using D = tapeless::dual<double, 2>;
    const D x = D::variable(0.6, 0);  // value 0.6, partials (1, 0)
    const D y = D::variable(0.8, 1);  // value 0.8, partials (0, 1)
    const D e = spring_energy(x, y);  // e.value(): the energy; e.grad(): its gradient
    return e.grad();
}
// [forward:end]

// [forward:hessian]
// Second derivatives with nested duals, dual<dual<double, 2>, 2>; a function may also take
// the point as one Eigen vector.
Eigen::Matrix2d energy_hessian() {
    return tapeless::hessian([](const auto& p) { return spring_energy(p(0), p(1)); },
                             Eigen::Vector2d(0.6, 0.8));
}
// [forward:end]

// [forward:jacobian]
// A vector-valued function: the Jacobian of polar to Cartesian coordinates.
Eigen::Matrix2d polar_jacobian(double r, double phi) {
    return tapeless::jacobian(
        [](auto rr, auto p) { return Eigen::Matrix<decltype(rr), 2, 1>(rr * cos(p), rr * sin(p)); },
        Eigen::Vector2d(r, phi));
}
// [forward:end]

// [forward:jacobian_values]
// The Jacobian and the values of the same function from one forward pass.
Eigen::Matrix2d polar_jacobian_and_point(double r, double phi, Eigen::Vector2d& xy) {
    return tapeless::jacobian(
        [](auto rr, auto p) { return Eigen::Matrix<decltype(rr), 2, 1>(rr * cos(p), rr * sin(p)); },
        Eigen::Vector2d(r, phi), xy);  // xy = (r cos phi, r sin phi)
}
// [forward:end]

// [forward:forward_grad]
// An expression differentiated in one forward pass: the same result object as grad.
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr auto f = u * v + pow(u, 2);

auto f_gradient() {
    return tapeless::forward_grad(f, u = 1.0, v = 2.0);  // value 3, [u] 4, [v] 1
}
// [forward:end]

int main() {
    int failures = 0;
    const auto expect = [&](const char* what, double got, double want) {
        const bool ok = std::abs(got - want) <= 1e-12 * (1 + std::abs(want));
        std::cout << what << " = " << got << (ok ? "" : "   MISMATCH") << '\n';
        failures += ok ? 0 : 1;
    };

    // By hand: r = 1; k = 1 stretches (1 - 0.5 > 0), k = 2, 3 do not.
    // E'(r) = 2 * 1 * 0.5 + 0.1 e^0 + 0.1 e^-0.5 and dr/dx = x / r, dr/dy = y / r.
    const double de_dr = 1.0 + 0.1 + 0.1 * std::exp(-0.5);
    const Eigen::Vector2d g = energy_gradient();
    expect("dE/dx", g(0), de_dr * 0.6);
    expect("dE/dy", g(1), de_dr * 0.8);
    expect("dE/dx (dual by hand)", energy_gradient_by_hand()(0), g(0));
    double energy = 0;
    expect("dE/dy with the value", energy_and_gradient(energy)(1), g(1));
    expect("E from the gradient's pass", energy, spring_energy(0.6, 0.8));

    // d2E/dx2 = E''(r) (x/r)^2 + E'(r) (1/r - x^2/r^3), E''(r) = 2 + 0.1 e^0 + 0.1 e^-0.5
    const double d2e_dr2 = 2.0 + 0.1 + 0.1 * std::exp(-0.5);
    const Eigen::Matrix2d h = energy_hessian();
    expect("d2E/dx2", h(0, 0), d2e_dr2 * 0.36 + de_dr * (1 - 0.36));
    expect("d2E/dxdy", h(0, 1), d2e_dr2 * 0.48 - de_dr * 0.48);

    expect("d(r cos phi)/dphi", polar_jacobian(2.0, 0.3)(0, 1), -2.0 * std::sin(0.3));
    Eigen::Vector2d xy;
    const Eigen::Matrix2d jv = polar_jacobian_and_point(2.0, 0.3, xy);
    expect("jacobian with values, d(r sin phi)/dr", jv(1, 0), std::sin(0.3));
    expect("jacobian with values, r cos phi", xy(0), 2.0 * std::cos(0.3));

    const auto fg = f_gradient();
    expect("forward_grad f", fg.value(), 3.0);
    expect("forward_grad df/du", fg[u], 4.0);
    expect("forward_grad df/dv", fg[v], 1.0);
    return failures == 0 ? 0 : 1;
}
