// Vector variables of run-time length (section 5): evaluation and grad against hand-written
// loops, finite differences and forward-mode duals; wrt; d; lengths 0, 1, 2; length checks.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include "support/vector_support.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace {

using vector_test::central;
using vector_test::check_close;
using vector_test::random_vector;

constexpr tapeless::vector_var<"x"> x;
constexpr tapeless::vector_var<"y"> y;
constexpr tapeless::vector_var<"data"> data;
constexpr tapeless::var<"mu"> mu;
constexpr tapeless::var<"sigma"> sigma;

const auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2) +
                       pow(1.0 - drop_back<1>(x), 2));
const auto nll = sum(pow((data - mu) / sigma, 2)) / 2 + length(data) * log(sigma);

/// Extended Rosenbrock and its gradient, by hand.
template <class T>
T rosen_loop(const Eigen::Matrix<T, Eigen::Dynamic, 1>& v) {
    T r = T(0);
    for (Eigen::Index i = 0; i + 1 < v.size(); ++i) {
        const T a = v(i + 1) - v(i) * v(i);
        const T b = 1.0 - v(i);
        r = r + 100.0 * a * a + b * b;
    }
    return r;
}
Eigen::VectorXd rosen_grad_loop(const Eigen::VectorXd& v) {
    Eigen::VectorXd g = Eigen::VectorXd::Zero(v.size());
    for (Eigen::Index i = 0; i + 1 < v.size(); ++i) {
        const double a = v(i + 1) - v(i) * v(i);
        g(i + 1) += 200 * a;
        g(i) += -400 * a * v(i) - 2 * (1 - v(i));
    }
    return g;
}

}  // namespace

TEST_CASE("extended Rosenbrock: value and gradient match the hand-written loop",
          "[vector][grad]") {
    for (const Eigen::Index n : {2, 3, 7, 1000}) {
        const Eigen::VectorXd x0 = random_vector(n, -2, 2, static_cast<unsigned>(n));
        CHECK(rosen(x = x0) == Approx(rosen_loop(x0)).epsilon(1e-13));
        const auto g = tapeless::grad(rosen, x = x0);
        CHECK(g.value() == Approx(rosen_loop(x0)).epsilon(1e-13));
        const Eigen::VectorXd& gx = g[x];
        check_close(gx, rosen_grad_loop(x0), 1e-12);
        // the workspace form gives the same numbers
        tapeless::workspace ws;
        const auto gw = tapeless::grad(rosen, ws, x = x0);
        CHECK((gw[x] - gx).cwiseAbs().maxCoeff() == 0.0);
    }
}

TEST_CASE("Rosenbrock gradient agrees with forward-mode duals", "[vector][grad][dual]") {
    using D = tapeless::dual<double, Eigen::Dynamic>;
    const Eigen::Index n = 12;
    const Eigen::VectorXd x0 = random_vector(n, -1.5, 1.5, 7);
    Eigen::Matrix<D, Eigen::Dynamic, 1> xd(n);
    for (Eigen::Index i = 0; i < n; ++i) xd(i) = D::variable(x0(i), i, n);
    const D r = rosen_loop(xd);
    const auto g = tapeless::grad(rosen, x = x0);
    CHECK(g.value() == Approx(r.value()).epsilon(1e-14));
    check_close(g[x], r.grad(), 1e-12);
}

