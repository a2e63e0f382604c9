// Compiled for the default target: before any AVX2 code of bench_large_avx2 runs (the static
// initialisers register the benchmarks), a CPU without AVX2 and FMA ends the program with
// status 0, an empty JSON report for bench/report.py, and a note on stderr.
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

[[gnu::constructor(101)]] void require_avx2(int argc, char** argv) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return;
    std::fputs("bench_large_avx2: this CPU has no AVX2 and FMA; nothing to run\n", stderr);
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--benchmark_format=json") == 0)
            std::puts(R"({"context": {}, "benchmarks": []})");
    std::exit(0);
}

}  // namespace
