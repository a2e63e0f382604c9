// ODR check, translation unit B: the same expressions as a.cpp, instantiated a second time.
#include <tapeless/tapeless.hpp>

#include <string>

namespace odr {

constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;
constexpr auto e = pow(x, 2) + sin(x) * y;

double fb(double v) { return e(y = 2.0, x = v); }
double dfb(double v) { return tapeless::d(e, x)(y = 2.0, x = v); }
std::string sb() { return tapeless::to_string(pow(x, 2)); }

}  // namespace odr
