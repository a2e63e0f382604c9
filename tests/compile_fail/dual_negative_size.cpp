// dual<T, N> with a negative N other than Eigen::Dynamic.
// expect: tapeless: dual<T, N> needs N >= 0
#include <tapeless/forward/dual.hpp>

int main() {
#ifdef TAPELESS_SHOULD_FAIL
    const tapeless::dual<double, -2> a(1.0);
#else
    const tapeless::dual<double, 2> a(1.0);
#endif
    return static_cast<int>(a.value()) - 1;
}
