#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/TARGET/): small real files of each
format, with every feature the loaders read. Deterministic: run it again and nothing changes.

    python3 tests/fuzz/make_corpus.py
"""
import base64
import gzip
import json
import shutil
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    (folder / name).write_bytes(data)


def gz(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


# --- projects -------------------------------------------------------------------------------------

def node(node_id, name, kind, settings=None, position=(0, 0)):
    return {"id": node_id, "name": name, "kind": kind, "settings": settings or {}, "position": list(position)}


def every_kind_graph():
    """Every layer kind with the settings that change what it does (as tests/everykindgraph.h)."""
    nodes, edges = [], []

    def add(kind, name, settings=None, inputs=()):
        node_id = len(nodes) + 1
        nodes.append(node(node_id, name, kind, settings, (0, 110 * node_id)))
        edges.extend({"from": source, "to": node_id, "port": port} for port, source in enumerate(inputs))
        return node_id

    x = add("Input", "input", {"shape": [2]})
    x = add("Dense", "d0", {"units": 72, "activation": "gelu", "init": "he_normal"}, [x])
    x = add("BatchNorm", "bn1", {"momentum": 0.1, "eps": 1e-5}, [x])
    r1 = add("Reshape", "r1", {"shape": [2, 6, 6]}, [x])
    x = add("Conv2D", "c1", {"filters": 4, "padding": "same", "groups": 2, "activation": "gelu"}, [r1])
    x = add("LayerNorm", "ln1", {}, [x])
    x = add("MaxPool2D", "mp", {"kernel_size": 3, "stride": 2, "padding": 1}, [x])
    x = add("ConvTranspose2D", "ct", {"filters": 4, "kernel_size": 3, "stride": 2, "padding": 1,
                                      "output_padding": 1, "activation": "leaky_relu"}, [x])
    x = add("AvgPool2D", "ap", {"padding": 1, "count_include_pad": False}, [x])
    up = add("Upsample", "up", {"scale_factor": 2}, [x])
    c2a = add("Conv2D", "c2a", {"filters": 2, "kernel_size": 1, "activation": "tanh", "use_bias": False}, [up])
    cat = add("Concat", "cat1", {"axis": 1}, [up, c2a])
    c2 = add("Conv2D", "c2", {"filters": 6, "stride": 2, "dilation": 2, "padding": "explicit", "padding_size": 1,
                              "groups": 3, "init": "xavier_uniform"}, [cat])
    gap = add("GlobalAveragePool", "gap", {}, [c2])
    fl = add("Flatten", "fl", {}, [c2])
    d1 = add("Dense", "d1", {"units": 6, "activation": "tanh"}, [fl])
    s = add("Add", "add", {}, [gap, d1])
    x = add("LeakyReLU", "leaky", {"negative_slope": 0.2}, [s])
    x = add("ELU", "elu", {"alpha": 0.5}, [x])
    x = add("GELU", "gelu", {}, [x])
    x = add("Tanh", "tanh", {}, [x])
    x = add("Sigmoid", "sigmoid", {}, [x])
    x = add("ReLU", "relu", {}, [x])
    x = add("Linear", "linear", {}, [x])
    x = add("Dropout", "dropout", {"rate": 0.3}, [x])
    x = add("Dense", "output", {"units": 2}, [x])
    add("Softmax", "softmax", {}, [x])
    return {"nodes": nodes, "edges": edges}


def training(**changes):
    config = {"loss": "CrossEntropy", "loss_settings": {}, "optimizer": "Adam", "optimizer_settings": {"lr": 0.01},
              "epochs": 10, "batch_mode": "minibatch", "batch_size": 16, "shuffle": True, "seed": 1, "threads": 0,
              "l1": 0.0, "l2": 0.0, "clip_norm": 0.0,
              "schedule": {"kind": "constant", "step_size": 10, "gamma": 0.1, "min_lr": 0.0},
              "early_stopping_patience": 0}
    config.update(changes)
    return config


def projects():
    for example in sorted((ROOT / "resources" / "examples").glob("*.layerlab.json")):
        write("fuzz_project", example.name, example.read_bytes())
    write("fuzz_project", "every-kind.layerlab.json", json.dumps({
        "schema_version": 1, "name": "every kind", "description": "Every layer kind once.",
        "graph": every_kind_graph(),
        "data": {"source": "spiral", "task": "classification", "scaling": "none", "validation_split": 0.1,
                 "test_split": 0.2, "samples": 400, "noise": 0.2},
        "training": training(optimizer="SGD", optimizer_settings={"lr": 0.1, "momentum": 0.9, "nesterov": True},
                             schedule={"kind": "cosine", "step_size": 5, "gamma": 0.5, "min_lr": 0.001},
                             loss_settings={"label_smoothing": 0.1}),
    }) + "\n")
    write("fuzz_project", "graph-only.layerlab.json",
          '{"graph": {"nodes": [{"id": 1, "name": "x", "kind": "Input", "settings": {"shape": [1, 4, 4]}}], "edges": []}}\n')
    write("fuzz_project", "csv-data.layerlab.json", json.dumps({
        "schema_version": 1, "name": "csv", "description": "",
        "graph": {"nodes": [node(1, "in", "Input", {"shape": [3]}), node(2, "out", "Dense", {"units": 1})],
                  "edges": [{"from": 1, "to": 2, "port": 0}]},
        "data": {"source": "data/table.csv", "label_column": "price", "feature_columns": ["a", "1", "c"],
                 "task": "regression", "scaling": "minmax", "validation_split": 0.0, "test_split": 0.5},
        "training": training(loss="SmoothL1", loss_settings={"beta": 1.0}, optimizer="AdamW",
                             optimizer_settings={"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
                                                 "weight_decay": 0.01, "amsgrad": True},
                             batch_mode="full", l1=0.001, l2=0.01, clip_norm=1.0, early_stopping_patience=5,
                             schedule={"kind": "step", "step_size": 3, "gamma": 0.5, "min_lr": 0.0}),
    }) + "\n")
    drawn = json.loads((ROOT / "resources" / "examples" / "gan-ring.layerlab.json").read_text())
    drawn["data"].update({"source": "drawn", "points": [[0.5, -1.25], [2.0, 0.0], [-3.999, 3.125], [0, 1e-3]]})
    write("fuzz_project", "drawn-data.layerlab.json", json.dumps(drawn) + "\n")
    write("fuzz_project", "idx-data.layerlab.json", json.dumps({
        "graph": {"nodes": [node(1, "in", "Input", {"shape": [1, 28, 28]}), node(2, "f", "Flatten"),
                            node(3, "out", "Dense", {"units": 10, "activation": "softmax"})],
                  "edges": [{"from": 1, "to": 2, "port": 0}, {"from": 2, "to": 3, "port": 0}]},
        "data": {"source": "train-images-idx3-ubyte.gz", "labels": "train-labels-idx1-ubyte.gz"},
        "training": training(optimizer="RMSprop", optimizer_settings={"lr": 0.001, "alpha": 0.99, "centered": True},
                             batch_mode="stochastic", loss="CrossEntropy"),
    }) + "\n")


# --- safetensors ----------------------------------------------------------------------------------

def safetensors(tensors, metadata=None, pad=True):
    """tensors: [(name, dtype, shape, raw bytes)] → the file's bytes."""
    header, offset, data = {}, 0, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode()
    if pad:
        text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def floats(fmt, values):
    return struct.pack("<%d%s" % (len(values), fmt), *values)


