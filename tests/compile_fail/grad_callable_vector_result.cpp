// grad(fn, point) of a function returning a vector: that is jacobian(fn, point).
// expect: tapeless: grad(fn, point) needs fn to return one scalar
#include <tapeless/tapeless.hpp>

#include <Eigen/Core>

int main() {
    const Eigen::Vector2d point(1.0, 2.0);
#ifdef TAPELESS_SHOULD_FAIL
    const auto fn = [](const auto& v) { return (2 * v).eval(); };
#else
    const auto fn = [](const auto& v) { return v(0) * v(1); };
#endif
    const auto g = tapeless::grad(fn, point);
    return static_cast<int>(g(0)) - 2;
}