TEST_CASE("normal log-likelihood in (mu, sigma) with data held constant", "[vector][wrt]") {
    const Eigen::VectorXd ys = random_vector(50, -1, 3, 3);
    const double m = 0.1, s = 1.3;
    const auto g = tapeless::grad(nll, tapeless::wrt(mu, sigma), mu = m, sigma = s, data = ys);
    static_assert(decltype(g)::size == 2);
    const auto n = static_cast<double>(ys.size());
    const double r2 = (ys.array() - m).square().sum();
    CHECK(g.value() == Approx(r2 / (2 * s * s) + n * std::log(s)).epsilon(1e-13));
    CHECK(g[mu] == Approx(-(ys.array() - m).sum() / (s * s)).epsilon(1e-12));
    CHECK(g[sigma] == Approx(-r2 / (s * s * s) + n / s).epsilon(1e-12));
    // symbolic d by the scalar variables gives the same numbers
    CHECK(tapeless::d(nll, mu)(mu = m, sigma = s, data = ys) == Approx(g[mu]).epsilon(1e-12));
    CHECK(tapeless::d(nll, sigma)(mu = m, sigma = s, data = ys) ==
          Approx(g[sigma]).epsilon(1e-12));
    CHECK(tapeless::d(nll, mu, sigma)(mu = m, sigma = s, data = ys) ==
          Approx(2 * (ys.array() - m).sum() / (s * s * s)).epsilon(1e-12));
    // forward-mode duals in (mu, sigma)
    using D = tapeless::dual<double, 2>;
    const D md = D::variable(m, 0), sd = D::variable(s, 1);
    D acc = D(0.0);
    for (Eigen::Index i = 0; i < ys.size(); ++i) {
        const D z = (ys(i) - md) / sd;
        acc = acc + z * z / 2.0;
    }
    acc = acc + n * log(sd);
    CHECK(g[mu] == Approx(acc.grad()(0)).epsilon(1e-12));
    CHECK(g[sigma] == Approx(acc.grad()(1)).epsilon(1e-12));
    // without wrt every bound variable is differentiated, data included
    const auto all = tapeless::grad(nll, mu = m, sigma = s, data = ys);
    check_close(all[data], ((ys.array() - m) / (s * s)).matrix(), 1e-13);
    CHECK(all.vector().size() == 2 + ys.size());
}

TEST_CASE("every element-wise function against finite differences, scalars mixed in",
          "[vector][grad][functions]") {
    const Eigen::VectorXd x0 = random_vector(9, 0.2, 0.8, 11);
    const Eigen::VectorXd y0 = random_vector(9, 0.3, 0.9, 12);
    const double m0 = 0.7;
    auto check = [&](const auto& f) {
        const auto g = tapeless::grad(f, x = x0, y = y0, mu = m0);
        const auto fx = [&](const Eigen::VectorXd& v) { return f(x = v, y = y0, mu = m0); };
        const auto fy = [&](const Eigen::VectorXd& v) { return f(x = x0, y = v, mu = m0); };
        const auto fm = [&](const Eigen::VectorXd& v) { return f(x = x0, y = y0, mu = v(0)); };
        check_close(g[x], central(fx, x0), 1e-7);
        check_close(g[y], central(fy, y0), 1e-7);
        CHECK(g[mu] == Approx(central(fm, Eigen::VectorXd::Constant(1, m0))(0)).epsilon(1e-7).margin(1e-7));
        // the symbolic derivative by the scalar agrees
        CHECK(tapeless::d(f, mu)(x = x0, y = y0, mu = m0) == Approx(g[mu]).epsilon(1e-12).margin(1e-12));
    };
    check(sum(x * y + mu * x - y / mu + 2.0 * x - 1.0 / y + (-x)));
    check(sum(sqrt(x) + cbrt(y) + exp(mu * x) + log(y + mu)));
    check(sum(sin(x) * cos(y) + tan(x * mu)));
    check(sum(asin(x) + acos(y) + atan(x * mu)));
    check(sum(sinh(x) + cosh(y) * tanh(x - mu)));
    check(sum(abs(x - y) + log1p(x) + expm1(y * mu) + erf(x - mu)));
    check(sum(pow(x, 3) + pow(y, 5) + pow(x, mu) + pow(mu, y) + pow(x, y) + pow(x, 2.5)));
    check(sum(atan2(x, y) + hypot(x, mu) + atan2(mu, y)));
    check(dot(x, y) * mu + squared_norm(x - mu) + log_sum_exp(3.0 * x * mu + y));
    check(sum(drop_front<2>(x) * drop_back<2>(y)) + sum(segment(x, 1, 4) / segment(y, 3, 4) * mu));
    check(mu * sum(x) + pow(sum(y), 2) * sum(x * mu));  // scalars of reductions reused
}

TEST_CASE("log_sum_exp is stable and its gradient is the softmax", "[vector][log_sum_exp]") {
    Eigen::VectorXd v(3);
    v << 1000.0, 1001.0, 999.0;
    const auto f = log_sum_exp(x);
    const double expect = 1001.0 + std::log(std::exp(-1.0) + 1.0 + std::exp(-2.0));
    CHECK(f(x = v) == Approx(expect).epsilon(1e-15));
    const auto g = tapeless::grad(f, x = v);
    const Eigen::ArrayXd soft = (v.array() - expect).exp();
    check_close(g[x], soft.matrix(), 1e-12);
    CHECK(g[x].sum() == Approx(1.0).epsilon(1e-12));  // lse ~ 1001 carries an ulp of 1e-13
    Eigen::VectorXd inf(2);
    inf << -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity();
    CHECK(f(x = inf) == -std::numeric_limits<double>::infinity());
}