def half(values):
    return floats("e", values)


def bfloat16(values):
    return b"".join(struct.pack("<f", v)[2:] for v in values)


def safetensors_files():
    write("fuzz_safetensors", "f32.safetensors", safetensors([
        ("dense.bias", "F32", [3], floats("f", [0.5, -1.0, 2.0])),
        ("dense.weight", "F32", [3, 2], floats("f", [1, 2, 3, 4, 5, 6]))],
        {"format": "pt", "layerlab": "0.1.0"}))
    write("fuzz_safetensors", "every-dtype.safetensors", safetensors([
        ("a.f64", "F64", [2, 1], floats("d", [1.5, -2.25])),
        ("b.f16", "F16", [2, 2], half([0.5, -0.0, 65504.0, 6e-8])),
        ("c.bf16", "BF16", [1, 1, 3], bfloat16([1.0, -3.0, 1e30])),
        ("d.f32", "F32", [], floats("f", [7.0]))]))
    write("fuzz_safetensors", "empty-tensor.safetensors", safetensors([("zero", "F32", [0, 4], b"")], {}))
    write("fuzz_safetensors", "no-tensors.safetensors", safetensors([], {"note": "only metadata"}))
    write("fuzz_safetensors", "unpadded.safetensors", safetensors([("x", "F32", [1], floats("f", [1.0]))], pad=False))
    write("fuzz_safetensors", "int-dtype.safetensors", safetensors([("i", "I64", [2], struct.pack("<2q", 1, 2))]))
    shutil.copy(ROOT / "tests" / "fixtures" / "reference.safetensors", CORPUS / "fuzz_safetensors" / "reference.safetensors")


