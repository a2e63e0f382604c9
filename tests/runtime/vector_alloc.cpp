// Heap allocations of grad over vector variables: a small constant independent of the length,
// and none with a reused tapeless::workspace. Counted in this program: global operator new,
// and Eigen's own heap allocations (Eigen calls malloc; with EIGEN_RUNTIME_NO_MALLOC and
// malloc disallowed, each one reaches eigen_assert, which counts it).
#define EIGEN_RUNTIME_NO_MALLOC
void tapeless_test_eigen_assert(const char* what);
#define eigen_assert(x) ((x) ? void(0) : tapeless_test_eigen_assert(#x))

#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>

#include <cstdio>
#include <cstring>

namespace {
long allocations = 0;
struct disallow_eigen_malloc {
    disallow_eigen_malloc() { Eigen::internal::set_is_malloc_allowed(false); }
} const disallowed;
}  // namespace

void tapeless_test_eigen_assert(const char* what) {
    if (std::strstr(what, "heap allocation") != nullptr) {
        ++allocations;  // an Eigen heap allocation: counted, then it goes ahead
        return;
    }
    std::fprintf(stderr, "Eigen assertion failed: %s\n", what);
    std::abort();
}

void* operator new(std::size_t n) {
    ++allocations;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    ++allocations;
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a) {
    ++allocations;
    if (void* p = std::aligned_alloc(static_cast<std::size_t>(a), (n + static_cast<std::size_t>(a) - 1) / static_cast<std::size_t>(a) * static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) { return operator new(n, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {
constexpr tapeless::vector_var<"x"> x;
constexpr tapeless::vector_var<"data"> data;
constexpr tapeless::var<"mu"> mu;
constexpr tapeless::var<"sigma"> sigma;

const auto rosen = sum(100.0 * pow(drop_front<1>(x) - pow(drop_back<1>(x), 2), 2) +
                       pow(1.0 - drop_back<1>(x), 2));
const auto nll = sum(pow((data - mu) / sigma, 2)) / 2 + length(data) * log(sigma);

long count_grad(const Eigen::VectorXd& x0) {
    const long before = allocations;
    const auto g = tapeless::grad(rosen, x = x0);
    const long after = allocations;
    CHECK(g[x].size() == x0.size());
    return after - before;
}
}  // namespace

TEST_CASE("grad allocates a constant number of blocks, whatever the length",
          "[vector][alloc]") {
    const Eigen::VectorXd small = Eigen::VectorXd::Constant(10, 0.5);
    const Eigen::VectorXd large = Eigen::VectorXd::Constant(100000, 0.5);
    const long a = count_grad(small);
    const long b = count_grad(large);
    CHECK(a == b);
    CHECK(a == 2);  // the workspace and the returned gradient vector
}

TEST_CASE("grad with a reused workspace allocates nothing", "[vector][alloc][workspace]") {
    const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(1000, -1.0, 1.0);
    const Eigen::VectorXd ys = Eigen::VectorXd::LinSpaced(1000, -2.0, 3.0);
    tapeless::workspace ws;
    double sink = tapeless::grad(rosen, ws, x = x0)[x](3);  // grows ws once
    sink += tapeless::grad(nll, ws, tapeless::wrt(mu, sigma), mu = 0.1, sigma = 1.3, data = ys)[mu];
    const long before = allocations;
    for (int i = 0; i < 20; ++i) {
        const auto g = tapeless::grad(rosen, ws, x = x0);
        sink += g[x](i) + g.value();
        const auto h = tapeless::grad(nll, ws, tapeless::wrt(mu, sigma), mu = 0.1 * i,
                                      sigma = 1.3, data = ys);
        sink += h[mu] + h[sigma];
    }
    CHECK(allocations - before == 0);
    CHECK(sink == sink);
    // evaluation of a scalar expression without vector intermediates allocates nothing
    const long before_eval = allocations;
    sink += sum(x)(x = x0) + squared_norm(x)(x = x0);
    CHECK(allocations - before_eval == 0);
}

TEST_CASE("evaluation allocates nothing, whatever nodes the expression has",
          "[vector][alloc][eval]") {
    const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(1000, -1.0, 1.0);
    const long before = allocations;
    double sink = sum(exp(x) * x + pow(x, 3))(x = x0);
    sink += log_sum_exp(2.0 * x * mu)(x = x0, mu = 0.5);
    sink += (dot(drop_front<1>(sin(x)), drop_back<1>(x)) * sum(pow(x - sum(x) / length(x), 2)))(x = x0);
    sink += rosen(x = x0);
    CHECK(allocations - before == 0);
    CHECK(sink == sink);
}

TEST_CASE("grad allocates once for the workspace plus once per vector gradient",
          "[vector][alloc]") {
    constexpr tapeless::vector_var<"y"> y;
    const auto f = sum(exp(x) * y) * sum(x) + log_sum_exp(y) + sum(x * mu);
    for (const Eigen::Index n : {10, 100000}) {
        const Eigen::VectorXd x0 = Eigen::VectorXd::Constant(n, 0.5);
        const Eigen::VectorXd y0 = Eigen::VectorXd::Constant(n, 0.25);
        const long before = allocations;
        const auto g = tapeless::grad(f, x = x0, y = y0, mu = 2.0);
        CHECK(allocations - before == 3);  // the workspace, g[x], g[y]
        CHECK(g[x].size() == n);
        tapeless::workspace ws;
        (void)tapeless::grad(f, ws, x = x0, y = y0, mu = 2.0);
        const long reused = allocations;
        const auto gw = tapeless::grad(f, ws, x = x0, y = y0, mu = 2.0);
        CHECK(allocations - reused == 0);
        CHECK(gw[mu] == g[mu]);
    }
}
