#!/usr/bin/python3
"""PyTorch twin of `layerlab-cli train gan-ring`: the same two networks, read layer for layer from
resources/examples/gan-ring.layerlab.json (Dense layers and their activations), and the same
adversarial loop: per batch of real points, d_steps discriminator steps on the real batch and
fresh noise (the loss, one-sided label smoothing, the zero-centred or WGAN gradient penalty at
points between real and fake samples), then one generator step through the frozen discriminator;
Adam for both with the file's rates and betas, and its learning-rate schedule (constant or cosine).

It times each epoch's batch loop and prints, as one JSON object, epochs/s and the mode coverage of
2,000 samples at the end (the share within 3σ of each Gaussian, and of any), measured as
layerlab-cli measures it, and the BLAS library the process loaded (from /proc/self/maps).

Run it with Debian's python3-torch (/usr/bin/python3). Weights start from PyTorch's own
initialisation and the ring's points are drawn by numpy, so runs match LayerLab's in kind, not bit
for bit.
"""

import argparse
import json
import math
import os
import pathlib
import statistics
import time

import numpy as np
import torch
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parent.parent
ACTIVATIONS = {"relu": nn.ReLU, "leaky_relu": lambda: nn.LeakyReLU(0.01), "tanh": nn.Tanh,
               "sigmoid": nn.Sigmoid, "elu": nn.ELU, "gelu": nn.GELU, "linear": None}


def network(project, which):
    """The chain of Dense layers tagged `which` ("generator", "discriminator"), in edge order."""
    nodes = {n["id"]: n for n in project["graph"]["nodes"] if n.get("network") == which}
    following = {e["from"]: e["to"] for e in project["graph"]["edges"] if e["from"] in nodes}
    node = next(n for n in nodes.values() if n["kind"] == "Input")
    width, layers = node["settings"]["shape"][0], []
    while node["id"] in following:
        node = nodes[following[node["id"]]]
        if node["kind"] != "Dense":
            raise SystemExit(f"error: {node['name']} is a {node['kind']}; this twin reads Dense layers only")
        layers.append(nn.Linear(width, node["settings"]["units"]))
        width = node["settings"]["units"]
        activation = ACTIVATIONS[node["settings"].get("activation", "linear")]
        if activation:
            layers.append(activation())
    return nn.Sequential(*layers)


def ring(count, sigma, rng):
    """count points, point i from Gaussian i mod 8 on the circle of radius 2 (datasets/mixtureset.cpp)."""
    centres = ring_centres()
    points = centres[np.arange(count) % 8] + rng.normal(0.0, sigma, (count, 2))
    return torch.tensor(points, dtype=torch.float32)


def ring_centres():
    angles = 2 * np.pi * np.arange(8) / 8
    return np.stack([2 * np.cos(angles), 2 * np.sin(angles)], axis=1)


def coverage(samples, sigma):
    """(share per mode, share near any mode): each point counted for its nearest centre within 3σ."""
    distances = np.linalg.norm(samples[:, None, :] - ring_centres()[None, :, :], axis=2)
    nearest, near = distances.argmin(axis=1), distances.min(axis=1) <= 3 * sigma
    shares = [float(np.mean(near & (nearest == m))) for m in range(8)]
    return shares, float(near.mean())


def discriminator_loss(kind, d_real, d_fake, smoothing):
    if kind == "wasserstein-gp":
        return d_fake.mean() - d_real.mean()
    if kind == "least-squares":
        return ((d_real - (1 - smoothing)) ** 2).mean() + (d_fake ** 2).mean()
    bce = nn.functional.binary_cross_entropy_with_logits
    return bce(d_real, torch.full_like(d_real, 1 - smoothing)) + bce(d_fake, torch.zeros_like(d_fake))


def generator_loss(kind, d_fake):
    if kind == "wasserstein-gp":
        return -d_fake.mean()
    if kind == "least-squares":
        return ((d_fake - 1) ** 2).mean()
    bce = nn.functional.binary_cross_entropy_with_logits
    if kind == "minimax":
        return -bce(d_fake, torch.zeros_like(d_fake))
    return bce(d_fake, torch.ones_like(d_fake))


