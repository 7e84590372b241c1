#!/usr/bin/python3
"""Writes tests/fixtures/losses.json: PyTorch's loss value and gradient for every LayerLab loss on
fixed inputs, for tests/test_losses.cpp. Run with Debian's python, which has torch 1.13:

    /usr/bin/python3 tests/make_loss_fixtures.py
"""
import json
import pathlib

import torch
import torch.nn.functional as F

torch.manual_seed(20240607)


def tensor_json(t):
    return {"shape": list(t.shape), "data": [float(x) for x in t.detach().flatten().tolist()]}


def case(name, kind, settings, prediction, target, loss_fn):
    prediction = prediction.float()
    target = target.float()
    p = prediction.clone().requires_grad_(True)
    loss = loss_fn(p, target)
    loss.backward()
    return {"name": name, "kind": kind, "settings": settings,
            "prediction": tensor_json(prediction), "target": tensor_json(target),
            "loss": loss.item(), "gradient": tensor_json(p.grad)}


def uniform(shape, low, high):
    return torch.rand(shape) * (high - low) + low


def labels(samples, classes):
    return torch.randint(0, classes, (samples,)).float()


def regression_cases():
    out = []
    mse = lambda p, t: F.mse_loss(p, t)
    out.append(case("MSE 4x3", "MSE", {}, uniform((4, 3), -2, 2), uniform((4, 3), -2, 2), mse))
    out.append(case("MSE 8x1", "MSE", {}, uniform((8, 1), -5, 5), uniform((8, 1), -5, 5), mse))
    prediction = uniform((4, 3), -2, 2)
    target = uniform((4, 3), -2, 2)
    target[1, 2] = prediction[1, 2]  # |p − t| = 0: PyTorch's gradient there is sign(0) = 0
    out.append(case("MAE 4x3 with an exact hit", "MAE", {}, prediction, target, lambda p, t: F.l1_loss(p, t)))
    out.append(case("MAE 2x2x3", "MAE", {}, uniform((2, 2, 3), -1, 1), uniform((2, 2, 3), -1, 1),
                    lambda p, t: F.l1_loss(p, t)))
    for beta in (1.0, 0.5, 2.0, 0.0):
        out.append(case(f"SmoothL1 beta {beta}", "SmoothL1", {"beta": beta},
                        uniform((5, 4), -3, 3), uniform((5, 4), -1, 1),
                        lambda p, t, beta=beta: F.smooth_l1_loss(p, t, beta=beta)))
    return out


def binary_cases():
    bce = lambda p, t: F.binary_cross_entropy_with_logits(p, t)
    return [
        case("BCE 4x3", "BinaryCrossEntropy", {}, uniform((4, 3), -4, 4),
             torch.randint(0, 2, (4, 3)), bce),
        case("BCE 6x1", "BinaryCrossEntropy", {}, uniform((6, 1), -2, 2), torch.randint(0, 2, (6, 1)), bce),
        case("BCE large logits", "BinaryCrossEntropy", {}, torch.tensor([[40.0, -40.0], [-90.0, 90.0]]),
             torch.tensor([[0.0, 1.0], [0.0, 1.0]]), bce),
    ]


def categorical_cases():
    out = []
    for classes, samples in ((2, 5), (3, 6), (10, 8)):
        for smoothing in (0.0, 0.1):
            out.append(case(f"CE {classes} classes smoothing {smoothing}", "CrossEntropy",
                            {"label_smoothing": smoothing}, uniform((samples, classes), -3, 3),
                            labels(samples, classes),
                            lambda p, t, s=smoothing: F.cross_entropy(p, t.long(), label_smoothing=s)))
    logits = torch.tensor([[100.0, -100.0, 50.0], [-80.0, 0.0, 80.0], [30.0, 30.0, 30.0]])
    out.append(case("CE large logits", "CrossEntropy", {"label_smoothing": 0.3}, logits,
                    torch.tensor([2.0, 0.0, 1.0]),
                    lambda p, t: F.cross_entropy(p, t.long(), label_smoothing=0.3)))
    return out


def one_case_per_line(fixture):
    """JSON with one line per case, so that a regenerated fixture diffs case by case."""
    head = {key: value for key, value in fixture.items() if key != "cases"}
    lines = ",\n".join(json.dumps(c) for c in fixture["cases"])
    return json.dumps(head)[:-1] + ', "cases": [\n' + lines + "\n]}\n"


def main():
    fixture = {"generator": "tests/make_loss_fixtures.py", "torch": torch.__version__,
               "cases": regression_cases() + binary_cases() + categorical_cases()}
    path = pathlib.Path(__file__).resolve().parent / "fixtures" / "losses.json"
    path.write_text(one_case_per_line(fixture))
    print(f"wrote {len(fixture['cases'])} cases to {path}")


if __name__ == "__main__":
    main()
