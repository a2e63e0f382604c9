// grad of a vector-valued expression (reduce it to a scalar first).
// expect: tapeless: grad takes a scalar expression
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(2);
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(2.0 * x, x = v);
#else
    const auto g = tapeless::grad(sum(2.0 * x), x = v);
#endif
    return static_cast<int>(g.value()) - 4;
}
