#!/usr/bin/python3
"""Trains gan-ring with layerlab-cli and with its PyTorch twin (pytorch_gan.py) in interleaved
rounds, so that both see the same machine load, and prints each run, each side's median epochs/s
(the batch loops' time only) and mode coverage over the rounds, their ratio, the BLAS PyTorch
loaded and the load average."""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
PROJECT = HERE.parent / "resources" / "examples" / "gan-ring.layerlab.json"


def layerlab(cli, threads, seed, epochs, out):
    command = [cli, "train", str(PROJECT), "--json", "--seed", str(seed), "--threads", str(threads), "--out", out]
    if epochs:
        command += ["--epochs", str(epochs)]
    lines = [json.loads(line) for line in subprocess.check_output(command, text=True, stderr=subprocess.DEVNULL).splitlines()]
    epoch_lines = [line for line in lines if line.get("event") == "epoch"]
    done = lines[-1]
    return {"framework": "layerlab", "threads": threads, "seed": seed, "epochs": len(epoch_lines),
            "epochs_per_second": len(epoch_lines) / sum(line["seconds"] for line in epoch_lines),
            "modes_covered": done["modes_covered"], "near_mode": done["near_mode"], "mode_shares": done["mode_shares"],
            "load_average": os.getloadavg()}


def pytorch(threads, seed, epochs):
    command = [sys.executable, str(HERE / "pytorch_gan.py"), "--threads", str(threads), "--seed", str(seed)]
    if epochs:
        command += ["--epochs", str(epochs)]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS="1")
    return json.loads(subprocess.check_output(command, env=env, text=True).strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", default="build/cli/layerlab-cli")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=0, help="0: the project's (300)")
    args = parser.parse_args()
    results = {"layerlab": [], "pytorch": []}
    with tempfile.TemporaryDirectory() as folder:
        for r in range(args.rounds):
            seed = r + 1
            for result in (layerlab(args.cli, args.threads, seed, args.epochs, f"{folder}/ring.layerlab.json"),
                           pytorch(args.threads, seed, args.epochs)):
                print(json.dumps({"round": r + 1, **result}), flush=True)
                results[result["framework"]].append(result)
    median = {name: statistics.median(run["epochs_per_second"] for run in runs) for name, runs in results.items()}
    for name, runs in results.items():
        print(f"{name:9s} {args.threads} thread(s): median {median[name]:7.2f} epochs/s over {len(runs)} rounds; "
              f"modes covered {[run['modes_covered'] for run in runs]}, "
              f"near a mode {[round(100 * run['near_mode'], 1) for run in runs]} %")
    print(f"LayerLab / PyTorch: {median['layerlab'] / median['pytorch']:.1f}x; PyTorch's BLAS: {results['pytorch'][0]['blas']}; "
          f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
