// grad(fn, point) with a row vector (or a vector of integers) as the point.
// expect: tapeless: the point of grad/jacobian/hessian(fn, point) must be an Eigen column vector
#include <tapeless/tapeless.hpp>

#include <Eigen/Core>

int main() {
    const auto fn = [](auto a, auto b) { return a * b; };
#ifdef TAPELESS_SHOULD_FAIL
    const Eigen::RowVector2d point(1.0, 2.0);
#else
    const Eigen::Vector2d point(1.0, 2.0);
#endif
    const auto g = tapeless::grad(fn, point);
    return static_cast<int>(g(0)) - 2;
}
