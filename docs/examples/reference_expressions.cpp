// The examples of docs/reference.md (static expressions, API.md section 1). Each block between
// "// [ref:...]" and "// [ref:end]" is quoted in the reference; the program checks every
// printed form it shows and exits 1 on a mismatch.
#include <tapeless/tapeless.hpp>

#include <cstddef>
#include <iostream>
#include <sstream>
#include <string>
#include <type_traits>

namespace {
int failures = 0;
void expect(const std::string& got, const std::string& want) {
    if (got != want) {
        std::cout << "expected \"" << want << "\", got \"" << got << "\"\n";
        ++failures;
    }
}
}  // namespace

// [ref:vars]
constexpr tapeless::var<"x"> x;  // a variable: an empty literal type named "x"
constexpr tapeless::var<"y"> y;
static_assert(std::is_same_v<tapeless::var<"x">, std::remove_cvref_t<decltype(x)>>);
static_assert(std::is_empty_v<tapeless::var<"x">>);
// [ref:end]

// [ref:families]
constexpr auto xs = tapeless::vars<"x", 3>;  // x0, x1, x2
static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(xs)>> == 3);
static_assert(std::is_same_v<decltype(tapeless::get<1>(xs)), tapeless::var<"x1">>);

constexpr double family_example() {
    auto [x0, x1, x2] = tapeless::vars<"x", 3>;  // structured bindings
    return (x0 * x1 + x2)(x0 = 2.0, x1 = 3.0, x2 = 4.0);
}
static_assert(family_example() == 10.0);
// [ref:end]

// [ref:sum-prod]
// sum of x_i^2; the i-th term may also take std::integral_constant<std::size_t, i>.
constexpr auto squares = tapeless::sum(xs, [](auto xi) { return pow(xi, 2); });

// Rosenbrock: the last term is the constant zero, which the sum drops at compile time.
constexpr auto rosenbrock = tapeless::sum(xs, [](auto xi, auto i) {
    if constexpr (i + 1 < 3) {
        const auto next = tapeless::get<i + 1>(tapeless::vars<"x", 3>);
        return 100.0 * pow(next - pow(xi, 2), 2) + pow(1.0 - xi, 2);
    } else {
        return tapeless::constant<0>{};
    }
});
static_assert(rosenbrock(get<0>(xs) = 1.0, get<1>(xs) = 1.0, get<2>(xs) = 1.0) == 0.0);

constexpr auto product = tapeless::prod(xs, [](auto xi) { return 1.0 + xi; });
static_assert(product(get<0>(xs) = 1.0, get<1>(xs) = 2.0, get<2>(xs) = 3.0) == 24.0);
// [ref:end]

// [ref:operators]
constexpr auto e1 = 2 * x + y / 3.0 - 1;      // numbers on either side
constexpr auto e2 = -x * (1 - y);
static_assert(e1(x = 1.0, y = 3.0) == 2.0);
static_assert(e2(x = 2.0, y = 3.0) == 4.0);
// [ref:end]

// [ref:functions]
constexpr auto e3 = pow(x, 3) + pow(x, 0.5) + pow(x, y) + pow(2.0, y);  // int, double, expression
constexpr auto e4 = atan2(y, x) + hypot(x, y) + erf(x) + log1p(x) + expm1(y);
static_assert(pow(x, 3)(x = 2.0) == 8.0);  // integer powers multiply exactly
// [ref:end]

// [ref:bindings]
constexpr auto f = x * y + pow(x, 2);
static_assert(f(x = 1.0, y = 2.0) == 3.0);
static_assert(f(y = 2.0, x = 1.0) == 3.0);                 // any order
static_assert(f(x = 1.0, y = 2.0, get<0>(xs) = 5.0) == 3.0);  // extra bindings are ignored
static_assert(std::is_same_v<decltype(f(x = 1.0f, y = 2.0f)), float>);
constexpr auto at = (x = 1.0);                             // a binding is a value
static_assert(f(at, y = 2.0) == 3.0);
// [ref:end]

// [ref:d]
static_assert(tapeless::d(f, x)(x = 1.0, y = 2.0) == 4.0);       // y + 2x
static_assert(tapeless::d(f, x, x)(x = 1.0, y = 2.0) == 2.0);
static_assert(tapeless::d(f, x, y)(x = 1.0, y = 2.0) == 1.0);    // mixed partial
static_assert(std::is_same_v<decltype(tapeless::d(f, get<0>(xs))), tapeless::constant<0>>);
static_assert(std::is_same_v<decltype(tapeless::d(f, x, y)), tapeless::constant<1>>);
// [ref:end]

// [ref:traits]
static_assert(tapeless::expression<decltype(f)>);           // cv and references are ignored
static_assert(!tapeless::expression<double>);
static_assert(tapeless::is_leaf_v<decltype(x)>);
static_assert(!tapeless::is_leaf_v<decltype(f)>);
static_assert(tapeless::op_name(x) == "var");
static_assert(tapeless::op_name(f) == "add");
static_assert(tapeless::op_name(sin(x) * 2) == "mul");
// [ref:end]

int main() {
    (void)e3;
    (void)e4;
    // [ref:printing]
    expect(tapeless::to_string(f), "x*y + x^2");
    expect(tapeless::to_string(tapeless::d(f, x)), "y + 2*x");
    expect(tapeless::to_string(x + (y + 1)), "x + (y + 1)");
    expect(tapeless::to_string(-pow(x, 2) + pow(x, -1)), "x^-1 - x^2");
    expect(tapeless::to_string(x + -2.0), "x - 2");
    expect(tapeless::to_string(1e-7 * x + 0.5), "1e-07*x + 0.5");
    expect(tapeless::to_latex(sin(x) / x), R"(\frac{\sin\left(x\right)}{x})");
    std::ostringstream os;
    os << tapeless::d(sin(x) * y, x);
    expect(os.str(), "y*cos(x)");
    // [ref:end]
    expect(tapeless::to_string(e2), "-x*(1 - y)");
    expect(tapeless::to_string(squares), "x0^2 + x1^2 + x2^2");
    return failures == 0 ? 0 : 1;
}
