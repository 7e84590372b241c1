// The exported script's fixed Python: safetensors I/O, data reading, predict and train. Kept as
// plain text so that a reader of the generated file sees ordinary, commented Python.
#include "pytorchruntime.h"

namespace nn {

const std::string &pytorchWeightsCode()
{
    static const std::string code = R"PY(# safetensors: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
# shape and byte range, then the raw data. The `safetensors` package is used when it is installed;
# these few lines do the same with the standard library (float32 on a little-endian machine).
def read_safetensors(path):
    """{name: tensor} from a safetensors file of float32 tensors."""
    try:
        from safetensors.torch import load_file
        return load_file(path)
    except ImportError:
        pass
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise SystemExit(f"{path} is too short to be a safetensors file.")
    (length,) = struct.unpack("<Q", data[:8])
    if length > len(data) - 8:
        raise SystemExit(f"{path}: the header length runs past the end of the file.")
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    tensors = {}
    for name, entry in sorted(header.items()):
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        if entry["dtype"] != "F32" or not 0 <= begin <= end <= len(body):
            raise SystemExit(f"{path}: tensor {name} is not float32 data inside the file.")
        values = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.float32) if end > begin else torch.zeros(0)
        tensors[name] = values.reshape(entry["shape"])
    return tensors


def write_safetensors(tensors, path):
    """Writes {name: tensor} as float32 safetensors (names sorted), through a temporary file."""
    try:
        from safetensors.torch import save_file
        save_file({k: v.detach().float().contiguous().cpu() for k, v in tensors.items()}, path)
        return
    except ImportError:
        pass
    header, chunks, offset = {}, [], 0
    for name in sorted(tensors):
        tensor = tensors[name].detach().to("cpu", torch.float32)
        chunk = array.array("f", tensor.flatten().tolist()).tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(chunk)]}
        chunks.append(chunk)
        offset += len(chunk)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the data starts 8-byte aligned
    with open(path + ".tmp", "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
    os.replace(path + ".tmp", path)


def load_weights(net, path):
    """LayerLab's weights into `net`. BatchNorm's num_batches_tracked is PyTorch's own counter, which
    LayerLab does not keep: exactly those keys may be missing, nothing else."""
    missing, unexpected = net.load_state_dict(read_safetensors(path), strict=False)
    missing = [key for key in missing if not key.endswith(".num_batches_tracked")]
    if missing or unexpected:
        raise SystemExit(f"{path} does not fit this network: missing {missing}, unexpected {unexpected}.")


def save_weights(net, path):
    """The weights under LayerLab's names ("dense1.weight"), so LayerLab can open them again."""
    state = {k: v for k, v in net.state_dict().items() if not k.endswith(".num_batches_tracked")}
    write_safetensors(state, path)
)PY";
    return code;
}

