#!/usr/bin/python3
"""A small reference evaluator for LayerLab's ONNX exports (Debian has no onnxruntime).

Runs an ONNX graph node by node with torch.nn.functional, knowing exactly the ops and attributes
LayerLab emits and rejecting anything else, so an export that uses something new fails loudly.

    onnx_eval.py MODEL.onnx INPUT.f32 OUTPUT.f32 [INPUT.f32 OUTPUT.f32 ...]

Each INPUT is raw little-endian float32 rows for the graph's one input (the batch size follows
from the file's size); each OUTPUT receives the graph's one output, also raw float32.
"""
import math
import sys

import numpy
import onnx
import onnx.numpy_helper
import torch
import torch.nn.functional as F


def attributes(node, allowed):
    """The node's attributes as a dict; an attribute the evaluator does not know is an error."""
    values = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"{node.op_type} node {node.name!r}: unsupported attributes {sorted(unknown)}")
    return {**allowed, **values}


def decoded(value):
    return value.decode() if isinstance(value, bytes) else value


def symmetric_pads(node, pads):
    """(top, left) padding for torch; ONNX pads are [top, left, bottom, right]."""
    if list(pads[:2]) != list(pads[2:]):
        raise ValueError(f"{node.op_type} node {node.name!r}: asymmetric pads {pads} not supported here")
    return tuple(pads[:2])


def gemm(node, a, b, c=None):
    at = attributes(node, {"alpha": 1.0, "beta": 1.0, "transA": 0, "transB": 0})
    a = a.t() if at["transA"] else a
    b = b.t() if at["transB"] else b
    y = at["alpha"] * (a @ b)
    return y if c is None else y + at["beta"] * c


def conv(node, x, w, b=None):
    at = attributes(node, {"kernel_shape": None, "strides": [1, 1], "dilations": [1, 1], "group": 1,
                           "pads": [0, 0, 0, 0], "auto_pad": b"NOTSET"})
    assert decoded(at["auto_pad"]) == "NOTSET" and list(at["kernel_shape"]) == list(w.shape[2:])
    top, left, bottom, right = at["pads"]
    x = F.pad(x, (left, right, top, bottom))
    return F.conv2d(x, w, b, stride=tuple(at["strides"]), dilation=tuple(at["dilations"]), groups=at["group"])


def conv_transpose(node, x, w, b=None):
    at = attributes(node, {"kernel_shape": None, "strides": [1, 1], "dilations": [1, 1], "group": 1,
                           "pads": [0, 0, 0, 0], "output_padding": [0, 0], "auto_pad": b"NOTSET"})
    assert decoded(at["auto_pad"]) == "NOTSET" and list(at["kernel_shape"]) == list(w.shape[2:])
    return F.conv_transpose2d(x, w, b, stride=tuple(at["strides"]), padding=symmetric_pads(node, at["pads"]),
                              output_padding=tuple(at["output_padding"]), groups=at["group"],
                              dilation=tuple(at["dilations"]))


def max_pool(node, x):
    at = attributes(node, {"kernel_shape": None, "strides": None, "pads": [0, 0, 0, 0]})
    return F.max_pool2d(x, tuple(at["kernel_shape"]), tuple(at["strides"]), symmetric_pads(node, at["pads"]))


def average_pool(node, x):
    at = attributes(node, {"kernel_shape": None, "strides": None, "pads": [0, 0, 0, 0], "count_include_pad": 0})
    return F.avg_pool2d(x, tuple(at["kernel_shape"]), tuple(at["strides"]), symmetric_pads(node, at["pads"]),
                        count_include_pad=bool(at["count_include_pad"]))


def batch_norm(node, x, scale, bias, mean, var):
    at = attributes(node, {"epsilon": 1e-5, "momentum": 0.9, "training_mode": 0})
    assert at["training_mode"] == 0, "training-mode BatchNormalization"
    return F.batch_norm(x, mean, var, scale, bias, training=False, eps=at["epsilon"])


def layer_norm(node, x, scale, bias=None):
    at = attributes(node, {"axis": -1, "epsilon": 1e-5, "stash_type": 1})
    axis = at["axis"] % x.dim()
    return F.layer_norm(x, tuple(x.shape[axis:]), scale, bias, eps=at["epsilon"])


def resize(node, x, roi, scales, sizes=None):
    at = attributes(node, {"mode": b"nearest", "coordinate_transformation_mode": b"half_pixel",
                           "nearest_mode": b"round_prefer_floor", "cubic_coeff_a": -0.75,
                           "exclude_outside": 0, "extrapolation_value": 0.0})
    if (decoded(at["mode"]), decoded(at["coordinate_transformation_mode"]), decoded(at["nearest_mode"])) != \
            ("nearest", "asymmetric", "floor") or sizes is not None:
        raise ValueError(f"Resize node {node.name!r}: only nearest/asymmetric/floor with scales is supported")
    s = [float(v) for v in scales]
    assert s[:2] == [1.0, 1.0] and all(v == int(v) for v in s[2:]), f"Resize scales {s}"
    return F.interpolate(x, scale_factor=tuple(s[2:]), mode="nearest")


