// Reverse mode evaluates every shared subexpression once: counted with an instrumented scalar.
#include <tapeless/tapeless.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace {

/// A number that counts the elementary functions evaluated on it.
struct counted {
    double v = 0;
    static inline int sin_calls = 0;
    static inline int exp_calls = 0;
    static inline int cos_calls = 0;
    static inline int multiplications = 0;
    static inline int negations = 0;
    static inline int divisions = 0;

    counted() = default;
    counted(double x) : v(x) {}  // NOLINT: numbers convert, as for double

    static void reset() {
        sin_calls = exp_calls = cos_calls = multiplications = negations = divisions = 0;
    }

    friend counted operator+(counted a, counted b) { return a.v + b.v; }
    friend counted operator-(counted a, counted b) { return a.v - b.v; }

    friend counted operator*(counted a, counted b) {
        ++multiplications;
        return a.v * b.v;
    }
    friend counted operator/(counted a, counted b) {
        ++divisions;
        return a.v / b.v;
    }
    counted operator-() const {
        ++negations;
        return -v;
    }
    counted& operator+=(counted b) { v += b.v; return *this; }
    counted& operator-=(counted b) { v -= b.v; return *this; }
    friend counted sin(counted a) {
        ++sin_calls;
        return std::sin(a.v);
    }
    friend counted cos(counted a) {
        ++cos_calls;
        return std::cos(a.v);
    }
    friend counted exp(counted a) {
        ++exp_calls;
        return std::exp(a.v);
    }
};

/// A number type with += and -= but no unary minus: reverse mode must not need one.
struct no_negation {
    double v = 0;
    no_negation() = default;
    no_negation(double x) : v(x) {}  // NOLINT: numbers convert, as for double
    friend no_negation operator-(no_negation a, no_negation b) { return a.v - b.v; }
    friend no_negation operator*(no_negation a, no_negation b) { return a.v * b.v; }
    no_negation& operator+=(no_negation b) { v += b.v; return *this; }
    no_negation& operator-=(no_negation b) { v -= b.v; return *this; }
};

/// A number type with + - * +=, unary minus, sin and cos, but no -=: what its expressions use.
struct no_subtract_assign {
    double v = 0;
    no_subtract_assign() = default;
    no_subtract_assign(double x) : v(x) {}  // NOLINT: numbers convert, as for double
    friend no_subtract_assign operator+(no_subtract_assign a, no_subtract_assign b) {
        return a.v + b.v;
    }
    friend no_subtract_assign operator-(no_subtract_assign a, no_subtract_assign b) {
        return a.v - b.v;
    }
    friend no_subtract_assign operator*(no_subtract_assign a, no_subtract_assign b) {
        return a.v * b.v;
    }
    no_subtract_assign operator-() const { return -v; }
    no_subtract_assign& operator+=(no_subtract_assign b) {
        v += b.v;
        return *this;
    }
    friend no_subtract_assign sin(no_subtract_assign a) { return std::sin(a.v); }
    friend no_subtract_assign cos(no_subtract_assign a) { return std::cos(a.v); }
};

/// A number that records the operands of each multiplication, in order.
struct traced {
    double v = 0;
    static inline std::vector<std::pair<double, double>> products;

    traced() = default;
    traced(double x) : v(x) {}  // NOLINT: numbers convert, as for double

    friend traced operator+(traced a, traced b) { return a.v + b.v; }
    friend traced operator-(traced a, traced b) { return a.v - b.v; }
    friend traced operator*(traced a, traced b) {
        products.emplace_back(a.v, b.v);
        return a.v * b.v;
    }
    traced operator-() const { return -v; }
    friend traced pow(traced a, int n) { return std::pow(a.v, n); }
    traced& operator+=(traced b) { v += b.v; return *this; }
    traced& operator-=(traced b) { v -= b.v; return *this; }
    static bool multiplied(double a, double b) {
        for (const auto& [p, q] : products)
            if ((p == a && q == b) || (p == b && q == a)) return true;
        return false;
    }
};

}  // namespace

template <>
inline constexpr bool tapeless::enable_binding<traced> = true;
template <>
inline constexpr bool tapeless::enable_binding<counted> = true;
template <>
inline constexpr bool tapeless::enable_binding<no_subtract_assign> = true;
template <>
inline constexpr bool tapeless::enable_binding<no_negation> = true;

