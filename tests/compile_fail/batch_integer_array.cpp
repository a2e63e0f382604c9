// A batch bound to an Eigen array of integers.
// expect: tapeless: a batch binds Eigen arrays or vectors of float, double or long double
#include <tapeless/tapeless.hpp>

#include <Eigen/Core>

int main() {
    constexpr tapeless::var<"u"> u;
    constexpr auto f = pow(u, 2);
#ifdef TAPELESS_SHOULD_FAIL
    const Eigen::ArrayXi us = Eigen::ArrayXi::Constant(4, 2);
#else
    const Eigen::ArrayXd us = Eigen::ArrayXd::Constant(4, 2.0);
#endif
    const Eigen::ArrayXd fs = f(u = us);
    return static_cast<int>(fs(0)) - 4;
}
