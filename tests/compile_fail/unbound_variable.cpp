// Evaluating an expression without binding one of its variables: the error names the problem
// first, and the variable ("v") appears in the instantiation context.
// expect: tapeless: variable not bound
#include <tapeless/expr/operators.hpp>

int main() {
    constexpr tapeless::var<"u"> u;
    constexpr tapeless::var<"v"> v;
    constexpr auto f = u * v + pow(u, 2);
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(f(u = 1.0));
#else
    return static_cast<int>(f(u = 1.0, v = 2.0)) - 3;
#endif
}
