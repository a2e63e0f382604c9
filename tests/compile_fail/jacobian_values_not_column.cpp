// jacobian(fn, point, values) with `values` a row vector: the values are a column.
// expect: tapeless: the values of jacobian(fn, point, values) are written to an Eigen column vector
#include <tapeless/tapeless.hpp>

#include <Eigen/Core>

int main() {
    const Eigen::Vector2d point(1.0, 2.0);
    const auto fn = [](const auto& v) { return (2 * v).eval(); };
#ifdef TAPELESS_SHOULD_FAIL
    Eigen::RowVector2d values;
#else
    Eigen::Vector2d values;
#endif
    const auto j = tapeless::jacobian(fn, point, values);
    return static_cast<int>(j(0, 0) + values(1)) - 6;
}
