// The Python for picture files. The resampling mirrors datasets/imagefit.cpp tap by tap (area
// averaging where the image shrinks, bilinear where it grows, the same spans for stretch, crop and
// pad) and rounds to bytes as it does, so the script feeds the network the bytes LayerLab feeds it.
#include "pytorchimages.h"

namespace nn {

const std::string &pytorchImageCode()
{
    static const std::string code = R"PY(# ---- Picture files, read and fitted to INPUT_SHAPE as LayerLab's predict does ----
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg")


def image_inputs(path):
    """The picture files at `path` (one file, or a folder's .png/.jpg/.jpeg files by name); [] for a CSV."""
    if not os.path.isdir(path):
        return [path] if path.lower().endswith(IMAGE_EXTENSIONS) else []
    files = sorted(os.path.join(path, name) for name in os.listdir(path)
                   if not name.startswith(".") and name.lower().endswith(IMAGE_EXTENSIONS)
                   and os.path.isfile(os.path.join(path, name)))
    if not files:
        raise SystemExit(f"The folder {path} holds no .png, .jpg or .jpeg files to predict on.")
    return files


def unfilter_png(data, height, stride, bpp):
    """The scanlines of a non-interlaced PNG with their filters (None, Sub, Up, Average, Paeth) undone."""
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = data[at], bytearray(data[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return b"".join(rows)


def read_png(data):
    """[height, width, channels] uint8 of an 8-bit grey, RGB or palette PNG without transparency or
    gamma of its own, which libpng gives unchanged; None for any other PNG."""
    at, header, palette, parts = 8, None, None, []
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            parts.append(body)
        elif kind in (b"tRNS", b"gAMA", b"iCCP", b"cHRM"):
            return None
        elif kind == b"IEND":
            break
        at += 12 + length
    if header is None or header[2] != 8 or header[3] not in (0, 2, 3) or header[6] != 0:
        return None
    width, height, colour = header[0], header[1], header[3]
    samples = 3 if colour == 2 else 1
    pixels = unfilter_png(zlib.decompress(b"".join(parts)), height, width * samples, samples)
    image = torch.frombuffer(bytearray(pixels), dtype=torch.uint8).reshape(height, width, samples)
    if colour == 3:
        image = torch.frombuffer(bytearray(palette), dtype=torch.uint8).reshape(-1, 3)[image[..., 0].long()]
    return image


def decode_image(path, channels):
    """[height, width, channels] uint8: PNGs that libpng passes through unchanged are decoded here;
    the rest by torchvision (libpng, libjpeg) or else Pillow (its grey conversion may differ by a step)."""
    with open(path, "rb") as f:
        data = f.read()
    image = read_png(data) if data.startswith(b"\x89PNG\r\n\x1a\n") else None
    if image is not None and (image.shape[2] == channels or image.shape[2] == 1):
        return image.expand(-1, -1, channels)
    try:
        import torchvision.io as tvio
        mode = tvio.ImageReadMode.GRAY if channels == 1 else tvio.ImageReadMode.RGB
        return tvio.decode_image(tvio.read_file(path), mode).permute(1, 2, 0)
    except ImportError:
        pass
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit(f"{path}: this script reads 8-bit PNGs without transparency itself; for JPEG and other "
                         "PNG files install torchvision or Pillow (pip install pillow).")
    picture = Image.open(path)
    if picture.mode in ("RGBA", "LA", "P", "PA"):  # transparent pixels laid on white, as LayerLab does
        picture = Image.alpha_composite(Image.new("RGBA", picture.size, "white"), picture.convert("RGBA"))
    picture = picture.convert("L" if channels == 1 else "RGB")
    image = torch.tensor(list(picture.getdata()), dtype=torch.uint8)
    return image.reshape(picture.size[1], picture.size[0], channels)


def float32(value):
    return struct.unpack("<f", struct.pack("<f", value))[0]


def resample_matrix(start, length, size, outputs):
    """[outputs, size]: each output pixel as weights over the source pixels of [start, start + length)."""
    taps = torch.zeros(outputs, size, dtype=torch.float64)
    ratio = length / outputs
    for j in range(outputs):
        a = start + j * ratio
        b = a + ratio
        if ratio > 1.0:  # shrinking: the covered pixels, weighted by their overlap
            for i in range(math.floor(a), math.ceil(b)):
                taps[j, min(max(i, 0), size - 1)] += float32((min(b, i + 1.0) - max(a, float(i))) / ratio)
        else:  # growing: bilinear between the two nearest pixel centres
            centre = (a + b) / 2.0 - 0.5
            i = math.floor(centre)
            t = float32(centre - i)
            taps[j, min(max(i, 0), size - 1)] += float32(1.0 - t)
            taps[j, min(max(i + 1, 0), size - 1)] += t
    return taps


def fit_spans(width, height, out_width, out_height):
    """((source start, length, output start, length) across, the same down) for IMAGE_RESIZE."""
    sx, sy = out_width / width, out_height / height
    if IMAGE_RESIZE == "crop":
        scale = max(sx, sy)
        kept_width, kept_height = out_width / scale, out_height / scale
        return ((width - kept_width) / 2.0, kept_width, 0, out_width), ((height - kept_height) / 2.0, kept_height, 0, out_height)
    if IMAGE_RESIZE == "pad":
        scale = min(sx, sy)
        filled_width = min(max(math.floor(width * scale + 0.5), 1), out_width)
        filled_height = min(max(math.floor(height * scale + 0.5), 1), out_height)
        return (0.0, float(width), (out_width - filled_width) // 2, filled_width), \
               (0.0, float(height), (out_height - filled_height) // 2, filled_height)
    return (0.0, float(width), 0, out_width), (0.0, float(height), 0, out_height)


def fit_image(image):
    """[height, width, channels] uint8 → INPUT_SHAPE [channels, height, width] bytes as floats 0-255."""
    channels, out_height, out_width = INPUT_SHAPE
    across, down = fit_spans(image.shape[1], image.shape[0], out_width, out_height)
    columns = resample_matrix(across[0], across[1], image.shape[1], across[3])
    rows = resample_matrix(down[0], down[1], image.shape[0], down[3])
    planes = image.permute(2, 0, 1).double()
    values = torch.floor(rows @ planes @ columns.T + 0.5).clamp(0, 255)  # rounds half up, as lround does
    out = torch.zeros(channels, out_height, out_width)
    out[:, down[2]:down[2] + down[3], across[2]:across[2] + across[3]] = values.float()
    return out


def read_images(files):
    """Raw inputs [N, C, H, W] (bytes 0-255 as floats) of picture files; prepare() scales them."""
    if not IMAGE_RESIZE:
        raise SystemExit("This network was not trained on images; give it a CSV file of feature columns.")
    return torch.stack([fit_image(decode_image(path, INPUT_SHAPE[0])) for path in files])
)PY";
    return code;
}

} // namespace nn
