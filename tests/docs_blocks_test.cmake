# cmake [-DDOCS_DIR=<docs>] -P docs_blocks_test.cmake
#
# Checks the rule "every code block in docs/ comes from a compiled file under docs/examples/":
# every ```cpp (or ```c++) block of every docs/*.md must appear verbatim, as consecutive lines,
# in one of docs/examples/*.cpp. Leading indentation is ignored on both sides (a block quoted
# from inside main() is shown unindented); everything else, including comments, must match.
# Prints "docs blocks check passed" on success (usable as PASS_REGULAR_EXPRESSION).
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED DOCS_DIR)
  get_filename_component(DOCS_DIR "${CMAKE_CURRENT_LIST_DIR}/../docs" ABSOLUTE)
endif()

file(GLOB markdown_files "${DOCS_DIR}/*.md")
file(GLOB example_files "${DOCS_DIR}/examples/*.cpp")
if(NOT example_files)
  message(FATAL_ERROR "docs blocks check FAILED: no ${DOCS_DIR}/examples/*.cpp")
endif()

# Strips the indentation of every line (and trailing blanks, and CR of CRLF files).
function(normalise out text)
  string(REPLACE "\r" "" text "${text}")
  string(REGEX REPLACE "\n[ \t]+" "\n" text "\n${text}")
  string(REGEX REPLACE "[ \t]+\n" "\n" text "${text}\n")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# One haystack: every example, each between newlines, so that a block matches whole lines only.
set(haystack "")
foreach(file IN LISTS example_files)
  file(READ "${file}" text)
  normalise(text "${text}")
  string(APPEND haystack "\n${text}\n")
endforeach()

set(blocks 0)
set(failures 0)
foreach(md IN LISTS markdown_files)
  file(READ "${md}" text)
  string(REPLACE "\r" "" text "${text}")
  get_filename_component(md_name "${md}" NAME)
  while(TRUE)
    string(REGEX MATCH "```(cpp|c\\+\\+)[ \t]*\n" fence "${text}")
    if(NOT fence)
      break()
    endif()
    string(FIND "${text}" "${fence}" start)
    string(LENGTH "${fence}" fence_length)
    math(EXPR body_start "${start} + ${fence_length}")
    string(SUBSTRING "${text}" ${body_start} -1 text)
    string(FIND "${text}" "\n```" end)
    if(end EQUAL -1)
      # A block that runs to the end of the file: its closing fence is missing.
      message("${md_name}: unterminated ```cpp block")
      math(EXPR failures "${failures} + 1")
      break()
    endif()
    string(SUBSTRING "${text}" 0 ${end} body)
    math(EXPR after "${end} + 4")
    string(SUBSTRING "${text}" ${after} -1 text)
    math(EXPR blocks "${blocks} + 1")

    normalise(needle "${body}")
    string(STRIP "${needle}" stripped)
    if(stripped STREQUAL "")
      message("${md_name}: empty ```cpp block")
      math(EXPR failures "${failures} + 1")
      continue()
    endif()
    string(FIND "${haystack}" "${needle}" found)
    if(found EQUAL -1)
      message("${md_name}: this ```cpp block is not in any docs/examples/*.cpp file:\n${body}\n")
      math(EXPR failures "${failures} + 1")
    endif()
  endwhile()
endforeach()

if(blocks EQUAL 0)
  message(FATAL_ERROR "docs blocks check FAILED: no ```cpp block in ${DOCS_DIR}/*.md")
endif()
if(failures GREATER 0)
  message(FATAL_ERROR "docs blocks check FAILED: ${failures} of ${blocks} block(s)")
endif()
message("docs blocks check passed: ${blocks} block(s) in ${DOCS_DIR}/*.md")
