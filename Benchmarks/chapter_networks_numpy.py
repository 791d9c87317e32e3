#!/usr/bin/env python3
"""The networks chapters 11-13 train, in NumPy, side by side with DLMath.

    swift build -c release --product benchmarks
    python3 Benchmarks/chapter_networks_numpy.py           # 3 alternating rounds, medians
    python3 Benchmarks/chapter_networks_numpy.py --check   # gradient checks of the NumPy backward passes

The three training loops of `ChapterNetworksBenchmark.swift`, written out in
NumPy as a NumPy user would write them, with the same shapes, batch (32),
loss (softmax cross-entropy, gradient (p - y)/N) and optimizer maths (Adam in
PyTorch's form: m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2,
w <- w - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)):

- ch11-mlp: Dense(64 -> 256) -> ReLU -> inverted Dropout(0.3) -> Dense(256 -> 10),
  Adam(lr 0.001), on about 1,167 standardised training digits, 10 epochs;
- ch12-cnn: Conv2D(1 -> 24, 3x3, padding 1) by im2col and one product ->
  MaxPool 2x2 (argmax, first in row-major order on ties, as DLMath and
  PyTorch) -> ReLU -> Dense(384 -> 10), Adam(lr 0.003), on the training digits
  / 16 and their four one-pixel shifts (5 x 1,167 images), 1 epoch;
- ch13-rnn: tanh RNN cell (4 -> 16) over T = 30 steps, then Dense(16 -> 4),
  backpropagation through time written out, Adam(lr 0.01), on 512 recall
  sequences (name the first of 30 random one-hot symbols out of 4), 4 epochs.

The data are drawn by NumPy (the same kind and number of examples as the
Swift side; not the same draws, which does not change the work of a step).
Each figure is samples / second of the training steps (the gather of each
batch included), best of 5 runs; the Swift figures come from
`.build/release/benchmarks --chapter-networks`, run alternately with the
NumPy loops, three rounds. The script checks that the mean loss of the last
tenth of the batches is below that of the first tenth in every run.

NumPy is needed for this measurement only (`pip install numpy`); it is never
a dependency of the package or of `swift test`. One thread: this script sets
OPENBLAS_NUM_THREADS=1 (and the other BLAS thread variables) and removes
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which slow a current NumPy, before
importing it.
"""
import os
import statistics
import subprocess
import sys
import time

for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[name] = "1"
for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(name, None)

try:
    import numpy as np
except ImportError:
    print("chapter_networks_numpy.py: NumPy is not installed (pip install numpy); nothing to compare",
          file=sys.stderr)
    sys.exit(0)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, "Sources", "DLMath", "Resources", "digits.csv")
BENCHMARKS = os.path.join(ROOT, ".build", "release", "benchmarks")
STEPS = 30  # T of chapter 13's recall task
BATCH = 32


# ---------------------------------------------------------------- data

def training_digits(rng):
    """About 65% of each class of the 1,797 digits (chapter 11's training split): pixels and one-hot labels."""
    data = np.loadtxt(DIGITS, delimiter=",")
    labels = data[:, 64].astype(int)
    chosen = []
    for digit in range(10):
        members = rng.permutation(np.flatnonzero(labels == digit))
        chosen.extend(members[round(0.2 * len(members)) + round(0.15 * len(members)):])
    chosen = np.array(sorted(chosen))
    return data[chosen, :64], np.eye(10)[labels[chosen]]


def standardised(x):
    sigma = x.std(axis=0)
    return (x - x.mean(axis=0)) / np.where(sigma > 0, sigma, 1.0)


