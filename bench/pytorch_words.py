#!/usr/bin/python3
"""PyTorch twins of the word-language-gru and word-language-attention examples: the same networks,
trained on the same samples. The samples come from `layerlab-cli data word-language-gru --out
words.csv`, which writes LayerLab's own split (80/20, seed 1) and token ids (its character
vocabulary counted on the training split: 0 = <pad>, 1 = <unk>), so both sides see identical data.

  gru:       nn.Embedding(V, 32, padding_idx=0) → nn.GRU(32, 128) over the packed real letters →
             nn.Linear(128, 8)
  attention: nn.Embedding(V, 64, padding_idx=0) + sinusoids → nn.MultiheadAttention(64, 4 heads,
             key_padding_mask) → + (residual) → nn.LayerNorm(64) → nn.Linear(64, 128) + ReLU →
             mean over the real letters → nn.Linear(128, 8)

CrossEntropyLoss, Adam (lr 1e-3), batch 64, shuffled every epoch; PyTorch's own initialisation.
Prints one JSON line per epoch with the test accuracy, like `layerlab-cli train … --json`."""
import argparse
import csv
import json
import math
import os
import time


def read_samples(path):
    """{split: (ids [N, T] as int64, labels [N])} from a `layerlab-cli data` CSV of x1…xT, y1."""
    import torch
    rows = {}
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        steps = sum(1 for name in header if name.startswith("x"))
        for row in reader:
            ids, label = row[1:1 + steps], row[1 + steps]
            rows.setdefault(row[0], ([], []))
            rows[row[0]][0].append([int(float(v)) for v in ids])
            rows[row[0]][1].append(int(float(label)))
    return {split: (torch.tensor(ids), torch.tensor(labels)) for split, (ids, labels) in rows.items()}


def build(kind, vocabulary, classes):
    import torch
    import torch.nn as nn

    class GruNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(vocabulary, 32, padding_idx=0)
            self.gru = nn.GRU(32, 128, batch_first=True)
            self.output = nn.Linear(128, classes)

        def forward(self, ids):
            lengths = (ids != 0).sum(1).clamp(min=1)  # LayerLab's rule: a sample's length is its non-zero ids
            packed = nn.utils.rnn.pack_padded_sequence(self.embedding(ids), lengths, batch_first=True, enforce_sorted=False)
            _, h = self.gru(packed)
            return self.output(h[0])

    class AttentionNet(nn.Module):
        def __init__(self, dimension=64):
            super().__init__()
            self.embedding = nn.Embedding(vocabulary, dimension, padding_idx=0)
            self.attention = nn.MultiheadAttention(dimension, 4, batch_first=True)
            self.norm = nn.LayerNorm(dimension)
            self.per_letter = nn.Linear(dimension, 128)
            self.output = nn.Linear(128, classes)
            t = torch.arange(64, dtype=torch.float64)[:, None]
            j = torch.arange(dimension, dtype=torch.float64)[None, :]
            angle = t * 10000.0 ** (-(j - j % 2) / dimension)
            self.register_buffer("sinusoids", torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle)).float())

        def forward(self, ids):
            padding = ids == 0
            x = self.embedding(ids) + self.sinusoids[:ids.shape[1]]
            a, _ = self.attention(x, x, x, key_padding_mask=padding, need_weights=False)
            h = torch.relu(self.per_letter(self.norm(x + a)))
            real = (~padding).unsqueeze(-1).float()
            return self.output((h * real).sum(1) / real.sum(1).clamp(min=1.0))

    return GruNet() if kind == "gru" else AttentionNet()


def accuracy(net, ids, labels):
    import torch
    net.eval()
    with torch.no_grad():
        correct = sum(int((net(ids[i:i + 1024]).argmax(1) == labels[i:i + 1024]).sum()) for i in range(0, len(ids), 1024))
    net.train()
    return correct / len(ids)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="gru", choices=["gru", "attention"])
    parser.add_argument("--data", required=True, help="CSV written by layerlab-cli data word-language-gru --out FILE")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1: its OpenMP threads spin on a busy machine)")
    parser.add_argument("--vocabulary", type=int, default=64, help="Embedding rows: the examples' vocabulary_size (64)")
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import torch
    import torch.nn as nn
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data = read_samples(args.data)
    train_ids, train_labels = data["train"]
    test_ids, test_labels = data["test"]
    vocabulary = args.vocabulary
    if int(max(train_ids.max(), test_ids.max())) >= vocabulary:
        parser.error(f"the data has ids up to {int(max(train_ids.max(), test_ids.max()))}; raise --vocabulary above it")
    classes = int(train_labels.max()) + 1
    net = build(args.model, vocabulary, classes)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    start = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(train_ids))
        total = 0.0
        for b in range(math.ceil(len(order) / 64)):
            batch = order[b * 64:(b + 1) * 64]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(net(train_ids[batch]), train_labels[batch])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        print(json.dumps({"framework": "pytorch", "model": args.model, "epoch": epoch, "loss": round(total / len(order), 4),
                          "test_accuracy": round(accuracy(net, test_ids, test_labels), 4),
                          "seconds": round(time.perf_counter() - start, 1)}), flush=True)
    print(json.dumps({"framework": "pytorch", "model": args.model, "train": len(train_ids), "test": len(test_ids),
                      "vocabulary": vocabulary, "torch": torch.__version__, "threads": args.threads}))


if __name__ == "__main__":
    main()
