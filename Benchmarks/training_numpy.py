#!/usr/bin/env python3
"""The training probe in NumPy, side by side with the Swift one.

    swift build -c release --product benchmarks
    python3 Benchmarks/training_numpy.py

Trains the loop of `TrainingBenchmark.swift` written out in NumPy: the
64-100-10 ReLU network, softmax cross-entropy, SGD(0.01), batch 32, on the
1,797 standardised digits, 10 epochs of shuffled batches (the gather of each
batch included, on both sides), best of 5 runs. Then runs
`.build/release/benchmarks --probe` (the same loop through DLMath's public
API, in two forms: the issue's loop, whose `backward` also computes the
first layer's ∂L/∂x and whose step goes through the `parameters` round
trip; and NumPy's work, `backwardToParameters` and the in-place step),
three times each, alternating, and prints the figures and the ratios.

NumPy is needed for this measurement only (`pip install numpy`); it is never
a dependency of the package or of `swift test`. One thread for both: this
script sets OPENBLAS_NUM_THREADS=1 (and the other BLAS thread variables)
and removes OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which slow a current
NumPy, before importing it.
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
    print("training_numpy.py: NumPy is not installed (pip install numpy); nothing to compare", file=sys.stderr)
    sys.exit(0)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, "Sources", "DLMath", "Resources", "digits.csv")
PROBE = os.path.join(ROOT, ".build", "release", "benchmarks")


def digits():
    data = np.loadtxt(DIGITS, delimiter=",")
    x, labels = data[:, :64], data[:, 64].astype(int)
    sigma = x.std(axis=0)
    x = (x - x.mean(axis=0)) / np.where(sigma > 0, sigma, 1.0)
    return x, np.eye(10)[labels]


def xavier(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out))


def samples_per_second(x, y, epochs=10, runs=5, batch=32, lr=0.01):
    best = 0.0
    for run in range(runs):
        rng = np.random.default_rng(1)
        w1, b1 = xavier(rng, 64, 100), np.zeros(100)
        w2, b2 = xavier(rng, 100, 10), np.zeros(10)
        order = np.random.default_rng(3)
        samples = 0
        start = time.perf_counter()
        for epoch in range(epochs):
            permutation = order.permutation(len(x))
            for first in range(0, len(x), batch):
                indices = permutation[first:first + batch]
                xb, yb = x[indices], y[indices]
                # forward
                z1 = xb @ w1 + b1
                h = np.maximum(z1, 0)
                logits = h @ w2 + b2
                # softmax cross-entropy: value and gradient (p − y) / N
                shifted = logits - logits.max(axis=1, keepdims=True)
                e = np.exp(shifted)
                total = e.sum(axis=1, keepdims=True)
                p = e / total
                loss = -np.mean(np.sum(yb * (shifted - np.log(total)), axis=1))
                g = (p - yb) / len(xb)
                # backward
                dw2, db2 = h.T @ g, g.sum(axis=0)
                dz1 = (g @ w2.T) * (z1 > 0)
                dw1, db1 = xb.T @ dz1, dz1.sum(axis=0)
                # SGD, in place
                w1 -= lr * dw1
                b1 -= lr * db1
                w2 -= lr * dw2
                b2 -= lr * db2
                samples += len(xb)
        seconds = time.perf_counter() - start
        assert np.isfinite(loss)
        best = max(best, samples / seconds)
    return best


def main():
    if not os.path.exists(PROBE):
        print("training_numpy.py: build the benchmarks first: swift build -c release --product benchmarks",
              file=sys.stderr)
        sys.exit(1)
    x, y = digits()
    numpy_rates, literal_rates, same_rates = [], [], []
    for round in range(3):
        numpy_rates.append(samples_per_second(x, y))
        literal, same = subprocess.run([PROBE, "--probe"], check=True, capture_output=True, text=True).stdout.split()
        literal_rates.append(float(literal))
        same_rates.append(float(same))
        print(f"run {round + 1}: NumPy {numpy_rates[-1]:9.0f} samples/s   "
              f"Swift, the issue's loop {literal_rates[-1]:9.0f} (ratio {literal_rates[-1] / numpy_rates[-1]:.2f})   "
              f"Swift, NumPy's work {same_rates[-1]:9.0f} (ratio {same_rates[-1] / numpy_rates[-1]:.2f})")
    numpy_median = statistics.median(numpy_rates)
    print(f"median: NumPy {numpy_median:.0f} samples/s (NumPy {np.__version__}, one thread)")
    for name, rates in (("the issue's loop (backward, parameters round trip)", literal_rates),
                        ("NumPy's work (backwardToParameters, in-place step)", same_rates)):
        ratios = [s / n for s, n in zip(rates, numpy_rates)]
        print(f"  Swift, {name}: {statistics.median(rates):.0f} samples/s, ratio of the medians "
              f"{statistics.median(rates) / numpy_median:.2f}, median of the side-by-side ratios "
              f"{statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