def shift_augmented(pixels, y):
    """The images and their shifts by one pixel down, up, right and left (zeros moved in)."""
    images = pixels.reshape(-1, 8, 8)
    parts = [images]
    for down, right in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        shifted = np.zeros_like(images)
        rows_to = slice(max(down, 0), 8 + min(down, 0))
        rows_from = slice(max(-down, 0), 8 + min(-down, 0))
        cols_to = slice(max(right, 0), 8 + min(right, 0))
        cols_from = slice(max(-right, 0), 8 + min(-right, 0))
        shifted[:, rows_to, cols_to] = images[:, rows_from, cols_from]
        parts.append(shifted)
    return np.concatenate(parts).reshape(-1, 64), np.concatenate([y] * 5)


def recall_task(rng, examples=512, steps=STEPS, symbols=4):
    """Sequences of `steps` one-hot symbols, m x (T * 4), labelled with their first symbol."""
    drawn = rng.integers(0, symbols, size=(examples, steps))
    return np.eye(symbols)[drawn].reshape(examples, steps * symbols), np.eye(symbols)[drawn[:, 0]]


# ---------------------------------------------------------------- shared pieces

def xavier(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of softmax(logits) against one-hot y, and its gradient (p - y) / N."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    loss = -np.mean(np.sum(y * (shifted - np.log(total)), axis=1))
    return loss, (e / total - y) / len(y)


class Adam:
    """PyTorch's Adam: eps added to the root of the bias-corrected second moment."""

    def __init__(self, params, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps, self.t = lr, beta1, beta2, eps, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, params, grads):
        self.t += 1
        c1, c2 = 1 - self.beta1 ** self.t, 1 - self.beta2 ** self.t
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * (g * g)
            p -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)


# ---------------------------------------------------------------- chapter 11: the MLP with dropout

def mlp_init(rng):
    return [xavier(rng, 64, 256), np.zeros(256), xavier(rng, 256, 10), np.zeros(10)]


def dropout_mask(rng, shape, rate=0.3):
    """Inverted dropout: keep with probability 1 - rate, scaled by 1 / (1 - rate)."""
    return (rng.random(shape) >= rate) * (1.0 / (1.0 - rate))


def mlp_loss_grad(params, x, y, mask):
    w1, b1, w2, b2 = params
    z1 = x @ w1 + b1
    h = np.maximum(z1, 0) * mask
    loss, g = softmax_cross_entropy(h @ w2 + b2, y)
    dz1 = (g @ w2.T) * mask * (z1 > 0)
    return loss, [x.T @ dz1, dz1.sum(axis=0), h.T @ g, g.sum(axis=0)]


# ---------------------------------------------------------------- chapter 12: the CNN

def cnn_init(rng):
    return [rng.normal(0, np.sqrt(2.0 / 9), size=(24, 9)), np.zeros(24),
            xavier(rng, 384, 10), np.zeros(10)]


def im2col(x):
    """m x 64 images -> (m * 64) x 9: row (n, i, j) holds the 3x3 window at (i, j) of the zero-padded image."""
    n = len(x)
    padded = np.zeros((n, 10, 10))
    padded[:, 1:9, 1:9] = x.reshape(n, 8, 8)
    columns = np.empty((n, 8, 8, 9))
    for ki in range(3):
        for kj in range(3):
            columns[:, :, :, 3 * ki + kj] = padded[:, ki:ki + 8, kj:kj + 8]
    return columns.reshape(n * 64, 9)


def cnn_loss_grad(params, x, y):
    wc, bc, wd, bd = params
    n = len(x)
    columns = im2col(x)
    z = columns @ wc.T + bc  # (n * 64) x 24, row (n, i, j)
    # 2x2 windows: (n, I, di, J, dj, c) -> (n, I, J, c, 2 di + dj)
    windows = z.reshape(n, 4, 2, 4, 2, 24).transpose(0, 1, 3, 5, 2, 4).reshape(n, 4, 4, 24, 4)
    argmax = windows.argmax(axis=-1)[..., None]
    pooled = np.take_along_axis(windows, argmax, axis=-1)[..., 0]
    a = np.maximum(pooled, 0).reshape(n, 384)
    loss, g = softmax_cross_entropy(a @ wd + bd, y)
    dpooled = (g @ wd.T).reshape(n, 4, 4, 24) * (pooled > 0)
    dwindows = np.zeros((n, 4, 4, 24, 4))
    np.put_along_axis(dwindows, argmax, dpooled[..., None], axis=-1)
    dz = dwindows.reshape(n, 4, 4, 24, 2, 2).transpose(0, 1, 4, 2, 5, 3).reshape(n * 64, 24)
    return loss, [dz.T @ columns, dz.sum(axis=0), a.T @ g, g.sum(axis=0)]


