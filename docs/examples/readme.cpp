// The example of README.md, verbatim. Run as the test example.readme, which also checks the
// printed text (cmake/TapelessExamples.cmake).
#include <tapeless/tapeless.hpp>

#include <iostream>

constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;

constexpr auto f = u * v + pow(u, 2);     // an expression: a value of a static type
constexpr auto dfdu = tapeless::d(f, u);  // its derivative: another expression

static_assert(f(u = 1.0, v = 2.0) == 3.0);     // evaluated at compile time
static_assert(dfdu(u = 1.0, v = 2.0) == 4.0);

int main() {
    std::cout << tapeless::to_string(f) << '\n';     // u*v + u^2
    std::cout << tapeless::to_string(dfdu) << '\n';  // v + 2*u
}
