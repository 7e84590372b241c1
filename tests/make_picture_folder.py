#!/usr/bin/env python3
"""Writes a small folder of colour pictures for the window's screenshots and for trying "Folder of
images…" by hand: FOLDER/circle, square and triangle, each with PNG files of a shape in a random
colour on a shaded, noisy background, plus three files that are not readable images (a truncated
PNG, an empty PNG and a text file), which the window lists as skipped.

    python3 tests/make_picture_folder.py FOLDER [IMAGES_PER_CLASS]
"""
import random
import struct
import sys
import zlib
from pathlib import Path

SIZE = 48


def png_bytes(pixels):
    """pixels: SIZE rows of SIZE (r, g, b) tuples → the bytes of an 8-bit RGB PNG."""
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def inside(shape, x, y, cx, cy, r):
    dx, dy = x - cx, y - cy
    if shape == "circle":
        return dx * dx + dy * dy <= r * r
    if shape == "square":
        return abs(dx) <= r * 0.8 and abs(dy) <= r * 0.8
    return -r * 0.8 <= dy <= r * 0.8 and abs(dx) <= (dy + r * 0.8) * 0.6  # a triangle, point up


def picture(shape, rng):
    background = [rng.randint(40, 200) for _ in range(3)]
    colour = [rng.randint(0, 255) for _ in range(3)]
    cx, cy, r = rng.uniform(16, 32), rng.uniform(16, 32), rng.uniform(9, 15)
    rows = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            base = colour if inside(shape, x, y, cx, cy, r) else [b + (x - y) * 0.6 for b in background]
            row.append(tuple(max(0, min(255, int(c + rng.gauss(0, 10)))) for c in base))
        rows.append(row)
    return png_bytes(rows)


def main():
    folder = Path(sys.argv[1])
    per_class = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    rng = random.Random(2026)
    for shape in ("circle", "square", "triangle"):
        (folder / shape).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            (folder / shape / f"{shape}{i:03}.png").write_bytes(picture(shape, rng))
    whole = picture("circle", rng)
    (folder / "circle" / "cut-short.png").write_bytes(whole[: len(whole) // 2])
    (folder / "square" / "empty.png").write_bytes(b"")
    (folder / "triangle" / "notes.txt").write_text("not an image\n")


if __name__ == "__main__":
    main()
