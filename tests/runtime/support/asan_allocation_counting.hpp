// For tests that replace the global operator new to count allocations: under AddressSanitizer
// the replaced operator new/delete pair with allocations that the sanitizer's runtime makes
// itself, so its alloc-dealloc-mismatch report does not apply (counting still works).
// Include it in exactly one translation unit of a test program.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define TAPELESS_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TAPELESS_TEST_ASAN 1
#endif
#endif
#ifdef TAPELESS_TEST_ASAN
extern "C" const char* __asan_default_options() { return "alloc_dealloc_mismatch=0"; }
#endif
