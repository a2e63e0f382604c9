// forward_grad of a number (or a C++ function) instead of an expression.
// expect: tapeless: forward_grad takes a tapeless expression first
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::forward_grad(2.0, x = 1.0);
    return static_cast<int>(g);
#else
    const auto g = tapeless::forward_grad(pow(x, 2), x = 1.0);
    return static_cast<int>(g[x]) - 2;
#endif
}
