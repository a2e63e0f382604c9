// Heap allocations of grad over vector variables: a small constant independent of the length,
// and none with a reused tapeless::workspace (global operator new counted in this program).
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>

namespace {
long allocations = 0;
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
    CHECK(a <= 2);  // the workspace and the returned gradient vector
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
