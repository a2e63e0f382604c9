// Translation units for the compile-time targets of the issue, one selected per compile by a
// macro (bench/compile/compile_sweep.py): the BA Jacobian and the Rosenbrock-64 gradient, by
// tapeless and hand-written.
#include "../problems/ba.hpp"
#include "../problems/rosenbrock.hpp"

#include <cstddef>

#if defined(TARGET_BA_TAPELESS)
void run(const double* in, double* out) {
    const auto J = tapeless_bench::with_family<"p", 15>(
        in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::jacobian(tapeless_bench::ba::expr, b...); });
    const auto m = J.matrix();
    for (int i = 0; i < 30; ++i) out[i] = m(i / 15, i % 15);
}
#elif defined(TARGET_BA_HAND)
void run(const double* in, double* out) { tapeless_bench::ba::jacobian(in, out, out + 2); }
#elif defined(TARGET_ROSEN64_TAPELESS)
void run(const double* in, double* out) {
    static constexpr auto e = tapeless_bench::rosenbrock::expr<64>();
    const auto g = tapeless_bench::with_family<"x", 64>(
        in, [](const auto&... b) TAPELESS_LAMBDA_INLINE { return tapeless::grad(e, b...); });
    for (std::size_t i = 0; i < 64; ++i) out[i] = g.partials()[i];
}
#elif defined(TARGET_ROSEN64_HAND)
void run(const double* in, double* out) { out[64] = tapeless_bench::rosenbrock::gradient<64>(in, out); }
#endif
