// docs/reverse.md: numbers written into an expression are run-time data; nodes above them
// are never merged, so write shared subexpressions without them where you can.
#include <tapeless/tapeless.hpp>

#include <cmath>
#include <cstdio>

constexpr tapeless::var<"r"> r;
constexpr tapeless::var<"x"> x;

// [literals]
constexpr auto theta = sqrt(r * r);
// 1.0 / theta carries the number 1.0: each use below is a separate slot of the schedule.
constexpr auto slow = x * (1.0 / theta) + sin(x * (1.0 / theta));
// x / theta carries no data: one slot, shared by both uses.
constexpr auto fast = x / theta + sin(x / theta);
// [literals]

int main() {
    const auto gs = tapeless::grad(slow, r = 0.7, x = 0.3);
    const auto gf = tapeless::grad(fast, r = 0.7, x = 0.3);
    const double expect_x = (1 + std::cos(0.3 / 0.7)) / 0.7;
    int bad = 0;
    bad += std::abs(gs[x] - expect_x) > 1e-14;
    bad += std::abs(gf[x] - expect_x) > 1e-14;
    bad += std::abs(gs[r] - gf[r]) > 1e-14;
    std::printf("d/dx = %.17g and %.17g\n", gs[x], gf[x]);
    return bad;
}
