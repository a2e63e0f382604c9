// to_string, to_latex and operator<<: text with only the parentheses needed, and the
// run-time constants (the 2 of pow(x, 2)) simplified as the text is written.
#pragma once

#include "tapeless/expr/node.hpp"
#include "tapeless/fwd.hpp"
#include "tapeless/ops/tags.hpp"

#include <charconv>
#include <cstdint>
#include <cmath>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace tapeless {

namespace detail::print {

/// A run-time copy of an expression tree, for simplifying constants known only at run time
/// (`x^1`, `1*x`, `2*3`) before writing.
struct tree {
    enum class kind : std::uint8_t { number, symbol, add, sub, mul, div, neg, power, call };
    kind k = kind::number;
    double value = 0;
    std::string text;  // a variable's or a function's name
    std::vector<tree> kids;
};

inline tree number(double v) {
    tree t;
    t.value = v == 0 ? 0.0 : v;  // no "-0"
    return t;
}

inline bool is_number(const tree& t, double v) {
    return t.k == tree::kind::number && t.value == v;
}

inline tree make(tree::kind k, std::vector<tree> kids, std::string text = {}) {
    tree t;
    t.k = k;
    t.kids = std::move(kids);
    t.text = std::move(text);
    return t;
}

/// Applies 0*a = 0, 1*a = a, a+0 = a, a^1 = a, a^0 = 1, -(-a) = a, a + (-b) = a - b and folds
/// numbers (division only where exact), bottom-up.
inline tree simplify(tree t) {
    using k = tree::kind;
    for (auto& kid : t.kids) kid = simplify(std::move(kid));
    auto num = [&](std::size_t i) { return t.kids[i].k == k::number; };
    auto neg_of = [](tree a) { return a.k == k::number ? number(-a.value) : make(k::neg, {std::move(a)}); };
    switch (t.k) {
        case k::add:
            if (num(0) && num(1)) return number(t.kids[0].value + t.kids[1].value);
            if (is_number(t.kids[0], 0)) return std::move(t.kids[1]);
            if (is_number(t.kids[1], 0)) return std::move(t.kids[0]);
            if (t.kids[1].k == k::neg) return make(k::sub, {std::move(t.kids[0]), std::move(t.kids[1].kids[0])});
            if (num(1) && t.kids[1].value < 0)
                return make(k::sub, {std::move(t.kids[0]), number(-t.kids[1].value)});
            return t;
        case k::sub:
            if (num(0) && num(1)) return number(t.kids[0].value - t.kids[1].value);
            if (is_number(t.kids[1], 0)) return std::move(t.kids[0]);
            if (is_number(t.kids[0], 0)) return simplify(neg_of(std::move(t.kids[1])));
            if (t.kids[1].k == k::neg) return make(k::add, {std::move(t.kids[0]), std::move(t.kids[1].kids[0])});
            if (num(1) && t.kids[1].value < 0)
                return make(k::add, {std::move(t.kids[0]), number(-t.kids[1].value)});
            return t;
        case k::mul:
            if (num(0) && num(1)) return number(t.kids[0].value * t.kids[1].value);
            if (is_number(t.kids[0], 0) || is_number(t.kids[1], 0)) return number(0);
            if (is_number(t.kids[0], 1)) return std::move(t.kids[1]);
            if (is_number(t.kids[1], 1)) return std::move(t.kids[0]);
            if (is_number(t.kids[0], -1)) return simplify(neg_of(std::move(t.kids[1])));
            if (num(0) && t.kids[1].k == k::mul && t.kids[1].kids[0].k == k::number)
                return simplify(make(k::mul, {number(t.kids[0].value * t.kids[1].kids[0].value),
                                              std::move(t.kids[1].kids[1])}));
            return t;
        case k::div:
            if (num(0) && num(1) && t.kids[1].value != 0) {
                const double q = t.kids[0].value / t.kids[1].value;
                if (q * t.kids[1].value == t.kids[0].value && std::isfinite(q)) return number(q);
            }
            if (is_number(t.kids[0], 0)) return number(0);
            if (is_number(t.kids[1], 1)) return std::move(t.kids[0]);
            return t;
        case k::neg:
            if (num(0)) return number(-t.kids[0].value);
            if (t.kids[0].k == k::neg) return std::move(t.kids[0].kids[0]);
            return t;
        case k::power:
            if (is_number(t.kids[1], 1)) return std::move(t.kids[0]);
            if (is_number(t.kids[1], 0)) return number(1);
            return t;
        default:
            return t;
    }
}

template <class Op>
constexpr tree::kind kind_of() {
    using k = tree::kind;
    switch (Op::style) {
        case ops::notation::add: return k::add;
        case ops::notation::sub: return k::sub;
        case ops::notation::mul: return k::mul;
        case ops::notation::div: return k::div;
        case ops::notation::neg: return k::neg;
        case ops::notation::power: return k::power;
        case ops::notation::call: return k::call;
    }
    return k::call;
}

template <class E>
tree build(const E& e) {
    if constexpr (is_var_v<E> || is_vector_var_v<E>) {
        tree t;
        t.k = tree::kind::symbol;
        t.text = std::string(E::name.view());
        return t;
    } else if constexpr (is_constant_v<E>) {
        return number(static_cast<double>(constant_value(e)));
    } else if constexpr (requires { e.arg; }) {
        using Op = decltype(e.op);
        if constexpr (requires { e.op.n; }) {  // a^n with its run-time integer n
            return make(tree::kind::power, {build(e.arg), number(e.op.n)});
        } else {
            return make(kind_of<Op>(), {build(e.arg)}, std::string(Op::name));
        }
    } else {
        using Op = decltype(e.op);
        return make(kind_of<Op>(), {build(e.lhs), build(e.rhs)}, std::string(Op::name));
    }
}

inline int precedence(const tree& t) {
    using k = tree::kind;
    switch (t.k) {
        case k::add:
        case k::sub: return 1;
        case k::mul:
        case k::div: return 2;
        case k::neg: return 3;
        case k::power: return 4;
        case k::number: return t.value < 0 ? 3 : 5;
        default: return 5;
    }
}

inline std::string format_number(double v) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return {buf, res.ptr};
}

