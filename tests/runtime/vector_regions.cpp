// The region engine of vector variables (docs/vector.md "How it runs"): reductions nested in
// reductions, a variable read by several regions, views of computed vectors, lengths across
// chunk boundaries, squares and other powers, log_sum_exp at +-inf with a reused workspace,
// and float.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include "support/vector_support.hpp"

#include <cmath>
#include <limits>
#include <random>

namespace {

using vector_test::central;
using vector_test::check_close;
using vector_test::random_vector;

constexpr tapeless::vector_var<"x"> x;
constexpr tapeless::vector_var<"y"> y;
constexpr tapeless::var<"mu"> mu;

}  // namespace

TEST_CASE("a reduction inside a reduction: the centred sum of squares", "[vector][regions]") {
    // sum((x - mean)^2) with mean = sum(x) / n: the inner sum is a scalar broadcast into the
    // outer region, and its adjoint flows back into x through the inner region.
    const auto f = sum(pow(x - sum(x) / length(x), 2));
    for (const Eigen::Index n : {1, 2, 5, 300, 1000}) {
        const Eigen::VectorXd x0 = random_vector(n, -2, 2, static_cast<unsigned>(n));
        const double mean = x0.mean();
        const double expect = (x0.array() - mean).square().sum();
        const auto g = tapeless::grad(f, x = x0);
        CHECK(g.value() == Approx(expect).epsilon(1e-12).margin(1e-12));
        // d/dx_i = 2 (x_i - mean) - (2 / n) sum_j (x_j - mean) = 2 (x_i - mean)
        check_close(g[x], (2.0 * (x0.array() - mean)).matrix(), 1e-11);
    }
}

TEST_CASE("one variable read by several regions, with scalars between them",
          "[vector][regions]") {
    const auto f = sum(exp(x)) * sum(x) + squared_norm(x) + log(sum(x * x) + 1.0) * mu;
    const Eigen::VectorXd x0 = random_vector(700, -1, 1, 3);
    const double m0 = 0.3;
    const double se = x0.array().exp().sum(), s1 = x0.sum(), s2 = x0.squaredNorm();
    const auto g = tapeless::grad(f, x = x0, mu = m0);
    CHECK(g.value() == Approx(se * s1 + s2 + std::log(s2 + 1) * m0).epsilon(1e-13));
    const Eigen::ArrayXd expect =
        x0.array().exp() * s1 + se + 2 * x0.array() + m0 * 2 * x0.array() / (s2 + 1);
    check_close(g[x], expect.matrix(), 1e-12);
    CHECK(g[mu] == Approx(std::log(s2 + 1)).epsilon(1e-14));
    // the same through a reused workspace, twice (the second call reuses its memory)
    tapeless::workspace ws;
    for (int round = 0; round < 2; ++round) {
        const auto gw = tapeless::grad(f, ws, x = x0, mu = m0);
        CHECK((gw[x] - g[x]).cwiseAbs().maxCoeff() == 0.0);
        CHECK(gw[mu] == g[mu]);
    }
}

TEST_CASE("dot of a vector with itself and with another", "[vector][regions]") {
    const Eigen::VectorXd x0 = random_vector(513, -1, 1, 5);
    const Eigen::VectorXd y0 = random_vector(513, -1, 1, 6);
    const auto gs = tapeless::grad(dot(x, x), x = x0);
    check_close(gs[x], 2 * x0, 1e-14);
    const auto g = tapeless::grad(dot(x * mu, exp(y)), x = x0, y = y0, mu = 1.5);
    check_close(g[x], (1.5 * y0.array().exp()).matrix(), 1e-13);
    check_close(g[y], (1.5 * x0.array() * y0.array().exp()).matrix(), 1e-13);
    CHECK(g[mu] == Approx((x0.array() * y0.array().exp()).sum()).epsilon(1e-13));
}

TEST_CASE("views of computed vectors and overlapping views of one variable",
          "[vector][regions]") {
    const auto f = sum(segment(x * x, 2, 300) * mu) +
                   sum(drop_front<2>(exp(x)) * drop_back<2>(sin(x))) +
                   dot(drop_front<1>(x), drop_back<1>(x));
    const Eigen::VectorXd x0 = random_vector(600, -1, 1, 9);
    const auto fx = [&](const Eigen::VectorXd& v) { return f(x = v, mu = 0.4); };
    const auto g = tapeless::grad(f, x = x0, mu = 0.4);
    check_close(g[x], central(fx, x0), 1e-7);
    CHECK(g[mu] == Approx(x0.segment(2, 300).squaredNorm()).epsilon(1e-13));
}