const std::string &pytorchEntryPointsCode()
{
    static const std::string code = R"PY(# ---- Data as it is in the file: CSV columns or IDX images (MNIST's layout, .gz or not) ----
def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def read_csv(path):
    """The header and the rows of a CSV file; a first row of numbers only is data, not a header."""
    with open(path, newline="") as f:
        rows = [row for row in csv.reader(f) if row]
    if not rows:
        raise SystemExit(f"{path} is empty.")
    if all(is_number(cell) for cell in rows[0]):
        return [str(i) for i in range(len(rows[0]))], rows
    return [cell.strip() for cell in rows[0]], rows[1:]


def column_index(header, column, path):
    """A column given by name or 0-based number."""
    if column in header:
        return header.index(column)
    if column.isdigit() and int(column) < len(header):
        return int(column)
    raise SystemExit(f"{path} has no column {column!r}; its columns are: {', '.join(header)}.")


def feature_columns(header, path, label):
    """The columns the network reads: the ones LayerLab was told, else the names it trained on,
    else every column but the label."""
    if DATA_FEATURE_COLUMNS:
        columns = [column_index(header, c, path) for c in DATA_FEATURE_COLUMNS]
    elif FEATURE_NAMES and all(name in header for name in FEATURE_NAMES):
        columns = [header.index(name) for name in FEATURE_NAMES]
    else:
        columns = [i for i in range(len(header)) if i != label and header[i] != "label"]
    if len(columns) != math.prod(INPUT_SHAPE):
        raise SystemExit(f"{path} gives {len(columns)} feature columns; the network takes {math.prod(INPUT_SHAPE)}.")
    return columns


def class_index(cell):
    """A label as LayerLab numbers it: its place in CLASS_NAMES (integer labels as written)."""
    key = cell.strip()
    if is_number(key) and float(key).is_integer():
        key = str(int(float(key)))
    if key in CLASS_NAMES:
        return CLASS_NAMES.index(key)
    if not CLASS_NAMES and key.isdigit():
        return int(key)
    raise SystemExit(f"The label {cell!r} is not one of the classes {CLASS_NAMES}.")


def make_targets(labels):
    """Class numbers for CrossEntropy, 0/1 floats for BinaryCrossEntropy, values for regression."""
    if OUTPUT_ACTIVATION == "softmax":
        return torch.tensor(labels, dtype=torch.long)
    return torch.tensor(labels, dtype=torch.float32).reshape(len(labels), -1)


def read_csv_data(path, with_labels):
    """(raw features [N, F], labels or None) from a CSV file."""
    header, rows = read_csv(path)
    label = None
    if with_labels:
        label = column_index(header, DATA_LABEL_COLUMN, path) if DATA_LABEL_COLUMN else len(header) - 1
    columns = feature_columns(header, path, label)
    raw = torch.tensor([[float(row[i]) for i in columns] for row in rows], dtype=torch.float32)
    if label is None:
        return raw, None
    if OUTPUT_ACTIVATION == "none":
        return raw, [float(row[label]) for row in rows]
    return raw, [class_index(row[label]) for row in rows]


def read_idx(path):
    """An IDX file of bytes (MNIST, Fashion-MNIST; .gz or not) as a uint8 tensor."""
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[:3] != b"\0\0\x08":
        raise SystemExit(f"{path} is not an IDX file of unsigned bytes.")
    rank = data[3]
    dims = struct.unpack(f">{rank}I", data[4:4 + 4 * rank])
    body = data[4 + 4 * rank:]
    if len(body) < math.prod(dims):
        raise SystemExit(f"{path} is cut off: it holds fewer values than its dimensions {dims} say.")
    return torch.frombuffer(bytearray(body[:math.prod(dims)]), dtype=torch.uint8).reshape(dims)


def read_idx_data(images, labels):
    """(raw pixels [N, F] as 0-255 floats, labels) from IDX images and labels files."""
    if not labels:
        same = DATA_LABELS and os.path.abspath(images) == os.path.abspath(DATA_SOURCE)
        labels = DATA_LABELS if same else images.replace("images-idx3", "labels-idx1").replace("images", "labels")
    raw = read_idx(images).float().reshape(-1, math.prod(INPUT_SHAPE))
    classes = read_idx(labels).long().tolist()
    if len(classes) != len(raw):
        raise SystemExit(f"{images} holds {len(raw)} images but {labels} {len(classes)} labels.")
    return raw, classes


def read_data(path, labels=None):
    """(raw inputs, targets) from a CSV file or IDX images (+ labels)."""
    if path.lower().endswith(".csv"):
        raw, classes = read_csv_data(path, with_labels=True)
    else:
        raw, classes = read_idx_data(path, labels)
    return raw, make_targets(classes)


# ---- predict: outputs as LayerLab's `layerlab-cli predict` gives them ----
def readable(outputs):
    """Class probabilities (softmax), per-output probabilities (sigmoid) or the values (regression)."""
    if OUTPUT_ACTIVATION == "softmax":
        return torch.softmax(outputs, dim=-1)
    if OUTPUT_ACTIVATION == "sigmoid":
        return torch.sigmoid(outputs)
    return outputs


def predict(args):
    net = build_net(args.weights).eval()
    files = image_inputs(args.input)  # pictures get a first column with their file, as in LayerLab
    raw = read_images(files) if files else read_csv_data(args.input, with_labels=False)[0]
    with torch.no_grad():
        values = readable(net(net.prepare(raw))).reshape(len(raw), -1)
    names = CLASS_NAMES if OUTPUT_ACTIVATION != "none" else TARGET_NAMES
    if len(names) != values.shape[1]:
        names = [f"output{i}" for i in range(values.shape[1])]
    lines = [",".join((["file"] if files else []) + (["predicted"] if OUTPUT_ACTIVATION == "softmax" else []) + names)]
    for n, row in enumerate(values.tolist()):
        first = [names[max(range(len(row)), key=row.__getitem__)]] if OUTPUT_ACTIVATION == "softmax" else []
        lines.append(",".join(([files[n]] if files else []) + first + ["%.9g" % v for v in row]))
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


# ---- train: one process, or several under torchrun (DistributedDataParallel) ----
def start_processes():
    """(world size, rank, device). Under torchrun (WORLD_SIZE > 1) each process joins the group:
    NCCL between GPUs, Gloo on CPUs."""
    world, rank = int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0"))
    cuda = torch.cuda.is_available()
    device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0"))) if cuda else torch.device("cpu")
    if cuda:
        torch.cuda.set_device(device)
    if world > 1:
        dist.init_process_group("nccl" if cuda else "gloo")
    return world, rank, device


def batch_per_process(samples, world, override):
    """LayerLab's batch (full, minibatch or stochastic), shared out: each of the `world` processes
    takes an equal part, so one step still sees about one LayerLab batch (DDP averages the gradients)."""
    batch = override or {"full": samples, "stochastic": 1}.get(BATCH_MODE, BATCH_SIZE)
    return max(1, math.ceil(batch / world))


def penalty(net):
    """LayerLab's L1 and L2 terms: L1·Σ|w| + L2·Σw² over the DECAYING weights."""
    if L1 == 0 and L2 == 0:
        return 0.0
    weights = [p for name, p in net.named_parameters() if name in DECAYING]
    return sum(L1 * w.abs().sum() + L2 * w.pow(2).sum() for w in weights)


def evaluate(net, inputs, targets, loss_fn, device):
    """The loss over the whole data set in evaluation mode (dropout off, running statistics)."""
    net.eval()
    total = 0.0
    with torch.no_grad():
        for begin in range(0, len(inputs), 1024):
            x, y = inputs[begin:begin + 1024].to(device), targets[begin:begin + 1024].to(device)
            total += loss_fn(net(x), y).item() * len(x)
    return total / len(inputs)


def train(args):
    world, rank, device = start_processes()
    torch.manual_seed(SEED)
    net = build_net(args.weights)
    raw, targets = read_data(args.data, args.labels)
    inputs = net.prepare(raw)
    net.to(device)
    data = torch.utils.data.TensorDataset(inputs, targets)
    # Each process reads its own share of every epoch's shuffled order (the same order as the others).
    sampler = torch.utils.data.distributed.DistributedSampler(data, num_replicas=world, rank=rank,
                                                              shuffle=SHUFFLE, seed=SEED)
    batch = batch_per_process(len(data), world, args.batch)
    loader = torch.utils.data.DataLoader(data, batch_size=batch, sampler=sampler)
    model = net
    if world > 1:
        model = nn.parallel.DistributedDataParallel(net, device_ids=[device.index] if device.type == "cuda" else None)
    loss_fn, optimizer = make_loss(), make_optimizer(net)
    scheduler = make_scheduler(optimizer, args.epochs)
    if rank == 0:
        print(f"training on {len(data)} samples in {world} process(es), {batch} per process and step", flush=True)
        print(f"loss before: {evaluate(net, inputs, targets, loss_fn, device):.6f}", flush=True)
    steps = 0
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        model.train()
        totals = torch.zeros(2, dtype=torch.float64, device=device)  # Σ loss·samples, samples
        for x, y in loader:
            if args.max_steps and steps >= args.max_steps:
                break
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            (loss + penalty(net)).backward()
            if CLIP_NORM > 0:
                torch.nn.utils.clip_grad_norm_(net.parameters(), CLIP_NORM)
            optimizer.step()
            totals += torch.tensor([loss.item() * len(x), len(x)], dtype=torch.float64, device=device)
            steps += 1
        if scheduler is not None:
            scheduler.step()
        if world > 1:
            dist.all_reduce(totals)
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs}: train loss {totals[0] / max(totals[1], 1):.6f}", flush=True)
    if rank == 0:
        print(f"loss after: {evaluate(net, inputs, targets, loss_fn, device):.6f}", flush=True)
        save_weights(net, args.out or args.weights)
        print(f"saved the weights to {args.out or args.weights}", flush=True)
    if world > 1:
        dist.destroy_process_group()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("predict", help="predict the rows of a CSV file of raw feature columns, or pictures")
    run.add_argument("input", help="CSV file with the feature columns the network was trained on, or a PNG/JPEG "
                                   "picture or a folder of them (image networks)")
    run.add_argument("--out", help="write the predictions to this CSV file instead of printing them")
    run.add_argument("--weights", default=os.path.join(here, WEIGHTS))
    fit = commands.add_parser("train", help="continue training with LayerLab's recipe")
    default_data = DATA_SOURCE if os.path.isfile(DATA_SOURCE) else None
    fit.add_argument("data", nargs="?", default=default_data, help="a CSV file, or IDX images (.gz or not)")
    fit.add_argument("--labels", help="the IDX labels file (default: the images' name with labels)")
    fit.add_argument("--epochs", type=int, default=EPOCHS)
    fit.add_argument("--batch", type=int, help="samples per step instead of LayerLab's batch")
    fit.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: no limit)")
    fit.add_argument("--weights", default=os.path.join(here, WEIGHTS))
    fit.add_argument("--out", help="where to save the trained weights (default: over --weights)")
    args = parser.parse_args()
    if args.command == "train" and not args.data:
        parser.error(f"give the data file: LayerLab's data set {DATA_SOURCE!r} is not a file here.")
    if args.command == "predict":
        predict(args)
    else:
        train(args)


if __name__ == "__main__":
    main()
)PY";
    return code;
}

} // namespace nn
