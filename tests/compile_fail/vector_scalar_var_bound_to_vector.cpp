// A scalar var of a vector expression bound to an Eigen vector (declare it a vector_var).
// expect: tapeless: a scalar var of a vector expression is bound to a number
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    constexpr tapeless::var<"mu"> mu;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(3);
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(sum(x * mu)(x = v, mu = v));
#else
    return static_cast<int>(sum(x * mu)(x = v, mu = 2.0)) - 6;
#endif
}
