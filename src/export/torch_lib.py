
# ---------------------------------------------------------------------------
# The training, as nnplay does it (crates/kernels/src and src/ of nnplay).
# Everything below reads the setup dict SETUP above; nothing else is global.
# ---------------------------------------------------------------------------

import argparse
import copy
import csv
import math
import os
import sys

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn
from torch.utils.data.distributed import DistributedSampler

HERE = os.path.dirname(os.path.abspath(__file__))

# The optimizers' default hyper-parameters (crates/kernels/src/optimizer.rs).
OPTIMIZER_DEFAULTS = {
    "sgd": {},
    "momentum": {"momentum": 0.9},
    "nesterov": {"momentum": 0.9},
    "adagrad": {"epsilon": 1e-10},
    "rmsprop": {"rho": 0.9, "epsilon": 1e-8},
    "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7},
    "adamw": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7, "weight_decay": 0.01},
    "adadelta": {"rho": 0.9, "epsilon": 1e-6},
}

# The schedules' defaults (src/schedule.rs).
SCHEDULE_DEFAULTS = {
    "constant": {"kind": "constant", "warmup": 0},
    "step": {"kind": "step", "every": 100, "factor": 0.5, "warmup": 0},
    "exp": {"kind": "exp", "factor": 0.99, "warmup": 0},
    "cosine": {"kind": "cosine", "period": 200, "min_ratio": 0.01, "restarts": False, "warmup": 0},
    "restarts": {"kind": "cosine", "period": 200, "min_ratio": 0.01, "restarts": True, "warmup": 0},
    "warmup": {"kind": "warmup", "warmup": 20},
}

FEATURE_ORDER = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]


