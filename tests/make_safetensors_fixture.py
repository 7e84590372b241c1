#!/usr/bin/python3
"""Writes tests/fixtures/reference.safetensors the way PyTorch-side tools do, and the values
LayerLab must read from it into tests/fixtures/reference_safetensors.json.

The safetensors package is not needed: the format is written by hand, as its specification
says (8-byte little-endian header length, JSON header padded with spaces, little-endian data).
The tensors are stored in state-dict order, not name order, so the reader cannot rely on the
order LayerLab writes. Run with Debian's /usr/bin/python3 (torch 1.13):

    /usr/bin/python3 tests/make_safetensors_fixture.py
"""

import json
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16"}


def state_dict():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    tensors = {name: value.detach().clone() for name, value in net.state_dict().items()}
    # One tensor of each other float type the format knows; F16 covers a subnormal, -0 and the maximum.
    tensors["extra.double"] = torch.tensor([[1.0 / 3.0, -2.5, 1e-30], [123456.789, 0.0, -7.0]], dtype=torch.float64)
    tensors["extra.half"] = torch.tensor([0.5, -1.25, 6e-8, -0.0, 65504.0], dtype=torch.float16)
    tensors["extra.bfloat"] = torch.tensor([3.140625, -0.0078125, 1e20], dtype=torch.bfloat16)
    tensors["extra.scalar"] = torch.tensor(2.75, dtype=torch.float32)
    return tensors


def little_endian_bytes(tensor):
    tensor = tensor.contiguous()
    if tensor.dtype == torch.bfloat16:  # numpy has no bfloat16: write its raw 16-bit patterns
        return tensor.view(torch.int16).numpy().astype("<i2").tobytes()
    formats = {torch.float32: "<f4", torch.float64: "<f8", torch.float16: "<f2"}
    return tensor.numpy().astype(formats[tensor.dtype]).tobytes()


def safetensors_bytes(tensors, metadata):
    header, chunks, offset = {}, [], 0
    for name, tensor in tensors.items():
        data = little_endian_bytes(tensor)
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def main():
    tensors = state_dict()
    metadata = {"format": "pt", "producer": "make_safetensors_fixture.py"}
    with open(os.path.join(HERE, "fixtures", "reference.safetensors"), "wb") as out:
        out.write(safetensors_bytes(tensors, metadata))
    # What the reader must return: every value as float32 (the conversion PyTorch's .float() does).
    expected = {"metadata": metadata,
                "tensors": {name: {"shape": list(t.shape), "values": t.float().flatten().tolist()}
                            for name, t in tensors.items()}}
    with open(os.path.join(HERE, "fixtures", "reference_safetensors.json"), "w") as out:
        json.dump(expected, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