namespace {
constexpr tapeless::var<"x"> x;
constexpr tapeless::var<"y"> y;
constexpr tapeless::var<"z"> z;
constexpr tapeless::var<"w"> w;
}  // namespace

TEST_CASE("grad evaluates a shared subexpression once", "[reverse][schedule]") {
    const auto a = sin(x * y);
    const auto f = a * a + a * exp(a) + a / (1 + a);

    counted::reset();
    const auto g = tapeless::grad(f, x = counted(0.3), y = counted(0.7));
    CHECK(counted::sin_calls == 1);  // forward sweep: sin(x*y) once
    CHECK(counted::exp_calls == 1);  // exp(a) once, its local derivative is its result
    CHECK(counted::cos_calls == 1);  // adjoint sweep: d sin = cos, once

    // Same numbers as with double bindings, to the last bits: double slots interleave the
    // two sweeps, which adds an adjoint's three or more contributions in another order.
    const auto gd = tapeless::grad(f, x = 0.3, y = 0.7);
    CHECK(g.value().v == gd.value());
    CHECK(g[x].v == Approx(gd[x]).epsilon(1e-15));
    CHECK(g[y].v == Approx(gd[y]).epsilon(1e-15));

    // Plain evaluation runs the same forward sweep: sin once, not once per occurrence.
    counted::reset();
    const counted value = f(x = counted(0.3), y = counted(0.7));
    CHECK(counted::sin_calls == 1);
    CHECK(counted::exp_calls == 1);
    CHECK(value.v == gd.value());
}

TEST_CASE("hessian and jacobian share subexpressions across their roots",
          "[reverse][schedule]") {
    const auto a = sin(x * y);
    const auto f = a * a + a * exp(a);

    counted::reset();
    (void)tapeless::jacobian(tapeless::vec(f, a * x, exp(a)), x = counted(0.3), y = counted(0.7));
    CHECK(counted::sin_calls == 1);
    CHECK(counted::exp_calls == 1);

    // Evaluating vec(...) runs the same forward sweep over all the components.
    counted::reset();
    const auto values = tapeless::vec(f, a * x, exp(a))(x = counted(0.3), y = counted(0.7));
    CHECK(counted::sin_calls == 1);
    CHECK(counted::exp_calls == 1);
    const auto dvalues = tapeless::vec(f, a * x, exp(a))(x = 0.3, y = 0.7);
    CHECK(values[0].v == Approx(dvalues[0]).epsilon(1e-15));
    CHECK(values[1].v == Approx(dvalues[1]).epsilon(1e-15));
    CHECK(values[2].v == Approx(std::exp(std::sin(0.3 * 0.7))).epsilon(1e-15));

    counted::reset();
    (void)tapeless::hessian(f, x = counted(0.3), y = counted(0.7));
    // The roots f, d(f, x) and d(f, y) share sin(x*y) and exp(sin(x*y)): one evaluation each
    // in the forward sweep. The local derivative of the cos(x*y) inside d(f, .) is
    // -sin(x*y), whose sin(x*y) is a slot already: read, not evaluated again.
    CHECK(counted::exp_calls == 1);
    CHECK(counted::sin_calls == 1);
}

