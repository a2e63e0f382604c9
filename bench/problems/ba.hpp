// The ADBench bundle-adjustment reprojection residual: camera (Rodrigues rotation 3, center 3,
// focal 1, principal point 2, radial distortion 2), point (3), weight (1) -> 2 weighted
// residuals; Jacobian 2 x 15. Expression, generic C++, and a hand-written Jacobian.
#pragma once

#include "common.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

namespace tapeless_bench::ba {

/// Input layout: cam[0..10] = r0 r1 r2 c0 c1 c2 f x0 y0 k0 k1, then X0 X1 X2, then w.
inline constexpr std::size_t n_inputs = 15;
inline constexpr std::size_t n_outputs = 2;

/// The measured feature (data, not differentiated).
inline constexpr double feat[2] = {-0.123, 0.456};

inline constexpr auto p = tapeless::vars<"p", 15>;
// The variables by role (structured bindings cannot be constexpr at namespace scope).
inline constexpr auto r0 = tapeless::get<0>(p);
inline constexpr auto r1 = tapeless::get<1>(p);
inline constexpr auto r2 = tapeless::get<2>(p);
inline constexpr auto c0 = tapeless::get<3>(p);
inline constexpr auto c1 = tapeless::get<4>(p);
inline constexpr auto c2 = tapeless::get<5>(p);
inline constexpr auto fo = tapeless::get<6>(p);
inline constexpr auto x0 = tapeless::get<7>(p);
inline constexpr auto y0 = tapeless::get<8>(p);
inline constexpr auto k0 = tapeless::get<9>(p);
inline constexpr auto k1 = tapeless::get<10>(p);
inline constexpr auto X0 = tapeless::get<11>(p);
inline constexpr auto X1 = tapeless::get<12>(p);
inline constexpr auto X2 = tapeless::get<13>(p);
inline constexpr auto w = tapeless::get<14>(p);

namespace detail {

/// Rodrigues rotation, radial distortion and projection, ADBench's non-tiny branch, written
/// without any run-time constant (1/theta as r/theta, (1 - cos) d as d - d cos, L - 1
/// factored), so every shared subexpression is merged by type between the two residuals.
constexpr auto make() {
    const auto sq = r0 * r0 + r1 * r1 + r2 * r2;
    const auto theta = sqrt(sq);
    const auto ct = cos(theta);
    const auto st = sin(theta);
    const auto w0 = r0 / theta;
    const auto w1 = r1 / theta;
    const auto w2 = r2 / theta;
    const auto q0 = X0 - c0;  // X - C
    const auto q1 = X1 - c1;
    const auto q2 = X2 - c2;
    const auto x0c = w1 * q2 - w2 * q1;                   // w x (X - C)
    const auto x1c = w2 * q0 - w0 * q2;
    const auto x2c = w0 * q1 - w1 * q0;
    const auto dot = w0 * q0 + w1 * q1 + w2 * q2;
    const auto tmp = dot - dot * ct;  // (w.(X-C)) (1 - cos theta)
    const auto P0 = q0 * ct + x0c * st + w0 * tmp;
    const auto P1 = q1 * ct + x1c * st + w1 * tmp;
    const auto P2 = q2 * ct + x2c * st + w2 * tmp;
    const auto u = P0 / P2;
    const auto v = P1 / P2;
    const auto rsq = u * u + v * v;
    const auto Lm1 = (k0 + k1 * rsq) * rsq;  // L - 1 = k0 rsq + k1 rsq^2
    const auto e0 = w * (fo * (u + u * Lm1) + x0 - feat[0]);
    const auto e1 = w * (fo * (v + v * Lm1) + y0 - feat[1]);
    return tapeless::vec(e0, e1);
}

/// The same, written as ADBench writes it: 1.0/theta, (1. - cos theta), L = 1 + ...
/// Each number is a run-time literal, so every node above one is keyed by its position
/// and evaluated once per occurrence (see docs/reverse.md).
constexpr auto make_literal() {
    const auto sq = r0 * r0 + r1 * r1 + r2 * r2;
    const auto theta = sqrt(sq);
    const auto ct = cos(theta);
    const auto st = sin(theta);
    const auto ti = 1.0 / theta;
    const auto w0 = r0 * ti;
    const auto w1 = r1 * ti;
    const auto w2 = r2 * ti;
    const auto q0 = X0 - c0;
    const auto q1 = X1 - c1;
    const auto q2 = X2 - c2;
    const auto x0c = w1 * q2 - w2 * q1;
    const auto x1c = w2 * q0 - w0 * q2;
    const auto x2c = w0 * q1 - w1 * q0;
    const auto tmp = (w0 * q0 + w1 * q1 + w2 * q2) * (1.0 - ct);
    const auto P0 = q0 * ct + x0c * st + w0 * tmp;
    const auto P1 = q1 * ct + x1c * st + w1 * tmp;
    const auto P2 = q2 * ct + x2c * st + w2 * tmp;
    const auto u = P0 / P2;
    const auto v = P1 / P2;
    const auto rsq = u * u + v * v;
    const auto L = 1.0 + k0 * rsq + k1 * rsq * rsq;
    const auto e0 = w * (u * L * fo + x0 - feat[0]);
    const auto e1 = w * (v * L * fo + y0 - feat[1]);
    return tapeless::vec(e0, e1);
}

}  // namespace detail

/// vec(e0, e1) over the 15 variables p0 ... p14.
inline constexpr auto expr = detail::make();
/// The ADBench text verbatim (with run-time literals), for comparison.
inline constexpr auto expr_literal = detail::make_literal();

// ---- generic C++ (ADBench's computeReprojError) ---------------------------------------------

/// A number as T's own precision when T is a floating-point type (float stays float), as a
/// double for the AD scalars (Jet, AutoDiffScalar, adouble, dual), which mix with doubles.
template <class T>
constexpr auto num(double v) {
    if constexpr (std::is_floating_point_v<T>) {
        return static_cast<T>(v);
    } else {
        return v;
    }
}

template <class T>
void rodrigues_rotate_point(const T* rot, const T* pt, T* out) {
    using std::cos;
    using std::sin;
    using std::sqrt;
    const T sqtheta = rot[0] * rot[0] + rot[1] * rot[1] + rot[2] * rot[2];
    if (sqtheta != 0.0) {
        const T theta = sqrt(sqtheta);
        const T costheta = cos(theta);
        const T sintheta = sin(theta);
        const T theta_inverse = num<T>(1.0) / theta;
        const T w[3] = {rot[0] * theta_inverse, rot[1] * theta_inverse, rot[2] * theta_inverse};
        const T c[3] = {w[1] * pt[2] - w[2] * pt[1], w[2] * pt[0] - w[0] * pt[2],
                        w[0] * pt[1] - w[1] * pt[0]};
        const T tmp = (w[0] * pt[0] + w[1] * pt[1] + w[2] * pt[2]) * (num<T>(1.0) - costheta);
        for (int i = 0; i < 3; ++i) out[i] = pt[i] * costheta + c[i] * sintheta + w[i] * tmp;
    } else {
        // First order: R p ~ p + rot x p.
        out[0] = pt[0] + (rot[1] * pt[2] - rot[2] * pt[1]);
        out[1] = pt[1] + (rot[2] * pt[0] - rot[0] * pt[2]);
        out[2] = pt[2] + (rot[0] * pt[1] - rot[1] * pt[0]);
    }
}

/// err[0..1] from the 15 inputs in the layout above.
template <class T>
void generic(const T* in, T* err) {
    const T* cam = in;
    const T* X = in + 11;
    const T& weight = in[14];
    const T Xo[3] = {X[0] - cam[3], X[1] - cam[4], X[2] - cam[5]};
    T Xcam[3];
    rodrigues_rotate_point(cam, Xo, Xcam);
    T proj[2] = {Xcam[0] / Xcam[2], Xcam[1] / Xcam[2]};
    const T rsq = proj[0] * proj[0] + proj[1] * proj[1];
    const T L = num<T>(1.0) + cam[9] * rsq + cam[10] * rsq * rsq;
    proj[0] = proj[0] * L;
    proj[1] = proj[1] * L;
    err[0] = weight * (proj[0] * cam[6] + cam[7] - num<T>(feat[0]));
    err[1] = weight * (proj[1] * cam[6] + cam[8] - num<T>(feat[1]));
}

// ---- hand-written Jacobian ------------------------------------------------------------------
//
// With q = X - C, theta = |r|, w = r / theta, c = cos theta, s = sin theta:
//   P = c q + s (w x q) + (1 - c)(w.q) w
//   dP/dq = c I + s [w]x + (1 - c) w w^T                  (= dP/dX = -dP/dC)
//   dP/dtheta = -s q + c (w x q) + s (w.q) w
//   dP/dw = -s [q]x + (1 - c)(w q^T + (w.q) I)
//   dtheta/dr = w^T, dw/dr = (I - w w^T) / theta
//   dP/dr = dP/dtheta w^T + dP/dw (I - w w^T) / theta
// u = P0/P2, v = P1/P2: d(u, v)/dP = [[1, 0, -u], [0, 1, -v]] / P2
// rho = u^2 + v^2, L = 1 + k0 rho + k1 rho^2, L' = k0 + 2 k1 rho
// e = w_t (f (u L, v L) + (x0, y0) - feat):
//   de/d(u, v) = w_t f [[L + 2u^2 L', 2uv L'], [2uv L', L + 2v^2 L']]
//   de/df = w_t (uL, vL), de/d(x0, y0) = w_t I, de/dk = w_t f (u, v) (rho, rho^2),
//   de/dw_t = f (uL, vL) + (x0, y0) - feat.

/// The residuals into `e` and the 2 x 15 Jacobian, row-major, into `J`.
template <class T>
void jacobian(const T* in, T* e, T* J) {
    using std::cos;
    using std::sin;
    using std::sqrt;
    const T r[3] = {in[0], in[1], in[2]};
    const T q[3] = {in[11] - in[3], in[12] - in[4], in[13] - in[5]};
    const T f = in[6], k0v = in[9], k1v = in[10], wt = in[14];

    const T theta = sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    const T c = cos(theta), s = sin(theta), it = 1 / theta;
    const T wu[3] = {r[0] * it, r[1] * it, r[2] * it};
    const T wxq[3] = {wu[1] * q[2] - wu[2] * q[1], wu[2] * q[0] - wu[0] * q[2],
                      wu[0] * q[1] - wu[1] * q[0]};
    const T wq = wu[0] * q[0] + wu[1] * q[1] + wu[2] * q[2];
    const T omc = 1 - c;
    T P[3];
    for (int i = 0; i < 3; ++i) P[i] = c * q[i] + s * wxq[i] + omc * wq * wu[i];

    const T iP2 = 1 / P[2];
    const T u = P[0] * iP2, v = P[1] * iP2;
    const T rho = u * u + v * v;
    const T L = 1 + k0v * rho + k1v * rho * rho;
    const T Lp = k0v + 2 * k1v * rho;
    const T uL = u * L, vL = v * L;
    e[0] = wt * (f * uL + in[7] - T(feat[0]));
    e[1] = wt * (f * vL + in[8] - T(feat[1]));

    // A = de/dP (2 x 3) = de/d(u,v) * d(u,v)/dP.
    const T wf = wt * f;
    const T B00 = wf * (L + 2 * u * u * Lp), B01 = wf * (2 * u * v * Lp);
    const T B10 = B01, B11 = wf * (L + 2 * v * v * Lp);
    const T A[2][3] = {{B00 * iP2, B01 * iP2, -(B00 * u + B01 * v) * iP2},
                       {B10 * iP2, B11 * iP2, -(B10 * u + B11 * v) * iP2}};

    // M = dP/dq.
    const T M[3][3] = {
        {c + omc * wu[0] * wu[0], -s * wu[2] + omc * wu[0] * wu[1], s * wu[1] + omc * wu[0] * wu[2]},
        {s * wu[2] + omc * wu[1] * wu[0], c + omc * wu[1] * wu[1], -s * wu[0] + omc * wu[1] * wu[2]},
        {-s * wu[1] + omc * wu[2] * wu[0], s * wu[0] + omc * wu[2] * wu[1], c + omc * wu[2] * wu[2]}};

    // dP/dtheta and dP/dw.
    T Pt[3];
    for (int i = 0; i < 3; ++i) Pt[i] = -s * q[i] + c * wxq[i] + s * wq * wu[i];
    // -s [q]x: [q]x = [[0, -q2, q1], [q2, 0, -q0], [-q1, q0, 0]].
    T Pw[3][3] = {{0, s * q[2], -s * q[1]}, {-s * q[2], 0, s * q[0]}, {s * q[1], -s * q[0], 0}};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) Pw[i][j] += omc * wu[i] * q[j];
        Pw[i][i] += omc * wq;
    }
    // dP/dr = Pt w^T + Pw (I - w w^T) / theta = Pt w^T + (Pw - (Pw w) w^T) / theta.
    T Pr[3][3];
    for (int i = 0; i < 3; ++i) {
        const T Pww = Pw[i][0] * wu[0] + Pw[i][1] * wu[1] + Pw[i][2] * wu[2];
        for (int j = 0; j < 3; ++j) Pr[i][j] = Pt[i] * wu[j] + (Pw[i][j] - Pww * wu[j]) * it;
    }

    for (int row = 0; row < 2; ++row) {
        T* Jr = J + row * 15;
        for (int j = 0; j < 3; ++j) {
            const T dr = A[row][0] * Pr[0][j] + A[row][1] * Pr[1][j] + A[row][2] * Pr[2][j];
            const T dq = A[row][0] * M[0][j] + A[row][1] * M[1][j] + A[row][2] * M[2][j];
            Jr[j] = dr;        // rotation
            Jr[3 + j] = -dq;   // center
            Jr[11 + j] = dq;   // point
        }
        const T uv = row == 0 ? u : v;
        const T uvL = row == 0 ? uL : vL;
        Jr[6] = wt * uvL;                  // focal
        Jr[7] = row == 0 ? wt : T(0);      // principal point x
        Jr[8] = row == 0 ? T(0) : wt;      // principal point y
        Jr[9] = wf * uv * rho;             // k0
        Jr[10] = wf * uv * rho * rho;      // k1
        Jr[14] = f * uvL + (row == 0 ? in[7] - T(feat[0]) : in[8] - T(feat[1]));  // weight
    }
}

