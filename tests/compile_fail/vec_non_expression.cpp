// vec(...) with a component that is a number, not an expression.
// expect: tapeless: vec(...) takes one or more tapeless expressions
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    constexpr auto f = tapeless::vec(pow(x, 2), 1.0);
#else
    constexpr auto f = tapeless::vec(pow(x, 2), x * 0 + 1.0);
#endif
    return static_cast<int>(tapeless::jacobian(f, x = 1.0)(0, x)) - 2;
}
