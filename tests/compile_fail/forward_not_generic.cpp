// grad(fn, point) calls fn with dual numbers: a function of doubles cannot be differentiated.
// expect: tapeless: grad/jacobian/hessian(fn, point) call fn with tapeless::dual
#include <tapeless/tapeless.hpp>

double square(double t) { return t * t; }

int main() {
    const Eigen::Matrix<double, 1, 1> p(3.0);
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(square, p);
    (void)g;
#endif
    return tapeless::grad([](auto t) { return t * t; }, p)(0) == 6.0 ? 0 : 1;
}