/// A test point: rotation with theta in [0.5, 1.5], the point in front of the camera.
template <class T, class Rng>
std::array<T, 15> random_point(Rng& next /* uniform in [0, 1) */) {
    std::array<T, 15> in{};
    // Rotation axis times angle.
    T a[3] = {T(next() - 0.5), T(next() - 0.5), T(next() - 0.5)};
    T na = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    if (na < T(1e-3)) {
        a[0] = 1;
        na = 1;
    }
    const T th = T(0.5 + next());
    for (std::size_t i = 0; i < 3; ++i) in[i] = a[i] / na * th;
    // Centre near the origin; the point is rotated so that it lands in front of the camera.
    for (std::size_t i = 3; i < 6; ++i) in[i] = T(0.2 * (next() - 0.5));
    in[6] = T(1.0 + next());                       // focal
    in[7] = T(0.1 * (next() - 0.5));               // principal point
    in[8] = T(0.1 * (next() - 0.5));
    in[9] = T(0.1 * (next() - 0.5));               // radial distortion
    in[10] = T(0.05 * (next() - 0.5));
    // Pick the camera-frame point, then X = R^T Pc + C.
    const T Pc[3] = {T(0.5 * (next() - 0.5)), T(0.5 * (next() - 0.5)), T(2.0 + next())};
    const T mr[3] = {-in[0], -in[1], -in[2]};  // R^T = rotation by -r
    T Xw[3];
    rodrigues_rotate_point(mr, Pc, Xw);
    for (std::size_t i = 0; i < 3; ++i) in[11 + i] = Xw[i] + in[3 + i];
    in[14] = T(0.5 + next());  // weight
    return in;
}

}  // namespace tapeless_bench::ba
