#!/usr/bin/python3
"""Writes tests/fixtures/layers.json: PyTorch's forward output, input gradients and parameter
gradients for every LayerLab layer kind on fixed seeded inputs, for tests/test_layers.cpp.
Run with Debian's python, which has torch 1.13:

    /usr/bin/python3 tests/make_layer_fixtures.py

Each case holds the layer kind and settings as LayerLab names them, the inputs, the parameters
(in PyTorch's layout, which LayerLab shares), the upstream gradient, and what PyTorch computes.
Layers with running statistics may also hold `buffers` (values to load before running) and
`buffers_after` (the buffers after PyTorch's training forward).
"""
import json
import pathlib
import re

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(20240611)

ACTIVATIONS = {
    "linear": lambda x: x,
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "elu": lambda x: F.elu(x, alpha=1.0),
    "gelu": F.gelu,  # exact erf form, PyTorch's default
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax": lambda x: torch.softmax(x, dim=-1),
}


def tensor_json(t):
    # 9 significant digits name every float32 exactly.
    values = [float(np.format_float_positional(np.float32(v), unique=True)) for v in t.detach().flatten().tolist()]
    return {"shape": list(t.shape), "data": values}


def case(name, kind, settings, inputs, function, parameters=None, training=False):
    """Runs function(*inputs, **parameters) with autograd and records everything the test needs."""
    inputs = [x.float().requires_grad_(True) for x in inputs]
    parameters = {k: v.float().requires_grad_(True) for k, v in (parameters or {}).items()}
    output = function(*inputs, **parameters)
    grad_output = torch.randn(output.shape)
    output.backward(grad_output)
    return {
        "name": name,
        "kind": kind,
        "settings": settings,
        "training": training,
        "inputs": [tensor_json(x) for x in inputs],
        "parameters": {k: tensor_json(v) for k, v in parameters.items()},
        "grad_output": tensor_json(grad_output),
        "output": tensor_json(output),
        # An input the function does not differentiate (token ids) gets zeros.
        "grad_inputs": [tensor_json(x.grad if x.grad is not None else torch.zeros_like(x)) for x in inputs],
        "grad_parameters": {k: tensor_json(v.grad) for k, v in parameters.items()},
    }


def dense_case(name, activation, use_bias, batch, features, units):
    parameters = {"weight": torch.randn(units, features) / features ** 0.5}
    if use_bias:
        parameters["bias"] = torch.randn(units) * 0.5
    f = ACTIVATIONS[activation]
    return case(name, "Dense", {"units": units, "activation": activation, "use_bias": use_bias},
                [torch.randn(batch, features)], lambda x, **p: f(F.linear(x, p["weight"], p.get("bias"))),
                parameters)


def dense_cases():
    cases = []
    for activation in ACTIVATIONS:
        for use_bias in (True, False):
            suffix = "" if use_bias else "_nobias"
            cases.append(dense_case(f"dense_{activation}{suffix}", activation, use_bias, 4, 6, 5))
    cases.append(dense_case("dense_relu_wide", "relu", True, 16, 40, 24))
    cases.append(dense_case("dense_gelu_wide", "gelu", True, 16, 40, 24))
    return cases


def activation_cases():
    kinds = [
        ("ReLU", {}, F.relu),
        ("LeakyReLU", {}, lambda x: F.leaky_relu(x, 0.01)),
        ("LeakyReLU", {"negative_slope": 0.2}, lambda x: F.leaky_relu(x, 0.2)),
        ("ELU", {}, lambda x: F.elu(x, alpha=1.0)),
        ("ELU", {"alpha": 0.5}, lambda x: F.elu(x, alpha=0.5)),
        ("GELU", {}, F.gelu),
        ("Sigmoid", {}, torch.sigmoid),
        ("Tanh", {}, torch.tanh),
        ("Softmax", {}, lambda x: torch.softmax(x, dim=-1)),
        ("Linear", {}, lambda x: x),
    ]
    cases = []
    for kind, settings, f in kinds:
        for shape in ([3, 5], [2, 3, 4, 4]):
            tag = "_".join(f"{k}{v}" for k, v in settings.items())
            name = f"{kind.lower()}{'_' + tag if tag else ''}_{'x'.join(map(str, shape))}"
            cases.append(case(name, kind, settings, [torch.randn(shape) * 2.0], f))
    return cases


