// The Catch2 v2 main, compiled once (OBJECT library tapeless_catch_main) and linked into every
// runtime test executable. It lives in runtime/main/ so the runtime test glob skips it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
