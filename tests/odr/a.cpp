// ODR check, translation unit A: uses the same templates as b.cpp. Linking a.o and b.o
// fails if a header defines a non-inline function or variable.
#include <tapeless/tapeless.hpp>

#include <string>

namespace odr {

constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;
constexpr auto e = pow(x, 2) + sin(x) * y;

double fa(double v) { return e(x = v, y = 2.0); }
double dfa(double v) { return tapeless::d(e, x)(x = v, y = 2.0); }
std::string sa() { return tapeless::to_string(pow(x, 2)); }

}  // namespace odr
