// Declarations of the operation tags and how an operation is written.
#pragma once

namespace tapeless::ops {

/// How an operation is printed: infix with a precedence, prefix minus, power, or a call.
enum class notation : unsigned char { add, sub, mul, div, neg, power, call };

struct add;
struct sub;
struct mul;
struct div;
struct neg;
struct pow_int;
struct pow;
struct sqrt;
struct cbrt;
struct exp;
struct log;
struct sin;
struct cos;
struct tan;
struct asin;
struct acos;
struct atan;
struct atan2;
struct sinh;
struct cosh;
struct tanh;
struct abs;
struct sign;
struct hypot;
struct log1p;
struct expm1;
struct erf;

}  // namespace tapeless::ops