def runstate_files():
    """Run states for fuzz_runstate's network: Input [4] -> Dense 5 -> BatchNorm -> Dense 3."""
    parameters = [("dense1.weight", [5, 4]), ("dense1.bias", [5]), ("batchnorm1.weight", [5]),
                  ("batchnorm1.bias", [5]), ("dense2.weight", [3, 5]), ("dense2.bias", [3])]
    buffers = [("batchnorm1.running_mean", [5]), ("batchnorm1.running_var", [5])]

    def count(shape):
        n = 1
        for d in shape:
            n *= d
        return n

    def values(n, start):
        return floats("f", [start + 0.01 * i for i in range(n)])

    def run(steps, buffer_count, optimizer="Adam", settings=None, best=False, **position):
        tensors = []
        for name, shape in parameters if steps else []:
            for b in range(buffer_count):
                tensors.append(("optimizer/%s/%d" % (name, b), "F32", [count(shape)], values(count(shape), b)))
        for name, shape in parameters + buffers if best else []:
            tensors.append(("best/" + name, "F32", shape, values(count(shape), 0.5)))
        state = {"format_version": 1, "epoch": 2, "batch_in_epoch": 1, "global_step": 9, "loss_sum": 3.25,
                 "seen": 2, "correct": 1, "best_validation_loss": 0.75 if best else None,
                 "epochs_without_improvement": 1 if best else 0, "optimizer_steps": steps,
                 "optimizer_buffers": buffer_count if steps else 0,
                 "training": training(optimizer=optimizer, optimizer_settings=settings or {"lr": 0.01}, batch_size=2,
                                      early_stopping_patience=3 if best else 0)}
        state.update(position)
        return safetensors(sorted(tensors), {"layerlab.run": json.dumps(state, separators=(",", ":"))})

    write("fuzz_runstate", "adam.run.safetensors", run(9, 2))
    write("fuzz_runstate", "sgd-momentum.run.safetensors", run(9, 1, optimizer="SGD", settings={"lr": 0.01, "momentum": 0.9}))
    write("fuzz_runstate", "fresh.run.safetensors", run(0, 0, epoch=0, batch_in_epoch=0, global_step=0, seen=0, correct=0))
    write("fuzz_runstate", "early-stopping.run.safetensors", run(9, 2, best=True, batch_in_epoch=0))


# --- IDX and gzip ---------------------------------------------------------------------------------

def idx(type_code, dims, payload):
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload


def idx_files():
    labels = idx(0x08, [5], bytes([0, 1, 2, 9, 3]))
    images = idx(0x08, [2, 3, 4], bytes(range(24)))
    write("fuzz_idx", "labels-idx1-ubyte", labels)
    write("fuzz_idx", "labels-idx1-ubyte.gz", gz(labels))
    write("fuzz_idx", "images-idx3-ubyte", images)
    write("fuzz_idx", "images-idx3-ubyte.gz", gz(images))
    write("fuzz_idx", "images-truncated.gz", gz(images)[:-12])
    write("fuzz_idx", "floats-idx1", idx(0x0D, [2], struct.pack(">2f", 1.0, 2.0)))


def gzip_files():
    text = b"sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,3.0,setosa\n"
    write("fuzz_gzip", "plain.txt", text)
    write("fuzz_gzip", "text.gz", gz(text))
    write("fuzz_gzip", "stored.gz", gzip.compress(text, compresslevel=0, mtime=0))
    write("fuzz_gzip", "two-members.gz", gz(b"first member\n") + gz(b"second member\n"))
    write("fuzz_gzip", "empty.gz", gz(b""))
    write("fuzz_gzip", "repeats.gz", gz(b"0123456789" * 400))
    write("fuzz_gzip", "truncated.gz", gz(text)[:-10])
    # A header with FEXTRA, FNAME and FCOMMENT fields, then the deflate stream and trailer of `text`.
    body = gz(text)[10:]
    header = bytes([0x1F, 0x8B, 8, 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]) + struct.pack("<H", 4) + b"ab\x00\x00"
    write("fuzz_gzip", "header-fields.gz", header + b"name.csv\x00" + b"a comment\x00" + body)


