# docs/examples/*.cpp: every code block in docs/ comes from one of these files. Each becomes an
# executable example_<name> and a CTest test example.<name> (static_asserts at compile time,
# a non-zero exit fails at run time). docs/examples/demo.cpp also gets the target run_demo.
include_guard(GLOBAL)
include(TapelessTesting)

file(GLOB TAPELESS_EXAMPLE_SOURCES CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/docs/examples/*.cpp")

foreach(src IN LISTS TAPELESS_EXAMPLE_SOURCES)
  tapeless_source_name(name "${src}" "${PROJECT_SOURCE_DIR}/docs/examples")
  add_executable(example_${name} "${src}")
  tapeless_test_target(example_${name})
  add_test(NAME example.${name} COMMAND example_${name})
  set_tests_properties(example.${name} PROPERTIES LABELS "example")
endforeach()

# README.md's example prints two formulas: check them.
if(TEST example.readme)
  set_tests_properties(example.readme PROPERTIES
    PASS_REGULAR_EXPRESSION "^u\\*v \\+ u\\^2\nv \\+ 2\\*u\n$")
endif()

if(TARGET example_demo)
  add_custom_target(run_demo
    COMMAND example_demo
    DEPENDS example_demo
    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}"
    USES_TERMINAL
    COMMENT "Running docs/examples/demo.cpp")
else()
  add_custom_target(run_demo
    COMMAND "${CMAKE_COMMAND}" -E echo "docs/examples/demo.cpp does not exist yet"
    COMMAND "${CMAKE_COMMAND}" -E false)
endif()