TEST_CASE("a local derivative that the schedule computes is read from its slot",
          "[reverse][schedule]") {
    // d sin(a) = cos(a) da and d cos(a) = -sin(a) da: both cos(x*y) and sin(x*y) are nodes,
    // so the backward sweep calls neither again (the Rodrigues rotation of the BA residual).
    const auto a = x * y;
    const auto f = sin(a) * x + cos(a) * y;
    counted::reset();
    const auto j = tapeless::jacobian(tapeless::vec(f), x = counted(0.3), y = counted(0.7));
    CHECK(counted::sin_calls == 1);
    CHECK(counted::cos_calls == 1);
    const double s = std::sin(0.21), c = std::cos(0.21);
    CHECK(j(0, x).v == Approx(c * 0.7 * 0.3 + s - s * 0.7 * 0.7).epsilon(1e-15));
    CHECK(j(0, y).v == Approx(c * 0.3 * 0.3 - s * 0.3 * 0.7 + c).epsilon(1e-15));

    // Doubles take the interleaved sweep, where a backward step may read only slots computed
    // before its own: cos(a) is created before sin(a) in g and after it in h, so one of the
    // two local derivatives is read from its slot and the other evaluated, in each.
    const auto g = cos(a) * y + sin(a) * x;
    const auto h = sin(a) * x + cos(a) * y;
    for (const auto& r : {tapeless::grad(g, x = 0.3, y = 0.7), tapeless::grad(h, x = 0.3, y = 0.7)}) {
        CHECK(r[x] == Approx(c * 0.7 * 0.3 + s - s * 0.7 * 0.7).epsilon(1e-15));
        CHECK(r[y] == Approx(c * 0.3 * 0.3 - s * 0.3 * 0.7 + c).epsilon(1e-15));
    }
}

TEST_CASE("nodes of one type with different run-time constants stay apart in grad",
          "[reverse][constants]") {
    // Same type: binary<mul, literal<double>, var<"x">>, different values.
    const auto f = 2.5 * x + 3.5 * x;
    const auto g = tapeless::grad(f, x = 1.0);
    CHECK(g[x] == 6.0);
    CHECK(g.value() == 6.0);

    // Same type: unary<pow_int, var<"x">>, exponents 2 and 3.
    const auto p = pow(x, 2) * pow(x, 3);
    const auto gp = tapeless::grad(p, x = 2.0);
    CHECK(gp.value() == 32.0);
    CHECK(gp[x] == 80.0);  // 5 x^4

    const auto h = tapeless::hessian(p, x = 2.0);
    CHECK(h(x, x) == Approx(160.0).epsilon(1e-15));  // 20 x^3
}

TEST_CASE("each adjoint sweep runs over its own root's subexpressions only",
          "[reverse][schedule][edge]") {
    // Row 0 of the Jacobian does not reach sqrt(y), whose local derivative at y = 0 is +inf. A
    // sweep over every slot of the schedule would add 0 * inf = NaN to row 0's partial in y.
    const auto j = tapeless::jacobian(tapeless::vec(x + y, sqrt(y)), x = 1.0, y = 0.0);
    CHECK(j(0, x) == 1.0);
    CHECK(j(0, y) == 1.0);
    CHECK(j(1, x) == 0.0);
    CHECK(j(1, y) == std::numeric_limits<double>::infinity());

    // The same for the Hessian: row x is the sweep of d(f, x) = y alone, so H(x, y) is 1
    // although d(f, y) = x + 1 / (2 sqrt(y)) is infinite.
    const auto h = tapeless::hessian(x * y + sqrt(y), x = 1.0, y = 0.0);
    CHECK(h(x, x) == 0.0);
    CHECK(h(x, y) == 1.0);
    CHECK(h(y, x) == 1.0);
    CHECK(h(y, y) == -std::numeric_limits<double>::infinity());
    CHECK(h.gradient()[x] == 0.0);
}

TEST_CASE("the rows of a Jacobian share their local derivatives", "[reverse][schedule]") {
    // Row 0 (x * y) reaches no sin; row 1 (sin(x)) evaluates d sin = cos once.
    counted::reset();
    (void)tapeless::jacobian(tapeless::vec(x * y, sin(x)), x = counted(0.3), y = counted(0.7));
    CHECK(counted::sin_calls == 1);
    CHECK(counted::cos_calls == 1);

    // Both rows reach sin(x * y): its local derivative cos(x * y) is evaluated once for both.
    counted::reset();
    const auto a = sin(x * y);
    const auto j = tapeless::jacobian(tapeless::vec(a * x, a + y), x = counted(0.3),
                                      y = counted(0.7));
    CHECK(counted::sin_calls == 1);
    CHECK(counted::cos_calls == 1);
    const auto jd = tapeless::jacobian(tapeless::vec(a * x, a + y), x = 0.3, y = 0.7);
    // (Approx: the compiler may fold the double version's sin and cos at compile time.)
    CHECK(j(0, x).v == Approx(jd(0, x)).epsilon(1e-15));
    CHECK(j(1, y).v == Approx(jd(1, y)).epsilon(1e-15));
    CHECK(jd(1, y) == Approx(std::cos(0.3 * 0.7) * 0.3 + 1.0).epsilon(1e-15));
}