TEST_CASE("lengths 0, 1 and 2", "[vector][edge]") {
    const Eigen::VectorXd e0(0);
    Eigen::VectorXd e1(1), e2(2);
    e1 << 0.5;
    e2 << 0.5, 0.2;
    // sum of an empty vector is 0; log_sum_exp of one is -inf
    CHECK(sum(x)(x = e0) == 0.0);
    CHECK(sum(2.0 * x + mu)(x = e0, mu = 1.0) == 0.0);
    CHECK(log_sum_exp(x)(x = e0) == -std::numeric_limits<double>::infinity());
    CHECK(squared_norm(x)(x = e0) == 0.0);
    const auto g0 = tapeless::grad(sum(x * mu), x = e0, mu = 2.0);
    CHECK(g0[x].size() == 0);
    CHECK(g0[mu] == 0.0);
    // drop_front<1> of a length-1 vector is empty: Rosenbrock of one variable is 0
    CHECK(drop_front<1>(x)(x = e1).size() == 0);
    CHECK(rosen(x = e1) == 0.0);
    const auto g1 = tapeless::grad(rosen, x = e1);
    CHECK(g1[x].size() == 1);
    CHECK(g1[x](0) == 0.0);
    // length 2: one term
    CHECK(rosen(x = e2) == Approx(rosen_loop(e2)).epsilon(1e-15));
    check_close(tapeless::grad(rosen, x = e2)[x], rosen_grad_loop(e2), 1e-14);
    // dropping more than there is, or a segment past the end, throws
    CHECK_THROWS_AS(rosen(x = e0), std::invalid_argument);
    CHECK_THROWS_AS(sum(drop_back<3>(x))(x = e2), std::invalid_argument);
    CHECK_THROWS_AS(sum(segment(x, 1, 2))(x = e2), std::invalid_argument);
    CHECK(sum(segment(x, 1, 1))(x = e2) == 0.2);
    CHECK(sum(segment(x, 2, 0))(x = e2) == 0.0);
}

TEST_CASE("a length mismatch throws std::invalid_argument naming both lengths",
          "[vector][lengths]") {
    const Eigen::VectorXd a = Eigen::VectorXd::Ones(5), b = Eigen::VectorXd::Ones(4);
    const auto f = sum(x * y);
    try {
        (void)f(x = a, y = b);
        FAIL("no exception");
    } catch (const std::invalid_argument& err) {
        const std::string what = err.what();
        CHECK(what.find('5') != std::string::npos);
        CHECK(what.find('4') != std::string::npos);
        CHECK(what.find("tapeless: ") == 0);
    }
    CHECK_THROWS_AS(tapeless::grad(f, x = a, y = b), std::invalid_argument);
    CHECK_THROWS_AS(tapeless::grad(dot(x, y), x = a, y = b), std::invalid_argument);
    // drop_front<1>(x) has length 4: it matches b
    CHECK(sum(drop_front<1>(x) * y)(x = a, y = b) == 4.0);
}

TEST_CASE("vector-valued evaluation and bindings by reference", "[vector][eval]") {
    Eigen::VectorXd v(3);
    v << 1.0, 2.0, 3.0;
    const Eigen::VectorXd r = (2.0 * x + mu)(x = v, mu = 1.0);
    CHECK(r(2) == 7.0);
    const Eigen::ArrayXd arr = v.array();
    CHECK(sum(x)(x = arr) == 6.0);                         // arrays bind too
    const Eigen::Map<const Eigen::VectorXd> m(v.data(), 2);
    CHECK(sum(x)(x = m) == 3.0);                           // and maps
    // a scalar expression with a vector binding beside it ignores it
    CHECK((2.0 * mu)(mu = 1.5, x = v) == 3.0);
    CHECK(tapeless::to_string(rosen) ==
          "sum(100*(drop_front(x) - drop_back(x)^2)^2 + (1 - drop_back(x))^2)");
}
