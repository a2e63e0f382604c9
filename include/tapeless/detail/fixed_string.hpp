// fixed_string: a string literal usable as a template argument (the names of variables).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace tapeless {

/// A structural string type, so that `var<"x">` can carry its name in its type.
template <std::size_t N>
struct fixed_string {
    char data[N] = {};

    constexpr fixed_string() = default;
    constexpr fixed_string(const char (&s)[N]) { std::copy_n(s, N, data); }  // NOLINT: implicit on purpose

    static constexpr std::size_t size() { return N - 1; }
    constexpr std::string_view view() const { return {data, N - 1}; }

    template <std::size_t M>
    constexpr bool operator==(const fixed_string<M>& other) const {
        return view() == other.view();
    }
};

namespace detail {

constexpr std::size_t decimal_digits(std::size_t i) {
    std::size_t n = 1;
    while (i >= 10) {
        i /= 10;
        ++n;
    }
    return n;
}

/// "x" and 12 -> "x12": the name of the 12th member of a family of variables.
template <fixed_string Prefix, std::size_t I>
constexpr auto indexed_name() {
    constexpr std::size_t len = Prefix.size() + decimal_digits(I);
    fixed_string<len + 1> out;
    std::copy_n(Prefix.data, Prefix.size(), out.data);
    std::size_t v = I;
    for (std::size_t k = 0; k < decimal_digits(I); ++k) {
        out.data[len - 1 - k] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    out.data[len] = '\0';
    return out;
}

}  // namespace detail
}  // namespace tapeless
