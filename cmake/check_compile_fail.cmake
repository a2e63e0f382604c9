# cmake -DFLAGS_FILE=<generated flags> -DSOURCE=<file.cpp> -P check_compile_fail.cmake
#
# Compiles SOURCE with TAPELESS_SHOULD_FAIL defined (syntax and semantics only, no object
# file), with the flags of the compile-fail target, and checks that
#   - the compiler exits non-zero, and
#   - the FIRST output line containing "error:" contains the text of the source's
#     "// expect: <text>" line (as a fixed substring, or failing that as a CMake regex).
# Prints "compile-fail check passed" on success (the test's PASS_REGULAR_EXPRESSION).
cmake_minimum_required(VERSION 3.25)

foreach(var FLAGS_FILE SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_compile_fail.cmake: -D${var}=... is required")
  endif()
endforeach()
include("${FLAGS_FILE}")

file(READ "${SOURCE}" text)
if(NOT text MATCHES "//[ \t]*expect:[ \t]*([^\r\n]*[^ \t\r\n])")
  message(FATAL_ERROR "${SOURCE}: no line '// expect: <text>'")
endif()
set(expect "${CMAKE_MATCH_1}")

separate_arguments(flags UNIX_COMMAND "${TAPELESS_CF_FLAGS}")
set(command "${TAPELESS_CF_COMPILER}" ${flags} ${TAPELESS_CF_STD})
foreach(dir IN LISTS TAPELESS_CF_INCLUDES)
  list(APPEND command "-I${dir}")
endforeach()
# The compiler's own directories (/usr/include) are left out, as CMake does: repeating them
# with -isystem breaks libstdc++'s #include_next.
foreach(dir IN LISTS TAPELESS_CF_SYSTEM_INCLUDES)
  if(NOT dir STREQUAL "" AND NOT dir IN_LIST TAPELESS_CF_IMPLICIT_INCLUDES)
    list(APPEND command -isystem "${dir}")
  endif()
endforeach()
foreach(def IN LISTS TAPELESS_CF_DEFINITIONS)
  if(NOT def STREQUAL "")
    list(APPEND command "-D${def}")
  endif()
endforeach()
# Warnings stay warnings here (-Wno-error): only the misuse may produce "error:".
list(APPEND command ${TAPELESS_CF_OPTIONS} -Wno-error -fdiagnostics-color=never
                    -DTAPELESS_SHOULD_FAIL -fsyntax-only "${SOURCE}")

string(JOIN " " command_text ${command})
message("command: ${command_text}")
message("expect:  ${expect}")

execute_process(COMMAND ${command}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)

if(result EQUAL 0)
  message("${output}")
  message(FATAL_ERROR "compile-fail check FAILED: ${SOURCE} compiled with TAPELESS_SHOULD_FAIL")
endif()

string(REGEX MATCH "[^\n]*error:[^\n]*" first_error "${output}")
message("first error line: ${first_error}")

set(ok FALSE)
if(NOT first_error STREQUAL "")
  string(FIND "${first_error}" "${expect}" at)
  if(at GREATER -1)
    set(ok TRUE)
  elseif(first_error MATCHES "${expect}")
    set(ok TRUE)
  endif()
endif()

if(NOT ok)
  # The whole output helps; very long instantiation backtraces are cut.
  string(LENGTH "${output}" n)
  if(n GREATER 30000)
    string(SUBSTRING "${output}" 0 30000 output)
    string(APPEND output "\n... (output cut: ${n} characters in all)")
  endif()
  message("${output}")
  message(FATAL_ERROR "compile-fail check FAILED: the first error line does not contain '${expect}'")
endif()

message("compile-fail check passed")