# --- CSV ------------------------------------------------------------------------------------------

def csv_files():
    write("fuzz_csv", "classes.csv", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,3.0,setosa\n"
                                     "7.0,3.2,versicolor\n6.3,3.3,virginica\n")
    write("fuzz_csv", "integer-labels.csv", "x,y,label\n0.5,-1,0\n1e3,+2.5,1\n-3,0,2\n4,4,1\n")
    write("fuzz_csv", "regression.csv", "a,b,c,price\n1,2,3,10.5\n4,5,6,-20.25\n7,8,9,1e-3\n1,1,1,0\n")
    write("fuzz_csv", "quoted.csv", '"name, with comma","say ""hi""",class\n"1.5", 2 ,"a\nb"\n3,"4",c\n')
    write("fuzz_csv", "semicolons.csv", "a;b;label\r\n1;2;yes\r\n3;4;no\r\n\r\n5;6;yes\r\n")
    write("fuzz_csv", "tabs.csv", "a\tb\tlabel\n1\t2\t0\n3\t4\t1\n")
    write("fuzz_csv", "bom.csv", "\ufeffwidth,height,kind\n1,2,x\n2,3,y\n")
    write("fuzz_csv", "ragged.csv", "a,b,label\n1,2\n3,4,5,6\n")
    write("fuzz_csv", "numbers-header.csv", "1,2,3\n4,5,6\n")
    write("fuzz_csv", "classes.csv.gz", gz(b"p,q,r\n0,1,a\n1,0,b\n1,1,a\n"))


