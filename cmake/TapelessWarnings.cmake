# tapeless_set_warnings(<target>): the warning set every tapeless-owned target compiles with.
# Dependencies (Eigen3::Eigen, Boost::headers, Catch2::Catch2) are imported targets, so their
# include directories are SYSTEM and their own warnings do not count.
include_guard(GLOBAL)

function(tapeless_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion)
    if(TAPELESS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive-)
    if(TAPELESS_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  endif()
endfunction()
