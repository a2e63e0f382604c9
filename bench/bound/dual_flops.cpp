// The arithmetic a dense forward pass cannot avoid: runs the BA residual (bench/problems/ba.hpp)
// on a number type that counts its operations by kind, and prints the multiplications and
// additions of partials that any dual number with N dense partials must do for them, and the
// cycles they take at a given number of multiplications per cycle. docs/forward.md compares
// this bound with the hand-written Jacobian.
//
//   cmake --build --preset bench --target tapeless_dual_flops && build/bench/bench/tapeless_dual_flops
#include "../problems/ba.hpp"

#include <cmath>
#include <cstdio>

namespace tapeless_bench::bound {

/// A number that counts the operations of the BA residual by kind. (In a named namespace:
/// hidden friends of a type with internal linkage that the residual does not call would be
/// unused functions to Clang.)
struct counting {
    double v = 0;
    static inline int mul_dd = 0;  // number * number: 2 products and 1 sum per partial
    static inline int div_dd = 0;  // number / number: the same
    static inline int add_dd = 0;  // number +- number: 1 sum per partial
    static inline int scale = 0;   // with a plain double, or a unary function: 1 product each
    static inline int shift = 0;   // number +- plain double: no work on the partials
    static inline int negate = 0;  // plain double - number: a sign flip of the partials

    counting() = default;
    counting(double x) : v(x) {}  // NOLINT: converts like double

    friend counting operator+(counting a, counting b) { ++add_dd; return a.v + b.v; }
    friend counting operator-(counting a, counting b) { ++add_dd; return a.v - b.v; }
    friend counting operator*(counting a, counting b) { ++mul_dd; return a.v * b.v; }
    friend counting operator/(counting a, counting b) { ++div_dd; return a.v / b.v; }
    friend counting operator+(counting a, double b) { ++shift; return a.v + b; }
    friend counting operator-(counting a, double b) { ++shift; return a.v - b; }
    friend counting operator+(double a, counting b) { ++shift; return a + b.v; }
    friend counting operator-(double a, counting b) { ++negate; return a - b.v; }
    friend counting operator*(double a, counting b) { ++scale; return a * b.v; }
    friend counting operator*(counting a, double b) { ++scale; return a.v * b; }
    friend counting operator/(double a, counting b) { ++scale; return a / b.v; }
    friend bool operator!=(counting a, double b) { return a.v != b; }
    friend counting sqrt(counting a) { ++scale; return std::sqrt(a.v); }
    friend counting sin(counting a) { ++scale; return std::sin(a.v); }
    friend counting cos(counting a) { ++scale; return std::cos(a.v); }
};

}  // namespace tapeless_bench::bound

int main() {
    using tapeless_bench::bound::counting;
    constexpr int n = 15;  // dual<double, 15>: camera 11, point 3, weight 1
    counting in[n];
    counting err[2];
    for (int i = 0; i < n; ++i) in[i] = 0.1 * (i + 1);
    tapeless_bench::ba::generic(in, err);
    const int products = n * (2 * counting::mul_dd + 2 * counting::div_dd + counting::scale);
    const int sums = n * (counting::mul_dd + counting::div_dd + counting::add_dd);
    std::printf("BA residual, generic C++: %d products, %d quotients, %d sums of two numbers, "
                "%d scalings, %d negations, %d shifts\n",
                counting::mul_dd, counting::div_dd, counting::add_dd, counting::scale,
                counting::negate, counting::shift);
    std::printf("dense partials (N = %d): %d multiplications, %d additions\n", n, products, sums);
    // Two multiply pipes: 2 doubles each with SSE2 (4 per cycle), 4 each with AVX2 (8 per
    // cycle, an addition fused into each with FMA).
    std::printf("at 4 multiplications per cycle (SSE2): >= %d cycles; at 8 (AVX2): >= %d cycles\n",
                (products + 3) / 4, (products + 7) / 8);
}
