// Adding dual numbers of different sizes (or scalar types) is one clear error.
// expect: tapeless: dual numbers of different sizes
#include <tapeless/tapeless.hpp>

int main() {
    const tapeless::dual<double, 2> a = tapeless::dual<double, 2>::variable(1.0, 0);
    const tapeless::dual<double, 3> b = tapeless::dual<double, 3>::variable(2.0, 1);
#ifdef TAPELESS_SHOULD_FAIL
    const auto c = a + b;
    (void)c;
#endif
    return static_cast<int>(a.value() + b.value()) - 3;
}
