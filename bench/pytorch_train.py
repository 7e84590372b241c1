#!/usr/bin/python3
"""PyTorch twin of layerlab-bench: one epoch of a bundled Fashion-MNIST example, the MLP
784-256-128-10 (ReLU) or the CNN (Conv 32@3×3 same padding, ReLU, MaxPool 2, Conv 64@3×3 same
padding, ReLU, MaxPool 2, Dense 128, ReLU, Dense 10), batch 64, Adam(lr=1e-3), cross-entropy, shuffled, on the CPU; prints
samples/s as JSON.

Run it with Debian's python3-torch (/usr/bin/python3), not a pyenv python. The images are
converted to float /255 once, before the clock, as a PyTorch user preloads a data set. The timed
loop then does per batch: index the batch's float rows, zero the gradients, forward, loss, running
accuracy, backward, Adam step, and read the loss (LayerLab computes it in double every step).
Shuffling happens before the clock starts, as in LayerLab, and the test evaluation after it stops.
The JSON names the BLAS libraries the process mapped (/proc/self/maps), so that a run on
Debian's reference BLAS cannot pass for one on OpenBLAS.
"""

import argparse
import gzip
import json
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
from torch import nn

from pytorch_sequence import loaded_allocator, loaded_blas


def read_idx(path):
    """An IDX file (optionally gzipped) as a uint8 numpy array of its declared shape."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, dtype, rank = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError(f"{path} is not an IDX file of unsigned bytes")
    shape = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def find_file(folder, stem):
    for name in (stem + ".gz", stem):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    sys.exit(f"error: {stem}(.gz) not found in {folder}; install dataset-fashion-mnist or set LAYERLAB_DATA")


def load_fashion_mnist(folder):
    """(train images [60000, 784] uint8, train labels int64, test images, test labels)."""
    def split(prefix):
        images = read_idx(find_file(folder, f"{prefix}-images-idx3-ubyte"))
        labels = read_idx(find_file(folder, f"{prefix}-labels-idx1-ubyte"))
        return (torch.from_numpy(images.reshape(len(images), -1).copy()),
                torch.from_numpy(labels.astype(np.int64)))
    return (*split("train"), *split("t10k"))


# The bundled examples, layer for layer (resources/examples/NAME.layerlab.json), and the shape of
# one input sample.
MODELS = {
    "fashion-mnist-mlp": (lambda: nn.Sequential(nn.Linear(784, 256), nn.ReLU(),
                                                nn.Linear(256, 128), nn.ReLU(),
                                                nn.Linear(128, 10)), (784,)),
    "fashion-mnist-cnn": (lambda: nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                                nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                                nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(),
                                                nn.Linear(128, 10)), (1, 28, 28)),
}


def train_epoch(model, sample_shape, images, labels, batch_size, lr, generator):
    """One epoch over float images [N, features]; returns (seconds of the batch loop, mean loss,
    running accuracy)."""
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    order = torch.randperm(len(images), generator=generator)
    model.train()
    loss_sum = 0.0
    correct = torch.zeros((), dtype=torch.int64)
    start = time.perf_counter()
    for begin in range(0, len(images), batch_size):
        index = order[begin:begin + batch_size]
        x = images[index].view(-1, *sample_shape)
        y = labels[index]
        optimizer.zero_grad(set_to_none=True)
        output = model(x)
        loss = criterion(output, y)
        correct += (output.argmax(dim=1) == y).sum()
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * len(index)
    seconds = time.perf_counter() - start
    return seconds, loss_sum / len(images), correct.item() / len(images)


@torch.no_grad()
def accuracy(model, sample_shape, images, labels, batch_size=256):
    model.eval()
    correct = 0
    for begin in range(0, len(images), batch_size):
        x = images[begin:begin + batch_size].view(-1, *sample_shape)
        correct += (model(x).argmax(dim=1) == labels[begin:begin + batch_size]).sum().item()
    return correct / len(images)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", default="fashion-mnist-mlp", choices=sorted(MODELS),
                        help="which bundled example to mirror")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (intra-op threads)")
    parser.add_argument("--repeats", type=int, default=3, help="epochs from fresh weights; the median is reported")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--train-samples", type=int, default=54000,
                        help="the first N training images (LayerLab's project keeps 90%% of 60000 after "
                             "its validation split)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default=os.environ.get("LAYERLAB_DATA", "/usr/share/datasets/fashion-mnist"))
    parser.add_argument("--json", action="store_true", help="print only the JSON result line")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    train_x, train_y, test_x, test_y = load_fashion_mnist(args.data)
    train_x, train_y = train_x[:args.train_samples], train_y[:args.train_samples]
    train_x = train_x.float().div_(255.0)  # preloaded as float, outside the clock
    test_x = test_x.float().div_(255.0)
    torch.ones(64, 64) @ torch.ones(64, 64)  # loads the BLAS
    blas = loaded_blas()

    runs = []
    for repeat in range(args.repeats):
        torch.manual_seed(args.seed + repeat)
        generator = torch.Generator().manual_seed(args.seed + repeat)
        make_model, sample_shape = MODELS[args.project]
        model = make_model()
        seconds, loss, train_accuracy = train_epoch(model, sample_shape, train_x, train_y, args.batch, args.lr,
                                                    generator)
        runs.append({"seconds": seconds, "samples_per_second": len(train_x) / seconds, "train_loss": loss,
                     "train_accuracy": train_accuracy,
                     "test_accuracy": accuracy(model, sample_shape, test_x, test_y)})
        if not args.json:
            r = runs[-1]
            print(f"repeat {repeat + 1}: {r['samples_per_second']:.0f} samples/s ({r['seconds']:.3f} s), "
                  f"loss {r['train_loss']:.4f}, test accuracy {100 * r['test_accuracy']:.2f}%", file=sys.stderr)

    result = {
        "framework": "pytorch",
        "project": args.project,
        "version": torch.__version__,
        "threads": torch.get_num_threads(),
        "openblas_threads": os.environ.get("OPENBLAS_NUM_THREADS", ""),
        "blas": blas,
        "allocator": loaded_allocator(),
        "batch": args.batch,
        "train_samples": len(train_x),
        "samples_per_second": statistics.median(r["samples_per_second"] for r in runs),
        "seconds": statistics.median(r["seconds"] for r in runs),
        "test_accuracy": statistics.median(r["test_accuracy"] for r in runs),
        "runs": runs,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