/// Writes plain text (`latex` false) or LaTeX.
class writer {
public:
    explicit writer(bool latex) : latex_(latex) {}

    std::string write(const tree& t) const {
        using k = tree::kind;
        switch (t.k) {
            case k::number:
                if (latex_ && std::isinf(t.value)) return t.value < 0 ? "-\\infty" : "\\infty";
                return format_number(t.value);
            case k::symbol: return t.text;
            case k::add: return infix(t, " + ", 1);
            case k::sub: return infix(t, " - ", 1);
            case k::mul: return infix(t, latex_ ? " \\cdot " : "*", 2);
            case k::div:
                if (latex_) return "\\frac{" + write(t.kids[0]) + "}{" + write(t.kids[1]) + "}";
                return infix(t, "/", 2);
            case k::neg: return "-" + wrap(t.kids[0], precedence(t.kids[0]) < 3);
            case k::power: {
                const tree& b = t.kids[0];
                const tree& x = t.kids[1];
                if (latex_) return wrap(b, precedence(b) < 5) + "^{" + write(x) + "}";
                // Left-to-right association: a power as the base needs none; as the
                // exponent it does. A negation needs none: "x^-1".
                const bool paren = precedence(x) <= 4 && precedence(x) != 3;
                return wrap(b, precedence(b) < 4) + "^" + wrap(x, paren);
            }
            case k::call: return call(t);
        }
        return {};
    }

private:
    bool latex_;

    std::string wrap(const tree& t, bool paren) const {
        if (!paren) return write(t);
        return latex_ ? "\\left(" + write(t) + "\\right)" : "(" + write(t) + ")";
    }

    std::string infix(const tree& t, std::string_view op, int prec) const {
        return wrap(t.kids[0], precedence(t.kids[0]) < prec) + std::string(op) +
               wrap(t.kids[1], precedence(t.kids[1]) <= prec);
    }

    std::string call(const tree& t) const {
        std::string args;
        for (std::size_t i = 0; i < t.kids.size(); ++i) {
            if (i) args += ", ";
            args += write(t.kids[i]);
        }
        if (!latex_) return t.text + "(" + args + ")";
        if (t.text == "sqrt") return "\\sqrt{" + args + "}";
        if (t.text == "cbrt") return "\\sqrt[3]{" + args + "}";
        if (t.text == "abs") return "\\left|" + args + "\\right|";
        static constexpr std::pair<std::string_view, std::string_view> named[] = {
            {"exp", "\\exp"},       {"log", "\\log"},       {"sin", "\\sin"},
            {"cos", "\\cos"},       {"tan", "\\tan"},       {"asin", "\\arcsin"},
            {"acos", "\\arccos"},   {"atan", "\\arctan"},   {"sinh", "\\sinh"},
            {"cosh", "\\cosh"},     {"tanh", "\\tanh"}};
        std::string name = "\\operatorname{" + t.text + "}";
        for (const auto& [plain, tex] : named)
            if (t.text == plain) name = std::string(tex);
        return name + "\\left(" + args + "\\right)";
    }
};

}  // namespace detail::print

/// The expression as text: `u*v + u^2`, `v + 2*u`, `sin(x)/x`.
template <expression E>
std::string to_string(const E& e) {
    return detail::print::writer(false).write(detail::print::simplify(detail::print::build(e)));
}

/// The expression as LaTeX: `\sin\left(x\right)`, `\frac{1}{x}`.
template <expression E>
std::string to_latex(const E& e) {
    return detail::print::writer(true).write(detail::print::simplify(detail::print::build(e)));
}

/// Writes `to_string(e)`.
template <expression E>
std::ostream& operator<<(std::ostream& os, const E& e) {
    return os << to_string(e);
}

}  // namespace tapeless