def shape_and_merge_cases():
    return [
        case("flatten_2x3x4x4", "Flatten", {}, [torch.randn(2, 3, 4, 4)], lambda x: torch.flatten(x, 1)),
        case("reshape_2x12_to_3x-1", "Reshape", {"shape": [3, -1]}, [torch.randn(2, 12)],
             lambda x: x.reshape(2, 3, -1)),
        case("reshape_2x2x3x4_to_4x6", "Reshape", {"shape": [4, 6]}, [torch.randn(2, 2, 3, 4)],
             lambda x: x.reshape(2, 4, 6)),
        case("dropout_eval", "Dropout", {"rate": 0.5}, [torch.randn(3, 5)],
             lambda x: F.dropout(x, 0.5, training=False)),
        case("add_two", "Add", {}, [torch.randn(3, 4), torch.randn(3, 4)], lambda a, b: a + b),
        case("add_three", "Add", {}, [torch.randn(2, 3, 4, 4) for _ in range(3)], lambda a, b, c: a + b + c),
        case("concat_last", "Concat", {}, [torch.randn(2, 3), torch.randn(2, 5)],
             lambda a, b: torch.cat([a, b], dim=-1)),
        case("concat_axis1", "Concat", {"axis": 1}, [torch.randn(2, 3, 4), torch.randn(2, 2, 4)],
             lambda a, b: torch.cat([a, b], dim=1)),
        case("concat_axis2_three", "Concat", {"axis": 2},
             [torch.randn(2, 3, 2, 4), torch.randn(2, 3, 3, 4), torch.randn(2, 3, 1, 4)],
             lambda a, b, c: torch.cat([a, b, c], dim=2)),
    ]


