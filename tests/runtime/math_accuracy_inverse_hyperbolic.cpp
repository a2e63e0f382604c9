// Accuracy of tapeless::math in constant evaluation: asin, acos, atan, atan2, sinh, cosh, tanh.
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

constexpr std::initializer_list<double> specials = {0.0, -0.0, 1.0, -1.0, inf, -inf, qnan, dmin, -dmin,
                                                    0x1p-1022, -0x1p-1022, 0.5, -0.5, 2.0, 0x1p-27, -0x1p-26};

// ---- inputs (built in constant evaluation) --------------------------------------------------------

constexpr auto asin_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {1.5, -1.5, 1.0 - 0x1p-53, -1.0 + 0x1p-53, 0x1p-57, 0.5, 0.7071067811865476}) g.add(s);
    rng r{13};
    while (g.size() < 1000) g.add(r.uniform(-1, 1));
    while (g.size() < 1700) g.add((r.next() & 1) ? 1.0 - r.log_uniform(0x1p-53, 1e-2) : -1.0 + r.log_uniform(0x1p-53, 1e-2));
    while (g.size() < 2048) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-2) : -r.log_uniform(dmin, 1e-2));
    return g;
}();

constexpr auto atan_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {dmax, -dmax, 0x1p60, 0x1p61, 1.0 / 32, 1.0 / 16}) g.add(s);
    rng r{14};
    while (g.size() < 900) g.add(r.uniform(-20, 20));
    while (g.size() < 2048) g.add((r.next() & 1) ? r.log_uniform(dmin, dmax) : -r.log_uniform(dmin, dmax));
    return g;
}();

constexpr std::initializer_list<double> pair_specials = {0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5,
                                                         -3.0, inf, -inf, qnan, 1e300, -1e-300};

constexpr auto atan2_in = [] {
    grid<xy, 2048> g;
    for (double a : pair_specials)
        for (double b : pair_specials) g.add({a, b});
    rng r{15};
    while (g.size() < 1100) g.add({r.uniform(-10, 10), r.uniform(-10, 10)});
    while (g.size() < 2048) {
        const double a = r.log_uniform(dmin, dmax);
        const double b = r.log_uniform(dmin, dmax);
        g.add({(r.next() & 1) ? a : -a, (r.next() & 1) ? b : -b});
    }
    return g;
}();

constexpr auto hyp_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {710.4758600739439, 710.47586007394398, -710.4758600739439, 22.0, -22.0, 1.0 + 0x1p-52}) g.add(s);
    rng r{16};
    while (g.size() < 700) g.add(r.uniform(-711, 711));
    while (g.size() < 1500) g.add(r.uniform(-3, 3));
    while (g.size() < 1800) g.add(r.uniform(-25, 25));
    while (g.size() < 2048) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-2) : -r.log_uniform(dmin, 1e-2));
    return g;
}();

constexpr auto tanh_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {22.0, -22.0, 19.06, 1e300}) g.add(s);
    rng r{17};
    while (g.size() < 800) g.add(r.uniform(-25, 25));
    while (g.size() < 1700) g.add(r.uniform(-2, 2));
    while (g.size() < 2048) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-2) : -r.log_uniform(dmin, 1e-2));
    return g;
}();

// ---- the functions, as constant-evaluable function pointers ---------------------------------------

constexpr double c_asin(double x) { return mth::asin(x); }
constexpr double c_acos(double x) { return mth::acos(x); }
constexpr double c_atan(double x) { return mth::atan(x); }
constexpr double c_sinh(double x) { return mth::sinh(x); }
constexpr double c_cosh(double x) { return mth::cosh(x); }
constexpr double c_tanh(double x) { return mth::tanh(x); }
constexpr double c_atan2(xy a) { return mth::atan2(a.x, a.y); }
constexpr float f_asin(float x) { return mth::asin(x); }
constexpr float f_acos(float x) { return mth::acos(x); }
constexpr float f_atan(float x) { return mth::atan(x); }
constexpr float f_sinh(float x) { return mth::sinh(x); }
constexpr float f_cosh(float x) { return mth::cosh(x); }
constexpr float f_tanh(float x) { return mth::tanh(x); }

constexpr auto asin_in_f = float_subset(asin_in);
constexpr auto atan_in_f = float_subset(atan_in);
constexpr auto hyp_in_f = float_subset(hyp_in);
constexpr auto tanh_in_f = float_subset(tanh_in);


}  // namespace

TEST_CASE("constexpr asin acos atan atan2 sinh cosh tanh are within 4 ulp", "[math][accuracy]")
{
    std::vector<row> rows;
    rows.push_back(unary<asin_in, c_asin, asin_in_f, f_asin>(
        "asin", [](long double x) { return std::asin(x); }, [](double x) { return std::asin(x); }));
    rows.push_back(unary<asin_in, c_acos, asin_in_f, f_acos>(
        "acos", [](long double x) { return std::acos(x); }, [](double x) { return std::acos(x); }));
    rows.push_back(unary<atan_in, c_atan, atan_in_f, f_atan>(
        "atan", [](long double x) { return std::atan(x); }, [](double x) { return std::atan(x); }));
    rows.push_back(measure<xy>(
        "atan2", atan2_in, constant_evaluated<atan2_in, c_atan2>(),
        [](xy a) { return std::atan2(static_cast<long double>(a.x), static_cast<long double>(a.y)); },
        [](xy a) { return std::atan2(a.x, a.y); }));
    rows.push_back(unary<hyp_in, c_sinh, hyp_in_f, f_sinh>(
        "sinh", [](long double x) { return std::sinh(x); }, [](double x) { return std::sinh(x); }));
    rows.push_back(unary<hyp_in, c_cosh, hyp_in_f, f_cosh>(
        "cosh", [](long double x) { return std::cosh(x); }, [](double x) { return std::cosh(x); }));
    rows.push_back(unary<tanh_in, c_tanh, tanh_in_f, f_tanh>(
        "tanh", [](long double x) { return std::tanh(x); }, [](double x) { return std::tanh(x); }));

    print_table("tapeless::math, constant evaluation, double (float: via double, rounded)", rows);
    for (const row& r : rows) {
        INFO(r.name << ": worst " << r.worst << " ulp at " << r.where);
        REQUIRE(r.worst <= 4.0);
        REQUIRE(r.worst_float <= 1.0);
    }
}