TEST_CASE("a number type without unary minus works in reverse mode", "[reverse][schedule]") {
    // d(x - y, y) = -1: the first (and only) contribution to y's adjoint is 0 - 1.
    const auto g = tapeless::grad(x * y - y, x = no_negation(3.0), y = no_negation(2.0));
    CHECK(g.value().v == 4.0);
    CHECK(g[x].v == 2.0);
    CHECK(g[y].v == 2.0);
    const auto h = tapeless::grad(x - y, x = no_negation(3.0), y = no_negation(2.0));
    CHECK(h[y].v == -1.0);
}

TEST_CASE("an adjoint reached through a subtraction is kept negated, not negated",
          "[reverse][schedule]") {
    // In y - x*x the adjoint of x*x is minus that of the difference. The sweep keeps such an
    // adjoint with its sign flipped and subtracts where it would add, so that only partials
    // that are minus a single contribution negate: the fewest negations (the plan's `flip`).
    const auto at = [](double v) { return counted(v); };
    SECTION("a chain of subtractions") {
        // f = x - y + z - w x: dy = -1 and dw = -x each need one negation; dx = 1 - w none.
        constexpr auto f = x - (y - (z - w * x));
        counted::reset();
        const auto g = tapeless::grad(f, x = at(0.3), y = at(0.7), z = at(-1.1), w = at(0.4));
        CHECK(counted::negations == 2);  // 3 before adjoints were kept negated
        CHECK(g[x].v == 1.0 - 0.4);
        CHECK(g[y].v == -1.0);
        CHECK(g[z].v == 1.0);
        CHECK(g[w].v == -0.3);
    }
    SECTION("a squared difference, Rosenbrock's term") {
        // d/dx = 1 - 2 (y - x x) 2x: the product's contribution is subtracted from x's first
        // one; only dz = -1 negates.
        constexpr auto e = y - x * x;
        constexpr auto f = e * e + (x - z) + w;
        counted::reset();
        const auto g = tapeless::grad(f, x = at(0.3), y = at(0.7), z = at(-1.1), w = at(0.4));
        CHECK(counted::negations == 1);  // 2 before
        const auto gd = tapeless::grad(f, x = 0.3, y = 0.7, z = -1.1, w = 0.4);
        CHECK(g[x].v == gd[x]);
        CHECK(g[y].v == gd[y]);
        CHECK(g[z].v == -1.0);
        CHECK(gd[x] == Approx(1.0 - 2.0 * (0.7 - 0.09) * 0.6).epsilon(1e-15));
        CHECK(gd[y] == Approx(2.0 * (0.7 - 0.09)).epsilon(1e-15));
    }
    SECTION("rows that flip a shared slot differently, in jacobian and hessian") {
        // p = w - x has one contribution in each row: -1 in row 0 (flipped), y in row 1.
        constexpr auto p = w - x;
        const auto j = tapeless::jacobian(tapeless::vec(y - p, p * y), x = 0.3, y = 0.7,
                                          z = -1.1, w = 0.4);
        CHECK(j(0, w) == -1.0);
        CHECK(j(0, x) == 1.0);
        CHECK(j(0, y) == 1.0);
        CHECK(j(1, w) == 0.7);
        CHECK(j(1, x) == -0.7);
        CHECK(j(1, y) == Approx(0.4 - 0.3).epsilon(1e-15));
        constexpr auto f = (y - p) * (z - p);
        const auto h = tapeless::hessian(f, x = 0.3, y = 0.7, z = -1.1, w = 0.4);
        const auto check_entry = [&](auto a, auto b) {
            CHECK(h(a, b) == Approx(tapeless::d(f, a, b)(x = 0.3, y = 0.7, z = -1.1, w = 0.4))
                                 .epsilon(1e-15));
        };
        check_entry(x, x);
        check_entry(x, w);
        check_entry(w, w);
        check_entry(y, z);
        check_entry(x, z);
        CHECK(h.gradient()[x] == Approx(tapeless::d(f, x)(x = 0.3, y = 0.7, z = -1.1, w = 0.4))
                                     .epsilon(1e-15));
    }
    SECTION("signed zeros as before") {
        // -(a * b) and b * -a are the same number, -0 included: d(y - x*z, x) at z = +0 is -0.
        const auto g = tapeless::grad(y - x * z, x = 1.0, y = 2.0, z = 0.0);
        CHECK(std::signbit(g[x]));
        // d(x - (y - (z - w*x)), w) = -x, through three subtractions: -0 at x = +0.
        const auto h = tapeless::grad(x - (y - (z - w * x)), x = 0.0, y = 2.0, z = 0.0, w = 0.5);
        CHECK(h[w] == 0.0);
        CHECK(std::signbit(h[w]));
        CHECK(h[x] == 0.5);
        // A slot with two contributions is not flipped: f = (w - x) y - (w - x) at y = 1 has
        // df/dw = y - 1 = +0 and df/dx = 1 - y = -0 as the sweep sums them; stored negated,
        // the cancelling sum would have given -0 and +0.
        constexpr auto b = w - x;
        constexpr auto f = b * y - b;
        const auto gz = tapeless::grad(f, w = 2.0, x = 0.5, y = 1.0);
        CHECK(gz[w] == 0.0);
        CHECK_FALSE(std::signbit(gz[w]));
        CHECK(gz[x] == 0.0);
        CHECK(std::signbit(gz[x]));
        const auto jz = tapeless::jacobian(tapeless::vec(f, b), w = 2.0, x = 0.5, y = 1.0);
        CHECK_FALSE(std::signbit(jz(0, w)));
        CHECK(std::signbit(jz(0, x)));
    }
}

