// grad(f, wrt(z), ...) for a vector_var z that is neither in f nor bound: no length for g[z].
// expect: tapeless: bind every vector_var named in wrt(...)
#include <tapeless/tapeless.hpp>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    constexpr tapeless::vector_var<"z"> z;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(3);
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(sum(2.0 * x), tapeless::wrt(x, z), x = v);
#else
    const auto g = tapeless::grad(sum(2.0 * x), tapeless::wrt(x, z), x = v, z = v);
#endif
    return static_cast<int>(g[x].sum()) - 6;
}
