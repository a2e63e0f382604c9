// Batches: one expression evaluated and differentiated at many points stored in Eigen arrays.
// docs/forward.md quotes this file; the program exits 1 when a batch result differs from the
// point-by-point result.
#include <tapeless/tapeless.hpp>

#include <cmath>
#include <iostream>
#include <stdexcept>

// [batch:eval]
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
constexpr auto f = u * v + pow(u, 2) + atan2(u, v);

Eigen::ArrayXd evaluate_batch(const Eigen::ArrayXd& us, const Eigen::ArrayXd& vs) {
    return f(u = us, v = vs);  // f at every point: an evaluated array
}
// [batch:end]

// [batch:grad]
auto gradient_batch(const Eigen::ArrayXd& us, const Eigen::ArrayXd& vs) {
    return tapeless::grad(f, u = us, v = vs);  // gb[u], gb[v]: Eigen::ArrayXd of partials
}
auto gradient_broadcast(const Eigen::ArrayXd& us) {
    return tapeless::grad(f, u = us, v = 1.5);  // numbers are broadcast to every point
}
// [batch:end]

// [batch:sizes]
void sizes_differ(const Eigen::ArrayXd& us) {
    const Eigen::ArrayXd three = Eigen::ArrayXd::Ones(3);
    try {
        const Eigen::ArrayXd bad = f(u = us, v = three);
    } catch (const std::invalid_argument& e) {
        std::cout << e.what() << '\n';
        // tapeless: batch sizes differ: u has 1000 points but v has 3; bind arrays of one
        // size (numbers are broadcast to every point)
    }
}
// [batch:end]

int main() {
    const Eigen::ArrayXd us = Eigen::ArrayXd::LinSpaced(1000, 0.0, 1.0);
    const Eigen::ArrayXd vs = Eigen::ArrayXd::LinSpaced(1000, 1.0, 2.0);
    const Eigen::ArrayXd fs = evaluate_batch(us, vs);
    const auto gb = gradient_batch(us, vs);
    const auto gs = gradient_broadcast(us);

    int failures = 0;
    const auto close = [](double a, double b) {
        return std::abs(a - b) <= 1e-14 * std::abs(b) + 1e-300;
    };
    for (Eigen::Index i = 0; i < us.size(); i += 111) {
        const auto g = tapeless::grad(f, u = us(i), v = vs(i));
        const bool ok = close(fs(i), g.value()) && close(gb[u](i), g[u]) && close(gb[v](i), g[v]) &&
                        close(gs[v](i), tapeless::grad(f, u = us(i), v = 1.5)[v]);
        std::cout << "point " << i << ": f = " << fs(i) << ", df/du = " << gb[u](i)
                  << ", df/dv = " << gb[v](i) << (ok ? "" : "   MISMATCH") << '\n';
        failures += ok ? 0 : 1;
    }
    sizes_differ(us);
    return failures == 0 ? 0 : 1;
}
