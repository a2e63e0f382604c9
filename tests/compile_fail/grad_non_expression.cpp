// grad of a number (or vec(...), or a C++ function) with bindings instead of an expression.
// expect: tapeless: grad and hessian take one scalar tapeless expression first
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(2.0, x = 1.0);
    return static_cast<int>(g);
#else
    const auto g = tapeless::grad(pow(x, 2), x = 1.0);
    return static_cast<int>(g[x]) - 2;
#endif
}
