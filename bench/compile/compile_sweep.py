#!/usr/bin/env python3
"""Compile-time growth of tapeless: generates translation units of growing size, compiles
each with g++ and clang++-19, and records seconds and peak memory (/usr/bin/time -f "%e %M")
to CSV; fits the growth (log-log slope of the time above an empty TU's) and plots it.

Shapes (n = 8 .. 256):
  sum    sum of n terms sin(x_i) over vars<"x", n>  (n variables)
  chain  n nested functions sin(cos(sin(... x)))     (one variable, depth n)
  prod   product of n factors x_i over vars<"x", n>  (n variables)
Modes: grad (reverse mode), d (symbolic d(e, x0), evaluated), forward_grad (if the header
exists). "targets" compiles the BA Jacobian TU and the Rosenbrock-64 gradient TU beside
hand-written TUs of the same functions.

    python3 bench/compile/compile_sweep.py                  # n = 8 .. 256, both compilers (~45 min)
    python3 bench/compile/compile_sweep.py --max-n 64       # a quick look
    python3 bench/compile/compile_sweep.py --targets-only
    # one compiler per core, then merged:
    python3 bench/compile/compile_sweep.py --compilers g++ --out-dir /tmp/gcc &
    python3 bench/compile/compile_sweep.py --compilers clang++-19 --out-dir /tmp/clang
    python3 bench/compile/compile_sweep.py --replot /tmp/gcc/compile_times.csv /tmp/clang/compile_times.csv
Results: docs/compile_times.csv, docs/compile_targets.csv, docs/compile_times.png. The growth
is the log-log slope of the time (and peak memory) above an empty TU's, fitted over n >= 64.
Clang gets -fbracket-depth=1024 (its default 256 stops the chain at n = 256 and folds over
256 variables).
"""
import argparse
import csv
import math
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pyutil import reexec_with_system_python  # noqa: E402 (bench/pyutil.py)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INCLUDE = os.path.join(ROOT, "include")

PRELUDE = """#include <tapeless/tapeless.hpp>
#include <cstddef>
#include <utility>
template <std::size_t N, class F>
double run(const double* in, F f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return f((tapeless::get<I>(tapeless::vars<"x", N>) = in[I])...);
    }(std::make_index_sequence<N>{});
}
"""



def expression(shape, n):
    if shape == "sum":
        return n, f"tapeless::sum(tapeless::vars<\"x\", {n}>, [](auto x) {{ return sin(x); }})"
    if shape == "prod":
        return n, f"tapeless::prod(tapeless::vars<\"x\", {n}>, [](auto x) {{ return x; }})"
    if shape == "chain":
        e = "tapeless::get<0>(tapeless::vars<\"x\", 1>)"
        for i in range(n):
            e = f"{'sin' if i % 2 == 0 else 'cos'}({e})"
        return 1, e
    raise ValueError(shape)


def source(shape, mode, n):
    if mode == "empty":
        return PRELUDE + "double f(const double* in) { return run<1>(in, [](const auto& x) { return (sin(tapeless::get<0>(tapeless::vars<\"x\", 1>)))(x); }); }\n"
    nv, e = expression(shape, n)
    body = {
        "grad": "return tapeless::grad(e, b...).partials()[0];",
        "forward_grad": "return tapeless::forward_grad(e, b...).partials()[0];",
        "d": "return tapeless::d(e, tapeless::get<0>(tapeless::vars<\"x\", NV>))(b...);".replace("NV", str(nv)),
    }[mode]
    return PRELUDE + f"""
static constexpr auto e = {e};
double f(const double* in) {{
    return run<{nv}>(in, [](const auto&... b) {{ {body} }});
}}
"""


def compile_one(cxx, src_text, flags, timeout, mem_limit_mb, workdir, tag):
    path = os.path.join(workdir, tag + ".cpp")
    with open(path, "w") as f:
        f.write(src_text)
    return compile_file(cxx, path, flags, timeout, mem_limit_mb, workdir)


