// A reduction of something that is not a tapeless expression (a number, an Eigen vector).
// expect: tapeless: this vector operation takes a tapeless vector expression
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(3);
#ifdef TAPELESS_SHOULD_FAIL
    const auto f = tapeless::sum(2.0);
#else
    const auto f = sum(2.0 * x);
#endif
    return static_cast<int>(f(x = v)) - 6;
}