TEST_CASE("lengths around the chunk size of 256 entries", "[vector][regions]") {
    const auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2) +
                           pow(1.0 - drop_back<1>(x), 2));
    const auto lse = log_sum_exp(2.0 * x);
    for (const Eigen::Index n : {255, 256, 257, 258, 511, 512, 513, 1025}) {
        const Eigen::VectorXd v = random_vector(n, -1.5, 1.5, static_cast<unsigned>(n));
        Eigen::VectorXd g = Eigen::VectorXd::Zero(n);
        double r = 0;
        for (Eigen::Index i = 0; i + 1 < n; ++i) {
            const double a = v(i + 1) - v(i) * v(i);
            r += 100 * a * a + (1 - v(i)) * (1 - v(i));
            g(i + 1) += 200 * a;
            g(i) += -400 * a * v(i) - 2 * (1 - v(i));
        }
        const auto gr = tapeless::grad(rosen, x = v);
        CHECK(gr.value() == Approx(r).epsilon(1e-13));
        check_close(gr[x], g, 1e-12);
        const double m = 2 * v.maxCoeff();
        const double s = (2 * v.array() - m).exp().sum();
        const auto gl = tapeless::grad(lse, x = v);
        CHECK(gl.value() == Approx(m + std::log(s)).epsilon(1e-14));
        check_close(gl[x], (2 * (2 * v.array() - m).exp() / s).matrix(), 1e-13);
    }
}

TEST_CASE("squares take the branch-free path, other powers the general one",
          "[vector][regions][pow]") {
    const Eigen::VectorXd x0 = random_vector(300, 0.5, 1.5, 21);
    // only squares in the region
    const auto sq = sum(pow(x, 2) * 3.0 + pow(x - 1.0, 2));
    check_close(tapeless::grad(sq, x = x0)[x], (6 * x0.array() + 2 * (x0.array() - 1)).matrix(),
                1e-14);
    // the same expression type with other exponents (the exponent is run-time data)
    const auto cube = sum(pow(x, 3) * 3.0 + pow(x - 1.0, 2));
    check_close(tapeless::grad(cube, x = x0)[x],
                (9 * x0.array().square() + 2 * (x0.array() - 1)).matrix(), 1e-13);
    // exponents 0, 1, -1 and 7
    const auto mixed = sum(pow(x, 0) + pow(x, 1) + pow(x, -1) + pow(x, 7));
    const Eigen::ArrayXd a = x0.array();
    CHECK(mixed(x = x0) == Approx((1 + a + 1 / a + a.pow(7)).sum()).epsilon(1e-13));
    check_close(tapeless::grad(mixed, x = x0)[x], (1 - 1 / a.square() + 7 * a.pow(6)).matrix(),
                1e-12);
}

TEST_CASE("log_sum_exp at +-inf and NaN, with a workspace full of old numbers",
          "[vector][regions][log_sum_exp]") {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const auto lse = log_sum_exp(x);
    tapeless::workspace ws;
    const Eigen::VectorXd warm = Eigen::VectorXd::Constant(8, 3.0);
    CHECK(tapeless::grad(sum(exp(x)), ws, x = warm)[x](0) == Approx(std::exp(3.0)));
    Eigen::VectorXd v(8);
    v << 1, 2, inf, 4, 5, 6, 7, 8;
    const auto g = tapeless::grad(lse, ws, x = v);
    CHECK(g.value() == inf);
    CHECK(g[x].cwiseAbs().maxCoeff() == 0.0);  // documented: gradient 0 at +inf
    v.setConstant(-inf);
    const auto gm = tapeless::grad(lse, ws, x = v);
    CHECK(gm.value() == -inf);
    CHECK(gm[x].cwiseAbs().maxCoeff() == 0.0);
    v.setConstant(1.0);
    v(3) = std::numeric_limits<double>::quiet_NaN();
    const auto gn = tapeless::grad(lse, ws, x = v);
    CHECK(std::isnan(gn.value()));
    CHECK(std::isnan(gn[x](0)));
}

TEST_CASE("float vectors with float scalars", "[vector][regions][float]") {
    const Eigen::VectorXf x0 = random_vector(300, -1, 1, 31).cast<float>();
    const auto f = sum(exp(x * mu)) + squared_norm(drop_front<1>(x) - drop_back<1>(x));
    const auto g = tapeless::grad(f, x = x0, mu = 0.5F);
    const Eigen::VectorXd xd = x0.cast<double>();
    const auto gd = tapeless::grad(f, x = xd, mu = 0.5);
    static_assert(std::is_same_v<std::remove_cvref_t<decltype(g.value())>, float>);
    CHECK(g.value() == Approx(gd.value()).epsilon(1e-5));
    for (Eigen::Index i = 0; i < x0.size(); ++i)
        CHECK(g[x](i) == Approx(gd[x](i)).epsilon(1e-4).margin(1e-5));
    CHECK(g[mu] == Approx(gd[mu]).epsilon(1e-4));
}