# --- PNG and JPEG ---------------------------------------------------------------------------------
# Small images written once with libpng 1.6.39 and libjpeg-turbo 2.1.5 (Python's standard library has
# no JPEG encoder): every PNG colour type, 1 and 16 bits, a palette with transparency, Adam7
# interlacing; grey, 4:2:0 and 4:4:4 baseline JPEG, progressive, and restart markers.
IMAGES = {
    "grey-8x6.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAAAAADbboAnAAAAEklEQVQI12NkUIUAJm4oIIYBAFm5AsdCCvaGAAAAAElF"
        "TkSuQmCC"
    ),
    "rgb-12x10.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAwAAAAKCAIAAAAPTiitAAAAN0lEQVQY02NgUPXKn7LzHrOGb9H0PQ/ZtANKZ+1/wqkX"
        "XDH30HMew7DqBUdf8TNxEwFGFRGnCAAWex4N5KVCSgAAAABJRU5ErkJggg=="
    ),
    "rgba-9x7.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAkAAAAHCAYAAADam2dgAAAAN0lEQVQY02NmUPXKn7J855l7H5mnrdh99sEn1umr9px/"
        "+IVt5up9Fx5/5Zi1dv8lJm4iwJBVBADYvB+WGVxp2QAAAABJRU5ErkJggg=="
    ),
    "grey-alpha-5x5.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAQAAAAnZu5uAAAAGUlEQVQI12NgUPXKn7LzHrOGLxM3HBBkAgDS6AVCmAZZ"
        "QgAAAABJRU5ErkJggg=="
    ),
    "rgb16-6x4.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAYAAAAEEAIAAABy9gVXAAAAGElEQVQI12NkUPXKn7LzHl7AxE0EoJ4iABcLINucG0Lv"
        "AAAAAElFTkSuQmCC"
    ),
    "grey1bit-16x3.png": (
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAADAQAAAACyyrL5AAAAEUlEQVQI12NgUGXgNmAQswYAAmoAsvf+w9gAAAAASUVO"
        "RK5CYII="
    ),
    "palette-trns-7x5.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAcAAAAFAgMAAAD09B5LAAAADFBMVEX/AAAA/wAAAP/////7AGD2AAAAAXRSTlOArV5b"
        "RgAAABdJREFUCNdjYFBkYDZgEDJmUGRiUBAEAAawAO6Rw1KXAAAAAElFTkSuQmCC"
    ),
    "interlaced-rgb-11x9.png": (
        "iVBORw0KGgoAAAANSUhEUgAAAAsAAAAJCAIAAAEcAXHsAAAAo0lEQVQY02NgUPWqmHuIIaJ20YWvUgx7HrIxiFjGMesE"
        "ll16+t3g8FXme8wa2vsucMroMenAAIuOjo6OzosXe3QYxawT7qECFh0dHR0urnsQfO8eF9c95vwpO8U0rFnFtb6wST7+"
        "ysEiJib2BQbEvnzBy/8C49+D8xm4DUKr5h95yWccUbvo+BtBs+iGpafei1jGNa84+0ncJrFtNZMYIUANFQDKqHOrnb0o"
        "MQAAAABJRU5ErkJggg=="
    ),
    "grey-8x8.jpg": (
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsL"
        "EBYQERMUFRUVDA8XGBYUGBIUFRT/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QA"
        "tRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0"
        "NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2"
        "t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ALHhT9kzwf8ABvwqPEnjfUNP"
        "8M6LDkfadQcJ5rhGk8qJfvSylY3KxoGdtp2qTX//2Q=="
    ),
    "rgb420-16x16.jpg": (
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc"
        "KDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy"
        "MjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAQABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcI"
        "CQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRol"
        "JicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ip"
        "qrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAA"
        "AAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLR"
        "ChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaX"
        "mJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEA"
        "PwBJNNkthB4N0lSryIp1KRVwQpwViB9xy3sQM8sKeVt9ZuBY2ssS+GtKHnzXCrkTOqnc+ccqoyBjryecriN7eXTLZPD2"
        "nyCbV9QBbUJ2JeSGN+SCT/G+TyeQOcfMpp8tnFqFxF4a09zHplgxbUZidiSSIfun/ZTGSScE8/wg0Wbavv8A1+CEtdv6"
        "+7q9d+nkf//Z"
    ),
    "rgb444-13x7.jpg": (
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQECAgICAgQDAgICAgUEBAMEBgUGBgYFBgYGBwkIBgcJBwYG"
        "CAsICQoKCgoKBggLDAsKDAkKCgr/2wBDAQICAgICAgUDAwUKBwYHCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoK"
        "CgoKCgoKCgoKCgoKCgoKCgoKCgr/wAARCAAHAA0DAREAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcI"
        "CQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRol"
        "JicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ip"
        "qrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAA"
        "AAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLR"
        "ChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaX"
        "mJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEA"
        "PwCp4i+Fcnw3t/D3/BKj9naZdOvNc0W1u/jDrUKeS/2GcRyW2k2828ErNGC9ztXa0UkUO9g9xEOmtS/tXHSoVoQlQpOn"
        "KzXNJ1ov2kbxlDliqX7qrTnGUpOo/wDl37L95c8J/Y+TxqYrDN1MXBToVHPSNKNWpTqSUIO7nKpSlSXtGoxgqj9lN1KV"
        "Slo+N/2hv2nvBvjrVf2dP+Cc3xSsPBfhL4Z3H9h+INYi8PWVzca9rcZZbwsNQt38qG2kQ28YRF3sk0u+RJIhH8vQy/K/"
        "EXBUM5nWxMMPUgnRjTxNbDqVOTbjWaw06U260XGUY1pzdOmofu6FWVeD86u6GCjCFF807P2nNCNoz5pLli3KXNFRUW5c"
        "sHzylG0oxjOX/9k="
    ),
    "progressive-24x16.jpg": (
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYW"
        "ICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgo"
        "KCgoKCgoKCgoKCgoKCgoKCgoKCj/wgARCAAQABgDASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAQIA/8QAFgEB"
        "AQEAAAAAAAAAAAAAAAAAAQAC/9oADAMBAAIQAxAAAAEqKgznf//EABgQAQEBAQEAAAAAAAAAAAAAAAECAwAi/9oACAEB"
        "AAEFAnJnvO9FGiy5Swa0M71//8QAGREAAgMBAAAAAAAAAAAAAAAAAAECYYHw/9oACAEDAQE/AURVLtP/xAAWEQEBAQAA"
        "AAAAAAAAAAAAAAAAEXH/2gAIAQIBAT8B1X//xAApEAABAgIHCQEAAAAAAAAAAAABAAMCBBMhIjEzUWESFCMyUoHB0eHw"
        "/9oACAEBAAY/AoZFi8jinwqOAjc2bRi6jmjNughhupps/ryhLNHafdxYryB7KEq1Uy3inM/FTR2ZRjl117r/xAAgEAAC"
        "AQQCAwEAAAAAAAAAAAABESEAQXHRMZFRYbHx/9oACAEBAAE/IVLIAQLHjf8AaSzwsQATgJ+zFBn44k+Bk50KT2TJJbOs"
        "g0e91tQBY+k7xRvACu68EMV//9oADAMBAAIAAwAAABD/AB//xAAeEQABBAEFAAAAAAAAAAAAAAABABEhMZFBYXHR8P/a"
        "AAgBAwEBPxCQDexqZsVsgkWclsQftf/EAB4RAAEEAQUAAAAAAAAAAAAAAAEAEUFxITFhkaHB/9oACAECAQE/EGJIl71g"
        "Rb7oOk1rzh3tf//EABoQAQEBAQEBAQAAAAAAAAAAAAERITEAQVH/2gAIAQEAAT8QFYceEAQb9NxohdHkEhVSibSpIAx3"
        "pGOhIkeAUACiwlWvgIqII+or+hrUSwQOHUfX9tOxVY6mVPIz5HXxCyCcx1V//9k="
    ),
    "restart-32x16.jpg": (
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywt"
        "QFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09P"
        "T09PT09PT09PT09PT09PT09PT0//wAARCAAQACADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcI"
        "CQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRol"
        "JicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ip"
        "qrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAA"
        "AAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLR"
        "ChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaX"
        "mJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/90ABAAB/9oADAMB"
        "AAIRAxEAPwBHtGhEfh+wBDMoN24GCAcEID7jk+xA9RTiIr+UW0DoNIsR5kkoGRIyg5bP90cgY68nnjDWie0iXSrRxJfX"
        "YJupCdzRq3qf7zZ78457g054EupU0e0bZaWpzdyE7Vd17H/ZXGfTP0Bos76/1/wEJa/1/W5//9AWaO4Z9Zu43Sytl2Wl"
        "ux5PoMD+Jj1649SFzRvmtYZNVuFVtRvW228YxhOMA4/uqMfU4z1zQjQ6hKb2YeXpVgp8oYwX/wBrnHzNwAPoOuaRbjZu"
        "1u/iUTygR2dsMsOBwv0HUnjqe5Ao3/r+ndhsf//Z"
    ),
}


