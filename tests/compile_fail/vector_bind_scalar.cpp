// Binding a number (or an unevaluated Eigen expression) to a vector_var.
// expect: tapeless: a vector_var is bound to a contiguous Eigen vector
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(2);
#ifdef TAPELESS_SHOULD_FAIL
    return static_cast<int>(sum(x)(x = 2.0 * v));
#else
    return static_cast<int>(sum(x)(x = v)) - 2;
#endif
}
