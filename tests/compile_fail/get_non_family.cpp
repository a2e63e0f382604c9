// tapeless::get on a tuple that is not a family of variables.
// expect: tapeless: tapeless::get<I> takes a family of variables
#include <tapeless/expr/family.hpp>

#include <tuple>

int main() {
    constexpr tapeless::var<"x"> x;
#ifdef TAPELESS_SHOULD_FAIL
    const auto x1 = tapeless::get<1>(std::tuple{x, x});
#else
    const auto x1 = tapeless::get<1>(tapeless::vars<"x", 2>);
#endif
    return static_cast<int>((x1 * x)(x = 1.0, x1 = 2.0)) - 2;
}
