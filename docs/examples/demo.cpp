// The PyTorch tutorial "Differentiation in PyTorch", cell by cell, with tapeless: y = x^2 and
// its derivative at x = 2, then the partial derivatives of f(u, v) = u*v + u^2 at (1, 2).
// Every number printed here is also checked by a static_assert, and every printed formula is
// compared with the expected text (the program exits 1 on a mismatch): docs/getting-started.md
// quotes this file.
#include <tapeless/tapeless.hpp>

#include <charconv>
#include <iostream>
#include <string>
#include <string_view>
#include <type_traits>

// [demo:requires-grad]
// PyTorch's requires_grad, honestly: an expression needs a gradient with respect to x exactly
// when it contains x, that is, when its derivative by x is not the constant zero.
template <class E, class V>
constexpr bool depends_on(const E& e, const V& v) {
    return !std::is_same_v<decltype(tapeless::d(e, v)), tapeless::constant<0>>;
}
// [demo:end]

namespace {
int mismatches = 0;

// Prints one labelled line, and counts it as a mismatch when the text is not the expected one.
void show(std::string_view label, const std::string& text, std::string_view expected) {
    std::cout << "  " << label << text << '\n';
    if (text != expected) {
        std::cout << "    MISMATCH: expected \"" << expected << "\"\n";
        ++mismatches;
    }
}

std::string str(bool b) { return b ? "true" : "false"; }
std::string str(double v) {  // shortest form, as tapeless prints numbers
    char buf[32];
    return {buf, std::to_chars(buf, buf + sizeof buf, v).ptr};
}
std::string str(std::string_view s) { return std::string(s); }
}  // namespace

int main() {
    std::cout << "Derivatives\n";

    // [demo:x]
    // A variable is a name; it has no value of its own. The value comes with a binding,
    // `x = 2.0`, at the moment an expression is evaluated.
    constexpr tapeless::var<"x"> x;
    constexpr auto at_2 = (x = 2.0);  // the point x = 2
    static_assert(x(at_2) == 2.0);
    // [demo:end]
    show("the variable x at x = 2: ", str(x(at_2)), "2");

    // [demo:y]
    // y = x^2 is an expression: a value whose type is the formula.
    constexpr auto y = pow(x, 2);
    static_assert(y(at_2) == 4.0);
    // [demo:end]
    show("y = x^2: ", tapeless::to_string(y), "x^2");
    show("y at x = 2: ", str(y(at_2)), "4");

    // [demo:dy]
    // Differentiating builds a new expression, dy/dx = 2*x, at compile time; no backward pass.
    constexpr auto dy = tapeless::d(y, x);
    static_assert(dy(at_2) == 4.0);
    // [demo:end]
    show("dy/dx: ", tapeless::to_string(dy), "2*x");
    show("dy/dx at x = 2: ", str(dy(at_2)), "4");

    // [demo:attributes]
    // PyTorch's data, grad_fn, grad and is_leaf of x, and whether x needs a gradient.
    static_assert(x(at_2) == 2.0);                      // data
    static_assert(tapeless::op_name(x) == "var");       // grad_fn: none, x is a variable
    static_assert(tapeless::d(y, x)(at_2) == 4.0);      // grad: dy/dx at x = 2
    static_assert(tapeless::is_leaf_v<decltype(x)>);    // is_leaf
    static_assert(depends_on(x, x));                    // requires_grad

    static_assert(y(at_2) == 4.0);                      // data
    static_assert(tapeless::op_name(y) == "pow");       // grad_fn: the power
    static_assert(!tapeless::is_leaf_v<decltype(y)>);   // is_leaf: y is an operation
    static_assert(depends_on(y, x));                    // y contains x
    // [demo:end]
    std::cout << "Attributes of x\n";
    show("data: ", str(x(at_2)), "2");
    show("grad_fn: ", str(tapeless::op_name(x)), "var");
    show("grad (dy/dx at x = 2): ", str(tapeless::d(y, x)(at_2)), "4");
    show("is_leaf: ", str(tapeless::is_leaf_v<decltype(x)>), "true");
    show("requires_grad (contains x): ", str(depends_on(x, x)), "true");
    std::cout << "Attributes of y\n";
    show("data: ", str(y(at_2)), "4");
    show("grad_fn: ", str(tapeless::op_name(y)), "pow");
    show("is_leaf: ", str(tapeless::is_leaf_v<decltype(y)>), "false");
    show("requires_grad (contains x): ", str(depends_on(y, x)), "true");

    std::cout << "Partial derivatives\n";

    // [demo:f]
    // f(u, v) = u*v + u^2 at u = 1, v = 2; bindings may come in any order.
    constexpr tapeless::var<"u"> u;
    constexpr tapeless::var<"v"> v;
    constexpr auto f = u * v + pow(u, 2);
    static_assert(f(u = 1.0, v = 2.0) == 3.0);
    static_assert(f(v = 2.0, u = 1.0) == 3.0);
    static_assert(tapeless::op_name(f) == "add");       // its outermost operation
    static_assert(!depends_on(y, u) && depends_on(f, u) && depends_on(f, v));
    // [demo:end]
    show("f(u, v): ", tapeless::to_string(f), "u*v + u^2");
    show("f at u = 1, v = 2: ", str(f(u = 1.0, v = 2.0)), "3");
    show("grad_fn of f: ", str(tapeless::op_name(f)), "add");
    show("y contains u: ", str(depends_on(y, u)), "false");

    // [demo:partials]
    // One derivative per variable: df/du = v + 2*u and df/dv = u.
    constexpr auto df_du = tapeless::d(f, u);
    constexpr auto df_dv = tapeless::d(f, v);
    static_assert(df_du(u = 1.0, v = 2.0) == 4.0);
    static_assert(df_dv(u = 1.0, v = 2.0) == 1.0);
    // [demo:end]
    show("df/du: ", tapeless::to_string(df_du), "v + 2*u");
    show("df/du at u = 1, v = 2: ", str(df_du(u = 1.0, v = 2.0)), "4");
    show("df/dv: ", tapeless::to_string(df_dv), "u");
    show("df/dv at u = 1, v = 2: ", str(df_dv(u = 1.0, v = 2.0)), "1");

    if (mismatches != 0) {
        std::cout << mismatches << " line(s) differ from the expected text\n";
        return 1;
    }
    return 0;
}
