# Warning flags shared by every target of the project.
function(newsgraph_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion)
  # g++ 12 reports impossible overlaps in std::string concatenation at -O2 (GCC bug 105329).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(NEWSGRAPH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# newsgraph_module(NAME SOURCES ... PUBLIC_DEPS ... PRIVATE_DEPS ...)
# Declares one module: a static library newsgraph_<NAME> with alias newsgraph::<NAME>,
# public headers in <NAME>/include, private sources in <NAME>/src.
function(newsgraph_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(newsgraph_${name} STATIC ${ARG_SOURCES})
  add_library(newsgraph::${name} ALIAS newsgraph_${name})
  target_include_directories(newsgraph_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(newsgraph_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  newsgraph_warnings(newsgraph_${name})
endfunction()

# newsgraph_test(NAME SOURCES ... DEPS ...): one GoogleTest executable, cases discovered by CTest.
function(newsgraph_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    NEWSGRAPH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    NEWSGRAPH_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  newsgraph_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
