// Vector variables of run-time length (API section 5): vector_var, the vector functions,
// evaluation and reverse mode over Eigen arrays, and the reusable workspace.
#pragma once

#include "tapeless/vector/call.hpp"
#include "tapeless/vector/engine.hpp"
#include "tapeless/vector/functions.hpp"
#include "tapeless/vector/vector_var.hpp"
#include "tapeless/vector/workspace.hpp"
