// Hundreds of bindings in one call, under the compilers' default constant-evaluation limits:
// finding a binding and checking that no variable is bound twice cost one step per binding
// (they compared every pair of names character by character, which stopped Clang at 256),
// and no fold expression runs over the bindings (Clang allows 256 operands by default).
// tests/CMakeLists.txt compiles this file with the default limits.
#include <tapeless/tapeless.hpp>

#include <cstddef>
#include <utility>

namespace {

constexpr std::size_t n = 300;
constexpr auto xs = tapeless::vars<"x", n>;
constexpr auto first = tapeless::get<0>(xs);
constexpr auto last = tapeless::get<n - 1>(xs);
constexpr auto e = first * last + pow(last, 2);

/// e and its gradient by (first, last) with all n variables bound, x_i = i + 1.
template <std::size_t... I>
constexpr auto evaluate(std::index_sequence<I...>) {
    return e((tapeless::get<I>(xs) = static_cast<double>(I + 1))...);
}
template <std::size_t... I>
constexpr auto gradient(std::index_sequence<I...>) {
    return tapeless::grad(e, tapeless::wrt(first, last),
                          (tapeless::get<I>(xs) = static_cast<double>(I + 1))...);
}

constexpr double at_first = 1.0, at_last = static_cast<double>(n);
static_assert(evaluate(std::make_index_sequence<n>{}) == at_first * at_last + at_last * at_last);
static_assert(gradient(std::make_index_sequence<n>{})[first] == at_last);
static_assert(gradient(std::make_index_sequence<n>{})[last] == at_first + 2 * at_last);

}  // namespace
