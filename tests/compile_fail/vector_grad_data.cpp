// Asking the gradient for a vector_var held constant (not in wrt(...)).
// expect: tapeless: this variable was not differentiated
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"data"> data;
    constexpr tapeless::var<"mu"> mu;
    const Eigen::VectorXd ys = Eigen::VectorXd::Ones(3);
    const auto g = tapeless::grad(sum(pow(data - mu, 2)), tapeless::wrt(mu), mu = 0.5, data = ys);
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(g[data].size());
#else
    return static_cast<int>(g[mu]) + 3;  // d/dmu = -2 * 3 * 0.5 = -3
#endif
}