TEST_CASE("a number type without -= works in reverse mode", "[reverse][schedule]") {
    // The sweep subtracts where an adjoint is kept negated (and d cos = -sin read from a
    // slot); without -= it adds the negation.
    using n = no_subtract_assign;
    constexpr auto e = y - x * x;
    const auto g = tapeless::grad(e * e + (x - z), x = n(0.3), y = n(0.7), z = n(-1.1));
    const auto gd = tapeless::grad(e * e + (x - z), x = 0.3, y = 0.7, z = -1.1);
    CHECK(g[x].v == gd[x]);
    CHECK(g[y].v == gd[y]);
    CHECK(g[z].v == -1.0);
    constexpr auto u = x * y;
    const auto h = tapeless::grad(cos(u) + sin(u), x = n(0.3), y = n(0.7));
    CHECK(h[x].v == Approx((std::cos(0.21) - std::sin(0.21)) * 0.7).epsilon(1e-15));
    CHECK(h[y].v == Approx((std::cos(0.21) - std::sin(0.21)) * 0.3).epsilon(1e-15));
}

TEST_CASE("hessian by no variable", "[reverse][schedule]") {
    // No rows: the value alone (this once divided by a zero number of rows per sweep).
    const auto h = tapeless::hessian(x * x, tapeless::wrt(), x = 2.0);
    CHECK(h.value() == 4.0);
}

TEST_CASE("a partial is its adjoint as the sweep sums it, signed zero included",
          "[reverse][schedule][edge]") {
    // The first contribution assigns the adjoint; nothing adds +0 to it afterwards, so grad
    // gives d(cos(x), x) = -sin(0) = -0 as the symbolic derivative does (docs/edge-cases.md).
    const double at0 = 0.0;
    const auto g = tapeless::grad(cos(x), x = at0);
    CHECK(g[x] == 0.0);
    CHECK(std::signbit(g[x]));
    CHECK(std::signbit(tapeless::d(cos(x), x)(x = at0)));
    // Two contributions +0 and -0 add to +0: d(x * y + x * z, x) at y = +0, z = -0.
    const auto h = tapeless::grad(x * y + x * z, x = 1.0, y = 0.0, z = -0.0);
    CHECK(h[x] == 0.0);
    CHECK_FALSE(std::signbit(h[x]));
}

