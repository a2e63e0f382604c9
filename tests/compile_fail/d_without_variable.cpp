// d(e) without a variable to differentiate by.
// expect: tapeless: d(e, x, ...) needs at least one variable
#include <tapeless/expr/operators.hpp>
#include <tapeless/symbolic/derivative.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr auto y = pow(x, 2);
#ifdef TAPELESS_SHOULD_FAIL
    constexpr auto dy = tapeless::d(y);
#else
    constexpr auto dy = tapeless::d(y, x);
#endif
    return static_cast<int>(dy(x = 1.0)) - 2;
}
