#!/usr/bin/python3
"""Runs layerlab-bench and bench/pytorch_train.py side by side on a Fashion-MNIST example (the MLP
or the CNN), full epochs at each thread setting, interleaved round by round so that both see the
same machine load; prints every run, a table of medians, the BLAS PyTorch loaded, the 1-minute load
average over the runs and the ratio LayerLab-best / PyTorch-best, and writes everything to
bench/results/. Builds nothing: point --build at a built folder configured with -DLAYERLAB_ASSERTS=OFF.

PyTorch must do its Linear layers on OpenBLAS (Debian's libopenblas0-pthread): on the reference BLAS
that Debian installs otherwise, it is several times slower and the ratio would flatter LayerLab. The
script stops unless that package is installed and the PyTorch process actually mapped it.

PyTorch is also timed on tcmalloc (Debian's libtcmalloc-minimal4, preloaded), as PyTorch's own CPU
tuning guides advise: with glibc's malloc its large per-batch buffers go back to the kernel and are
faulted in again, and on some machines that costs it more than half of its speed, now and then. The
best PyTorch setting counts, whichever allocator it used.
Run it with Debian's python3 (/usr/bin/python3), which has python3-torch.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# LayerLab best / PyTorch best that each example aims for (the targets).
TARGET_RATIOS = {"fashion-mnist-mlp": 2.0, "fashion-mnist-cnn": 1.3}
OPENBLAS_DIR = "/usr/lib/x86_64-linux-gnu/openblas-pthread"
# The allocators PyTorch may run on: the library preloaded (None: glibc's own) and its Debian package.
ALLOCATORS = {"glibc": (None, None),
              "tcmalloc": ("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4", "libtcmalloc-minimal4")}


def require_openblas():
    """Stops with how to fix it unless Debian's libopenblas0-pthread is installed."""
    if not glob.glob(os.path.join(OPENBLAS_DIR, "libopenblasp*.so*")):
        sys.exit(f"error: OpenBLAS is not installed ({OPENBLAS_DIR} has no libopenblasp), so PyTorch would run its "
                 f"Linear layers on Debian's reference BLAS and the ratio would flatter LayerLab; install it with "
                 f"`sudo apt-get install libopenblas0-pthread` and run this again")


def require_allocators(names):
    """Stops with how to fix it unless every allocator asked for is known and installed."""
    for name in names:
        if name not in ALLOCATORS:
            sys.exit(f"error: unknown allocator {name!r}; choose among {', '.join(ALLOCATORS)}")
        library, package = ALLOCATORS[name]
        if library and not os.path.exists(library):
            sys.exit(f"error: {library} is missing, so PyTorch cannot be timed on {name}; install it with "
                     f"`sudo apt-get install {package}` or leave it out with --pytorch-malloc glibc")


def check_blas(result):
    """Stops unless the PyTorch run mapped OpenBLAS; returns the libraries it mapped."""
    blas = result.get("blas", [])
    if not any("openblas" in os.path.basename(path).lower() for path in blas):
        sys.exit(f"error: PyTorch mapped {', '.join(blas) or 'no BLAS'}, not OpenBLAS; point the alternative "
                 f"libblas.so.3-x86_64-linux-gnu at {OPENBLAS_DIR}/libblas.so.3 (update-alternatives --config "
                 f"libblas.so.3-x86_64-linux-gnu) or reinstall libopenblas0-pthread")
    return blas


def load_average():
    return os.getloadavg()[0]


def cpu_model():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return platform.processor() or "unknown"


def run_json(command, env):
    """Runs a benchmark that prints one JSON line last; returns it parsed."""
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"error: {' '.join(command)} failed ({done.returncode}):\n{done.stderr}{done.stdout}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.time() - started
    return result


def layerlab_command(args, threads):
    return [os.path.join(args.build, "bench", "layerlab-bench"), "--project", args.project, "--epochs", "1",
            "--threads", str(threads), "--repeats", str(args.repeats), "--train-samples", str(args.train_samples),
            "--json"]