TEST_CASE("grad of double slots interleaves the forward and adjoint steps", "[reverse][schedule]") {
    // f = x * y + sin(x): the schedule is x, y, x*y, sin(x), f. The adjoint of the sum f is
    // known before anything is computed and d(a + b) reads no value, so its backward step
    // comes first; the product's backward step follows its forward step, before sin(x) is
    // computed.
    using namespace tapeless::detail;
    constexpr auto f = x * y + sin(x);
    using sched = schedule_t<std::remove_cvref_t<decltype(f)>>;
    constexpr std::size_t K = sched::size;
    static_assert(K == 5);
    using order = interleave_of<sched, type_list<std::remove_cvref_t<decltype(x)>,
                                                 std::remove_cvref_t<decltype(y)>>,
                                std::index_sequence<K - 1>>;
    constexpr auto position = [](std::size_t event) {
        const auto& o = order::value;
        for (std::size_t i = 0; i < o.count; ++i)
            if (o.events[i] == event) return i;
        return o.count;
    };
    constexpr std::size_t mul = find_slot<std::remove_cvref_t<decltype(x * y)>, sched>();
    constexpr std::size_t sine = find_slot<std::remove_cvref_t<decltype(sin(x))>, sched>();
    static_assert(position(K + (K - 1)) == 0);            // backward of the sum first
    static_assert(position(K + mul) == position(mul) + 1);  // product: forward, then backward
    static_assert(position(K + mul) < position(sine));     // ... before sin(x) is computed
    static_assert(order::value.count == K + 3);            // 5 forward, 3 backward steps
    const auto g = tapeless::grad(f, x = 0.5, y = 2.0);
    CHECK(g[x] == Approx(2.0 + std::cos(0.5)).epsilon(1e-15));
    CHECK(g[y] == 0.5);
}

TEST_CASE("a fixed adjoint multiplies pow's exponent first", "[reverse][schedule][edge]") {
    // In 100 pow(a, 2) + ... the adjoint of pow(a, 2) is 100 whatever the point (the plan's
    // `fixed`): the sweep multiplies (100 * 2) * a, which the compiler folds to 200 a as a
    // hand-written gradient has it, not 100 * (2 a). Where the adjoint is a value (y in
    // y pow(a, 2)) it stays adj * (2 a): one product per row, off the adjoint's path.
    using namespace tapeless::detail;
    constexpr auto a = x - y;
    constexpr auto f = 100.0 * pow(a, 2) + pow(1.0 - x, 2) + z * pow(a, 3);
    using sched = schedule_t<std::remove_cvref_t<decltype(f)>>;
    using vars = type_list<std::remove_cvref_t<decltype(x)>, std::remove_cvref_t<decltype(y)>,
                           std::remove_cvref_t<decltype(z)>>;
    constexpr auto& plan = backward_plan_of<sched, vars, sched::size - 1>::value;
    // Fixed: f, the inner sum, 100 pow(a, 2), pow(a, 2), pow(1 - x, 2) and z pow(a, 3). Not
    // pow(a, 3) (its adjoint is z), a (two contributions), 1 - x (below a power), the
    // variables and the literals.
    constexpr auto fixed_slots = [] {
        std::size_t n = 0;
        for (const bool b : plan.fixed) n += b ? 1 : 0;
        return n;
    };
    static_assert(sched::size == 14);
    static_assert(fixed_slots() == 6);
    static_assert(plan.fixed[sched::size - 1]);

    traced::products.clear();
    const auto g = tapeless::grad(f, x = traced(0.625), y = traced(0.5), z = traced(3.0));
    // a = 0.125, 1 - x = 0.375.
    CHECK(traced::multiplied(100.0, 2.0));  // (100 * 2) * a
    CHECK(traced::multiplied(200.0, 0.125));
    CHECK_FALSE(traced::multiplied(2.0, 0.125));  // no 2 a
    // (1 * -2) * (1 - x): 1 - x keeps its adjoint negated (its one contribution to x is
    // -1), and the sign goes into pow's n, not onto the product (the plan's flips count a
    // pow step's sign as free).
    CHECK(traced::multiplied(-2.0, 0.375));
    CHECK_FALSE(traced::multiplied(2.0, 0.375));
    CHECK(traced::multiplied(3.0, 3.0 * 0.015625));  // z * (3 a^2), not (z * 3) * a^2
    const auto gd = tapeless::grad(f, x = 0.625, y = 0.5, z = 3.0);
    CHECK(g[x].v == gd[x]);
    CHECK(g[y].v == gd[y]);
    CHECK(gd[x] == 25.0 - 0.75 + 0.140625);
    CHECK(gd[y] == -25.0 - 0.140625);

    // The same number as adj * (2 a) unless a product overflows (docs/edge-cases.md): at
    // a = 1e308, (0.5 * 2) * a is finite where 0.5 * (2 a) = 0.5 * inf would not be.
    const auto h = tapeless::grad(0.5 * pow(x, 2), x = 1e308);
    CHECK(h[x] == 1e308);
    const auto hv = tapeless::grad(y * pow(x, 2), x = 1e308, y = 0.5);  // adjoint y: 2 x first
    CHECK(hv[x] == std::numeric_limits<double>::infinity());
    // ... and the other way: where the literals' product times n overflows, (1e308 * 2) * x
    // is inf * 0 = NaN at x = 0 and inf at 0.25, where 1e308 * (2 x) is 0 and 5e307.
    CHECK(std::isnan(tapeless::grad(1e308 * pow(x, 2), x = 0.0)[x]));
    CHECK(tapeless::grad(1e308 * pow(x, 2), x = 0.25)[x] ==
          std::numeric_limits<double>::infinity());
    const auto hf = tapeless::grad(0.5 * pow(x, 2), x = 3e38f);
    CHECK(hf[x] == 3e38f);
}

