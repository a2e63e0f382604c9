// Accuracy of tapeless::math in constant evaluation: sqrt, cbrt, hypot, exp, log, expm1, log1p.
#include "math_accuracy_common.hpp"

#include <tapeless/math/math.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

namespace {

using namespace math_accuracy;
namespace mth = tapeless::math;

constexpr double dmax = std::numeric_limits<double>::max();
constexpr double dmin = std::numeric_limits<double>::denorm_min();

constexpr std::initializer_list<double> specials = {0.0, -0.0, 1.0, -1.0, inf, -inf, qnan, dmax, -dmax, dmin, -dmin,
                                                    0x1p-1022, -0x1p-1022, 0.5, 2.0, 4.0};

// ---- inputs (2048 per function, built in constant evaluation) ----------------------------------

constexpr auto sqrt_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    rng r{1};
    while (g.size() < 1400) g.add(r.log_uniform(dmin, dmax));
    while (g.size() < 2048) g.add(r.uniform(0, 4));
    return g;
}();

constexpr auto cbrt_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {8.0, 27.0, -64.0, 0x1p-1074, 1000.0}) g.add(s);
    rng r{2};
    while (g.size() < 1400) g.add((r.next() & 1) ? r.log_uniform(dmin, dmax) : -r.log_uniform(dmin, dmax));
    while (g.size() < 2048) g.add(r.uniform(-10, 10));
    return g;
}();

constexpr auto exp_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    // the overflow threshold and its neighbour, the underflow to 0 and to subnormals
    for (double s : {0x1.62e42fefa39efp+9, 0x1.62e42fefa39f0p+9, -0x1.74910d52d3051p+9, -0x1.74910d52d3052p+9,
                     -708.39641853226408, -708.4, -720.0, -744.44007192138122, 1e-300, -1e-300})
        g.add(s);
    rng r{3};
    while (g.size() < 900) g.add(r.uniform(-746, 710));
    while (g.size() < 1500) g.add(r.uniform(-2, 2));
    while (g.size() < 1700) g.add((r.next() & 1) ? r.log_uniform(1e-300, 1e-3) : -r.log_uniform(1e-300, 1e-3));
    while (g.size() < 2048) g.add(r.uniform(-746, -700));  // subnormal results
    return g;
}();

constexpr auto log_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    rng r{4};
    while (g.size() < 1000) g.add(r.log_uniform(dmin, dmax));
    while (g.size() < 1600) g.add(r.uniform(0.5, 2));
    while (g.size() < 2048) g.add(1.0 + r.uniform(-1e-6, 1e-6));
    return g;
}();

constexpr auto expm1_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {0x1.62e42fefa39efp+9, 0x1.62e42fefa39f0p+9, -37.5, -38.0, -38.5, 0.35, -0.35}) g.add(s);
    rng r{5};
    while (g.size() < 600) g.add(r.uniform(-40, 710));
    while (g.size() < 1200) g.add(r.uniform(-1, 1));
    while (g.size() < 1600) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-2) : -r.log_uniform(dmin, 1e-2));
    while (g.size() < 2048) g.add(r.uniform(0.3, 0.4) * ((r.next() & 1) ? 1 : -1));
    return g;
}();

constexpr auto log1p_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {-2.0, -1.0 + 0x1p-53, 0x1p-54, -0x1p-54, 0x1p-53}) g.add(s);
    rng r{6};
    while (g.size() < 600) g.add(r.uniform(-1, 4));
    while (g.size() < 1100) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-2) : -r.log_uniform(dmin, 1e-2));
    while (g.size() < 1500) g.add(r.log_uniform(1e-2, dmax));
    while (g.size() < 2048) g.add(-1.0 + r.log_uniform(0x1p-53, 1e-2));
    return g;
}();

constexpr std::initializer_list<double> pair_specials = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5,
                                                         3.0, -3.0, inf, -inf, qnan, 1e300, -1e300};

