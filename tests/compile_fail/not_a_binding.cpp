// Evaluating with a plain number (or a variable) instead of a binding `var = value`.
// expect: tapeless: pass bindings made with var = value
#include <tapeless/expr/operators.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr auto e = pow(x, 2);
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(e(2.0));
#else
    return static_cast<int>(e(x = 2.0)) - 4;
#endif
}
