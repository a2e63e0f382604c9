// Static facts about dual numbers: traits, bindings, result types and Eigen's traits.
#include <tapeless/tapeless.hpp>

#include <limits>
#include <type_traits>

namespace {
using tapeless::dual;
using D2 = dual<double, 2>;
using DD = dual<D2, 2>;
using DX = dual<double, Eigen::Dynamic>;

static_assert(tapeless::is_dual_v<D2> && tapeless::is_dual_v<const DX&>);
static_assert(!tapeless::is_dual_v<double>);
static_assert(!tapeless::expression<D2>);

// Constants of a dual: numbers, and the inner dual of a nested dual.
static_assert(tapeless::dual_scalar<double, D2> && tapeless::dual_scalar<int, D2>);
static_assert(tapeless::dual_scalar<D2, DD> && tapeless::dual_scalar<double, DD>);
static_assert(!tapeless::dual_scalar<dual<double, 3>, D2> && !tapeless::dual_scalar<bool, D2>);

// Results of operators and functions keep the type.
static_assert(std::is_same_v<decltype(std::declval<D2>() * 2), D2>);
static_assert(std::is_same_v<decltype(1.0 / std::declval<D2>()), D2>);
static_assert(std::is_same_v<decltype(pow(std::declval<D2>(), 2)), D2>);
static_assert(std::is_same_v<decltype(atan2(std::declval<DD>(), std::declval<D2>())), DD>);
static_assert(std::is_same_v<decltype(std::declval<D2>() < 0), bool>);

// Bindings: duals bind by reference, their real type is the innermost number.
static_assert(tapeless::detail::is_bindable_v<D2> && tapeless::detail::is_bindable_v<DD>);
static_assert(std::is_same_v<tapeless::detail::real_of_t<DD>, double>);
static_assert(std::is_same_v<tapeless::detail::real_of_t<dual<float, 4>>, float>);
static_assert(std::is_same_v<tapeless::detail::bound_storage_t<D2>, const D2&>);
constexpr tapeless::var<"x"> x;
static_assert(std::is_same_v<decltype((x * x)(x = std::declval<const D2&>())), D2>);

// forward_grad returns grad's result type.
constexpr tapeless::var<"y"> y;
static_assert(std::is_same_v<decltype(tapeless::forward_grad(x * y, x = 1.0, y = 2.0)),
                             decltype(tapeless::grad(x * y, x = 1.0, y = 2.0))>);

// Eigen and std traits.
static_assert(std::numeric_limits<D2>::is_specialized && std::numeric_limits<D2>::digits == 53);
static_assert(std::is_same_v<Eigen::NumTraits<D2>::Real, D2>);
static_assert(std::is_same_v<Eigen::NumTraits<DD>::Literal, double>);
static_assert(std::is_same_v<Eigen::ScalarBinaryOpTraits<D2, double>::ReturnType, D2>);
static_assert(std::is_same_v<Eigen::ScalarBinaryOpTraits<double, D2>::ReturnType, D2>);

// Batch results are evaluated arrays, never expression templates.
static_assert(std::is_same_v<decltype((x * y)(x = std::declval<const Eigen::ArrayXd&>(), y = 2.0)),
                             Eigen::ArrayXd>);
static_assert(std::is_same_v<decltype(sin(x)(x = std::declval<const Eigen::Vector4d&>())),
                             Eigen::Array4d>);
}  // namespace
