// jacobian of one expression: it takes vec(e1, e2, ...).
// expect: tapeless: jacobian takes vec(e1, e2, ...) of tapeless expressions first
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    const auto j = tapeless::jacobian(x * x, x = 1.0);
    return static_cast<int>(j);
#else
    const auto j = tapeless::jacobian(tapeless::vec(x * x), x = 1.0);
    return static_cast<int>(j(0, x)) - 2;
#endif
}
