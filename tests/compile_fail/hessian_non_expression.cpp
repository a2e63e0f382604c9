// hessian of a C++ function with bindings (the callable form takes an Eigen point).
// expect: tapeless: grad and hessian take one scalar tapeless expression first
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    const auto cube = [](auto t) { return t * t * t; };
#ifdef TAPELESS_SHOULD_FAIL
    const auto h = tapeless::hessian(cube, x = 1.0);
    return static_cast<int>(h);
#else
    const auto h = tapeless::hessian(cube(x), x = 1.0);
    return static_cast<int>(h(x, x)) - 6;
#endif
}