def pytorch_command(args, threads, train_samples):
    return [args.python, os.path.join(HERE, "pytorch_train.py"), "--project", args.project, "--threads", str(threads),
            "--repeats", str(args.repeats), "--train-samples", str(train_samples), "--json"]


def pytorch_env(threads, blas_threads, allocator):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads),
               OPENBLAS_NUM_THREADS=str(blas_threads))
    library = ALLOCATORS[allocator][0]
    if library:
        env["LD_PRELOAD"] = library
    return env


def summarize(name, threads, invocations):
    rates = [run["samples_per_second"] for inv in invocations for run in inv["runs"]]
    accuracies = [run["test_accuracy"] for inv in invocations for run in inv["runs"] if run["test_accuracy"] is not None]
    return {"name": name, "threads": threads, "median": statistics.median(rates), "min": min(rates), "max": max(rates),
            "runs": len(rates), "test_accuracy": statistics.median(accuracies) if accuracies else None,
            "load": [inv["load_before"] for inv in invocations]}


def torch_version(invocations):
    versions = {inv.get("version") for runs in invocations.values() for inv in runs if inv.get("framework") == "pytorch"}
    return ", ".join(sorted(v for v in versions if v))


def table(rows):
    lines = [f"{'framework':<26} {'setting':>12} {'samples/s median':>17} {'min':>9} {'max':>9} {'runs':>5} "
             f"{'test acc':>9} {'load avg':>9}"]
    for r in rows:
        accuracy = f"{100 * r['test_accuracy']:.2f}%" if r["test_accuracy"] is not None else "-"
        lines.append(f"{r['name']:<26} {r['threads']:>12} {r['median']:>17.0f} {r['min']:>9.0f} {r['max']:>9.0f} "
                     f"{r['runs']:>5} {accuracy:>9} {statistics.median(r['load']):>9.2f}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build-bench"),
                        help="built build folder, configured with -DLAYERLAB_ASSERTS=OFF (default: ../build-bench)")
    parser.add_argument("--project", default="fashion-mnist-mlp", choices=sorted(TARGET_RATIOS))
    parser.add_argument("--train-samples", type=int, default=0,
                        help="train on the first N samples of LayerLab's training split (0: all 54,000)")
    parser.add_argument("--threads", default="1,2", help="LayerLab: comma-separated sizes of the trainer's arena")
    parser.add_argument("--pytorch-threads", default="1:1,2:1",
                        help="PyTorch: comma-separated torch threads:OpenBLAS threads (e.g. 1:1,2:1,2:2)")
    parser.add_argument("--pytorch-malloc", default="glibc,tcmalloc",
                        help="PyTorch: comma-separated allocators to time it on (glibc, tcmalloc); each with every "
                             "thread setting")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (each runs every setting once)")
    parser.add_argument("--repeats", type=int, default=1, help="epochs from fresh weights per invocation")
    parser.add_argument("--python", default="/usr/bin/python3", help="the python that has torch (Debian's)")
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    pytorch_threads = [tuple(int(v) for v in spec.split(":")) for spec in args.pytorch_threads.split(",")]
    allocators = args.pytorch_malloc.split(",")
    require_openblas()
    require_allocators(allocators)

    bench = layerlab_command(args, 1)[0]
    if not os.access(bench, os.X_OK):
        sys.exit(f"error: {bench} not found; build first: cmake --build {args.build} --target layerlab-bench")

    # Once, outside the rounds: the GEMM ceiling and LayerLab's training-set size for PyTorch.
    ceiling = run_json([bench, "--project", args.project, "--threads", "1", "--repeats", "1", "--json", "--gemm",
                        "--train-samples", str(args.train_samples)], dict(os.environ))
    train_samples = ceiling["train_samples"]
    if ceiling.get("asserts", True):
        sys.exit(f"error: {bench} checks its asserts, which the shipped build does not; configure its build with "
                 f"-DLAYERLAB_ASSERTS=OFF (bench/README.md)")

    # (name, setting label, command, environment, PyTorch's allocator) of every setting, run once per round.
    settings = [("LayerLab", str(t), layerlab_command(args, t), dict(os.environ), None) for t in threads]
    settings += [("PyTorch 1.13 + OpenBLAS", f"{t}:{b} {allocator}", pytorch_command(args, t, train_samples),
                  pytorch_env(t, b, allocator), allocator)
                 for allocator in allocators for t, b in pytorch_threads]
    invocations = {(name, label): [] for name, label, _, _, _ in settings}
    blas = None
    for round_ in range(args.rounds):
        for name, label, command, env, allocator in settings:
            load = load_average()
            result = run_json(command, env)
            result["load_before"] = load
            result["load_after"] = load_average()
            if name != "LayerLab":
                blas = check_blas(result)
                if result.get("allocator") != allocator:
                    sys.exit(f"error: PyTorch ran on {result.get('allocator')}, not {allocator} as asked "
                             f"(LD_PRELOAD={env.get('LD_PRELOAD', '')})")
            invocations[(name, label)].append(result)
            print(f"round {round_ + 1}/{args.rounds} {name:<26} threads {label}: "
                  f"{result['samples_per_second']:.0f} samples/s (load {load:.2f})", file=sys.stderr, flush=True)

    rows = [summarize(name, label, invocations[(name, label)]) for (name, label) in invocations]
    loads = [inv[key] for runs in invocations.values() for inv in runs for key in ("load_before", "load_after")]
    layerlab_best = max((r for r in rows if r["name"] == "LayerLab"), key=lambda r: r["median"])
    pytorch_rows = [r for r in rows if r["name"] != "LayerLab"]
    target = TARGET_RATIOS[args.project]
    lines = [f"{args.project}: {datetime.date.today().isoformat()}, {cpu_model()}, {os.cpu_count()} CPUs, "
             f"{args.rounds} rounds × {args.repeats} repeats per setting, one epoch of {train_samples} samples, batch 64",
             f"PyTorch {torch_version(invocations)} mapped: {', '.join(blas or [])}",
             f"1-minute load average over the runs: {min(loads):.2f}–{max(loads):.2f} "
             f"(median {statistics.median(loads):.2f}); PyTorch settings are torch:OpenBLAS threads and the allocator",
             table(rows), ""]
    for name in dict.fromkeys(r["name"] for r in pytorch_rows):
        best = max((r for r in pytorch_rows if r["name"] == name), key=lambda r: r["median"])
        ratio = layerlab_best["median"] / best["median"]
        lines.append(f"LayerLab best ({layerlab_best['threads']} threads) / {name} best ({best['threads']}): "
                     f"{ratio:.2f}×  (target ≥ {target}×: {'met' if ratio >= target else 'NOT met'})")
    peak = ceiling["gemm_peak_gflops"]
    lines.append(f"ceiling: Eigen 512³ GEMM {peak:.1f} GFLOP/s per core; LayerLab at 1 thread achieves "
                 f"{ceiling['achieved_gflops']:.1f} GFLOP/s ({100 * ceiling['achieved_gflops'] / peak:.0f}%), "
                 f"{ceiling['flops_per_sample']:.0f} FLOP/sample")
    for layer in ceiling["layers"]:
        if layer["forward_gflops"] is not None:
            lines.append(f"  {layer['node']:<8} {layer['kind']:<16} forward {layer['forward_gflops']:6.1f} GFLOP/s "
                         f"({100 * layer['forward_gflops'] / peak:3.0f}% of peak), backward "
                         f"{layer['backward_gflops']:6.1f} GFLOP/s ({100 * layer['backward_gflops'] / peak:3.0f}%)")
    report = "\n".join(lines)
    print(report)

    os.makedirs(args.out, exist_ok=True)
    stamp = args.project + "-" + datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    with open(os.path.join(args.out, f"{stamp}.json"), "w") as f:
        json.dump({"rows": rows, "ceiling": ceiling, "cpu": cpu_model(), "blas": blas, "loads": loads,
                   "invocations": {f"{n}/{t}": v for (n, t), v in invocations.items()}}, f, indent=1)
    with open(os.path.join(args.out, f"{stamp}.txt"), "w") as f:
        f.write(report + "\n")
    print(f"\nwritten to {os.path.relpath(args.out)}/{stamp}.json and .txt", file=sys.stderr)


if __name__ == "__main__":
    main()
