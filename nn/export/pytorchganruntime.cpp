// The GAN script's fixed Python, kept as plain text so that a reader of the generated file sees
// ordinary, commented PyTorch: the adversarial step, the real data, the samples and the entry points.
#include "pytorchganruntime.h"

namespace nn {

const std::string &pytorchGanStepCode()
{
    static const std::string code = R"PY(# ---- The adversarial step, as LayerLab's AdversarialStep takes it ----
def noise(n):
    """n noise vectors [n, *NOISE_SHAPE]: z ~ N(0, 1) or U(-1, 1), as NOISE says."""
    if NOISE == "uniform":
        return torch.rand(n, *NOISE_SHAPE) * 2.0 - 1.0
    return torch.randn(n, *NOISE_SHAPE)


def discriminator_loss(d, real):
    """D's loss on its raw outputs d [N, 1] for a batch of real (or generated) samples."""
    if LOSS == "wasserstein-gp":
        return -d.mean() if real else d.mean()  # the critic raises real scores and lowers fake ones
    target = torch.full_like(d, 1.0 - LABEL_SMOOTHING if real else 0.0)  # one-sided label smoothing
    if LOSS == "least-squares":
        return F.mse_loss(d, target)
    return F.binary_cross_entropy_with_logits(d, target)  # minimax and non-saturating: d are logits


def generator_loss(d):
    """G's loss on D's raw outputs for G's samples."""
    if LOSS == "wasserstein-gp":
        return -d.mean()
    if LOSS == "least-squares":
        return F.mse_loss(d, torch.ones_like(d))
    if LOSS == "non-saturating":
        return F.binary_cross_entropy_with_logits(d, torch.ones_like(d))  # G wants D to call its samples real
    return -F.binary_cross_entropy_with_logits(d, torch.zeros_like(d))  # minimax: G ascends D's loss


def gradient_penalty(discriminator, real, fake, mix):
    """weight·mean (|grad_x D(x')| - c)^2 at x' = e·real + (1 - e)·fake, e = mix per sample: WGAN-GP's
    (c = 1, GRADIENT_PENALTY) or the zero-centred one of the other losses (c = 0, ZERO_CENTRED_PENALTY).
    Its backward() adds the penalty's gradient to D's parameters, the way PENALTY_GRADIENT says."""
    weight, centre = (GRADIENT_PENALTY, 1.0) if LOSS == "wasserstein-gp" else (ZERO_CENTRED_PENALTY, 0.0)
    if weight <= 0:
        return 0.0
    e = mix.reshape(-1, *([1] * (real.dim() - 1)))
    points = (e * real + (1.0 - e) * fake).detach().requires_grad_(True)
    double_backward = PENALTY_GRADIENT == "double-backward"
    (grad,) = torch.autograd.grad(discriminator(points).sum(), points, create_graph=double_backward)
    norms = grad.reshape(len(grad), -1).norm(dim=1)
    value = weight * (norms - centre).pow(2).mean()
    if double_backward:
        return value
    # LayerLab's way: d|g|/dθ = d(u·grad_x D)/dθ with u = g/|g| held fixed, as a central difference
    # [grad_θ D(x' + h·u) - grad_θ D(x' - h·u)] / 2h (exact between the kinks of ReLU-like networks).
    norms = norms.detach()
    shape = (-1, *([1] * (real.dim() - 1)))
    unit = torch.where(norms.reshape(shape) > 0, grad.detach() / norms.clamp_min(1e-30).reshape(shape), torch.zeros_like(grad))
    points = points.detach()
    coefficient = 2.0 * weight * (norms - centre) / len(points) / (2.0 * PENALTY_STEP)
    ahead = discriminator(points + PENALTY_STEP * unit).reshape(len(points))
    behind = discriminator(points - PENALTY_STEP * unit).reshape(len(points))
    surrogate = (coefficient * ahead).sum() - (coefficient * behind).sum()
    return surrogate + (value.detach() - surrogate.detach())  # the penalty's value, the difference's gradient


def step_when_finite(loss, net, optimizer):
    """Steps the optimizer unless the loss or a gradient is not finite (LayerLab then leaves the weights)."""
    grads = [p.grad for p in net.parameters() if p.grad is not None]
    if math.isfinite(loss) and all(bool(torch.isfinite(g).all()) for g in grads):
        optimizer.step()


def discriminator_step(gan, optimizer, real, z, mix):
    """One step of D on the real batch and on G's samples of the noise z; returns d_loss."""
    with torch.no_grad():
        fake = gan.generator(z).reshape(real.shape)
    optimizer.zero_grad()
    loss = discriminator_loss(gan.discriminator(real), True) + discriminator_loss(gan.discriminator(fake), False)
    loss = loss + gradient_penalty(gan.discriminator, real, fake, mix)
    loss.backward()
    step_when_finite(loss.item(), gan.discriminator, optimizer)
    return loss.item()


def generator_step(gan, optimizer, z):
    """One step of G through D, whose weights are frozen meanwhile; returns g_loss."""
    optimizer.zero_grad()
    gan.discriminator.requires_grad_(False)
    try:
        loss = generator_loss(gan.discriminator(gan.generator(z).reshape(len(z), *SAMPLE_SHAPE)))
        loss.backward()
    finally:
        gan.discriminator.requires_grad_(True)
    step_when_finite(loss.item(), gan.generator, optimizer)
    return loss.item()


def adversarial_step(gan, d_optimizer, g_optimizer, real, d_noises=None, g_noise=None, mixes=None):
    """LayerLab's step on one batch of real samples: D_STEPS discriminator steps, each on fresh noise
    (and a fresh mix for the penalty), then one generator step. Returns (d_loss, g_loss). The noise of
    each D step, G's noise and the mixes can be given, to replay LayerLab's own draws."""
    n, d_loss = len(real), math.nan
    for k in range(D_STEPS):
        z = d_noises[k] if d_noises is not None else noise(n)
        mix = mixes[k] if mixes is not None else torch.rand(n)
        d_loss = discriminator_step(gan, d_optimizer, real, z, mix)
        if not math.isfinite(d_loss):
            return d_loss, math.nan
    return d_loss, generator_step(gan, g_optimizer, g_noise if g_noise is not None else noise(n))
)PY";
    return code;
}

