// An expression with vector_var<"x"> evaluated with var<"x"> bound to a number.
// expect: tapeless: a vector_var is bound with a scalar value
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(3);
#ifdef TAPELESS_SHOULD_FAIL
    constexpr tapeless::var<"x"> scalar_x;
    return static_cast<int>(sum(x)(scalar_x = 2.0));
#else
    return static_cast<int>(sum(x)(x = v)) - 3;
#endif
}
