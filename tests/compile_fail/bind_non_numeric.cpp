// Binding a variable to something that is not a number (here a string literal).
// expect: tapeless: a variable can only be bound to a number
#include <tapeless/expr/operators.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>((2 * x)(x = "1.5"));
#else
    return static_cast<int>((2 * x)(x = 1.5)) - 3;
#endif
}