const std::string &pytorchGanEntryPointsCode()
{
    static const std::string code = R"PY(# ---- Real samples in, G's samples out ----
def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def read_real(path):
    """The real samples [N, *SAMPLE_SHAPE] as the discriminator reads them: the tensor "real" of a
    safetensors file (LayerLab writes its training samples beside this script) or a CSV file's rows."""
    if path.lower().endswith(".csv"):
        with open(path, newline="") as f:
            rows = [row for row in csv.reader(f) if row]
        if rows and not all(is_number(cell) for cell in rows[0]):
            rows = rows[1:]  # the header
        real = torch.tensor([[float(cell) for cell in row] for row in rows], dtype=torch.float32)
    else:
        tensors = read_safetensors(path)
        if "real" not in tensors:
            raise SystemExit(f"{path} holds no tensor named 'real'; give the real samples LayerLab exported.")
        real = tensors["real"]
    if len(real) == 0 or real[0].numel() != math.prod(SAMPLE_SHAPE):
        raise SystemExit(f"{path}: its samples have {real[0].numel() if len(real) else 0} values each, but the "
                         f"discriminator takes {math.prod(SAMPLE_SHAPE)} ({list(SAMPLE_SHAPE)}).")
    return real.reshape(len(real), *SAMPLE_SHAPE)


def is_picture():
    return len(SAMPLE_SHAPE) == 3 and SAMPLE_SHAPE[0] in (1, 3)


def write_png(path, pixels):
    """An 8-bit PNG of a uint8 tensor [H, W] (grey) or [H, W, 3] (RGB), with the standard library."""
    height, width = pixels.shape[0], pixels.shape[1]
    rows = b"".join(b"\0" + bytes(row.flatten().tolist()) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2 if pixels.dim() == 3 else 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_samples(gan, path, count, seed):
    """count samples of G for noise drawn with `seed`: a CSV of their values, or for pictures a PNG
    grid of them (values 0 to 1 from black to white, as `layerlab-cli generate` draws them)."""
    torch.manual_seed(seed)
    gan.eval()
    with torch.no_grad():
        samples = gan.generator(noise(count)).reshape(count, *SAMPLE_SHAPE)
    if path.lower().endswith(".png"):
        if not is_picture():
            raise SystemExit(f"The samples {list(SAMPLE_SHAPE)} are not pictures; write them to a .csv file.")
        channels, height, width = SAMPLE_SHAPE
        columns = math.ceil(math.sqrt(count))
        grid = torch.zeros(channels, math.ceil(count / columns) * (height + 1) + 1, columns * (width + 1) + 1)
        for i, picture in enumerate(samples):
            top, left = (i // columns) * (height + 1) + 1, (i % columns) * (width + 1) + 1
            grid[:, top:top + height, left:left + width] = picture
        pixels = (grid.clamp(0.0, 1.0) * 255.0).round().to(torch.uint8)
        write_png(path, pixels[0] if channels == 1 else pixels.permute(1, 2, 0))
        return
    values = samples.reshape(count, -1)
    names = FEATURE_NAMES if len(FEATURE_NAMES) == values.shape[1] else [f"x{i + 1}" for i in range(values.shape[1])]
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for row in values.tolist():
            f.write(",".join("%.9g" % v for v in row) + "\n")


# ---- train and sample ----
def train(args):
    torch.manual_seed(SEED)
    gan = build_gan(args.weights)
    real = read_real(args.data)
    d_optimizer, g_optimizer = make_optimizer(gan.discriminator), make_generator_optimizer(gan.generator)
    schedulers = [s for s in (make_scheduler(d_optimizer, args.epochs), make_scheduler(g_optimizer, args.epochs)) if s]
    batch = args.batch or {"full": len(real), "stochastic": 1}.get(BATCH_MODE, BATCH_SIZE)
    print(f"training on {len(real)} real samples, {batch} per step", flush=True)
    steps = 0
    for epoch in range(args.epochs):
        gan.train()
        order = torch.randperm(len(real)) if SHUFFLE else torch.arange(len(real))
        d_total, g_total, count = 0.0, 0.0, 0
        for begin in range(0, len(real), batch):
            if args.max_steps and steps >= args.max_steps:
                break
            d_loss, g_loss = adversarial_step(gan, d_optimizer, g_optimizer, real[order[begin:begin + batch]])
            if not (math.isfinite(d_loss) and math.isfinite(g_loss)):
                raise SystemExit(f"epoch {epoch + 1}: the run diverged (d_loss {d_loss}, g_loss {g_loss}); "
                                 "the weights were not saved. Try lower learning rates.")
            d_total, g_total, count, steps = d_total + d_loss, g_total + g_loss, count + 1, steps + 1
        for scheduler in schedulers:
            scheduler.step()
        print(f"epoch {epoch + 1}/{args.epochs}: d_loss {d_total / max(count, 1):.6f}  "
              f"g_loss {g_total / max(count, 1):.6f}", flush=True)
    save_weights(gan, args.out or args.weights)
    print(f"saved both networks' weights to {args.out or args.weights}", flush=True)
    if args.samples:
        write_samples(gan, args.samples, 64, SEED)
        print(f"wrote 64 samples to {args.samples}", flush=True)


def sample(args):
    write_samples(build_gan(args.weights), args.out, args.count, args.seed)
    print(f"wrote {args.count} samples to {args.out}", flush=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    samples = os.path.splitext(WEIGHTS)[0] + "-samples" + (".png" if is_picture() else ".csv")
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fit = commands.add_parser("train", help="continue the adversarial training with LayerLab's recipe")
    fit.add_argument("data", nargs="?", default=os.path.join(here, REAL_DATA),
                     help="the real samples: a .safetensors file with a tensor 'real', or a CSV file")
    fit.add_argument("--epochs", type=int, default=EPOCHS)
    fit.add_argument("--batch", type=int, help="real samples per step instead of LayerLab's batch")
    fit.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: no limit)")
    fit.add_argument("--weights", default=os.path.join(here, WEIGHTS))
    fit.add_argument("--out", help="where to save the trained weights (default: over --weights)")
    fit.add_argument("--samples", help="after training, write 64 samples of G here (.csv, or .png for pictures)")
    draw = commands.add_parser("sample", help="write samples of the generator")
    draw.add_argument("--count", type=int, default=64)
    draw.add_argument("--seed", type=int, default=1, help="the noise's seed")
    draw.add_argument("--out", default=samples, help="a .csv file, or a .png grid for pictures")
    draw.add_argument("--weights", default=os.path.join(here, WEIGHTS))
    args = parser.parse_args()
    if args.command == "train":
        train(args)
    else:
        sample(args)


if __name__ == "__main__":
    main()
)PY";
    return code;
}

} // namespace nn
