#!/usr/bin/python3
"""PyTorch twin of layerlab-bench-sequence: random word ids (vocabulary 30, T = 16) → nn.Embedding 32
(padding_idx 0) → nn.GRU/nn.LSTM 128 (batch_first, last state) → nn.Linear 8, CrossEntropyLoss,
Adam 1e-3, batch 64; the median training samples/s over --repeats epochs as one JSON line."""
import argparse
import json
import os
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cell", default="GRU", choices=["GRU", "LSTM", "SimpleRNN"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batches", type=int, default=250)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import torch
    import torch.nn as nn
    torch.set_num_threads(args.threads)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(30, 32, padding_idx=0)
            self.rnn = {"GRU": nn.GRU, "LSTM": nn.LSTM, "SimpleRNN": nn.RNN}[args.cell](32, 128, batch_first=True)
            self.output = nn.Linear(128, 8)

        def forward(self, x):
            _, h = self.rnn(self.embed(x))
            return self.output((h[0] if args.cell == "LSTM" else h)[0])

    rates = []
    for r in range(args.repeats):
        torch.manual_seed(1 + r)
        net = Net()
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        ids = torch.randint(0, 30, (args.batches * 64, 16))
        labels = torch.randint(0, 8, (args.batches * 64,))
        start = time.perf_counter()
        for b in range(args.batches):
            x, y = ids[b * 64:(b + 1) * 64], labels[b * 64:(b + 1) * 64]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(net(x), y)
            loss.backward()
            optimizer.step()
            loss.item()
        rates.append(args.batches * 64 / (time.perf_counter() - start))
    rates.sort()
    print(json.dumps({"framework": "pytorch", "cell": args.cell, "threads": args.threads,
                      "samples_per_second": round(rates[len(rates) // 2], 1)}))


if __name__ == "__main__":
    main()