def compile_file(cxx, path, flags, timeout, mem_limit_mb, workdir, extra=()):
    obj = os.path.join(workdir, "out.o")
    # Clang allows 256 nested brackets and 256 operands in a fold by default: the chain of
    # n = 256 functions and grad by 256 variables need more (docs/reverse.md).
    if "clang" in os.path.basename(cxx):
        flags = [*flags, "-fbracket-depth=1024"]
    cmd = ["/usr/bin/time", "-f", "%e %M", cxx, "-std=c++20", *flags, f"-I{INCLUDE}",
           "-I/usr/include/eigen3", *extra, "-c", path, "-o", obj]

    def limit():
        if mem_limit_mb:
            b = mem_limit_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (b, b))

    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return "timeout", float(timeout), float("nan")
    last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
    parts = last.split()
    secs, kb = (float(parts[0]), float(parts[1])) if len(parts) == 2 else (float("nan"), float("nan"))
    if p.returncode != 0:
        status = "oom" if ("memory" in p.stderr or "bad_alloc" in p.stderr or "Killed" in p.stderr) else "error"
        sys.stderr.write(p.stderr[-2000:])
        return status, secs, kb / 1024.0
    return "ok", secs, kb / 1024.0


def slope(points):
    pts = [(math.log(n), math.log(t)) for n, t in points if t > 0 and n > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else float("nan")


TARGETS = {
    # name: (source relative to ROOT, macro selecting the part)
    "ba_jacobian_tapeless": ("bench/compile/targets.cpp", "TARGET_BA_TAPELESS"),
    "ba_jacobian_hand": ("bench/compile/targets.cpp", "TARGET_BA_HAND"),
    "rosenbrock64_grad_tapeless": ("bench/compile/targets.cpp", "TARGET_ROSEN64_TAPELESS"),
    "rosenbrock64_grad_hand": ("bench/compile/targets.cpp", "TARGET_ROSEN64_HAND"),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compilers", nargs="*", default=["g++", "clang++-19"])
    ap.add_argument("--shapes", nargs="*", default=["sum", "chain", "prod"])
    ap.add_argument("--modes", nargs="*", default=None)
    ap.add_argument("--min-n", type=int, default=8)
    ap.add_argument("--max-n", type=int, default=256)
    ap.add_argument("--flags", default="-O2 -DNDEBUG")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per TU")
    ap.add_argument("--mem-limit-mb", type=int, default=4096, help="address-space limit per compile")
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "docs"))
    ap.add_argument("--fit-from", type=int, default=64,
                    help="fit the growth over n >= this (the small TUs sit at the empty TU's time)")
    ap.add_argument("--replot", nargs="*",
                    help="read these compile_times.csv files (e.g. one per compiler), write the merged "
                         "CSV, fits and plot to --out-dir; compile nothing")
    ap.add_argument("--targets-only", action="store_true")
    ap.add_argument("--no-targets", action="store_true")
    args = ap.parse_args()

    if args.replot:
        rows = []
        for path in args.replot:
            with open(path) as f:
                for r in csv.DictReader(f):
                    r["n"] = int(r["n"])
                    r["seconds"] = float(r["seconds"])
                    r["peak_mb"] = float(r["peak_mb"])
                    rows.append(r)
        os.makedirs(args.out_dir, exist_ok=True)
        with open(os.path.join(args.out_dir, "compile_times.csv"), "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=["compiler", "shape", "mode", "n", "seconds", "peak_mb", "status"])
            wr.writeheader()
            wr.writerows(rows)
        report_fits(fit_and_plot(rows, args.out_dir, args.fit_from), args.fit_from)
        return

    modes = args.modes or ["grad", "d"] + (
        ["forward_grad"] if os.path.exists(os.path.join(INCLUDE, "tapeless/forward/forward_grad.hpp")) else [])
    flags = args.flags.split()
    os.makedirs(args.out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="tapeless_compile_")
    sizes = []
    n = args.min_n
    while n <= args.max_n:
        sizes.append(n)
        n *= 2

    rows = []
    if not args.targets_only:
        for cxx in args.compilers:
            st, base, base_mb = compile_one(cxx, source("sum", "empty", 1), flags, args.timeout, args.mem_limit_mb, work, "empty")
            rows.append(dict(compiler=cxx, shape="empty", mode="empty", n=0, seconds=base, peak_mb=base_mb, status=st))
            print(f"{cxx} empty TU: {base:.2f} s {base_mb:.0f} MB", flush=True)
            for shape in args.shapes:
                for mode in modes:
                    for n in sizes:
                        st, secs, mb = compile_one(cxx, source(shape, mode, n), flags, args.timeout,
                                                   args.mem_limit_mb, work, f"{shape}_{mode}_{n}")
                        rows.append(dict(compiler=cxx, shape=shape, mode=mode, n=n, seconds=secs, peak_mb=mb, status=st))
                        print(f"{cxx} {shape} {mode} n={n}: {st} {secs:.2f} s {mb:.0f} MB", flush=True)
                        if st != "ok":
                            break  # larger n would fail too
        with open(os.path.join(args.out_dir, "compile_times.csv"), "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=["compiler", "shape", "mode", "n", "seconds", "peak_mb", "status"])
            wr.writeheader()
            wr.writerows(rows)
        report_fits(fit_and_plot(rows, args.out_dir, args.fit_from), args.fit_from)

    if not args.no_targets:
        trows = []
        for cxx in args.compilers:
            for name, (src, macro) in TARGETS.items():
                st, secs, mb = compile_file(cxx, os.path.join(ROOT, src), flags, args.timeout,
                                            args.mem_limit_mb, work, extra=[f"-D{macro}"])
                trows.append(dict(compiler=cxx, target=name, seconds=secs, peak_mb=mb, status=st))
                print(f"{cxx} {name}: {st} {secs:.2f} s {mb:.0f} MB", flush=True)
        with open(os.path.join(args.out_dir, "compile_targets.csv"), "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=["compiler", "target", "seconds", "peak_mb", "status"])
            wr.writeheader()
            wr.writerows(trows)


def report_fits(fits, fit_from):
    for k, v in sorted(fits.items()):
        print(f"slope {k} (n >= {fit_from}): time above empty TU ~ n^{v[0]:.2f}, "
              f"peak memory above empty TU ~ n^{v[1]:.2f}")


def fit_and_plot(rows, out_dir, fit_from=64):
    base = {r["compiler"]: r["seconds"] for r in rows if r["mode"] == "empty"}
    base_mb = {r["compiler"]: r["peak_mb"] for r in rows if r["mode"] == "empty"}
    series = {}
    for r in rows:
        if r["mode"] == "empty" or r["status"] != "ok":
            continue
        series.setdefault((r["compiler"], r["shape"], r["mode"]), []).append(r)
    fits = {}
    for k, rs in series.items():
        t = [(r["n"], max(r["seconds"] - base[k[0]], 0.01)) for r in rs if r["n"] >= fit_from]
        m = [(r["n"], max(r["peak_mb"] - base_mb[k[0]], 1.0)) for r in rs if r["n"] >= fit_from]
        fits["/".join(k)] = (slope(t), slope(m))
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not found: no plot", file=sys.stderr)
        return fits
    compilers = sorted({k[0] for k in series})
    fig, axes = plt.subplots(2, len(compilers), figsize=(6 * len(compilers), 7), squeeze=False)
    for j, cxx in enumerate(compilers):
        for k, rs in sorted(series.items()):
            if k[0] != cxx:
                continue
            ns = [r["n"] for r in rs]
            lab = f"{k[1]}/{k[2]} (slope {fits['/'.join(k)][0]:.2f})"
            axes[0, j].plot(ns, [r["seconds"] for r in rs], "o-", label=lab)
            axes[1, j].plot(ns, [r["peak_mb"] for r in rs], "o-", label=k[1] + "/" + k[2])
        axes[0, j].axhline(base[cxx], color="k", ls=":", lw=0.8, label="empty TU")
        axes[0, j].set_title(f"{cxx}: compile time")
        axes[1, j].set_title(f"{cxx}: peak memory")
        axes[0, j].set_ylabel("seconds")
        axes[1, j].set_ylabel("MB")
        for a in axes[:, j]:
            a.set_xscale("log", base=2)
            a.set_yscale("log")
            a.set_xlabel("n")
            a.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(out_dir, "compile_times.png"), dpi=100)
    plt.close(fig)
    return fits


if __name__ == "__main__":
    reexec_with_system_python()
    main()
