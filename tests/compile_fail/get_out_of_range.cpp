// get<I> of a family with I >= N.
// expect: tapeless: index out of range in get<I>(family)
#include <tapeless/expr/family.hpp>
#include <tapeless/expr/operators.hpp>

int main() {
    constexpr auto xs = tapeless::vars<"x", 3>;
#ifdef TAPELESS_SHOULD_FAIL
    constexpr auto e = tapeless::get<3>(xs) * 2;
#else
    constexpr auto e = tapeless::get<2>(xs) * 2;
#endif
    return static_cast<int>(e(tapeless::get<2>(xs) = 1.0)) - 2;
}
