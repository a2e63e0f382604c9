// docs/vector.md: vector variables of run-time length, the extended Rosenbrock function and
// the normal log-likelihood, evaluation, grad, wrt, the workspace and length errors.
#include <tapeless/tapeless.hpp>

#include <cassert>
#include <cmath>
#include <iostream>
#include <limits>
#include <stdexcept>

int main() {
    // [rosenbrock]
    constexpr tapeless::vector_var<"x"> x;
    const auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2)
                           + pow(1.0 - drop_back<1>(x), 2));
    const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(1000, -1.0, 1.0);
    const double r = rosen(x = x0);                 // a number
    const auto g = tapeless::grad(rosen, x = x0);   // reverse mode, no tape
    const Eigen::VectorXd& gx = g[x];               // 1000 partials
    // [rosenbrock]
    assert(std::abs(g.value() - r) <= 1e-9 * r && gx.size() == 1000);

    // [likelihood]
    constexpr tapeless::vector_var<"data"> data;
    constexpr tapeless::var<"mu"> mu;
    constexpr tapeless::var<"sigma"> sigma;
    const auto nll = sum(pow((data - mu) / sigma, 2)) / 2 + length(data) * log(sigma);
    const Eigen::VectorXd ys = Eigen::VectorXd::LinSpaced(200, -1.0, 3.0);
    const auto gl = tapeless::grad(nll, tapeless::wrt(mu, sigma), mu = 0.1, sigma = 1.3, data = ys);
    const double dmu = gl[mu], dsigma = gl[sigma];      // data is held constant
    const double dmu_symbolic = tapeless::d(nll, mu)(mu = 0.1, sigma = 1.3, data = ys);
    // [likelihood]
    assert(std::abs(dmu - dmu_symbolic) <= 1e-9 * std::abs(dmu));
    (void)dsigma;

    // [views]
    const auto ends = sum(segment(x, 0, 10)) + sum(segment(x, 990, 10));  // first and last ten
    const auto steps = squared_norm(drop_front<1>(x) - drop_back<1>(x));   // squared steps
    const double total = ends(x = x0) + steps(x = x0);
    const auto gs = tapeless::grad(squared_norm(segment(x, 1, 998)), x = x0);
    assert(gs[x](0) == 0.0 && gs[x](1) == 2 * x0(1));  // outside the segment: 0
    // [views]
    assert(std::abs(total - (x0.head(10).sum() + x0.tail(10).sum() +
                             (x0.tail(999) - x0.head(999)).squaredNorm())) <= 1e-12);

    // [workspace]
    tapeless::workspace ws;                          // reused memory
    for (int iteration = 0; iteration < 3; ++iteration) {
        const auto gw = tapeless::grad(rosen, ws, x = x0);   // no allocation after the first
        const auto& gwx = gw[x];                     // an Eigen::Map into ws
        assert(gwx.size() == 1000);
    }
    // [workspace]

    // [lengths]
    const Eigen::VectorXd one = Eigen::VectorXd::Constant(1, 0.5);
    assert(drop_front<1>(x)(x = one).size() == 0);     // drop_front<1> of one entry: empty
    assert(rosen(x = one) == 0.0);                      // sum of an empty vector: 0
    assert(log_sum_exp(x)(x = Eigen::VectorXd(0)) == -std::numeric_limits<double>::infinity());
    constexpr tapeless::vector_var<"y"> y;
    try {
        (void)dot(x, y)(x = x0, y = ys);                 // 1000 and 200 entries
    } catch (const std::invalid_argument& e) {
        std::cout << e.what() << '\n';  // tapeless: vector lengths differ in dot: 1000 and 200; ...
    }
    // [lengths]
    std::cout << r << ' ' << gx(0) << ' ' << dmu << '\n';
}