def lr_multiplier(schedule, epoch):
    """m(e) of src/schedule.rs: the factor on the base learning rate in epoch e (0-based),
    a linear warm-up (e + 1) / warmup for e < warmup times the schedule's shape."""
    kind = schedule["kind"]
    warmup = schedule.get("warmup", 0)
    if kind == "warmup" and warmup == 0:
        warmup = 20
    w = (epoch + 1) / warmup if epoch < warmup else 1.0
    if kind == "step":
        m = schedule["factor"] ** (epoch // max(schedule["every"], 1))
    elif kind == "exp":
        m = schedule["factor"] ** epoch
    elif kind == "cosine":
        period = max(schedule["period"], 1)
        t = epoch % period if schedule["restarts"] else min(epoch, period)
        lo = schedule["min_ratio"]
        m = lo + 0.5 * (1 - lo) * (1 + math.cos(math.pi * t / period))
    else:
        m = 1.0
    return w * m


def hidden_activations(s):
    return [s["layer_activations"][l] if l < len(s["layer_activations"]) else s["activation"]
            for l in range(len(s["hidden"]))]


def dropout_rates(s):
    return [s["dropout"][l] if l < len(s["dropout"]) else 0.0 for l in range(len(s["hidden"]))]


def layer_sizes(s):
    inputs = len(s["features"]) if s["features"] is not None else s["inputs"]
    return [inputs] + list(s["hidden"]) + [s["outputs"]]


# ----------------------------------------------------------------- the data --

def read_rows(s):
    """{"train": rows, "validation": rows, "test": rows}; a row is the inputs then the label."""
    if DATA_FILE is None:
        return DATA
    rows = {"train": [], "validation": [], "test": []}
    with open(os.path.join(HERE, DATA_FILE), newline="") as f:
        for r in csv.DictReader(f):
            split = r.pop("split")
            rows[split].append([float(v) for v in r.values()])
    return rows


def inputs_of(x, s):
    """The network's inputs: for built-in data the features of the points (x1, x2),
    computed as nnplay's features.rs does; imported data is already network-ready."""
    if s["features"] is None:
        return x
    x1, x2 = x[:, 0], x[:, 1]
    f = {"x1": x1, "x2": x2, "x1sq": x1 * x1, "x2sq": x2 * x2, "x1x2": x1 * x2,
         "sinx1": torch.sin(x1), "sinx2": torch.sin(x2)}
    return torch.stack([f[k] for k in s["features"]], 1)


def targets_of(label, s):
    """The targets coded for the output layer (src/head.rs: Head::encode)."""
    coding = s["coding"]
    if coding == "value":
        return label[:, None]
    if coding == "plusminus":
        return torch.where(label >= 0.5, 1.0, -1.0)[:, None]
    if coding == "zeroone":
        return torch.where(label >= 0.5, 1.0, 0.0)[:, None]
    return F.one_hot(label.long(), s["outputs"]).float()


def load_data(s):
    out = {}
    for split, rows in read_rows(s).items():
        if len(rows) == 0:
            n_in = len(s["features"]) if s["features"] is not None else s["inputs"]
            out[split] = (torch.zeros(0, n_in), torch.zeros(0, s["outputs"]))
            continue
        t = torch.tensor(rows, dtype=torch.float32)
        out[split] = (inputs_of(t[:, :-1], s), targets_of(t[:, -1], s))
    return out


# -------------------------------------------------------------- the network --

def activate(name, z):
    if name == "relu":
        return torch.relu(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "leaky":
        return F.leaky_relu(z, 0.01)
    if name == "elu":
        return F.elu(z)
    if name == "gelu":
        return F.gelu(z, approximate="tanh")
    if name == "softplus":
        return F.softplus(z)
    if name == "softmax":
        return torch.softmax(z, 1)
    return z  # linear


class Net(nn.Module):
    """Fully connected layers; hidden layer l: a = f_l(W a + b), then inverted dropout
    with rate p_l in training. forward() returns the output layer's pre-activation z
    (the losses take z so that sigmoid/softmax and cross-entropy cancel as in nnplay)."""

    def __init__(self, s):
        super().__init__()
        sizes = layer_sizes(s)
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.activations = hidden_activations(s)
        self.rates = dropout_rates(s)
        self.output = s["output_activation"]

    def forward(self, x):
        for l, layer in enumerate(self.layers[:-1]):
            x = activate(self.activations[l], layer(x))
            if self.rates[l] > 0:
                x = F.dropout(x, self.rates[l], self.training)
        return self.layers[-1](x)


def init_weights(net, s, weights):
    """weights: a list of (W (n_out, n_in), b (n_out)) per layer, or None for a fresh
    draw with the setup's scheme (src/init.rs) from torch's generator."""
    with torch.no_grad():
        for l, layer in enumerate(net.layers):
            if weights is not None:
                w, b = weights[l]
                layer.weight.copy_(torch.tensor(w, dtype=torch.float32))
                layer.bias.copy_(torch.tensor(b, dtype=torch.float32))
                continue
            init = s["init"]
            layer.bias.zero_()
            if init == "playground":
                nn.init.uniform_(layer.weight, -0.5, 0.5)
                layer.bias.fill_(0.1)
            elif init == "glorot_uniform":
                nn.init.xavier_uniform_(layer.weight)
            elif init == "glorot_normal":
                nn.init.xavier_normal_(layer.weight)
            elif init == "he_uniform":
                nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")
            elif init == "he_normal":
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            else:
                layer.weight.zero_()


# ---------------------------------------------------------------- the loss --

EPS = 1e-7


def training_loss(z, y, s):
    """Per row, summed over the outputs (crates/kernels/src/loss.rs), written so that its
    gradient in z is nnplay's output delta: σ or softmax with cross-entropy give o − t."""
    loss = s["loss"]
    if loss == "bce":
        return F.binary_cross_entropy_with_logits(z, y, reduction="none").sum(1)
    if loss == "cce":
        return -(y * torch.log_softmax(z, 1)).sum(1)
    o = activate(s["output_activation"], z)
    if loss == "huber":
        return F.huber_loss(o, y, reduction="none", delta=1.0).sum(1)
    return 0.5 * ((o - y) ** 2).sum(1)


def reported_loss(o, y, s):
    """The value nnplay shows, per row: probabilities clamped to [1e-7, 1 − 1e-7] in logs."""
    loss = s["loss"]
    if loss == "bce":
        oc = o.clamp(EPS, 1 - EPS)
        return -(y * oc.log() + (1 - y) * (1 - oc).log()).sum(1)
    if loss == "cce":
        return -(y * o.clamp_min(EPS).log()).sum(1)
    if loss == "huber":
        return F.huber_loss(o, y, reduction="none", delta=1.0).sum(1)
    return 0.5 * ((o - y) ** 2).sum(1)


def evaluate(net, x, y, s):
    """(mean loss, metrics) on rows x, y: the loss summed in float64 as nnplay does;
    accuracy and macro F1 for classes, R² for numbers."""
    was = net.training
    net.eval()
    with torch.no_grad():
        o = activate(s["output_activation"], net(x)) if len(x) else torch.zeros(0, s["outputs"])
        per_row = reported_loss(o, y, s).double()
    net.train(was)
    n = len(x)
    loss = float(per_row.sum() / n) if n else float("nan")
    if s["classes"] == 0:
        if n == 0:
            return loss, {"r2": float("nan")}
        t, p = y[:, 0].double(), o[:, 0].double()
        ss_tot = float(((t - t.mean()) ** 2).sum())
        r2 = 0.0 if ss_tot == 0 else 1 - float(((p - t) ** 2).sum()) / ss_tot
        return loss, {"r2": r2}
    if y.shape[1] == 1:
        threshold = 0.5 if s["coding"] == "zeroone" else 0.0
        true, pred = (y[:, 0] >= threshold).long(), (o[:, 0] >= threshold).long()
    else:
        true, pred = y.argmax(1), o.argmax(1)
    k = max(s["classes"], 2)
    f1s = []
    for c in range(k):
        tp = int(((pred == c) & (true == c)).sum())
        fp = int(((pred == c) & (true != c)).sum())
        fn = int(((pred != c) & (true == c)).sum())
        if tp + fp + fn > 0:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    accuracy = float((pred == true).double().mean()) if n else float("nan")
    f1 = (sum(f1s) / len(f1s) if f1s else 0.0) if n else float("nan")
    return loss, {"accuracy": accuracy, "f1": f1}


# ------------------------------------------------------------ the optimizer --

class PlaygroundOptimizer(torch.optim.Optimizer):
    """nnplay's step (crates/kernels/src/optimizer.rs), exactly, where torch.optim differs:
    the mean gradient's global norm clipped to clip_norm first (no 1e-6 in the ratio);
    Adagrad, RMSProp and Adam with ε outside the square root and Adam's bias correction
    as tf.train.adam (p ← p − lr·m̂ / (√v̂ + ε)); AdamW's decay p ← p − lr·λ·p before
    the Adam step; Adadelta as Zeiler; momentum v ← μv + g, Nesterov p ← p − lr(g + μv)
    (torch's SGD convention, dampening 0). Then the regularisation step on the weights only
    (group "regularize"): w ← w − lr·rate·R'(w), an L1 step that would cross zero stops at 0."""

    def __init__(self, weights, biases, s):
        groups = [{"params": weights, "regularize": True}, {"params": biases, "regularize": False}]
        super().__init__(groups, {"lr": s["learning_rate"]})
        self.kind = s["optimizer"]
        self.hp = dict(OPTIMIZER_DEFAULTS[self.kind], **s["optimizer_params"])
        self.regularization = s["regularization"]
        self.rate = s["regularization_rate"]
        self.clip = s["clip_norm"]
        self.t = 0

    @torch.no_grad()
    def step(self, closure=None):
        params = [p for g in self.param_groups for p in g["params"] if p.grad is not None]
        scale = 1.0
        if self.clip > 0:
            norm = math.sqrt(sum(float((p.grad.double() ** 2).sum()) for p in params))
            if norm > self.clip:
                scale = self.clip / norm
        hp, kind = self.hp, self.kind
        if kind != "sgd":
            self.t += 1
        if kind in ("adam", "adamw"):
            bc1 = 1 - hp["beta1"] ** self.t
            bc2 = 1 - hp["beta2"] ** self.t
        for group in self.param_groups:
            lr = group["lr"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad * scale
                st = self.state[p]
                if not st:
                    st["m"] = torch.zeros_like(p)
                    st["v"] = torch.zeros_like(p)
                    st["u"] = torch.zeros_like(p)
                m, v, u = st["m"], st["v"], st["u"]
                if kind == "sgd":
                    p.sub_(lr * g)
                elif kind == "momentum":
                    m.mul_(hp["momentum"]).add_(g)
                    p.sub_(lr * m)
                elif kind == "nesterov":
                    m.mul_(hp["momentum"]).add_(g)
                    p.sub_(lr * (g + hp["momentum"] * m))
                elif kind == "adagrad":
                    v.add_(g * g)
                    p.sub_(lr * g / (v.sqrt() + hp["epsilon"]))
                elif kind == "rmsprop":
                    v.mul_(hp["rho"]).add_((1 - hp["rho"]) * g * g)
                    p.sub_(lr * g / (v.sqrt() + hp["epsilon"]))
                elif kind in ("adam", "adamw"):
                    if kind == "adamw":
                        p.sub_(lr * hp["weight_decay"] * p)
                    m.mul_(hp["beta1"]).add_((1 - hp["beta1"]) * g)
                    v.mul_(hp["beta2"]).add_((1 - hp["beta2"]) * g * g)
                    p.sub_(lr * (m / bc1) / ((v / bc2).sqrt() + hp["epsilon"]))
                elif kind == "adadelta":
                    v.mul_(hp["rho"]).add_((1 - hp["rho"]) * g * g)
                    delta = (u + hp["epsilon"]).sqrt() / (v + hp["epsilon"]).sqrt() * g
                    u.mul_(hp["rho"]).add_((1 - hp["rho"]) * delta * delta)
                    p.sub_(lr * delta)
                if group["regularize"] and self.regularization != "none" and self.rate > 0:
                    k = lr * self.rate
                    sign = torch.sign(p)
                    der = {"l1": sign, "l2": p, "elastic": 0.5 * sign + 0.5 * p}[self.regularization]
                    new = p - k * der
                    if self.regularization in ("l1", "elastic"):
                        new = torch.where(p * new < 0, torch.zeros_like(new), new)
                    p.copy_(new)


# ------------------------------------------------------------- the training --

def distributed():
    """(rank, world size): under torchrun a gloo process group, else (0, 1)."""
    if "WORLD_SIZE" in os.environ and int(os.environ["WORLD_SIZE"]) > 1:
        if not dist.is_initialized():
            dist.init_process_group("gloo")
        return dist.get_rank(), dist.get_world_size()
    return 0, 1


def train(s, epochs, weights=None, first_epoch=0, seed=None, log=print, report=None):
    """Trains the setup s for `epochs` epochs from `weights` (None: a fresh draw) and
    returns the scores of the final weights. Each epoch goes over the training rows in
    minibatches of s["batch_size"] rows (under torchrun a DistributedSampler deals the rows
    out to the N processes, each takes batch_size / N of every minibatch, and
    DistributedDataParallel averages their gradients),
    in the data's order or shuffled, one optimizer step per minibatch on the mean
    gradient; then it measures the losses, calls report(epoch, scores) if given and
    applies the stopping rules (early stopping on the validation loss, or the training
    loss without validation rows; a target loss or accuracy; a last epoch)."""
    rank, world = distributed()
    seed = s["seed"] if seed is None else seed
    torch.manual_seed(seed)
    data = load_data(s)
    x, y = data["train"]
    net = Net(s)
    init_weights(net, s, weights)
    model = net
    if world > 1:
        model = nn.parallel.DistributedDataParallel(net)
    opt = PlaygroundOptimizer(
        [l.weight for l in net.layers], [l.bias for l in net.layers], s)
    sampler = DistributedSampler(range(len(x)), num_replicas=world, rank=rank,
                                 shuffle=s["shuffle"], seed=seed, drop_last=False)
    # Each of the processes takes its share of every minibatch, so a step still averages
    # the gradient over batch_size rows (rounded up to a multiple of the processes).
    batch = max(1, math.ceil(s["batch_size"] / world))
    stop = s["stopping"]
    watched = "validation" if len(data["validation"][0]) else "train"
    best, best_epoch, best_weights = None, first_epoch, None
    speak = log if rank == 0 else (lambda *a, **k: None)
    epoch = first_epoch
    scores = {}
    for epoch in range(first_epoch, first_epoch + epochs):
        sampler.set_epoch(epoch)
        for group in opt.param_groups:
            group["lr"] = s["learning_rate"] * lr_multiplier(s["schedule"], epoch)
        model.train()
        order = torch.tensor(list(sampler), dtype=torch.long)
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            opt.zero_grad()
            training_loss(model(x[rows]), y[rows], s).mean().backward()
            opt.step()
        done = epoch + 1
        scores = measure(net, data, s)
        speak(f"epoch {done}  train loss {scores['train_loss']:.7f}  test loss {scores['test_loss']:.7f}")
        if report is not None:
            report(done, scores)
        if stop["patience"] > 0:
            loss = scores[watched + "_loss"]
            if math.isfinite(loss):
                if best is None or loss <= best - stop["min_delta"]:
                    best, best_epoch, best_weights = loss, done, copy.deepcopy(net.state_dict())
                if done >= best_epoch + stop["patience"]:
                    speak(f"early stopping: the {watched} loss has not improved by {stop['min_delta']} "
                          f"for {stop['patience']} epochs; best {best:.4f} at epoch {best_epoch}")
                    if stop["restore_best"]:
                        net.load_state_dict(best_weights)
                        scores = measure(net, data, s)
                    break
        if stop["target_loss"] > 0 and scores["train_loss"] <= stop["target_loss"]:
            speak(f"stopped: the training loss reached {stop['target_loss']}")
            break
        if stop["target_accuracy"] > 0 and 100 * scores.get("train_accuracy", 0.0) >= stop["target_accuracy"]:
            speak(f"stopped: the training accuracy reached {stop['target_accuracy']} %")
            break
    scores["epochs"] = epoch + 1
    scores["net"] = net
    return scores


def measure(net, data, s):
    scores = {}
    for split in ("train", "validation", "test"):
        loss, metrics = evaluate(net, *data[split], s)
        scores[split + "_loss"] = loss
        for k, v in metrics.items():
            scores[split + "_" + k] = v
    return scores
