// Vector expressions are literal types built at compile time; vector-valuedness, the shape of
// derivatives and routing traits.
#include <tapeless/tapeless.hpp>

#include <type_traits>

namespace {
constexpr tapeless::vector_var<"x"> x;
constexpr tapeless::vector_var<"data"> data;
constexpr tapeless::var<"mu"> mu;
constexpr tapeless::var<"sigma"> sigma;

using tapeless::detail::contains_vector_v;
using tapeless::detail::is_vector_valued_v;

constexpr auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2) +
                           pow(1.0 - drop_back<1>(x), 2));
constexpr auto nll = sum(pow((data - mu) / sigma, 2)) / 2 + length(data) * log(sigma);

static_assert(tapeless::expression<decltype(x)>);
static_assert(tapeless::is_leaf_v<decltype(x)>);
static_assert(!tapeless::is_var_v<decltype(x)> && tapeless::is_vector_var_v<decltype(x)>);
static_assert(tapeless::expression<decltype(rosen)> && tapeless::expression<decltype(nll)>);
static_assert(is_vector_valued_v<decltype(x - mu)> && !is_vector_valued_v<decltype(rosen)>);
static_assert(is_vector_valued_v<decltype(segment(x, 1, 2))>);
static_assert(!is_vector_valued_v<decltype(dot(x, x) + squared_norm(x) + log_sum_exp(x))>);
static_assert(contains_vector_v<decltype(nll)> && !contains_vector_v<decltype(mu * sigma)>);
static_assert(std::is_same_v<decltype(drop_front<0>(x)), std::remove_const_t<decltype(x)>>);
// d by a scalar of a vector expression is a scalar expression; a broadcast derivative is
// multiplied by the length
static_assert(!is_vector_valued_v<decltype(tapeless::d(nll, mu))>);
static_assert(std::is_same_v<decltype(tapeless::d(sum(x + mu), mu)),
                             decltype(tapeless::length(x + mu))>);
static_assert(std::is_same_v<decltype(tapeless::d(rosen, mu)), tapeless::constant<0>>);
// vector bindings are not batches of points
using xb = decltype(x = std::declval<const Eigen::VectorXd&>());
using mb = decltype(mu = 1.0);
static_assert(!tapeless::detail::is_batch_call_v<xb, mb>);
static_assert(tapeless::detail::is_vector_binding<xb>::value);
}  // namespace
