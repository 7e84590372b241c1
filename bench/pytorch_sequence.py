#!/usr/bin/python3
"""PyTorch twin of layerlab-bench-sequence: the words data that `layerlab-bench-sequence --export-data
DIR` wrote (the same training split, ids and padding: T = 16, id 0 = padding) → nn.Embedding 32
(padding_idx 0) → nn.GRU/nn.LSTM 128 (batch_first) on packed sequences, so padded steps neither update
the state nor cost work, as LayerLab's mask → nn.Linear 8 on the last real step's state;
CrossEntropyLoss, Adam 1e-3, batch 64, shuffled full epochs. Prints the median training samples/s over
--repeats runs, the BLAS torch loaded and the test accuracy as one JSON line."""
import argparse
import json
import os
import time


def read_split(path):
    """(vocabulary size, [N, T] ids, [N] labels) from a CSV written by layerlab-bench-sequence."""
    import torch
    with open(path) as f:
        vocabulary = int(f.readline().split()[-1])
        rows = [[int(v) for v in line.split(",")] for line in f if line.strip()]
    data = torch.tensor(rows, dtype=torch.int64)
    return vocabulary, data[:, 1:].contiguous(), data[:, 0].contiguous()


def loaded_blas():
    """The BLAS libraries this process mapped (after a product has run), from /proc/self/maps."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
    return sorted(os.path.realpath(p) for p in paths)


def loaded_allocator():
    """The malloc this process runs on: "tcmalloc" or "jemalloc" when one is mapped (preloaded), else "glibc"."""
    with open("/proc/self/maps") as maps:
        text = maps.read()
    return next((name for name in ("tcmalloc", "jemalloc") if name in text), "glibc")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="the folder layerlab-bench-sequence --export-data wrote")
    parser.add_argument("--cell", default="GRU", choices=["GRU", "LSTM", "SimpleRNN"])
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (OpenMP)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    import torch
    import torch.nn as nn
    from torch.nn.utils.rnn import pack_padded_sequence
    torch.set_num_threads(args.threads)
    vocabulary, ids, labels = read_split(os.path.join(args.data, "train.csv"))
    _, test_ids, test_labels = read_split(os.path.join(args.data, "test.csv"))
    classes = int(labels.max()) + 1
    torch.ones(64, 64) @ torch.ones(64, 64)  # loads the BLAS
    blas = loaded_blas()

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(vocabulary, 32, padding_idx=0)
            self.rnn = {"GRU": nn.GRU, "LSTM": nn.LSTM, "SimpleRNN": nn.RNN}[args.cell](32, 128, batch_first=True)
            self.output = nn.Linear(128, classes)

        def forward(self, x):
            lengths = (x != 0).sum(1).clamp_(min=1)  # as LayerLab's mask: the non-padding ids
            packed = pack_padded_sequence(self.embed(x), lengths, batch_first=True, enforce_sorted=False)
            _, h = self.rnn(packed)
            return self.output((h[0] if args.cell == "LSTM" else h)[0])

    rates, accuracies = [], []
    for r in range(args.repeats):
        torch.manual_seed(1 + r)
        net = Net()
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        seconds = 0.0
        for _ in range(args.epochs):
            order = torch.randperm(len(ids))
            start = time.perf_counter()
            correct = 0
            for b in range(0, len(ids), 64):
                index = order[b:b + 64]
                x, y = ids[index], labels[index]
                optimizer.zero_grad(set_to_none=True)
                logits = net(x)
                loss = loss_fn(logits, y)
                loss.backward()
                optimizer.step()
                loss.item()
                correct += int((logits.argmax(1) == y).sum())
            seconds += time.perf_counter() - start
        rates.append(args.epochs * len(ids) / seconds)
        with torch.no_grad():
            accuracies.append(float((net(test_ids).argmax(1) == test_labels).float().mean()))
    order = sorted(range(len(rates)), key=lambda i: rates[i])
    middle = order[len(order) // 2]
    print(json.dumps({"framework": "pytorch", "cell": args.cell, "threads": args.threads,
                      "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS", ""),
                      "torch": torch.__version__, "blas": blas, "train_samples": len(ids), "steps": ids.shape[1],
                      "epochs": args.epochs, "samples_per_second": round(rates[middle], 1),
                      "test_accuracy": accuracies[middle]}))


if __name__ == "__main__":
    main()
