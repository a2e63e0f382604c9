// Differentiating something that is not an expression (a number, or a C++ function's result).
// expect: tapeless: d(e, x) differentiates a tapeless expression
#include <tapeless/expr/operators.hpp>
#include <tapeless/symbolic/derivative.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    constexpr auto dy = tapeless::d(2.0, x);
#else
    constexpr auto dy = tapeless::d(2.0 * x, x);
#endif
    return static_cast<int>(dy(x = 1.0)) - 2;
}
