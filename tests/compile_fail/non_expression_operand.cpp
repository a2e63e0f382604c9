// An operator or function whose other operand is neither an expression nor a number: the
// operators accept any operand once one side is ours, and fail with one static_assert.
// expect: tapeless: operand is neither a tapeless expression nor a number
#include <tapeless/expr/operators.hpp>

namespace {
struct point {
    double x, y;
};
}  // namespace

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    const auto e = x * point{1.0, 2.0};
#else
    const auto e = x * point{1.0, 2.0}.x;
#endif
    return static_cast<int>(e(x = 1.0)) - 1;
}
