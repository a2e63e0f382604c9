// wrt(...) naming an expression instead of a variable.
// expect: tapeless: wrt(...) takes variables
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr tapeless::var<"y"> y;
    constexpr auto f = x * y;
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(f, tapeless::wrt(2 * x), x = 1.0, y = 2.0);
#else
    const auto g = tapeless::grad(f, tapeless::wrt(x), x = 1.0, y = 2.0);
#endif
    return static_cast<int>(g.value()) - 2;
}
