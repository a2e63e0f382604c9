// A family of zero variables.
// expect: tapeless: a family of variables needs at least one member
#include <tapeless/expr/family.hpp>

#include <tuple>

int main() {
#ifdef TAPELESS_SHOULD_FAIL
    auto xs = tapeless::vars<"x", 0>;
#else
    auto xs = tapeless::vars<"x", 1>;
#endif
    return static_cast<int>(std::tuple_size_v<decltype(xs)>) - 1;
}
