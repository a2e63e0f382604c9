// bench_large_avx2: the vector-variable problems of bench_large (bench/runtime/vector_columns.hpp)
// with every function, the hand-written ones too, compiled with -mavx2 -mfma. There Eigen's
// vectorised exp and log run 4 doubles at a time, where the default x86-64 target (SSE2)
// makes them no faster than the scalar std::exp of the hand-written loops.
// Names: avx2_<problem>/<derivative>/<column>. cpu_check.cpp exits first on a CPU without
// AVX2 and FMA.
#include "../runtime/vector_columns.hpp"

namespace {

const int registered = (tapeless_bench::vector_columns::register_all("avx2_", true),
                        tapeless_bench::vector_columns::register_lse<16>("avx2_lse16", "tapeless",
                                                                         true),
                        0);

}  // namespace

BENCHMARK_MAIN();