def reshape(node, x, shape):
    attributes(node, {"allowzero": 0})
    target = [x.shape[i] if d == 0 else int(d) for i, d in enumerate(shape.tolist())]
    return x.reshape(target)


def flatten(node, x):
    axis = attributes(node, {"axis": 1})["axis"]
    return x.reshape(math.prod(x.shape[:axis]), -1)


def transpose(node, x):
    perm = attributes(node, {"perm": None})["perm"]
    return x.permute(*perm) if perm is not None else x.permute(*reversed(range(x.dim())))


def softmax(node, x):
    return torch.softmax(x, dim=attributes(node, {"axis": -1})["axis"])


def split(node, x):
    """Equal parts, one per output, as LayerLab writes Split (no sizes input); returns a tuple."""
    axis = attributes(node, {"axis": 0})["axis"]
    return torch.chunk(x, len(node.output), dim=axis)


def cast(node, x):
    to = attributes(node, {"to": None})["to"]
    types = {onnx.TensorProto.FLOAT: torch.float32, onnx.TensorProto.INT64: torch.int64,
             onnx.TensorProto.INT32: torch.int32}
    if to not in types:
        raise ValueError(f"Cast node {node.name!r}: unsupported type {to}")
    return x.to(types[to])


def gather(node, data, indices):
    axis = attributes(node, {"axis": 0})["axis"]
    return torch.index_select(data, axis, indices.reshape(-1)).reshape(
        list(data.shape[:axis]) + list(indices.shape) + list(data.shape[axis + 1:]))


def recurrent_cell(op, linear_before_reset):
    """One step of ONNX's RNN (Tanh), GRU (gates z, r, h) or LSTM (gates i, o, f, c), as the operator
    specification writes it: (x, h, c, W, R, Wb, Rb) → (h', c')."""
    def rnn(x, h, c, w, r, wb, rb):
        return torch.tanh(x @ w.t() + h @ r.t() + wb + rb), c

    def gru(x, h, c, w, r, wb, rb):
        xz, xr, xh = (x @ w.t() + wb).chunk(3, dim=1)
        hz, hr, hh = (h @ r.t()).chunk(3, dim=1)
        rbz, rbr, rbh = rb.chunk(3)
        z, reset = torch.sigmoid(xz + hz + rbz), torch.sigmoid(xr + hr + rbr)
        assert linear_before_reset, "GRU with linear_before_reset = 0"
        candidate = torch.tanh(xh + reset * (hh + rbh))
        return (1 - z) * candidate + z * h, c

    def lstm(x, h, c, w, r, wb, rb):
        i, o, f, g = (x @ w.t() + h @ r.t() + wb + rb).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c

    return {"RNN": rnn, "GRU": gru, "LSTM": lstm}[op]


def recurrent(node, x, w, r, b=None, lengths=None):
    """RNN, GRU and LSTM in layout 1 (batch first) with optional sequence_lens: steps past a
    sample's length leave its state as it was and output zeros. Returns (Y, Y_h)."""
    allowed = {"hidden_size": None, "layout": 0, "direction": b"forward"}
    if node.op_type == "GRU":
        allowed["linear_before_reset"] = 0
    at = attributes(node, allowed)
    assert at["layout"] == 1, f"{node.op_type} node {node.name!r}: only layout 1 is supported"
    directions, rows, hidden = w.shape[0], w.shape[1], at["hidden_size"]
    assert decoded(at["direction"]) == ("bidirectional" if directions == 2 else "forward")
    batch, steps = x.shape[0], x.shape[1]
    lengths = torch.full((batch,), steps) if lengths is None else lengths.long()
    b = torch.zeros(directions, 2 * rows) if b is None else b
    cell = recurrent_cell(node.op_type, at.get("linear_before_reset", 0))
    y = torch.zeros(batch, steps, directions, hidden)
    y_h = torch.zeros(batch, directions, hidden)
    for d in range(directions):
        h, c = torch.zeros(batch, hidden), torch.zeros(batch, hidden)
        for t in (range(steps) if d == 0 else reversed(range(steps))):
            h_next, c_next = cell(x[:, t], h, c, w[d], r[d], b[d, :rows], b[d, rows:])
            live = (t < lengths)[:, None]
            h, c = torch.where(live, h_next, h), torch.where(live, c_next, c)
            y[:, t, d] = torch.where(live, h, torch.zeros_like(h))
        y_h[:, d] = h
    return y, y_h


