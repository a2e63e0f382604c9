// Linked into test_avx2_forward_grad and compiled for the default target: on a CPU without
// AVX2 and FMA the test exits with 77 (CTest's SKIP_RETURN_CODE) before any AVX2 code runs.
#include <cstdio>
#include <cstdlib>

namespace {

[[gnu::constructor(101)]] void require_avx2() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return;
    std::fputs("test_avx2_forward_grad: this CPU has no AVX2 and FMA; skipped\n", stderr);
    std::exit(77);
}

}  // namespace
