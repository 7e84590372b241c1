#!/usr/bin/python3
"""Runs layerlab-bench and bench/pytorch_train.py side by side on a Fashion-MNIST example (the MLP
or the CNN), at each thread setting, interleaved round by round so that both see the same
machine load; prints a table of medians and the ratio LayerLab-best / PyTorch-best, and writes
everything to bench/results/. Builds nothing: point --build at a configured and built build folder.

Run it with Debian's python3 (/usr/bin/python3), which has python3-torch.
"""

import argparse
import datetime
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
TARGET_RATIOS = {"fashion-mnist-mlp": 1.5, "fashion-mnist-cnn": 1.2}


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


def pytorch_env(threads, blas_dir):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS="1")
    if blas_dir:
        env["LD_LIBRARY_PATH"] = blas_dir + os.pathsep + env.get("LD_LIBRARY_PATH", "")
    return env


def summarize(name, threads, invocations):
    rates = [run["samples_per_second"] for inv in invocations for run in inv["runs"]]
    accuracies = [run["test_accuracy"] for inv in invocations for run in inv["runs"] if run["test_accuracy"] is not None]
    return {"name": name, "threads": threads, "median": statistics.median(rates), "min": min(rates), "max": max(rates),
            "runs": len(rates), "test_accuracy": statistics.median(accuracies) if accuracies else None,
            "load": [inv["load_before"] for inv in invocations]}


def table(rows):
    lines = [f"{'framework':<26} {'threads':>7} {'samples/s median':>17} {'min':>9} {'max':>9} {'runs':>5} "
             f"{'test acc':>9} {'load avg':>9}"]
    for r in rows:
        accuracy = f"{100 * r['test_accuracy']:.2f}%" if r["test_accuracy"] is not None else "-"
        lines.append(f"{r['name']:<26} {r['threads']:>7} {r['median']:>17.0f} {r['min']:>9.0f} {r['max']:>9.0f} "
                     f"{r['runs']:>5} {accuracy:>9} {statistics.median(r['load']):>9.2f}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build-bench"),
                        help="built build folder, configured with -DLAYERLAB_ASSERTS=OFF (default: ../build-bench)")
    parser.add_argument("--project", default="fashion-mnist-mlp", choices=sorted(TARGET_RATIOS))
    parser.add_argument("--train-samples", type=int, default=0,
                        help="train on the first N samples of LayerLab's training split (0: all 54,000)")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread settings for both frameworks")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (each runs every setting once)")
    parser.add_argument("--repeats", type=int, default=3, help="epochs from fresh weights per invocation")
    parser.add_argument("--python", default="/usr/bin/python3", help="the python that has torch (Debian's)")
    parser.add_argument("--pytorch-blas-dir", default="",
                        help="also run PyTorch with the libblas.so.3 in this folder (e.g. OpenBLAS) as an extra row")
    parser.add_argument("--pytorch-blas-name", default="other BLAS", help="how the table names that BLAS")
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]

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

    frameworks = [("LayerLab", lambda t: (layerlab_command(args, t), dict(os.environ))),
                  ("PyTorch (Debian BLAS)", lambda t: (pytorch_command(args, t, train_samples),
                                                            pytorch_env(t, "")))]
    if args.pytorch_blas_dir:
        frameworks.append((f"PyTorch ({args.pytorch_blas_name})",
                           lambda t: (pytorch_command(args, t, train_samples), pytorch_env(t, args.pytorch_blas_dir))))

    invocations = {(name, t): [] for name, _ in frameworks for t in threads}
    for round_ in range(args.rounds):
        for t in threads:
            for name, make in frameworks:
                command, env = make(t)
                load = load_average()
                result = run_json(command, env)
                result["load_before"] = load
                invocations[(name, t)].append(result)
                print(f"round {round_ + 1}/{args.rounds} {name:<26} threads {t}: "
                      f"{result['samples_per_second']:.0f} samples/s (load {load:.2f})", file=sys.stderr, flush=True)

    rows = [summarize(name, t, invocations[(name, t)]) for name, _ in frameworks for t in threads]
    layerlab_best = max((r for r in rows if r["name"] == "LayerLab"), key=lambda r: r["median"])
    pytorch_rows = [r for r in rows if r["name"] != "LayerLab"]
    target = TARGET_RATIOS[args.project]
    lines = [f"{args.project}: {datetime.date.today().isoformat()}, {cpu_model()}, {os.cpu_count()} CPUs, "
             f"{args.rounds} rounds × {args.repeats} repeats per setting, one epoch of {train_samples} samples, batch 64",
             table(rows), ""]
    for name in dict.fromkeys(r["name"] for r in pytorch_rows):
        best = max((r for r in pytorch_rows if r["name"] == name), key=lambda r: r["median"])
        ratio = layerlab_best["median"] / best["median"]
        lines.append(f"LayerLab best ({layerlab_best['threads']} threads) / {name} best ({best['threads']} threads): "
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
        json.dump({"rows": rows, "ceiling": ceiling, "cpu": cpu_model(),
                   "invocations": {f"{n}/{t}": v for (n, t), v in invocations.items()}}, f, indent=1)
    with open(os.path.join(args.out, f"{stamp}.txt"), "w") as f:
        f.write(report + "\n")
    print(f"\nwritten to {os.path.relpath(args.out)}/{stamp}.json and .txt", file=sys.stderr)


if __name__ == "__main__":
    main()
