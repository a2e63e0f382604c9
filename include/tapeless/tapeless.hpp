// The public header of tapeless: includes every public header, nothing else.
#pragma once

#include "tapeless/fwd.hpp"
#include "tapeless/expr/bind.hpp"
#include "tapeless/expr/node.hpp"
#include "tapeless/expr/simplify.hpp"
#include "tapeless/ops/arithmetic.hpp"
#include "tapeless/ops/elementary.hpp"
#include "tapeless/expr/operators.hpp"
#include "tapeless/expr/family.hpp"
#include "tapeless/symbolic/derivative.hpp"
#include "tapeless/symbolic/print.hpp"
#include "tapeless/reverse/grad.hpp"
#include "tapeless/forward/dual.hpp"
#include "tapeless/forward/forward_grad.hpp"
#include "tapeless/forward/callable.hpp"
#include "tapeless/batch/batch.hpp"
#include "tapeless/vector/vector.hpp"
