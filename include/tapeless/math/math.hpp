// Umbrella of the constexpr elementary functions: everything in namespace tapeless::math.
#pragma once

// Every function is a constexpr template over std::floating_point T. At run time it calls the
// std:: function (sign and pow(x, int) excepted: the same code at both times). In constant
// evaluation it runs the double-precision code of these headers, within 4 ulp of the correctly
// rounded double (measured: 0.73 ulp, trigonometric functions for every finite argument);
// float rounds that double result once; long double is computed in double and widened, so it
// has double's accuracy and range there. See docs/math.md.

#include <tapeless/math/basic.hpp>
#include <tapeless/math/exp_log.hpp>
#include <tapeless/math/hyperbolic.hpp>
#include <tapeless/math/pow.hpp>
#include <tapeless/math/roots.hpp>
#include <tapeless/math/special.hpp>
#include <tapeless/math/trig.hpp>