# ---------------------------------------------------------------- chapter 13: the RNN

def rnn_init(rng):
    return [xavier(rng, 4, 16), xavier(rng, 16, 16), np.zeros(16), xavier(rng, 16, 4), np.zeros(4)]


def rnn_loss_grad(params, x, y):
    wx, wh, b, wd, bd = params
    n = len(x)
    xs = x.reshape(n, -1, 4)
    states = [np.zeros((n, 16))]
    for t in range(xs.shape[1]):
        states.append(np.tanh(xs[:, t] @ wx + states[-1] @ wh + b))
    loss, g = softmax_cross_entropy(states[-1] @ wd + bd, y)
    dwx, dwh, db = np.zeros_like(wx), np.zeros_like(wh), np.zeros_like(b)
    dh = g @ wd.T
    for t in reversed(range(xs.shape[1])):
        da = dh * (1 - states[t + 1] ** 2)
        dwx += xs[:, t].T @ da
        dwh += states[t].T @ da
        db += da.sum(axis=0)
        dh = da @ wh.T
    return loss, [dwx, dwh, db, states[-1].T @ g, g.sum(axis=0)]


# ---------------------------------------------------------------- the loops

def build(rng):
    """The three networks: key -> (x, y, init, loss_grad(params, x, y, rng), lr, epochs)."""
    pixels, y = training_digits(rng)
    cnn_x, cnn_y = shift_augmented(pixels / 16, y)
    rnn_x, rnn_y = recall_task(rng)
    return {
        "ch11-mlp": (standardised(pixels), y, mlp_init,
                     lambda p, xb, yb, r: mlp_loss_grad(p, xb, yb, dropout_mask(r, (len(xb), 256))), 0.001, 10),
        "ch12-cnn": (cnn_x, cnn_y, cnn_init, lambda p, xb, yb, r: cnn_loss_grad(p, xb, yb), 0.003, 1),
        "ch13-rnn": (rnn_x, rnn_y, rnn_init, lambda p, xb, yb, r: rnn_loss_grad(p, xb, yb), 0.01, 4),
    }


