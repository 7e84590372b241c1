#!/usr/bin/python3
"""Runs layerlab-bench-sequence and its PyTorch twin (pytorch_sequence.py) at each thread setting
in interleaved rounds, so that both see the same machine load, and prints each run, each side's
median over the rounds at its best thread setting, their ratio and the load average."""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def run(command, threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads))
    return json.loads(subprocess.check_output(command, env=env, text=True).strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build-bench")
    parser.add_argument("--cell", default="GRU")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batches", type=int, default=250)
    args = parser.parse_args()
    common = ["--cell", args.cell, "--repeats", "1", "--batches", str(args.batches)]
    layerlab = [str(pathlib.Path(args.build) / "bench" / "layerlab-bench-sequence")] + common
    pytorch = [sys.executable, str(HERE / "pytorch_sequence.py")] + common
    results = {}
    for r in range(args.rounds):
        for threads in [int(t) for t in args.threads.split(",")]:
            for name, command in (("layerlab", layerlab), ("pytorch", pytorch)):
                result = run(command + ["--threads", str(threads)], threads)
                print(json.dumps({"round": r + 1, **result}), flush=True)
                results.setdefault((name, threads), []).append(result["samples_per_second"])
    best = {}
    for (name, threads), rates in sorted(results.items()):
        median = statistics.median(rates)
        print(f"{name:9s} {threads} thread(s): median {median:8.1f} samples/s over {len(rates)} rounds")
        best[name] = max(best.get(name, 0.0), median)
    print(f"best LayerLab / best PyTorch: {best['layerlab'] / best['pytorch']:.2f}x; "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
