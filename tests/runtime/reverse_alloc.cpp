// grad, hessian and jacobian with scalar bindings allocate nothing: global operator new is
// replaced by a counting one in this test executable.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>

#include "support/asan_allocation_counting.hpp"

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
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {
constexpr tapeless::var<"u"> u;
constexpr tapeless::var<"v"> v;
}  // namespace

TEST_CASE("reverse mode allocates nothing", "[reverse][alloc]") {
    const auto f = u * v + pow(u, 2) + sin(u / v) * exp(-v);
    double sink = 0;

    const long before = allocations;
    for (int i = 0; i < 10; ++i) {
        const double ui = 1.0 + 0.1 * i;
        const auto g = tapeless::grad(f, u = ui, v = 2.0);
        const auto h = tapeless::hessian(f, u = ui, v = 2.0);
        const auto j = tapeless::jacobian(tapeless::vec(f, u * v), u = ui, v = 2.0);
        const Eigen::Vector2d gv = g.vector();       // fixed-size Eigen results
        const Eigen::Matrix2d hm = h.matrix();
        const Eigen::Matrix2d jm = j.matrix();
        sink += g[u] + gv(1) + hm(0, 1) + jm(1, 0) + h(u, v) + j(0, v);
    }
    const long after = allocations;

    CHECK(after - before == 0);
    CHECK(sink != 0);
}