def image_files():
    for name, text in IMAGES.items():
        data = base64.b64decode(text)
        target = "fuzz_png" if name.endswith(".png") else "fuzz_jpeg"
        write(target, name, data)
        write(target, "truncated-" + name, data[: len(data) * 2 // 3])
    write("fuzz_png", "not-an-image.txt", "a text file among the pictures\n")


def text_files():
    write("fuzz_text", "reviews.csv", 'text,label\n"good film, really",pos\ndull plot,neg\nfine ☺ day,pos\nbad,neg\n')
    write("fuzz_text", "series.csv", "day,value\n" + "".join(f"{i},{i * 0.5}\n" for i in range(16)))
    write("fuzz_text", "latin1.csv", b"text,label\ncaf\xe9,a\nok,b\n")
    write("fuzz_text", "empty-text.csv", "text,label\n,a\nok,b\n")
    write("fuzz_text", "corpus.txt", "To be, or not to be: that is the question.\n" * 4)
    write("fuzz_text", "utf8-edges.txt", "\u00e9\u2603\U0001f600 \t\r\n".encode() + b"\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80")


def image_cache(header, pixels):
    """An image folder's cache file (datasets/imagecache.h) for fingerprint 1, as fuzz_imagecache reads it."""
    text = json.dumps(header, separators=(",", ":")).encode()
    return b"LLIMGC01" + struct.pack("<Q", len(text)) + text + pixels


def image_cache_files():
    header = {"fingerprint": "1", "shape": [1, 2, 2], "classes": ["cats", "dogs"], "labels": [0, 1, 1],
              "skipped": ["cats/bad.jpg: truncated JPEG"]}
    write("fuzz_imagecache", "grey.bin", image_cache(header, bytes(range(12))))
    rgb = dict(header, shape=[3, 1, 2], labels=[1], skipped=[])
    write("fuzz_imagecache", "rgb.bin", image_cache(rgb, bytes(range(6))))
    write("fuzz_imagecache", "stale.bin", image_cache(dict(header, fingerprint="2"), bytes(12)))
    write("fuzz_imagecache", "short.bin", image_cache(header, bytes(11)))
    write("fuzz_jpeg", "markers-only.jpg", b"\xff\xd8\xff\xd9")


if __name__ == "__main__":
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    projects()
    safetensors_files()
    runstate_files()
    idx_files()
    gzip_files()
    csv_files()
    text_files()
    image_files()
    image_cache_files()
