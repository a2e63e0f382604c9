// Batches over Eigen arrays: evaluation, grad, hessian and jacobian at every point equal the
// scalar results point by point; numbers broadcast; sizes are checked.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;

// Every function of section 1, including those Eigen 3.4 arrays lack (cbrt, erf, atan2,
// hypot) and exact integer powers.
constexpr auto f = u * v + pow(u, 3) - pow(v, -2) + sin(u) * cos(v) + tan(u / 4.0) +
                   exp(-u) * log(v) + sqrt(v) + cbrt(u - 1.0) + asin(u / 3.0) + acos(v / 4.0) +
                   atan(u) + atan2(u, v) + hypot(u, v) + sinh(u / 2.0) + cosh(v / 3.0) +
                   tanh(u) + abs(u - v) + log1p(v) + expm1(u / 5.0) + erf(u - v) +
                   pow(v, u / 4.0) + pow(2.0, u) + pow(v, 0.75);

// 45 points: two full chunks of 16 and a partial one.
Eigen::ArrayXd us() { return Eigen::ArrayXd::LinSpaced(45, 0.1, 2.4); }
Eigen::ArrayXd vs() { return Eigen::ArrayXd::LinSpaced(45, 2.9, 1.2); }

constexpr double tol = 1e-14;
}  // namespace

TEST_CASE("batch: evaluation equals the scalar evaluation at every point", "[batch][eval]") {
    const Eigen::ArrayXd a = us(), b = vs();
    const auto fs = f(u = a, v = b);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(fs)>, Eigen::ArrayXd>);
    REQUIRE(fs.size() == 45);
    for (Eigen::Index i = 0; i < a.size(); ++i)
        CHECK(fs(i) == Approx(f(u = a(i), v = b(i))).epsilon(tol));

    SECTION("numbers are broadcast") {
        const Eigen::ArrayXd fb = f(u = a, v = 1.7);
        for (Eigen::Index i = 0; i < a.size(); ++i)
            CHECK(fb(i) == Approx(f(u = a(i), v = 1.7)).epsilon(tol));
    }
    SECTION("fixed-size arrays keep their size") {
        const Eigen::Array<double, 5, 1> fa = a.head<5>(), fb = b.head<5>();
        const auto r = f(u = fa, v = fb);
        static_assert(std::is_same_v<std::remove_cvref_t<decltype(r)>, Eigen::Array<double, 5, 1>>);
        for (int i = 0; i < 5; ++i) CHECK(r(i) == Approx(fs(i)).epsilon(tol));
    }
    SECTION("Eigen vectors and expressions, coefficient-wise") {
        const Eigen::VectorXd va = a.matrix();
        const Eigen::ArrayXd r = f(u = va, v = b * 1.0);
        for (Eigen::Index i = 0; i < a.size(); ++i) CHECK(r(i) == Approx(fs(i)).epsilon(tol));
    }
    SECTION("float arrays") {
        const Eigen::ArrayXf af = a.cast<float>(), bf = b.cast<float>();
        const auto r = (u * v + sin(u))(u = af, v = bf);
        static_assert(std::is_same_v<std::remove_cvref_t<decltype(r)>, Eigen::ArrayXf>);
        for (Eigen::Index i = 0; i < a.size(); ++i)
            CHECK(r(i) == Approx(af(i) * bf(i) + std::sin(af(i))).epsilon(1e-6));
    }
    SECTION("empty arrays") {
        const Eigen::ArrayXd e;
        CHECK(f(u = e, v = e).size() == 0);
    }
}

TEST_CASE("batch: grad, hessian and jacobian equal the scalar results at every point",
          "[batch][grad]") {
    const Eigen::ArrayXd a = us(), b = vs();
    const auto gb = tapeless::grad(f, u = a, v = b);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(gb[u])>, Eigen::ArrayXd>);
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        const auto g = tapeless::grad(f, u = a(i), v = b(i));
        CHECK(gb.value()(i) == Approx(g.value()).epsilon(tol));
        CHECK(gb[u](i) == Approx(g[u]).epsilon(tol));
        CHECK(gb[v](i) == Approx(g[v]).epsilon(tol));
    }

    SECTION("wrt and a broadcast number: per-point partials by the number too") {
        const auto gw = tapeless::grad(f, tapeless::wrt(v), u = 0.8, v = b);
        const auto gs = tapeless::grad(f, u = a, v = 1.9);
        for (Eigen::Index i = 0; i < a.size(); ++i) {
            CHECK(gw[v](i) == Approx(tapeless::grad(f, u = 0.8, v = b(i))[v]).epsilon(tol));
            CHECK(gs[v](i) == Approx(tapeless::grad(f, u = a(i), v = 1.9)[v]).epsilon(tol));
        }
    }
    SECTION("forward_grad over arrays takes the same path") {
        const auto fg = tapeless::forward_grad(f, u = a, v = b);
        CHECK((fg[u] == gb[u]).all());
    }
    SECTION("hessian") {
        constexpr auto h = u * exp(v) - log(u + v * v) + pow(u, 3) * v;
        const auto hb = tapeless::hessian(h, u = a, v = b);
        for (Eigen::Index i = 0; i < a.size(); i += 7) {
            const auto hs = tapeless::hessian(h, u = a(i), v = b(i));
            CHECK(hb(u, v)(i) == Approx(hs(u, v)).epsilon(tol));
            CHECK(hb(v, v)(i) == Approx(hs(v, v)).epsilon(tol));
            CHECK(hb.gradient()[u](i) == Approx(hs.gradient()[u]).epsilon(tol));
        }
    }
    SECTION("jacobian") {
        const auto jb = tapeless::jacobian(tapeless::vec(u * v, sin(u) + v), u = a, v = b);
        for (Eigen::Index i = 0; i < a.size(); i += 5) {
            CHECK(jb(0, u)(i) == Approx(b(i)).epsilon(tol));
            CHECK(jb(1, u)(i) == Approx(std::cos(a(i))).epsilon(tol));
            CHECK(jb.value(1)(i) == Approx(std::sin(a(i)) + b(i)).epsilon(tol));
        }
    }
}

TEST_CASE("batch: arrays of different sizes throw std::invalid_argument", "[batch][sizes]") {
    const Eigen::ArrayXd a = us();
    const Eigen::ArrayXd short_v = Eigen::ArrayXd::Ones(3);
    CHECK_THROWS_AS(f(u = a, v = short_v), std::invalid_argument);
    CHECK_THROWS_AS(tapeless::grad(f, u = a, v = short_v), std::invalid_argument);
    try {
        (void)f(u = a, v = short_v);
        FAIL("no exception");
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        CHECK(what.rfind("tapeless: ", 0) == 0);
        CHECK(what.find("u has 45") != std::string::npos);
        CHECK(what.find("v has 3") != std::string::npos);
    }
}
