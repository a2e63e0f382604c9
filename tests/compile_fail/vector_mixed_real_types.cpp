// A float vector beside a double number in one call.
// expect: tapeless: the vectors and numbers of one call must have the same real type
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    constexpr tapeless::var<"mu"> mu;
#ifdef TAPELESS_SHOULD_FAIL
    const Eigen::VectorXf v = Eigen::VectorXf::Ones(3);
#else
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(3);
#endif
    return static_cast<int>(sum(x * mu)(x = v, mu = 2.0)) - 6;
}
