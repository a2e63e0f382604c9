// jacobian(fn, point) of a function returning a scalar: that is grad(fn, point).
// expect: tapeless: jacobian(fn, point) needs fn to return an Eigen vector
#include <tapeless/tapeless.hpp>

#include <Eigen/Core>

int main() {
    const Eigen::Vector2d point(1.0, 2.0);
#ifdef TAPELESS_SHOULD_FAIL
    const auto fn = [](const auto& v) { return v(0) * v(1); };
#else
    const auto fn = [](const auto& v) { return (2 * v).eval(); };
#endif
    const auto j = tapeless::jacobian(fn, point);
    return static_cast<int>(j(0, 0)) - 2;
}
