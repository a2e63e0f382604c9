// grad(f, ws, ...) with a const workspace: it is written to.
// expect: tapeless: pass the workspace as a non-const lvalue
#include <tapeless/tapeless.hpp>

#include <utility>

int main() {
    constexpr tapeless::vector_var<"x"> x;
    const Eigen::VectorXd v = Eigen::VectorXd::Ones(3);
    tapeless::workspace ws;
#ifdef TAPELESS_SHOULD_FAIL
    const auto g = tapeless::grad(sum(2.0 * x), std::as_const(ws), x = v);
#else
    const auto g = tapeless::grad(sum(2.0 * x), ws, x = v);
#endif
    return static_cast<int>(g[x].sum()) - 6;
}
