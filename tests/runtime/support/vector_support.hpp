// Shared by the vector-variable tests: seeded random vectors, central differences and an
// entry-by-entry comparison.
#pragma once

#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <random>

namespace vector_test {

inline Eigen::VectorXd random_vector(Eigen::Index n, double lo, double hi, unsigned seed) {
    std::mt19937 gen(seed);
    std::uniform_real_distribution<double> dist(lo, hi);
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i) v(i) = dist(gen);
    return v;
}

/// Central differences of f in every entry of v.
template <class F>
Eigen::VectorXd central(F f, Eigen::VectorXd v, double h = 1e-6) {
    Eigen::VectorXd g(v.size());
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        const double t = v(i);
        v(i) = t + h;
        const double fp = f(v);
        v(i) = t - h;
        const double fm = f(v);
        v(i) = t;
        g(i) = (fp - fm) / (2 * h);
    }
    return g;
}

inline void check_close(const Eigen::VectorXd& a, const Eigen::VectorXd& b, double tol) {
    REQUIRE(a.size() == b.size());
    for (Eigen::Index i = 0; i < a.size(); ++i)
        CHECK(a(i) == Approx(b(i)).epsilon(tol).margin(tol));
}

}  // namespace vector_test
