// grad of an expression with a variable left unbound: the same error as evaluation, with the
// variable ("y") in the instantiation context.
// expect: tapeless: variable not bound
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr tapeless::var<"y"> y;
    constexpr auto f = x * y + pow(x, 2);
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(f, x = 1.0);
#else
    const auto g = tapeless::grad(f, x = 1.0, y = 2.0);
#endif
    return static_cast<int>(g[x]) - 4;
}
