// Differentiating by an expression (or a number) instead of a variable.
// expect: tapeless: d(e, v) differentiates by a variable
#include <tapeless/expr/operators.hpp>
#include <tapeless/symbolic/derivative.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr auto y = pow(x, 2);
#ifdef TAPELESS_SHOULD_FAIL
    constexpr auto dy = tapeless::d(y, 2 * x);
#else
    constexpr auto dy = tapeless::d(y, x);
#endif
    return static_cast<int>(dy(x = 1.0)) - 2;
}
