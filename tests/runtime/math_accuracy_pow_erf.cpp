// Accuracy of tapeless::math in constant evaluation: pow(x, y), pow(x, n), erf, abs, sign.
#include "math_accuracy_common.hpp"

#include <tapeless/math/math.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace {

using namespace math_accuracy;
namespace mth = tapeless::math;

constexpr double dmax = std::numeric_limits<double>::max();
constexpr double dmin = std::numeric_limits<double>::denorm_min();

constexpr std::initializer_list<double> specials = {0.0, -0.0, 1.0, -1.0, inf, -inf, qnan, dmax, -dmax, dmin, -dmin,
                                                    0x1p-1022, -0x1p-1022, 0.5, 2.0, 4.0};

// ---- inputs (built in constant evaluation) --------------------------------------------------------

constexpr auto erf_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {2.0, -2.0, 5.9, 5.92, 5.93, 6.0, 0x1p-28}) g.add(s);
    rng r{7};
    while (g.size() < 1000) g.add(r.uniform(-6.5, 6.5));
    while (g.size() < 1800) g.add(r.uniform(-2.5, 2.5));
    while (g.size() < 2048) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-3) : -r.log_uniform(dmin, 1e-3));
    return g;
}();

constexpr std::initializer_list<double> pair_specials = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5,
                                                         3.0, -3.0, inf, -inf, qnan, 1e300, -1e300};

constexpr auto pow_in = [] {
    grid<xy, 2304> g;
    for (double a : pair_specials)
        for (double b : pair_specials) g.add({a, b});
    rng r{9};
    while (g.size() < 900) {  // x anywhere, y so that the result is finite and normal-ish
        const double x = r.log_uniform(1e-300, 1e300);
        g.add({x, r.uniform(-740, 705) / mth::log(x)});
    }
    while (g.size() < 1300) g.add({r.uniform(0, 4), r.uniform(-50, 50)});
    while (g.size() < 1600) g.add({r.uniform(-10, 0), static_cast<double>(static_cast<int>(r.uniform(-300, 300)))});
    while (g.size() < 1900) g.add({1.0 + r.uniform(-1e-3, 1e-3), r.uniform(-1e5, 1e5)});  // needs an exact log
    while (g.size() < 2100) g.add({r.uniform(0.1, 10), r.log_uniform(1e3, 1e20) * ((r.next() & 1) ? 1 : -1)});
    while (g.size() < 2304) g.add({r.log_uniform(1e-300, 1e300), r.uniform(-3, 3)});
    return g;
}();

constexpr auto pow_int_in = [] {
    grid<std::pair<double, int>, 2624> g;
    rng r{10};
    for (int n = -20; n <= 20; ++n) {
        for (double s : {0.0, -0.0, 1.0, -1.0, 2.0, inf, -inf, qnan, 1e300, 1e-300, 0.1, 10.0})
            g.add({s, n});
        for (int k = 0; k < 52; ++k) g.add({r.uniform(-3, 3), n});
    }
    return g;
}();

// ---- the functions, as constant-evaluable function pointers ---------------------------------------

constexpr double c_erf(double x) { return mth::erf(x); }
constexpr double c_abs(double x) { return mth::abs(x); }
constexpr double c_sign(double x) { return mth::sign(x); }
constexpr double c_pow(xy a) { return mth::pow(a.x, a.y); }
constexpr double c_pow_int(std::pair<double, int> a) { return mth::pow(a.first, a.second); }
constexpr float f_erf(float x) { return mth::erf(x); }

constexpr auto erf_in_f = float_subset(erf_in);

// long double is computed in double in constant evaluation: check it is exactly that.
static_assert(mth::pow(1.5L, 0.25L) == static_cast<long double>(mth::pow(1.5, 0.25)));

}  // namespace

TEST_CASE("constexpr pow erf abs sign are within 4 ulp", "[math][accuracy]")
{
    std::vector<row> rows;
    rows.push_back(unary<erf_in, c_erf, erf_in_f, f_erf>(
        "erf", [](long double x) { return std::erf(x); }, [](double x) { return std::erf(x); }));
    rows.push_back(measure<double>("abs", erf_in, constant_evaluated<erf_in, c_abs>(),
                                   [](long double x) { return std::fabs(x); }, [](double x) { return std::fabs(x); }));
    rows.push_back(measure<double>(
        "sign", erf_in, constant_evaluated<erf_in, c_sign>(),
        [](long double x) -> long double { return std::isnan(x) ? x : (x > 0) - (x < 0) + 0.0L; },
        [](double x) -> double { return std::isnan(x) ? x : (x > 0) - (x < 0) + 0.0; }));
    rows.push_back(measure<xy>(
        "pow(x, y)", pow_in, constant_evaluated<pow_in, c_pow>(),
        [](xy a) { return std::pow(static_cast<long double>(a.x), static_cast<long double>(a.y)); },
        [](xy a) { return std::pow(a.x, a.y); }));

    // pow(x, int): the same exact repeated multiplication at compile time and at run time.
    const auto pow_int_values = constant_evaluated<pow_int_in, c_pow_int>();
    for (std::size_t i = 0; i < pow_int_values.size(); ++i) {
        const auto [x, n] = pow_int_in[i];
        const double run_time = mth::pow(x, n);
        INFO("pow(" << x << ", " << n << ")");
        REQUIRE(((std::isnan(run_time) && std::isnan(pow_int_values[i])) ||
                 std::bit_cast<std::uint64_t>(run_time) == std::bit_cast<std::uint64_t>(pow_int_values[i])));
    }
    // Repeated multiplication is not correctly rounded: each of the ~2 log2|n| products adds
    // up to half an ulp, and squaring doubles the relative error of the base.
    auto small_n = pow_int_in;
    small_n.count = 0;
    std::vector<double> small_n_values;
    for (std::size_t i = 0; i < pow_int_values.size(); ++i) {
        if (pow_int_in[i].second >= -4 && pow_int_in[i].second <= 4) {
            small_n.add(pow_int_in[i]);
            small_n_values.push_back(pow_int_values[i]);
        }
    }
    rows.push_back(measure<std::pair<double, int>>(
        "pow(x, n), |n| <= 4", small_n, small_n_values,
        [](std::pair<double, int> a) { return std::pow(static_cast<long double>(a.first), a.second); },
        [](std::pair<double, int> a) { return std::pow(a.first, a.second); }));
    const row pow_int_row = measure<std::pair<double, int>>(
        "pow(x, n), |n| <= 20 (*)", pow_int_in, pow_int_values,
        [](std::pair<double, int> a) { return std::pow(static_cast<long double>(a.first), a.second); },
        [](std::pair<double, int> a) { return std::pow(a.first, a.second); });
    for (std::size_t i = 0; i < pow_int_values.size(); ++i) {
        const auto [x, n] = pow_int_in[i];
        INFO("pow(" << x << ", " << n << ")");
        REQUIRE(ulp_error(pow_int_values[i], std::pow(static_cast<long double>(x), n)) <= 2.0 * std::abs(n) + 0.5);
    }

    std::vector<row> table = rows;
    table.push_back(pow_int_row);
    print_table("tapeless::math, constant evaluation, double (float: via double, rounded); "
                "(*) exact repeated multiplication, checked against 2|n| + 0.5 ulp",
                table);
    for (const row& r : rows) {
        INFO(r.name << ": worst " << r.worst << " ulp at " << r.where);
        REQUIRE(r.worst <= 4.0);
        REQUIRE(r.worst_float <= 1.0);
    }
}
