#!/usr/bin/env python3
"""Runs the tapeless benchmarks and writes docs/benchmarks.md with PNG plots beside it.

Every benchmark is named <problem>/<derivative>/<column>; each column is divided by the
"hand" column of the same <problem>/<derivative> (the hand-written derivative), using the
medians of one run of one program, so that the ratios are comparable on a noisy machine.

    python3 bench/report.py --build build/bench            # all bench_* programs
    python3 bench/report.py --build /tmp/bench-build --only bench_ba --repetitions 3
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)



def reexec_with_system_python():
    """Debian's python3-matplotlib lives in /usr/bin/python3's path; when another python3
    (pyenv, a venv) runs this script without matplotlib, run it again with the system one."""
    try:
        import matplotlib  # noqa: F401
        return
    except ImportError:
        pass
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get("TAPELESS_NO_REEXEC"):
        ok = subprocess.run([system, "-c", "import matplotlib"], capture_output=True).returncode == 0
        if ok:
            os.environ["TAPELESS_NO_REEXEC"] = "1"
            os.execv(system, [system, os.path.abspath(sys.argv[0]), *sys.argv[1:]])


def run_program(path, repetitions, min_time):
    cmd = [path, "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
           "--benchmark_report_aggregates_only=true", f"--benchmark_min_time={min_time}"]
    print("running", " ".join(cmd), file=sys.stderr)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def medians(doc):
    """name -> (cpu ns, real ns, items per second or None) of the median aggregate (or of the
    single run)."""
    res = {}
    for b in doc["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        res[name] = (b["cpu_time"] * unit, b["real_time"] * unit, b.get("items_per_second"))
    return res


def cmake_cache(build):
    cache = {}
    path = os.path.join(build, "CMakeCache.txt")
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r"([A-Za-z_0-9]+):[A-Z]+=(.*)", line.strip())
            if m:
                cache[m.group(1)] = m.group(2)
    return cache


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def compiler_version(cxx):
    try:
        return subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return cxx


def fmt_ns(x):
    return f"{x:.3g}" if x < 100 else f"{x:,.0f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "bench"),
                    help="the CMake build directory (holds bench/bench_*)")
    ap.add_argument("--only", nargs="*", help="program names to run (default: every bench_*)")
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--min-time", default="0.2", help="--benchmark_min_time per repetition (s)")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--json-dir", help="keep each program's JSON here")
    ap.add_argument("--from-json", nargs="*", help="use these JSON files instead of running")
    args = ap.parse_args()

    docs = {}
    if args.from_json:
        for f in args.from_json:
            docs[os.path.splitext(os.path.basename(f))[0]] = json.load(open(f))
    else:
        progs = sorted(glob.glob(os.path.join(args.build, "bench", "bench_*")))
        progs = [p for p in progs if os.access(p, os.X_OK) and not p.endswith(".json")]
        if args.only:
            progs = [p for p in progs if os.path.basename(p) in args.only]
        if not progs:
            sys.exit(f"no bench_* programs under {args.build}/bench; build them first")
        for p in progs:
            name = os.path.basename(p)
            docs[name] = run_program(p, args.repetitions, args.min_time)
            if args.json_dir:
                os.makedirs(args.json_dir, exist_ok=True)
                json.dump(docs[name], open(os.path.join(args.json_dir, name + ".json"), "w"), indent=1)

    # Group: program -> problem/derivative -> column -> (cpu, real).
    groups = {}
    for prog, doc in docs.items():
        for name, t in medians(doc).items():
            parts = name.split("/")
            if len(parts) != 3:
                continue
            groups.setdefault(prog, {}).setdefault(parts[0] + "/" + parts[1], {})[parts[2]] = t

    cache = cmake_cache(args.build)
    cxx = cache.get("CMAKE_CXX_COMPILER", "c++")
    btype = cache.get("CMAKE_BUILD_TYPE", "")
    flags = " ".join(x for x in [cache.get("CMAKE_CXX_FLAGS", ""),
                                 cache.get(f"CMAKE_CXX_FLAGS_{btype.upper()}", "")] if x)
    ctx = next(iter(docs.values()))["context"]
    lines = []
    w = lines.append
    w("# Benchmarks")
    w("")
    w("Generated by `bench/report.py`; do not edit by hand. Every column was checked against the")
    w("hand-written derivative before it was timed (the program aborts on a mismatch).")
    w("")
    w(f"- date: {ctx.get('date') or datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}")
    w(f"- CPU: {cpu_model()}, {ctx.get('num_cpus')} cores at {ctx.get('mhz_per_cpu')} MHz "
      f"(load average at start: {', '.join(f'{x:.2f}' for x in ctx.get('load_avg', []))})")
    w(f"- compiler: {compiler_version(cxx)}; build type {btype}; flags `{flags}`")
    w(f"- {args.repetitions} repetitions, median CPU time per call; ratios are to the hand-written "
      "column of the same program and run (the machine is shared: compare ratios, not ns)")
    w("")
    w("Columns: `hand` hand-written (bench/problems/); `tapeless` reverse mode (`grad`, `hessian`,")
    w("`jacobian`); `tapeless_symbolic` evaluating the `d(...)` expressions one by one;")
    w("`tapeless_forward` `forward_grad`; `tapeless_dual_fn` `grad`/`jacobian`/`hessian` of the generic")
    w("C++ function with `tapeless::dual`; `eigen_autodiff` Eigen's AutoDiffScalar (fixed size);")
    w("`ceres_jet` `ceres::Jet<double, N>`; `adolc_tape` recording an ADOL-C tape, `adolc_sweep`")
    w("the ADOL-C driver on a recorded tape (taping excluded); `eval` rows time the function alone.")
    w("Problems of run-time size (`rosenbrock1000`, `normal1000`, `f/batch_grad` over 10^6 points)")
    w("are in `bench_large`; there the peers that support run-time sizes compete, and `eigen_autodiff`")
    w("uses `Eigen::VectorXd` partials.")
    w("")
    w("Rebuild and rerun: `cmake --preset bench && cmake --build --preset bench -j2 && python3")
    w("bench/report.py --build build/bench` (preset `bench-clang` for Clang 19). The test presets")
    w("`gcc` and `clang` build the same programs and run each benchmark once (`bench_smoke.*` tests).")
    w("")

    # Where tapeless misses: slower than 1.1x hand-written, or slower than a peer.
    peers = ("eigen_autodiff", "ceres_jet", "adolc_sweep")
    misses = []
    for prog in sorted(groups):
        for grp, cols in sorted(groups[prog].items()):
            base = cols.get("hand")
            if not base or grp.endswith("/eval"):
                continue
            for col, t in sorted(cols.items()):
                if not col.startswith("tapeless"):
                    continue
                ratio = t[0] / base[0]
                faster = [p for p in peers if p in cols and cols[p][0] < t[0]]
                if ratio > 1.1 or faster:
                    why = []
                    if ratio > 1.1:
                        why.append(f"{ratio:.2f}x hand-written")
                    if faster:
                        why.append("slower than " + ", ".join(
                            f"{p} ({cols[p][0] / base[0]:.2f}x)" for p in faster))
                    misses.append(f"- {grp} `{col}`: " + "; ".join(why))
    w("## Where tapeless is slower")
    w("")
    if misses:
        w("Every tapeless column above 1.1x the hand-written derivative, or slower than a peer, in")
        w("this run (causes, as far as found: docs/reverse.md and docs/forward.md):")
        w("")
        lines.extend(misses)
    else:
        w("Nowhere in this run: every tapeless column is within 1.1x of hand-written and ahead of")
        w("every peer.")
    w("")

    summary = {}
    for prog in sorted(groups):
        for grp in sorted(groups[prog], key=lambda g: (re.sub(r"\d+", "", g), int(re.sub(r"\D", "", g.split("/")[0]) or 0), g)):
            cols = groups[prog][grp]
            base = cols.get("hand")
            w(f"### {grp} ({prog})")
            w("")
            rates = any(t[2] for t in cols.values())
            if rates:
                w("| column | ns (CPU) | ratio to hand | points per second |")
                w("|---|---:|---:|---:|")
            else:
                w("| column | ns (CPU) | ratio to hand |")
                w("|---|---:|---:|")
            for col, (cpu, real, rate) in sorted(cols.items(), key=lambda kv: (kv[0] != "hand", kv[1][0])):
                ratio = f"{cpu / base[0]:.2f}" if base else "-"
                extra = f" {rate:.3g} |" if rates and rate else (" - |" if rates else "")
                w(f"| {col} | {fmt_ns(cpu)} | {ratio} |{extra}")
                if base:
                    summary[(grp, col)] = cpu / base[0]
            w("")

    # Gradient cost / evaluation cost for Rosenbrock (same program, same run).
    rows = []
    for prog in groups:
        for grp, cols in groups[prog].items():
            m = re.match(r"rosenbrock(\d+)/grad$", grp)
            ev = groups[prog].get(grp.replace("/grad", "/eval"))
            if m and ev and "tapeless" in cols:
                n = int(m.group(1))
                rows.append((n, cols["hand"][0] / ev["hand"][0],
                             cols["tapeless"][0] / ev["hand"][0],
                             cols["tapeless"][0] / ev["tapeless"][0] if "tapeless" in ev else float("nan")))
    rows.sort()
    if rows:
        w("## Gradient cost / evaluation cost, extended Rosenbrock")
        w("")
        w("The issue asks `grad` <= 3x a plain evaluation, independent of n.")
        w("")
        w("| N | hand grad / hand eval | tapeless grad / hand eval | tapeless grad / tapeless eval |")
        w("|---:|---:|---:|---:|")
        for n, a, b, c in rows:
            w(f"| {n} | {a:.2f} | {b:.2f} | {c:.2f} |")
        w("")

    hrows = []
    for prog in groups:
        for grp, cols in groups[prog].items():
            if grp.endswith("/hessian") and "grad_tapeless" in cols and "tapeless" in cols:
                hrows.append((grp, cols["tapeless"][0] / cols["grad_tapeless"][0],
                              cols["hand"][0] / cols["grad_hand"][0]))
    if hrows:
        w("## Hessian cost / gradient cost")
        w("")
        w("| problem | tapeless hessian / tapeless grad | hand Hessian / hand gradient |")
        w("|---|---:|---:|")
        for g, a, b in sorted(hrows):
            w(f"| {g} | {a:.2f} | {b:.2f} |")
        w("")

    stem = os.path.splitext(os.path.basename(args.out))[0]
    plot_paths = make_plots(groups, rows, os.path.dirname(os.path.abspath(args.out)), stem)
    if plot_paths:
        w("## Plots")
        w("")
        for p in plot_paths:
            w(f"![{os.path.splitext(p)[0]}]({p})")
            w("")

    compile_csv = os.path.join(os.path.dirname(os.path.abspath(args.out)), "compile_times.csv")
    if os.path.exists(compile_csv):
        w("## Compile time")
        w("")
        w("From `bench/compile/compile_sweep.py` (see docs/reverse.md): `docs/compile_times.csv`,")
        w("`compile_times.png`.")
        w("")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", args.out, file=sys.stderr)


def make_plots(groups, rows, outdir, stem):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not found: no plots (apt-get install python3-matplotlib)", file=sys.stderr)
        return []
    paths = []
    items = [(grp, cols) for prog in sorted(groups) for grp, cols in sorted(groups[prog].items())
             if "hand" in cols and not grp.endswith("/eval")]
    if items:
        fig, axes = plt.subplots(len(items), 1, figsize=(8, 1.1 + 0.32 * sum(len(c) for _, c in items) + 0.3 * len(items)),
                                 squeeze=False)
        for ax, (grp, cols) in zip(axes[:, 0], items):
            base = cols["hand"][0]
            names = sorted(cols, key=lambda c: cols[c][0])
            vals = [cols[c][0] / base for c in names]
            ax.barh(names, vals, color=["#444" if c == "hand" else "#2a7ab9" if c.startswith("tapeless") else "#bbb" for c in names])
            ax.set_xscale("log")
            ax.axvline(1.0, color="k", lw=0.8)
            ax.set_title(grp, fontsize=9)
            ax.tick_params(labelsize=7)
        axes[-1, 0].set_xlabel("time / hand-written (log scale, median CPU time)")
        fig.tight_layout()
        fig.savefig(os.path.join(outdir, f"{stem}_ratios.png"), dpi=110)
        plt.close(fig)
        paths.append(f"{stem}_ratios.png")
    if rows:
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ns = [r[0] for r in rows]
        ax.plot(ns, [r[1] for r in rows], "o-", label="hand grad / hand eval")
        ax.plot(ns, [r[2] for r in rows], "s-", label="tapeless grad / hand eval")
        ax.axhline(3.0, color="r", ls="--", lw=0.8, label="target 3x")
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel("N (extended Rosenbrock)")
        ax.set_ylabel("gradient cost / evaluation cost")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(os.path.join(outdir, f"{stem}_grad_over_eval.png"), dpi=110)
        plt.close(fig)
        paths.append(f"{stem}_grad_over_eval.png")
    return paths


if __name__ == "__main__":
    reexec_with_system_python()
    main()
