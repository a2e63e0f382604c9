// Randomized cross-check of the modes, part 3 of 4: expressions drawn by support/random_expr.hpp
// (one static type per seed, depth up to 8, every operation, variables x, y, z, shared
// subtrees), each at 80 random points inside its domain. Symbolic d, reverse grad,
// forward_grad and dual evaluation must agree to 1e-10 relative (plus 1e-12 times the size of
// value and gradient, for cancellation), and with a Richardson-extrapolated central difference
// to 1e-6 relative (plus 1e-8 times the value). Points where the value or a derivative is not
// finite or exceeds 1e6 are rejected; where the difference quotients at h and h/2 disagree (a
// kink of abs, or a steep region, within the step) the finite difference is skipped. A failure
// prints the expression (to_string) and the point. The seeds are split over four files to
// keep each translation unit near 10 s.
#include "support/crosscheck.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>

TEST_CASE("random expressions 3: d, grad, forward_grad and dual agree", "[random][crosscheck]") {
    random_crosscheck::crosscheck_all(std::integer_sequence<std::uint64_t, 2, 7, 11, 15, 20, 26, 31, 37, 42, 47, 53, 57, 62, 67>{});
    random_crosscheck::report();
}
