// sum(e) of a scalar expression (a reduction needs a vector expression).
// expect: tapeless: this operation takes a vector expression
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"mu"> mu;
    constexpr tapeless::vector_var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    const auto f = sum(mu * 2.0);
#else
    const auto f = sum(x * mu);
#endif
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(2);
    return static_cast<int>(f(mu = 1.0, x = v)) - 2;
}