TEST_CASE("a quotient's two local derivatives share one division", "[reverse][schedule]") {
    // d(a / b) = (1/b) da - (a/b) (1/b) db: the backward step divides once, for both operands
    // and every row (before, 1/b and (a/b)/b: two divisions per row). The minus is the plan's:
    // the contribution is subtracted, not negated.
    const auto at = [](double v) { return counted(v); };
    counted::reset();
    const auto g = tapeless::grad(x / y, x = at(3.0), y = at(0.5));
    CHECK(counted::divisions == 2);  // the value, and 1/y
    CHECK(counted::negations == 1);  // dy = -(x/y)(1/y): a variable's adjoint is not flipped
    counted::reset();
    const auto gy = tapeless::grad(w - x / y, tapeless::wrt(y), w = at(1.0), x = at(3.0),
                                   y = at(0.5));
    CHECK(counted::negations == 0);  // x/y's adjoint is kept negated: dy = +(x/y)(1/y)
    CHECK(gy[y].v == 6.0 * 2.0);
    CHECK(g[x].v == 2.0);
    CHECK(g[y].v == -(6.0 * 2.0));
    counted::reset();
    const auto j = tapeless::jacobian(tapeless::vec(x / y, z * (x / y)), x = at(3.0), y = at(0.5),
                                      z = at(0.25));
    CHECK(counted::divisions == 2);  // one quotient, two rows
    CHECK(j(1, y).v == -(0.25 * (6.0 * 2.0)));
    // Doubles: the same numbers as -(a/b) * (1/b), signed zeros included.
    const double a = 0.7, b = 0.3;
    const auto h = tapeless::grad(x / y, x = a, y = b);
    CHECK(h[x] == 1.0 / b);
    CHECK(h[y] == -((a / b) * (1.0 / b)));
    const auto hz = tapeless::grad(x / y, x = 0.0, y = 2.0);
    CHECK(hz[y] == 0.0);
    CHECK(std::signbit(hz[y]));
    // Where 1/y overflows (subnormal y) the reciprocal form gives 0 * inf = NaN at x = 0, as
    // dual numbers do (docs/edge-cases.md); -(x/y)/y would be -0.
    const auto hs = tapeless::grad(x / y, x = 0.0, y = 1e-310);
    CHECK(std::isnan(hs[y]));
    CHECK(std::isnan(
        tapeless::grad([](auto p, auto q) { return p / q; }, Eigen::Vector2d(0.0, 1e-310))[1]));
    const auto hw = tapeless::grad(w - x / y, w = 1.0, x = 0.0, y = -2.0);  // flipped: -(-0)
    CHECK(hw[y] == 0.0);
    CHECK(std::signbit(hw[y]) == std::signbit(-(-((0.0 / -2.0) * (1.0 / -2.0)))));
}