constexpr auto hypot_in = [] {
    grid<xy, 2048> g;
    for (double a : pair_specials)
        for (double b : pair_specials) g.add({a, b});
    rng r{8};
    while (g.size() < 1200) {
        const double a = r.log_uniform(dmin, dmax);
        const double b = r.log_uniform(dmin, dmax);
        g.add({(r.next() & 1) ? a : -a, (r.next() & 1) ? b : -b});
    }
    while (g.size() < 1600) {
        const double a = r.log_uniform(1e-200, 1e200);
        g.add({a, a * r.uniform(-1e5, 1e5)});  // comparable magnitudes
    }
    while (g.size() < 2048) g.add({r.uniform(-10, 10), r.uniform(-10, 10)});
    return g;
}();

// ---- the functions, as constant-evaluable function pointers ---------------------------------------

constexpr double c_sqrt(double x) { return mth::sqrt(x); }
constexpr double c_cbrt(double x) { return mth::cbrt(x); }
constexpr double c_exp(double x) { return mth::exp(x); }
constexpr double c_log(double x) { return mth::log(x); }
constexpr double c_expm1(double x) { return mth::expm1(x); }
constexpr double c_log1p(double x) { return mth::log1p(x); }
constexpr double c_hypot(xy a) { return mth::hypot(a.x, a.y); }
constexpr float f_sqrt(float x) { return mth::sqrt(x); }
constexpr float f_cbrt(float x) { return mth::cbrt(x); }
constexpr float f_exp(float x) { return mth::exp(x); }
constexpr float f_log(float x) { return mth::log(x); }
constexpr float f_expm1(float x) { return mth::expm1(x); }
constexpr float f_log1p(float x) { return mth::log1p(x); }

constexpr auto sqrt_in_f = float_subset(sqrt_in);
constexpr auto cbrt_in_f = float_subset(cbrt_in);
constexpr auto exp_in_f = float_subset(exp_in);
constexpr auto log_in_f = float_subset(log_in);
constexpr auto expm1_in_f = float_subset(expm1_in);
constexpr auto log1p_in_f = float_subset(log1p_in);

// Checks exp itself, not the constant e. NOLINTNEXTLINE(modernize-use-std-numbers)
static_assert(mth::exp(1.0L) == static_cast<long double>(mth::exp(1.0)));

}  // namespace

TEST_CASE("constexpr sqrt cbrt hypot exp log expm1 log1p are within 4 ulp", "[math][accuracy]")
{
    std::vector<row> rows;
    rows.push_back(unary<sqrt_in, c_sqrt, sqrt_in_f, f_sqrt>(
        "sqrt", [](long double x) { return std::sqrt(x); }, [](double x) { return std::sqrt(x); }));
    rows.push_back(unary<cbrt_in, c_cbrt, cbrt_in_f, f_cbrt>(
        "cbrt", [](long double x) { return std::cbrt(x); }, [](double x) { return std::cbrt(x); }));
    rows.push_back(unary<exp_in, c_exp, exp_in_f, f_exp>(
        "exp", [](long double x) { return std::exp(x); }, [](double x) { return std::exp(x); }));
    rows.push_back(unary<log_in, c_log, log_in_f, f_log>(
        "log", [](long double x) { return std::log(x); }, [](double x) { return std::log(x); }));
    rows.push_back(unary<expm1_in, c_expm1, expm1_in_f, f_expm1>(
        "expm1", [](long double x) { return std::expm1(x); }, [](double x) { return std::expm1(x); }));
    rows.push_back(unary<log1p_in, c_log1p, log1p_in_f, f_log1p>(
        "log1p", [](long double x) { return std::log1p(x); }, [](double x) { return std::log1p(x); }));
    rows.push_back(measure<xy>(
        "hypot", hypot_in, constant_evaluated<hypot_in, c_hypot>(),
        [](xy a) { return std::hypot(static_cast<long double>(a.x), static_cast<long double>(a.y)); },
        [](xy a) { return std::hypot(a.x, a.y); }));
    print_table("tapeless::math, constant evaluation, double (float: via double, rounded)", rows);
    for (const row& r : rows) {
        INFO(r.name << ": worst " << r.worst << " ulp at " << r.where);
        REQUIRE(r.worst <= 4.0);
        REQUIRE(r.worst_float <= 1.0);
    }
}
