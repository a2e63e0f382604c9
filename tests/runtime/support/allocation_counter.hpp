// For test programs that count heap allocations: global operator new/new[] (every form) is
// replaced by a counting one, and Eigen's own heap allocations (Eigen calls malloc, not
// operator new) are counted too: with EIGEN_RUNTIME_NO_MALLOC and malloc disallowed
// (count_allocations), each one fails Eigen's check, and eigen_assert counts it and lets it
// go ahead. Any other failed Eigen assertion aborts.
// Include it first (before any Eigen or tapeless header), in exactly one translation unit of
// a test program (the replacements apply to the whole program).
#pragma once

#define EIGEN_RUNTIME_NO_MALLOC
namespace alloc_test {
void eigen_assertion_failed(const char* what);
}  // namespace alloc_test
#define eigen_assert(x) ((x) ? static_cast<void>(0) : alloc_test::eigen_assertion_failed(#x))

#include "asan_allocation_counting.hpp"

#include <Eigen/Core>

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace alloc_test {

inline std::atomic<long> allocations{0};

inline void eigen_assertion_failed(const char* what) {
    if (std::strstr(what, "heap allocation") != nullptr) {
        ++allocations;  // an Eigen heap allocation while disallowed: counted, then made
        return;
    }
    std::fprintf(stderr, "Eigen assertion failed: %s\n", what);
    std::abort();
}

inline void* counted_alloc(std::size_t n) {
    ++allocations;
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}

inline void* counted_aligned_alloc(std::size_t n, std::align_val_t a) {
    ++allocations;
    const auto al = static_cast<std::size_t>(a);
    if (void* p = std::aligned_alloc(al, (n + al - 1) / al * al)) return p;
    throw std::bad_alloc();
}

/// The heap allocations (operator new and Eigen's) that f() makes.
template <class F>
long count_allocations(F&& f) {
    const long before = allocations.load();
    Eigen::internal::set_is_malloc_allowed(false);
    f();
    Eigen::internal::set_is_malloc_allowed(true);
    return allocations.load() - before;
}

}  // namespace alloc_test

void* operator new(std::size_t n) { return alloc_test::counted_alloc(n); }
void* operator new[](std::size_t n) { return alloc_test::counted_alloc(n); }
void* operator new(std::size_t n, std::align_val_t a) {
    return alloc_test::counted_aligned_alloc(n, a);
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return alloc_test::counted_aligned_alloc(n, a);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
