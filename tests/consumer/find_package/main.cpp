// Built against an installed tapeless (find_package); run as a test.
#include <tapeless/tapeless.hpp>

int main() {
  constexpr tapeless::var<"x"> x;
  static_assert(pow(x, 2)(x = 2.0) == 4.0);
  return tapeless::d(pow(x, 2), x)(x = 3.0) == 6.0 ? 0 : 1;
}
