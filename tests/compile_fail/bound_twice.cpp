// The same variable bound twice in one call.
// expect: tapeless: a variable is bound twice in one call
#include <tapeless/expr/operators.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr tapeless::var<"y"> y;
    constexpr auto e = x * y;
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(e(x = 1.0, y = 2.0, x = 3.0));
#else
    return static_cast<int>(e(x = 1.0, y = 2.0)) - 2;
#endif
}