def conv2d_case(name, shape, filters, kernel, stride=1, padding="valid", padding_size=0, dilation=1, groups=1,
                use_bias=True, activation="linear"):
    channels = shape[1]
    fan_in = channels // groups * kernel * kernel
    parameters = {"weight": torch.randn(filters, channels // groups, kernel, kernel) / fan_in ** 0.5}
    if use_bias:
        parameters["bias"] = torch.randn(filters) * 0.5
    settings = {"filters": filters, "kernel_size": kernel, "stride": stride, "padding": padding,
                "dilation": dilation, "groups": groups, "use_bias": use_bias, "activation": activation}
    if padding == "explicit":
        settings["padding_size"] = padding_size
    torch_padding = padding_size if padding == "explicit" else padding
    f = ACTIVATIONS[activation]
    return case(name, "Conv2D", settings, [torch.randn(shape)],
                lambda x, **p: f(F.conv2d(x, p["weight"], p.get("bias"), stride, torch_padding, dilation, groups)),
                parameters)


def conv_transpose2d_case(name, shape, filters, kernel, stride, padding, output_padding=0, dilation=1, groups=1,
                          use_bias=True, activation="linear"):
    channels = shape[1]
    parameters = {"weight": torch.randn(channels, filters // groups, kernel, kernel) / (channels * kernel) ** 0.5}
    if use_bias:
        parameters["bias"] = torch.randn(filters) * 0.5
    settings = {"filters": filters, "kernel_size": kernel, "stride": stride, "padding": padding,
                "output_padding": output_padding, "dilation": dilation, "groups": groups, "use_bias": use_bias,
                "activation": activation}
    f = ACTIVATIONS[activation]
    return case(name, "ConvTranspose2D", settings, [torch.randn(shape)],
                lambda x, **p: f(F.conv_transpose2d(x, p["weight"], p.get("bias"), stride, padding, output_padding,
                                                    groups, dilation)),
                parameters)


def convolution_cases():
    return [
        conv2d_case("conv2d_3x3_valid", [2, 3, 6, 5], 4, 3),
        conv2d_case("conv2d_relu_fashion_like", [4, 1, 12, 12], 8, 3, activation="relu"),
        conv2d_case("conv2d_stride2_pad1", [2, 2, 7, 6], 3, 3, stride=2, padding="explicit", padding_size=1),
        conv2d_case("conv2d_same_odd", [2, 3, 5, 5], 4, 3, padding="same", activation="tanh"),
        conv2d_case("conv2d_same_even_kernel", [1, 2, 4, 5], 3, 2, padding="same"),
        conv2d_case("conv2d_same_dilation2", [2, 2, 7, 7], 3, 3, padding="same", dilation=2, activation="gelu"),
        conv2d_case("conv2d_dilation2_stride2", [2, 2, 9, 8], 2, 3, stride=2, dilation=2),
        conv2d_case("conv2d_groups2", [2, 4, 5, 5], 6, 3, groups=2, activation="elu"),
        conv2d_case("conv2d_depthwise", [2, 3, 5, 5], 3, 3, groups=3, padding="same", use_bias=False),
        conv2d_case("conv2d_1x1", [2, 3, 4, 4], 5, 1, use_bias=False),
        conv2d_case("conv2d_1x1_stride2", [2, 3, 5, 5], 2, 1, stride=2, activation="sigmoid"),
        conv2d_case("conv2d_wide", [2, 8, 6, 6], 16, 3, padding="same", activation="relu"),
        conv_transpose2d_case("convtranspose2d_double", [2, 3, 3, 3], 2, 4, 2, 1),
        conv_transpose2d_case("convtranspose2d_stride1", [2, 2, 4, 4], 3, 3, 1, 0, activation="tanh"),
        conv_transpose2d_case("convtranspose2d_output_padding", [1, 2, 3, 4], 3, 3, 2, 1, output_padding=1),
        conv_transpose2d_case("convtranspose2d_groups2", [2, 4, 3, 3], 4, 3, 2, 0, groups=2, activation="relu"),
        conv_transpose2d_case("convtranspose2d_dilation2", [2, 2, 3, 3], 2, 3, 1, 1, dilation=2, use_bias=False),
        conv_transpose2d_case("convtranspose2d_1x1", [2, 3, 4, 4], 2, 1, 1, 0, activation="gelu"),
        conv_transpose2d_case("convtranspose2d_wide", [2, 16, 3, 3], 8, 4, 2, 1, activation="relu"),
    ]
def pooling_cases():
    """MaxPool2D, AvgPool2D, GlobalAveragePool and Upsample on [N, C, H, W] images."""
    windows = [  # LayerLab settings, PyTorch arguments, input shape
        ({"kernel_size": 2}, dict(kernel_size=2), [2, 3, 6, 6]),
        ({"kernel_size": 3, "stride": 2}, dict(kernel_size=3, stride=2), [2, 3, 7, 7]),
        ({"kernel_size": 2, "stride": 1}, dict(kernel_size=2, stride=1), [2, 2, 5, 5]),
        ({"kernel_size": 3, "stride": 1, "padding": 1}, dict(kernel_size=3, stride=1, padding=1), [2, 2, 5, 5]),
        ({"kernel_size": 2, "padding": 1}, dict(kernel_size=2, stride=2, padding=1), [2, 2, 5, 5]),
        ({"kernel_size": 3, "stride": 2, "padding": 1}, dict(kernel_size=3, stride=2, padding=1), [2, 3, 5, 7]),
    ]
    cases = []
    for settings, args, shape in windows:
        tag = "_".join(f"{k[0]}{v}" for k, v in args.items()) + "_" + "x".join(map(str, shape))
        cases.append(case(f"maxpool_{tag}", "MaxPool2D", settings, [torch.randn(shape)],
                          lambda x, a=args: F.max_pool2d(x, **a)))
    # All values negative: a padded position (−inf in PyTorch) must never win, not even over zero.
    cases.append(case("maxpool_k3_s1_p1_negative", "MaxPool2D", {"kernel_size": 3, "stride": 1, "padding": 1},
                      [-torch.rand(2, 2, 4, 4) - 0.5], lambda x: F.max_pool2d(x, 3, 1, 1)))
    # Many equal values: the first maximum in row-major window order wins (PyTorch's CPU rule).
    cases.append(case("maxpool_k3_s2_p1_ties", "MaxPool2D", {"kernel_size": 3, "stride": 2, "padding": 1},
                      [torch.randint(0, 3, (2, 2, 5, 6)).float()], lambda x: F.max_pool2d(x, 3, 2, 1)))
    for settings, args, shape in windows:
        tag = "_".join(f"{k[0]}{v}" for k, v in args.items()) + "_" + "x".join(map(str, shape))
        cases.append(case(f"avgpool_{tag}", "AvgPool2D", settings, [torch.randn(shape)],
                          lambda x, a=args: F.avg_pool2d(x, **a)))
        if args.get("padding"):
            cases.append(case(f"avgpool_{tag}_exclude_pad", "AvgPool2D", {**settings, "count_include_pad": False},
                              [torch.randn(shape)], lambda x, a=args: F.avg_pool2d(x, **a, count_include_pad=False)))
    cases += [
        case("globalaveragepool_2x3x4x5", "GlobalAveragePool", {}, [torch.randn(2, 3, 4, 5)],
             lambda x: x.mean((2, 3))),
        case("globalaveragepool_3x4x1x1", "GlobalAveragePool", {}, [torch.randn(3, 4, 1, 1)],
             lambda x: x.mean((2, 3))),
        case("upsample_2_2x3x3x4", "Upsample", {}, [torch.randn(2, 3, 3, 4)],
             lambda x: F.interpolate(x, scale_factor=2, mode="nearest")),
        case("upsample_3_2x2x2x3", "Upsample", {"scale_factor": 3}, [torch.randn(2, 2, 2, 3)],
             lambda x: F.interpolate(x, scale_factor=3, mode="nearest")),
    ]
    return cases


def batch_norm_case(name, shape, training, settings=None, buffers=None, offset=0.0):
    """F.batch_norm on its own running buffers: `buffers` (loaded into LayerLab's layer first) or
    PyTorch's zeros and ones; a training case also records the buffers after the forward."""
    settings = settings or {}
    channels = shape[1]
    x = torch.randn(shape) + offset
    parameters = {}
    if settings.get("affine", True):
        parameters = {"weight": 1.0 + 0.5 * torch.randn(channels), "bias": 0.5 * torch.randn(channels)}
    running = {"running_mean": torch.zeros(channels), "running_var": torch.ones(channels)}
    if buffers:
        running = {k: v.clone() for k, v in buffers.items()}

    def f(x, **p):
        return F.batch_norm(x, running["running_mean"], running["running_var"], p.get("weight"), p.get("bias"),
                            training=training, momentum=settings.get("momentum", 0.1), eps=settings.get("eps", 1e-5))

    result = case(name, "BatchNorm", settings, [x], f, parameters, training)
    if buffers:
        result["buffers"] = {k: tensor_json(v) for k, v in buffers.items()}
    if training:
        result["buffers_after"] = {k: tensor_json(v) for k, v in running.items()}
    return result


def running_stats(channels):
    return {"running_mean": torch.randn(channels) * 0.5, "running_var": 0.5 + torch.rand(channels) * 1.5}


def layer_norm_case(name, shape, settings=None, training=False):
    settings = settings or {}
    sample = shape[1:]
    parameters = {}
    if settings.get("affine", True):
        parameters = {"weight": 1.0 + 0.5 * torch.randn(sample), "bias": 0.5 * torch.randn(sample)}
    eps = settings.get("eps", 1e-5)
    return case(name, "LayerNorm", settings, [torch.randn(shape) * 2.0 + 0.5],
                lambda x, **p: F.layer_norm(x, sample, p.get("weight"), p.get("bias"), eps), parameters, training)


def normalization_cases():
    return [
        batch_norm_case("batchnorm_train_4x5", [4, 5], True),
        batch_norm_case("batchnorm_train_2x3x5", [2, 3, 5], True),
        batch_norm_case("batchnorm_train_3x2x3x3", [3, 2, 3, 3], True),
        batch_norm_case("batchnorm_train_momentum0.3_eps1e-3_3x4x2x2", [3, 4, 2, 2], True,
                        {"momentum": 0.3, "eps": 1e-3}, running_stats(4)),
        batch_norm_case("batchnorm_train_noaffine_6x3", [6, 3], True, {"affine": False}),
        batch_norm_case("batchnorm_train_noaffine_2x3x4x4", [2, 3, 4, 4], True, {"affine": False}),
        batch_norm_case("batchnorm_train_offset_8x3x4x4", [8, 3, 4, 4], True, offset=3.0),
        batch_norm_case("batchnorm_eval_4x5", [4, 5], False, buffers=running_stats(5)),
        batch_norm_case("batchnorm_eval_2x3x5", [2, 3, 5], False, {"eps": 1e-3}, running_stats(3)),
        batch_norm_case("batchnorm_eval_2x3x4x4", [2, 3, 4, 4], False, buffers=running_stats(3)),
        batch_norm_case("batchnorm_eval_noaffine_3x2x3x3", [3, 2, 3, 3], False, {"affine": False}, running_stats(2)),
        layer_norm_case("layernorm_3x5", [3, 5]),
        layer_norm_case("layernorm_2x3x5", [2, 3, 5], training=True),
        layer_norm_case("layernorm_2x3x4x4", [2, 3, 4, 4]),
        layer_norm_case("layernorm_eps1e-3_4x6", [4, 6], {"eps": 1e-3}),
        layer_norm_case("layernorm_noaffine_2x3x4x4", [2, 3, 4, 4], {"affine": False}),
    ]


def ports_case(name, kind, settings, inputs, function):
    """The same for a kind with several output ports: function returns a tuple, one tensor per port."""
    inputs = [x.float().requires_grad_(True) for x in inputs]
    outputs = function(*inputs)
    grad_outputs = [torch.randn(o.shape) for o in outputs]
    torch.autograd.backward(outputs, grad_outputs)
    return {
        "name": name,
        "kind": kind,
        "settings": settings,
        "training": False,
        "inputs": [tensor_json(x) for x in inputs],
        "parameters": {},
        "grad_outputs": [tensor_json(g) for g in grad_outputs],
        "outputs": [tensor_json(o) for o in outputs],
        "grad_inputs": [tensor_json(x.grad) for x in inputs],
        "grad_parameters": {},
    }


def split_cases():
    # Last in the file, so that adding them left every earlier case's random draws as they were.
    return [
        ports_case("split_last_two", "Split", {}, [torch.randn(3, 8)], lambda x: torch.chunk(x, 2, dim=-1)),
        ports_case("split_channels_three", "Split", {"parts": 3, "axis": 1}, [torch.randn(2, 6, 2, 3)],
                   lambda x: torch.chunk(x, 3, dim=1)),
        ports_case("split_steps_four", "Split", {"parts": 4, "axis": 1}, [torch.randn(2, 8, 3)],
                   lambda x: torch.chunk(x, 4, dim=1)),
    ]


def embedding_case(name, vocabulary, dimension, ids_shape, padding_index=None):
    """F.embedding on ids that arrive as floats; the ids get no gradient (zeros), the padding row none."""
    weight = torch.randn(vocabulary, dimension)
    if padding_index is not None:
        weight[padding_index] = 0.0
    ids = torch.randint(0, vocabulary, ids_shape).float()
    settings = {"vocabulary_size": vocabulary, "dimension": dimension}
    if padding_index is not None:
        settings["padding_index"] = padding_index
    result = case(name, "Embedding", settings, [ids],
                  lambda x, **p: F.embedding(x.detach().long(), p["weight"], padding_idx=padding_index),
                  {"weight": weight})
    return result


RECURRENT = {"SimpleRNN": torch.nn.RNN, "GRU": torch.nn.GRU, "LSTM": torch.nn.LSTM}


def recurrent_case(kind, sequences, bidirectional, padded, batch=3, steps=5, features=4, hidden=3):
    """nn.RNN/GRU/LSTM (batch_first) with its own parameter names; with `padded`, a second input of
    token ids padded at the end with 0, whose non-zero count is each sample's length (packed sequences)."""
    module = RECURRENT[kind](features, hidden, batch_first=True, bidirectional=bidirectional)
    # The module's own tensors: case() keeps float32 tensors as they are, so their .grad is the module's.
    parameters = dict(module.named_parameters())
    inputs = [torch.randn(batch, steps, features)]
    lengths = torch.randint(1, steps + 1, (batch,))
    lengths[0] = steps
    if padded:
        steps_index = torch.arange(steps).expand(batch, steps)
        inputs.append(torch.where(steps_index < lengths[:, None], torch.randint(1, 9, (batch, steps)), 0).float())

    def run(x, ids=None, **p):
        if ids is not None:
            counts = (ids.detach().round() != 0).sum(1).clamp(min=1)
            x = torch.nn.utils.rnn.pack_padded_sequence(x, counts, batch_first=True, enforce_sorted=False)
        output, state = module(x)
        if ids is not None:
            output, _ = torch.nn.utils.rnn.pad_packed_sequence(output, batch_first=True, total_length=steps)
        if sequences:
            return output
        h = state[0] if kind == "LSTM" else state
        return h.permute(1, 0, 2).reshape(batch, -1)

    name = f"{kind.lower()}_{'seq' if sequences else 'last'}{'_bi' if bidirectional else ''}{'_padded' if padded else ''}"
    settings = {"hidden_size": hidden, "return_sequences": sequences, "bidirectional": bidirectional}
    return case(name, kind, settings, inputs, run, parameters)


def lengths_of(ids):
    """Each sample's length from its padded ids: the non-zero count, at least 1 (LayerLab's rule)."""
    return (ids.detach().round() != 0).sum(1).clamp(min=1)


def padded_ids(batch, steps):
    lengths = torch.randint(1, steps + 1, (batch,))
    lengths[0] = steps
    index = torch.arange(steps).expand(batch, steps)
    return torch.where(index < lengths[:, None], torch.randint(1, 9, (batch, steps)), 0).float()


def sequence_pooling_case(mode, padded, batch=4, steps=5, features=3):
    inputs = [torch.randn(batch, steps, features)]
    if padded:
        inputs.append(padded_ids(batch, steps))

    def pool(x, ids=None):
        n = lengths_of(ids) if ids is not None else torch.full((batch,), steps)
        if mode == "last":
            return x[torch.arange(batch), n - 1]
        return (x * (torch.arange(steps) < n[:, None]).float()[..., None]).sum(1) / n[:, None]

    return case(f"sequencepooling_{mode}{'_padded' if padded else ''}", "SequencePooling", {"mode": mode}, inputs, pool)


def sinusoids(steps, dimension):
    t = torch.arange(steps, dtype=torch.float64)[:, None]
    j = torch.arange(dimension, dtype=torch.float64)[None, :]
    angle = t * 10000.0 ** (-(j - j % 2) / dimension)
    return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle)).float()


def positional_encoding_cases():
    return [
        case("positionalencoding_sinusoidal_2x6x8", "PositionalEncoding", {}, [torch.randn(2, 6, 8)],
             lambda x: x + sinusoids(6, 8)),
        case("positionalencoding_sinusoidal_odd_2x4x5", "PositionalEncoding", {}, [torch.randn(2, 4, 5)],
             lambda x: x + sinusoids(4, 5)),
        case("positionalencoding_learned_3x4x5", "PositionalEncoding", {"mode": "learned", "max_length": 7},
             [torch.randn(3, 4, 5)], lambda x, **p: x + p["weight"][:4], {"weight": torch.randn(7, 5) * 0.02}),
    ]


def attention_case(heads, causal, padded, dropout=0.0, batch=3, steps=5, embed=4):
    """nn.MultiheadAttention(batch_first) on x, x, x with its own parameters; in evaluation, so any
    dropout is off. The causal mask as attn_mask, the padding (from the ids) as key_padding_mask."""
    module = torch.nn.MultiheadAttention(embed, heads, dropout=dropout, batch_first=True)
    with torch.no_grad():  # PyTorch starts the biases at zero: random ones test them too
        module.in_proj_bias.normal_(0.0, 0.5)
        module.out_proj.bias.normal_(0.0, 0.5)
    module.eval()
    parameters = dict(module.named_parameters())
    inputs = [torch.randn(batch, steps, embed)]
    if padded:
        inputs.append(padded_ids(batch, steps))

    def attend(x, ids=None, **p):
        mask = torch.triu(torch.ones(steps, steps, dtype=torch.bool), 1) if causal else None
        keys = torch.arange(steps)[None, :] >= lengths_of(ids)[:, None] if ids is not None else None
        return module(x, x, x, need_weights=False, attn_mask=mask, key_padding_mask=keys)[0]

    name = f"multiheadattention_h{heads}{'_causal' if causal else ''}{'_padded' if padded else ''}"
    settings = {"heads": heads, "causal": causal}
    if dropout:
        name += f"_dropout{dropout}_eval"
        settings["dropout"] = dropout
    return case(name, "MultiHeadAttention", settings, inputs, attend, parameters)


def sequence_cases():
    # After the Split cases, so that every earlier case's random draws stay as they were.
    cases = [
        embedding_case("embedding_v7_d3_2x5", 7, 3, [2, 5]),
        embedding_case("embedding_v6_d4_pad0_3x6", 6, 4, [3, 6], padding_index=0),
        embedding_case("embedding_v5_d2_pad3_4x3", 5, 2, [4, 3], padding_index=3),
    ]
    for kind in RECURRENT:
        for sequences in (False, True):
            for bidirectional in (False, True):
                for padded in (False, True):
                    cases.append(recurrent_case(kind, sequences, bidirectional, padded))
    for mode in ("mean", "last"):
        for padded in (False, True):
            cases.append(sequence_pooling_case(mode, padded))
    cases += positional_encoding_cases()
    for heads in (1, 2):
        for causal in (False, True):
            for padded in (False, True):
                cases.append(attention_case(heads, causal, padded))
    cases.append(attention_case(2, True, True, dropout=0.2))
    return cases


def compact(text):
    """Puts each list of numbers on one line, so the file reads case by case."""
    return re.sub(r"\[\s+([-+0-9.,e\s]+?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)


def main():
    cases = (dense_cases() + activation_cases() + shape_and_merge_cases() + convolution_cases()
             + pooling_cases() + normalization_cases() + split_cases() + sequence_cases())
    document = {
        "generator": f"tests/make_layer_fixtures.py with torch {torch.__version__}, float32",
        "cases": cases,
    }
    path = pathlib.Path(__file__).resolve().parent / "fixtures" / "layers.json"
    path.write_text(compact(json.dumps(document, indent=1)) + "\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
