// Asking a gradient for a variable it was not taken with respect to (not in wrt(...)).
// expect: tapeless: this variable was not differentiated
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr tapeless::var<"y"> y;
    constexpr auto f = x * y;
    constexpr auto g = tapeless::grad(f, tapeless::wrt(x), x = 1.0, y = 2.0);
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(g[y]);
#else
    return static_cast<int>(g[x]) - 2;
#endif
}
