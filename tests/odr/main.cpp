// ODR check: the two translation units a.cpp and b.cpp, linked together, agree.
#include <cstdio>
#include <string>

namespace odr {
double fa(double v);
double dfa(double v);
std::string sa();
double fb(double v);
double dfb(double v);
std::string sb();
}  // namespace odr

int main() {
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::printf("ODR check failed: %s\n", what);
      ++failures;
    }
  };
  check(odr::fa(3.0) == odr::fb(3.0), "value: a.cpp and b.cpp differ");
  check(odr::dfa(3.0) == odr::dfb(3.0), "derivative: a.cpp and b.cpp differ");
  check(odr::sa() == odr::sb(), "to_string: a.cpp and b.cpp differ");
  check(odr::sa() == "x^2", "to_string(pow(x, 2)) is not \"x^2\"");
  std::printf("fa(3) = %g, d/dx = %g, %s\n", odr::fa(3.0), odr::dfa(3.0), odr::sa().c_str());
  return failures == 0 ? 0 : 1;
}