def samples_per_second(network, runs=5):
    """Best of `runs` of the training loop; checks that the loss fell during each run."""
    x, y, init, loss_grad, lr, epochs = network
    best = 0.0
    for run in range(runs):
        rng = np.random.default_rng(1)
        params = init(rng)
        adam = Adam(params, lr)
        order = np.random.default_rng(3)
        losses, samples = [], 0
        start = time.perf_counter()
        for epoch in range(epochs):
            permutation = order.permutation(len(x))
            for first in range(0, len(x), BATCH):
                indices = permutation[first:first + BATCH]
                loss, grads = loss_grad(params, x[indices], y[indices], rng)
                adam.step(params, grads)
                losses.append(loss)
                samples += len(indices)
        seconds = time.perf_counter() - start
        tenth = max(len(losses) // 10, 1)
        first_loss, last_loss = np.mean(losses[:tenth]), np.mean(losses[-tenth:])
        if not last_loss < first_loss:
            sys.exit(f"chapter_networks_numpy.py: the loss did not fall ({first_loss:.4f} -> {last_loss:.4f})")
        best = max(best, samples / seconds)
    return best, first_loss, last_loss


# ---------------------------------------------------------------- gradient check

def gradient_check(rng):
    """Central differences (h = 1e-6) against each backward pass on a tiny batch, 12 entries per parameter."""
    cases = {
        "ch11-mlp": (mlp_init, rng.normal(size=(5, 64)), lambda p, x, y, mask: mlp_loss_grad(p, x, y, mask)),
        "ch12-cnn": (cnn_init, rng.normal(size=(3, 64)), lambda p, x, y, mask: cnn_loss_grad(p, x, y)),
        "ch13-rnn": (rnn_init, np.eye(4)[rng.integers(0, 4, size=(3, 6))].reshape(3, 24),
                     lambda p, x, y, mask: rnn_loss_grad(p, x, y)),
    }
    passed = True
    for key, (init, x, loss_grad) in cases.items():
        params = init(rng)
        for p in params:  # nonzero biases, so that they are tested too
            p += rng.normal(scale=0.1, size=p.shape) * (p.ndim == 1)
        classes = 4 if key == "ch13-rnn" else 10
        y = np.eye(classes)[rng.integers(0, classes, size=len(x))]
        mask = dropout_mask(rng, (len(x), 256))
        _, grads = loss_grad(params, x, y, mask)
        worst = 0.0
        for p, g in zip(params, grads):
            for flat in rng.choice(p.size, size=min(12, p.size), replace=False):
                index = np.unravel_index(flat, p.shape)
                saved = p[index]
                p[index] = saved + 1e-6
                up = loss_grad(params, x, y, mask)[0]
                p[index] = saved - 1e-6
                down = loss_grad(params, x, y, mask)[0]
                p[index] = saved
                numeric = (up - down) / 2e-6
                worst = max(worst, abs(numeric - g[index]) / max(abs(numeric) + abs(g[index]), 1e-8))
        ok = worst < 1e-6
        passed = passed and ok
        print(f"{key}: largest relative error of the backward pass {worst:.2e} ({'pass' if ok else 'FAIL'}, < 1e-6)")
    return passed


def swift_rates():
    output = subprocess.run([BENCHMARKS, "--chapter-networks"], check=True, capture_output=True, text=True).stdout
    return {key: float(value) for key, value in (line.split() for line in output.splitlines())}


def main():
    rng = np.random.default_rng(0)
    if "--check" in sys.argv[1:]:
        sys.exit(0 if gradient_check(rng) else 1)
    if not os.path.exists(BENCHMARKS):
        print("chapter_networks_numpy.py: build the benchmarks first: swift build -c release --product benchmarks",
              file=sys.stderr)
        sys.exit(1)
    networks = build(rng)
    numpy_rates = {key: [] for key in networks}
    swift = {key: [] for key in networks}
    for round in range(3):
        for key, network in networks.items():
            rate, first_loss, last_loss = samples_per_second(network)
            numpy_rates[key].append(rate)
            if round == 0:
                print(f"{key}: NumPy loss {first_loss:.3f} (first tenth of the batches) -> {last_loss:.3f} (last tenth)")
        for key, rate in swift_rates().items():
            swift[key].append(rate)
        for key in networks:
            print(f"run {round + 1} {key}: NumPy {numpy_rates[key][-1]:9.0f} samples/s   "
                  f"Swift {swift[key][-1]:9.0f} samples/s   ratio {swift[key][-1] / numpy_rates[key][-1]:.2f}")
    print(f"medians (NumPy {np.__version__}, one thread):")
    for key in networks:
        n, s = statistics.median(numpy_rates[key]), statistics.median(swift[key])
        ratios = [b / a for a, b in zip(numpy_rates[key], swift[key])]
        print(f"{key}: NumPy {n:9.0f} samples/s   Swift {s:9.0f} samples/s   ratio of the medians {s / n:.2f}   "
              f"side-by-side ratios {min(ratios):.2f}-{max(ratios):.2f}")


if __name__ == "__main__":
    main()
