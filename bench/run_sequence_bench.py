#!/usr/bin/python3
"""Runs layerlab-bench-sequence and its PyTorch twin (pytorch_sequence.py) on the words data, full
epochs, at each thread setting in interleaved rounds so that both see the same machine load, and
prints each run, each setting's median over the rounds, each side's best setting, their ratio per
cell and the 1-minute load average over the runs. Writes every run to bench/results/. Builds nothing:
point --build at a folder configured with -DLAYERLAB_ASSERTS=OFF."""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def run(command, env_threads):
    """One invocation's JSON line (None when it prints none); env_threads = (OpenMP threads, OpenBLAS threads)."""
    omp, blas = env_threads
    env = dict(os.environ, OMP_NUM_THREADS=str(omp), OPENBLAS_NUM_THREADS=str(blas), MKL_NUM_THREADS=str(omp))
    done = subprocess.run(command, env=env, text=True, capture_output=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    if "checks its asserts" in done.stderr:
        sys.exit(f"{command[0]} checks its asserts; build it in a folder configured with -DLAYERLAB_ASSERTS=OFF "
                 "(bench/README.md) and pass it as --build")
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build-bench")
    parser.add_argument("--cells", default="GRU,LSTM")
    parser.add_argument("--threads", default="1,2", help="LayerLab: threads of the trainer's arena")
    parser.add_argument("--pytorch-threads", default="1:1,2:1,2:2",
                        help="PyTorch: torch threads:OpenBLAS threads, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=1, help="full epochs per run")
    parser.add_argument("--out", default=str(HERE / "results"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    data = out / "words"
    data.mkdir(parents=True, exist_ok=True)
    binary = str(pathlib.Path(args.build) / "bench" / "layerlab-bench-sequence")
    run([binary, "--export-data", str(data), "--repeats", "0"], (1, 1))
    common = ["--repeats", "1", "--epochs", str(args.epochs)]
    settings = [("layerlab", (int(t), 1), [binary, "--threads", t]) for t in args.threads.split(",")]
    for spec in args.pytorch_threads.split(","):
        omp, blas = (int(v) for v in spec.split(":"))
        settings.append(("pytorch", (omp, blas), [sys.executable, str(HERE / "pytorch_sequence.py"), "--data",
                                                  str(data), "--threads", str(omp)]))
    cells = args.cells.split(",")
    results, runs, loads = {}, [], []
    for r in range(args.rounds):
        for cell in cells:
            for name, threads, command in settings:
                loads.append(os.getloadavg()[0])
                result = run(command + common + ["--cell", cell], threads)
                if name == "pytorch" and not any("openblas" in path for path in result["blas"]):
                    sys.exit(f"PyTorch loaded {result['blas'] or 'no BLAS'}, not OpenBLAS: install libopenblas0-pthread "
                             "(apt-get install libopenblas0-pthread) so that it measures against a real BLAS")
                result.update({"round": r + 1, "load_average": loads[-1], "env_threads": threads})
                runs.append(result)
                print(json.dumps(result), flush=True)
                results.setdefault((cell, name, threads), []).append(result["samples_per_second"])
    loads.append(os.getloadavg()[0])
    lines = []
    for cell in cells:
        best = {}
        for name, threads, _ in settings:
            rates = results[(cell, name, threads)]
            median = statistics.median(rates)
            label = f"{threads[0]} thread(s)" + (f", OpenBLAS {threads[1]}" if name == "pytorch" else "")
            lines.append(f"{cell:4s} {name:9s} {label:24s} median {median:8.1f} samples/s "
                         f"(min {min(rates):.1f}, max {max(rates):.1f}, {len(rates)} rounds)")
            if median > best.get(name, (0.0, ""))[0]:
                best[name] = (median, label)
        lines.append(f"{cell:4s} best LayerLab ({best['layerlab'][1]}) / best PyTorch ({best['pytorch'][1]}): "
                     f"{best['layerlab'][0]:.1f} / {best['pytorch'][0]:.1f} = "
                     f"{best['layerlab'][0] / best['pytorch'][0]:.2f}x")
    blas = next((r["blas"] for r in runs if r["framework"] == "pytorch"), [])
    lines.append(f"PyTorch's BLAS: {', '.join(blas) or 'none mapped'}")
    lines.append(f"1-minute load average over the runs: {min(loads):.2f}-{max(loads):.2f}")
    print("\n".join(lines))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"sequence-{stamp}.json").write_text(json.dumps({"runs": runs, "summary": lines}, indent=1))


if __name__ == "__main__":
    main()
