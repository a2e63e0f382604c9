// Accuracy of tapeless::math in constant evaluation: sin, cos, tan (Cody-Waite and Payne-Hanek ranges).
#include "math_accuracy_common.hpp"

#include <tapeless/math/math.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

using namespace math_accuracy;
namespace mth = tapeless::math;

constexpr double dmax = std::numeric_limits<double>::max();
constexpr double dmin = std::numeric_limits<double>::denorm_min();

constexpr std::initializer_list<double> specials = {0.0, -0.0, 1.0, -1.0, inf, -inf, qnan, dmin, -dmin,
                                                    0x1p-1022, -0x1p-1022, 0.5, -0.5, 2.0, 0x1p-27, -0x1p-26};

constexpr double neighbour(double x, int dir)
{
    return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) + static_cast<std::uint64_t>(dir));
}

// ---- inputs (built in constant evaluation) --------------------------------------------------------

// sin, cos, tan for |x| <= 2^20: uniform, small, and the doubles nearest to k pi/2 (the hardest
// cases of the range reduction) with their neighbours.
constexpr auto trig_in = [] {
    grid<double, 2048> g;
    for (double s : specials) g.add(s);
    for (double s : {0x1p20, -0x1p20, 0x1p20 - 0.5, 0x1.921fb54442d18p-1, 0x1.921fb54442d19p-1, 355.0, 103993.0})
        g.add(s);
    rng r{11};
    while (g.size() < 700) g.add(r.uniform(-0x1p20, 0x1p20));
    while (g.size() < 1200) g.add(r.uniform(-10, 10));
    while (g.size() < 1300) g.add((r.next() & 1) ? r.log_uniform(dmin, 1e-3) : -r.log_uniform(dmin, 1e-3));
    while (g.size() < 2040) {
        const auto k = static_cast<long double>(1 + r.next() % 667000);
        const auto x = static_cast<double>(k * pio2_ld);
        g.add(x);
        g.add(neighbour(x, 1));
        g.add(neighbour(x, -1));
    }
    return g;
}();

// beyond 2^20 (Payne-Hanek reduction), up to the largest double
constexpr auto trig_large_in = [] {
    grid<double, 1024> g;
    for (double s : {dmax, -dmax, 0x1p1023, 1e22, 0x1.6ac5b262ca1ffp+849 /* 6381956970095103 2^797 */, 0x1p20 + 1})
        g.add(s);
    rng r{12};
    while (g.size() < 1024) g.add((r.next() & 1) ? r.log_uniform(0x1p20, dmax) : -r.log_uniform(0x1p20, dmax));
    return g;
}();

// ---- the functions, as constant-evaluable function pointers ---------------------------------------

constexpr double c_sin(double x) { return mth::sin(x); }
constexpr double c_cos(double x) { return mth::cos(x); }
constexpr double c_tan(double x) { return mth::tan(x); }
constexpr float f_sin(float x) { return mth::sin(x); }
constexpr float f_cos(float x) { return mth::cos(x); }
constexpr float f_tan(float x) { return mth::tan(x); }

constexpr auto trig_in_f = float_subset(trig_in);
constexpr auto trig_large_in_f = float_subset(trig_large_in);

static_assert(mth::sin(1.0L) == static_cast<long double>(mth::sin(1.0)));

}  // namespace

TEST_CASE("constexpr sin cos tan are within 4 ulp", "[math][accuracy]")
{
    auto sin_l = [](long double x) { return std::sin(x); };
    auto cos_l = [](long double x) { return std::cos(x); };
    auto tan_l = [](long double x) { return std::tan(x); };
    auto sin_d = [](double x) { return std::sin(x); };
    auto cos_d = [](double x) { return std::cos(x); };
    auto tan_d = [](double x) { return std::tan(x); };
    std::vector<row> rows;
    rows.push_back(unary<trig_in, c_sin, trig_in_f, f_sin>("sin", sin_l, sin_d));
    rows.push_back(unary<trig_in, c_cos, trig_in_f, f_cos>("cos", cos_l, cos_d));
    rows.push_back(unary<trig_in, c_tan, trig_in_f, f_tan>("tan", tan_l, tan_d));
    rows.push_back(unary<trig_large_in, c_sin, trig_large_in_f, f_sin>("sin, |x| > 2^20", sin_l, sin_d));
    rows.push_back(unary<trig_large_in, c_cos, trig_large_in_f, f_cos>("cos, |x| > 2^20", cos_l, cos_d));
    rows.push_back(unary<trig_large_in, c_tan, trig_large_in_f, f_tan>("tan, |x| > 2^20", tan_l, tan_d));

    print_table("tapeless::math, constant evaluation, double (float: via double, rounded)", rows);
    for (const row& r : rows) {
        INFO(r.name << ": worst " << r.worst << " ulp at " << r.where);
        REQUIRE(r.worst <= 4.0);
        REQUIRE(r.worst_float <= 1.0);
    }
}
