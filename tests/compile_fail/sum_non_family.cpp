// sum(xs, fn) over something that is not a family of variables.
// expect: tapeless: sum(xs, fn) and prod(xs, fn) take a family
#include <tapeless/expr/family.hpp>
#include <tapeless/expr/operators.hpp>

int main() {
    constexpr tapeless::var<"x"> x;
    constexpr auto xs = tapeless::vars<"x", 2>;
    constexpr auto square = [](auto v) { return pow(v, 2); };
#ifdef TAPELESS_SHOULD_FAIL
    constexpr auto e = tapeless::sum(x, square);
#else
    constexpr auto e = tapeless::sum(xs, square);
#endif
    return static_cast<int>(e(tapeless::get<0>(xs) = 1.0, tapeless::get<1>(xs) = 1.0)) - 2 +
           0 * static_cast<int>(x(x = 0.0));
}
