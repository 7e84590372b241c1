#!/usr/bin/python3
"""Writes tests/fixtures/models.json: PyTorch's gradients for computations that span models and
outputs, for tests/test_models.cpp. Run with Debian's python, which has torch 1.13:

    /usr/bin/python3 tests/make_model_fixtures.py

- two_models: a generator G (Linear 4→8, tanh, Linear 8→2) and a discriminator D (Linear 2→8,
  ReLU, Linear 8→1). D is frozen; the generator's loss is BCEWithLogits(D(G(z)), 1), the GAN's
  non-saturating generator loss. Holds both models' parameters, z, the loss, ∂L/∂(G's output) and
  G's parameter gradients.
- two_heads: a trunk (Linear 3→6, ReLU) feeding two heads, one regressing 2 values under MSE and
  one classifying 4 classes under cross-entropy; the loss is their sum. Holds every gradient.
Parameters are named as LayerLab names them, "node.weight", in PyTorch's layout, which LayerLab shares.
"""
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(20261203)


def tensor_json(t):
    # 9 significant digits name every float32 exactly.
    values = [float(np.format_float_positional(np.float32(v), unique=True)) for v in t.detach().flatten().tolist()]
    return {"shape": list(t.shape), "data": values}


def linear(name, inputs, outputs):
    return {name + ".weight": torch.randn(outputs, inputs) * 0.5, name + ".bias": torch.randn(outputs) * 0.1}


def params_json(params):
    return {k: tensor_json(v) for k, v in params.items()}


def grads_json(params):
    return {k: tensor_json(v.grad) for k, v in params.items()}


def two_models():
    g = {**linear("hidden", 4, 8), **linear("out", 8, 2)}
    d = {**linear("hidden", 2, 8), **linear("out", 8, 1)}
    for p in g.values():
        p.requires_grad_(True)
    z = torch.randn(6, 4)
    fake = F.linear(torch.tanh(F.linear(z, g["hidden.weight"], g["hidden.bias"])), g["out.weight"], g["out.bias"])
    fake.retain_grad()
    logits = F.linear(F.relu(F.linear(fake, d["hidden.weight"], d["hidden.bias"])), d["out.weight"], d["out.bias"])
    loss = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
    loss.backward()
    return {
        "generator": params_json(g),
        "discriminator": params_json(d),
        "z": tensor_json(z),
        "loss": loss.item(),
        "grad_fake": tensor_json(fake.grad),
        "grad_generator": grads_json(g),
    }


def two_heads():
    params = {**linear("trunk", 3, 6), **linear("values", 6, 2), **linear("classes", 6, 4)}
    for p in params.values():
        p.requires_grad_(True)
    x = torch.randn(5, 3)
    values_target = torch.randn(5, 2)
    class_target = torch.tensor([0, 3, 1, 2, 3])
    h = F.relu(F.linear(x, params["trunk.weight"], params["trunk.bias"]))
    values = F.linear(h, params["values.weight"], params["values.bias"])
    classes = F.linear(h, params["classes.weight"], params["classes.bias"])
    mse = F.mse_loss(values, values_target)
    ce = F.cross_entropy(classes, class_target)
    (mse + ce).backward()
    return {
        "parameters": params_json(params),
        "x": tensor_json(x),
        "values_target": tensor_json(values_target),
        "class_target": tensor_json(class_target.float()),
        "mse": mse.item(),
        "cross_entropy": ce.item(),
        "grad_parameters": grads_json(params),
    }


fixtures = {"two_models": two_models(), "two_heads": two_heads()}
path = pathlib.Path(__file__).resolve().parent / "fixtures" / "models.json"
path.write_text(json.dumps(fixtures, indent=1) + "\n")
print("wrote", path)
