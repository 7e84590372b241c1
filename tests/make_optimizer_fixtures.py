#!/usr/bin/python3
"""Writes tests/fixtures/optimizers.json for tests/test_optimizers.cpp: PyTorch's parameters after
each of 5 optimizer steps, learning-rate schedules, clip_grad_norm_ and L1/L2 penalties. Run with
Debian's python, which has torch 1.13:

    /usr/bin/python3 tests/make_optimizer_fixtures.py
"""
import json
import math
import pathlib

import torch

torch.manual_seed(20240608)

STEPS = 5


def tensor_json(t):
    return {"shape": list(t.shape), "data": [float(x) for x in t.detach().flatten().tolist()]}


def parameters():
    """A weight [3, 4] that decays and a bias [4] that does not (LayerLab's Parameter::decays)."""
    return [("weight", torch.randn(3, 4), True), ("bias", torch.randn(4) * 0.5, False)]


def gradient_sequence(params):
    # Sizes change from step to step so that AMSGrad's maximum and the moments matter.
    scales = [1.0, 0.5, 2.0, 0.1, 1.0]
    return [[torch.randn_like(value) * scale for _, value, _ in params] for scale in scales[:STEPS]]


def optimizer_case(name, kind, settings, make):
    params = parameters()
    grads = gradient_sequence(params)
    tensors = [value.clone().requires_grad_(True) for _, value, _ in params]
    # LayerLab applies weight decay only to parameters that decay: a parameter group without it.
    optimizer = make([{"params": [tensors[0]]}, {"params": [tensors[1]], "weight_decay": 0.0}])
    after = []
    for step_grads in grads:
        for tensor, grad in zip(tensors, step_grads):
            tensor.grad = grad.clone()
        optimizer.step()
        after.append([tensor_json(t) for t in tensors])
    return {"name": name, "kind": kind, "settings": settings,
            "parameters": [dict(tensor_json(value), name=n, decays=d) for n, value, d in params],
            "gradients": [[tensor_json(g) for g in step] for step in grads], "after": after}


def optimizer_cases():
    O = torch.optim
    rows = [
        ("SGD plain", "SGD", {"lr": 0.1}, lambda p: O.SGD(p, lr=0.1, foreach=False)),
        ("SGD momentum", "SGD", {"lr": 0.1, "momentum": 0.9}, lambda p: O.SGD(p, lr=0.1, momentum=0.9, foreach=False)),
        ("SGD nesterov", "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True},
         lambda p: O.SGD(p, lr=0.1, momentum=0.9, nesterov=True, foreach=False)),
        ("SGD dampening", "SGD", {"lr": 0.05, "momentum": 0.8, "dampening": 0.5},
         lambda p: O.SGD(p, lr=0.05, momentum=0.8, dampening=0.5, foreach=False)),
        ("SGD weight decay", "SGD", {"lr": 0.1, "weight_decay": 0.1},
         lambda p: O.SGD(p, lr=0.1, weight_decay=0.1, foreach=False)),
        ("SGD momentum and weight decay", "SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.05},
         lambda p: O.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.05, foreach=False)),
        ("RMSprop plain", "RMSprop", {}, lambda p: O.RMSprop(p, foreach=False)),
        ("RMSprop momentum", "RMSprop", {"lr": 0.005, "momentum": 0.9},
         lambda p: O.RMSprop(p, lr=0.005, momentum=0.9, foreach=False)),
        ("RMSprop centered", "RMSprop", {"alpha": 0.9, "centered": True},
         lambda p: O.RMSprop(p, alpha=0.9, centered=True, foreach=False)),
        ("RMSprop centered momentum", "RMSprop", {"centered": True, "momentum": 0.5},
         lambda p: O.RMSprop(p, centered=True, momentum=0.5, foreach=False)),
        ("RMSprop weight decay", "RMSprop", {"weight_decay": 0.1, "eps": 1e-6},
         lambda p: O.RMSprop(p, weight_decay=0.1, eps=1e-6, foreach=False)),
        ("Adam plain", "Adam", {"lr": 0.01}, lambda p: O.Adam(p, lr=0.01, foreach=False)),
        ("Adam betas", "Adam", {"lr": 0.02, "beta1": 0.8, "beta2": 0.99},
         lambda p: O.Adam(p, lr=0.02, betas=(0.8, 0.99), foreach=False)),
        ("Adam weight decay", "Adam", {"lr": 0.01, "weight_decay": 0.1},
         lambda p: O.Adam(p, lr=0.01, weight_decay=0.1, foreach=False)),
        ("Adam amsgrad", "Adam", {"lr": 0.01, "amsgrad": True},
         lambda p: O.Adam(p, lr=0.01, amsgrad=True, foreach=False)),
        ("AdamW defaults", "AdamW", {}, lambda p: O.AdamW(p, foreach=False)),
        ("AdamW weight decay amsgrad", "AdamW", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True},
         lambda p: O.AdamW(p, lr=0.01, weight_decay=0.1, amsgrad=True, foreach=False)),
        ("Adagrad plain", "Adagrad", {"lr": 0.1}, lambda p: O.Adagrad(p, lr=0.1, foreach=False)),
        ("Adagrad lr decay", "Adagrad", {"lr": 0.1, "lr_decay": 0.1},
         lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.1, foreach=False)),
        ("Adagrad initial accumulator", "Adagrad", {"lr": 0.1, "initial_accumulator_value": 0.5},
         lambda p: O.Adagrad(p, lr=0.1, initial_accumulator_value=0.5, foreach=False)),
        ("Adagrad weight decay", "Adagrad", {"lr": 0.1, "weight_decay": 0.1},
         lambda p: O.Adagrad(p, lr=0.1, weight_decay=0.1, foreach=False)),
    ]
    return [optimizer_case(*row) for row in rows]