def reduce_sum(node, x, axes):
    keepdims = attributes(node, {"keepdims": 1, "noop_with_empty_axes": 0})["keepdims"]
    return x.sum(dim=tuple(axes.tolist()), keepdim=bool(keepdims))


def slice_(node, x, starts, ends, axes=None, steps=None):
    attributes(node, {})
    axes = range(len(starts)) if axes is None else axes.tolist()
    steps = [1] * len(starts) if steps is None else steps.tolist()
    index = [slice(None)] * x.dim()
    for start, end, axis, step in zip(starts.tolist(), ends.tolist(), axes, steps):
        index[axis] = slice(start, end, step)
    return x[tuple(index)]


def plain(function):
    """An op without attributes."""
    def run(node, *inputs):
        attributes(node, {})
        return function(*inputs)
    return run


def with_alpha(function, default):
    def run(node, x):
        return function(x, attributes(node, {"alpha": default})["alpha"])
    return run


OPS = {
    "Gemm": gemm,
    "MatMul": plain(torch.matmul),
    "Add": plain(torch.add),
    "Sub": plain(torch.sub),
    "Mul": plain(torch.mul),
    "Div": plain(torch.div),
    "Conv": conv,
    "ConvTranspose": conv_transpose,
    "MaxPool": max_pool,
    "AveragePool": average_pool,
    "GlobalAveragePool": plain(lambda x: x.mean(dim=(2, 3), keepdim=True)),
    "BatchNormalization": batch_norm,
    "LayerNormalization": layer_norm,
    "Resize": resize,
    "Reshape": reshape,
    "Flatten": flatten,
    "Transpose": transpose,
    "Split": split,
    "Concat": lambda node, *xs: torch.cat(xs, dim=attributes(node, {"axis": None})["axis"]),
    "Relu": plain(torch.relu),
    "Tanh": plain(torch.tanh),
    "Sigmoid": plain(torch.sigmoid),
    "Erf": plain(torch.erf),
    "Elu": with_alpha(lambda x, a: F.elu(x, alpha=a), 1.0),
    "LeakyRelu": with_alpha(lambda x, a: F.leaky_relu(x, negative_slope=a), 0.01),
    "Softmax": softmax,
    "Identity": plain(lambda x: x),
    "Round": plain(torch.round),
    "Cast": cast,
    "Gather": gather,
    "RNN": recurrent,
    "GRU": recurrent,
    "LSTM": recurrent,
    "Equal": plain(torch.eq),
    "Not": plain(torch.logical_not),
    "ReduceSum": reduce_sum,
    "Max": plain(torch.maximum),
    "Less": plain(torch.lt),
    "Where": plain(torch.where),
    "Slice": slice_,
}


def run(model, x):
    """The graph's one output for input x, node by node in the file's (topological) order."""
    graph = model.graph
    values = {t.name: torch.from_numpy(onnx.numpy_helper.to_array(t).copy()) for t in graph.initializer}
    values[graph.input[0].name] = x
    values[""] = None
    for node in graph.node:
        if node.domain not in ("", "ai.onnx"):
            raise ValueError(f"node {node.name!r}: unknown domain {node.domain!r}")
        if node.op_type not in OPS:
            raise ValueError(f"node {node.name!r}: op {node.op_type} is not supported by onnx_eval.py")
        inputs = [values[name] for name in node.input]
        while inputs and inputs[-1] is None:
            inputs.pop()
        results = OPS[node.op_type](node, *inputs)
        if len(node.output) == 1:
            results = (results,)
        if len(results) != len(node.output):
            raise ValueError(f"node {node.name!r}: {len(node.output)} outputs named, {len(results)} computed")
        values.update(zip(node.output, results))
    return values[graph.output[0].name]


def main(argv):
    if len(argv) < 4 or len(argv) % 2 != 0:
        sys.exit(__doc__)
    model = onnx.load(argv[1])
    if len(model.graph.input) != 1 or len(model.graph.output) != 1:
        sys.exit("expected one graph input and one graph output")
    dims = model.graph.input[0].type.tensor_type.shape.dim
    sample = [d.dim_value for d in dims[1:]]
    torch.set_grad_enabled(False)
    for input_path, output_path in zip(argv[2::2], argv[3::2]):
        raw = numpy.fromfile(input_path, dtype="<f4")
        x = torch.from_numpy(raw.reshape([-1] + sample))
        y = run(model, x)
        if y.dtype != torch.float32 or y.shape[0] != x.shape[0]:
            sys.exit(f"output {tuple(y.shape)} {y.dtype} does not match a batch of {x.shape[0]}")
        y.numpy().astype("<f4").tofile(output_path)


if __name__ == "__main__":
    main(sys.argv)