def penalty(d, real, fake, centre):
    """mean_i (‖∇x D(x̂_i)‖ − centre)² at x̂ = ε·real + (1 − ε)·fake, ε ~ U(0, 1) per sample."""
    e = torch.rand(len(real), 1)
    mixed = (e * real + (1 - e) * fake).requires_grad_(True)
    grad, = torch.autograd.grad(d(mixed).sum(), mixed, create_graph=True)
    return ((grad.norm(dim=1) - centre) ** 2).mean()


def noise(kind, n, z):
    return torch.rand(n, z) * 2 - 1 if kind == "uniform" else torch.randn(n, z)


def adam(parameters, settings):
    return torch.optim.Adam(parameters, lr=settings.get("lr", 1e-3),
                            betas=(settings.get("beta1", 0.9), settings.get("beta2", 0.999)))


def loaded_blas():
    with open("/proc/self/maps") as maps:
        names = {os.path.basename(line.split()[-1]) for line in maps if "blas" in line.lower()}
    return ", ".join(sorted(names)) or "none"


def train(project, epochs, seed):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    data, gan, training = project["data"], project["gan"], project["training"]
    g, d = network(project, "generator"), network(project, "discriminator")
    z = g[0].in_features
    d_opt = adam(d.parameters(), training["optimizer_settings"])
    g_opt = adam(g.parameters(), gan.get("generator_optimizer_settings") or training["optimizer_settings"])
    cosine = training.get("schedule", {}).get("kind") == "cosine"
    real_all = ring(data["samples"], data["noise"], rng)
    kind, smoothing, batch = gan["loss"], gan.get("label_smoothing", 0.0), training["batch_size"]
    wasserstein = kind == "wasserstein-gp"
    lam = gan.get("gradient_penalty", 10.0) if wasserstein else gan.get("zero_centred_penalty", 0.0)
    seconds = []
    for epoch in range(epochs):
        for opt in (d_opt, g_opt):
            for group in opt.param_groups:
                group.setdefault("initial_lr", group["lr"])
                if cosine:  # LayerLab's closed form with min_lr 0
                    group["lr"] = group["initial_lr"] * 0.5 * (1 + math.cos(math.pi * epoch / epochs))
        order = torch.from_numpy(rng.permutation(len(real_all)))
        start = time.perf_counter()
        for begin in range(0, len(real_all), batch):
            real = real_all[order[begin:begin + batch]]
            for _ in range(max(gan.get("d_steps", 1), 1)):
                fake = g(noise(gan["noise"], len(real), z)).detach()
                loss = discriminator_loss(kind, d(real), d(fake), smoothing)
                if lam > 0:
                    loss = loss + lam * penalty(d, real, fake, 1.0 if wasserstein else 0.0)
                d_opt.zero_grad()
                loss.backward()
                d_opt.step()
            for p in d.parameters():
                p.requires_grad_(False)  # D frozen while G steps
            g_loss = generator_loss(kind, d(g(noise(gan["noise"], len(real), z))))
            g_opt.zero_grad()
            g_loss.backward()
            g_opt.step()
            for p in d.parameters():
                p.requires_grad_(True)
        seconds.append(time.perf_counter() - start)
    with torch.no_grad():
        samples = g(noise(gan["noise"], 2000, z)).numpy()
    shares, near = coverage(samples, data["noise"])
    return seconds, shares, near


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", default=str(ROOT / "resources" / "examples" / "gan-ring.layerlab.json"))
    parser.add_argument("--epochs", type=int, default=0, help="0: the project's")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    project = json.loads(pathlib.Path(args.project).read_text())
    epochs = args.epochs or project["training"]["epochs"]
    seconds, shares, near = train(project, epochs, args.seed)
    print(json.dumps({"framework": "pytorch", "torch": torch.__version__, "blas": loaded_blas(),
                      "threads": args.threads, "seed": args.seed, "epochs": epochs,
                      "epochs_per_second": epochs / sum(seconds), "median_epoch_seconds": statistics.median(seconds),
                      "modes_covered": sum(s >= 0.05 for s in shares), "near_mode": near, "mode_shares": shares,
                      "load_average": os.getloadavg()}))


if __name__ == "__main__":
    main()