def schedule_cases(epochs=12):
    rows = [
        ("StepLR every 3, gamma 0.5", {"kind": "step", "stepSize": 3, "gamma": 0.5}, 0.1,
         lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
        ("StepLR every 5, gamma 0.1", {"kind": "step", "stepSize": 5, "gamma": 0.1}, 0.01,
         lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=5, gamma=0.1)),
        ("Cosine to 0", {"kind": "cosine", "minLearningRate": 0.0}, 0.1,
         lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=epochs, eta_min=0.0)),
        ("Cosine to 0.001", {"kind": "cosine", "minLearningRate": 0.001}, 0.05,
         lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=epochs, eta_min=0.001)),
        ("Constant", {"kind": "constant"}, 0.003, lambda o: torch.optim.lr_scheduler.ConstantLR(o, factor=1.0)),
    ]
    out = []
    for name, schedule, base, make in rows:
        optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base)
        scheduler = make(optimizer)
        rates = []
        for _ in range(epochs):
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step()
        out.append({"name": name, "schedule": schedule, "base": base, "epochs": epochs, "rates": rates})
    return out


def clip_cases():
    out = []
    rows = (("clips", 1.0, 1.0), ("clips hard", 0.1, 3.0), ("leaves small gradients", 100.0, 1.0))
    for name, max_norm, scale in rows:
        grads = [torch.randn(3, 4) * scale, torch.randn(4) * scale, torch.randn(2, 1, 3) * scale]
        tensors = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for tensor, grad in zip(tensors, grads):
            tensor.grad = grad.clone()
        total = torch.nn.utils.clip_grad_norm_(tensors, max_norm)
        out.append({"name": name, "maxNorm": max_norm, "gradients": [tensor_json(g) for g in grads],
                    "total": total.item(), "clipped": [tensor_json(t.grad) for t in tensors]})
    return out


def regularization_cases():
    out = []
    for name, l1, l2 in (("L1", 0.01, 0.0), ("L2", 0.0, 0.01), ("L1 and L2", 0.1, 0.05)):
        params = [("weight", torch.randn(3, 4), True), ("bias", torch.randn(4), False),
                  ("kernel", torch.randn(2, 1, 3), True)]
        params[0][1][1, 2] = 0.0  # sign(0) = 0: no L1 pull on a weight that is exactly 0
        grads = [torch.randn_like(value) for _, value, _ in params]
        tensors = [value.clone().requires_grad_(True) for _, value, _ in params]
        for tensor, grad in zip(tensors, grads):
            tensor.grad = grad.clone()
        penalty = sum(l1 * t.abs().sum() + l2 * (t * t).sum() for t, (_, _, d) in zip(tensors, params) if d)
        penalty.backward()
        exact = sum(l1 * t.double().abs().sum() + l2 * (t.double() ** 2).sum()
                    for t, (_, _, d) in zip(tensors, params) if d)
        out.append({"name": name, "l1": l1, "l2": l2,
                    "parameters": [dict(tensor_json(v), name=n, decays=d) for n, v, d in params],
                    "gradients": [tensor_json(g) for g in grads], "penalty": exact.item(),
                    "after": [tensor_json(t.grad) for t in tensors]})
    return out


def one_case_per_line(fixture):
    """JSON with one line per case, so that a regenerated fixture diffs case by case."""
    parts = []
    for key, cases in fixture.items():
        if isinstance(cases, list):
            parts.append(json.dumps(key) + ": [\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]")
        else:
            parts.append(json.dumps(key) + ": " + json.dumps(cases))
    return "{" + ",\n".join(parts) + "}\n"


def main():
    fixture = {"generator": "tests/make_optimizer_fixtures.py", "torch": torch.__version__,
               "optimizers": optimizer_cases(), "schedules": schedule_cases(), "clipping": clip_cases(),
               "regularization": regularization_cases()}
    path = pathlib.Path(__file__).resolve().parent / "fixtures" / "optimizers.json"
    path.write_text(one_case_per_line(fixture))
    print(f"wrote {len(fixture['optimizers'])} optimizer cases to {path}")


if __name__ == "__main__":
    main()
