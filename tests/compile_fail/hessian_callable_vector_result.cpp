// hessian(fn, point) of a function returning a vector.
// expect: tapeless: hessian(fn, point) needs fn to return one scalar
#include <tapeless/tapeless.hpp>

#include <Eigen/Core>

int main() {
    const Eigen::Vector2d point(1.0, 2.0);
#ifdef TAPELESS_SHOULD_FAIL
    const auto fn = [](const auto& v) { return v; };
#else
    const auto fn = [](const auto& v) { return v(0) * v(1); };
#endif
    const auto h = tapeless::hessian(fn, point);
    return static_cast<int>(h(0, 1)) - 1;
}
