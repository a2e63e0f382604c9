# Shared settings for every target built by the tests, examples and benchmarks.
include_guard(GLOBAL)
include(TapelessWarnings)

# Constant evaluation limits: the static tests evaluate whole derivatives in static_assert.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(TAPELESS_CONSTEXPR_LIMIT_FLAGS -fconstexpr-steps=33554432)
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC also counts loop iterations separately (default 262144).
  set(TAPELESS_CONSTEXPR_LIMIT_FLAGS -fconstexpr-ops-limit=4294967296 -fconstexpr-loop-limit=16777216)
else()
  set(TAPELESS_CONSTEXPR_LIMIT_FLAGS)
endif()
# The compilers' defaults, restored for tests that check them (later flags win).
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(TAPELESS_DEFAULT_CONSTEXPR_LIMIT_FLAGS -fconstexpr-steps=1048576)
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set(TAPELESS_DEFAULT_CONSTEXPR_LIMIT_FLAGS -fconstexpr-ops-limit=33554432 -fconstexpr-loop-limit=262144)
else()
  set(TAPELESS_DEFAULT_CONSTEXPR_LIMIT_FLAGS)
endif()

# tapeless_test_target(<target>): link the library, strict ISO C++20 (no GNU extensions, so
# the compile-fail checks can repeat the exact -std flag), warnings, constexpr limits.
function(tapeless_test_target target)
  target_link_libraries(${target} PRIVATE tapeless::tapeless)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE ${TAPELESS_CONSTEXPR_LIMIT_FLAGS})
  tapeless_set_warnings(${target})
endfunction()

# tapeless_source_name(<out-var> <file> <base-dir>): "a/b.cpp" under base -> "a_b".
function(tapeless_source_name out file base)
  file(RELATIVE_PATH rel "${base}" "${file}")
  string(REGEX REPLACE "\\.[^./]*$" "" rel "${rel}")
  string(REGEX REPLACE "[^A-Za-z0-9_]" "_" rel "${rel}")
  set(${out} "${rel}" PARENT_SCOPE)
endfunction()
