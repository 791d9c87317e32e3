import DLMath
import Foundation

/// `swift run -c release benchmarks`: speed of the matrix product C = A B,
/// then of training steps (`TrainingBenchmark.swift`).
/// `benchmarks training` runs the training section alone; `benchmarks --probe`
/// prints only the samples/s of the NumPy comparison's two loops, the issue's
/// literal loop and the same work as NumPy's (for `training_numpy.py`),
/// `benchmarks --chapter-networks` those of the networks chapters 11-13 train,
/// one `key samples/s` line each (for `chapter_networks_numpy.py`).
///
/// Prints GFLOP/s (2 m k n floating-point operations per product) of
/// `Matrix *` and of its kernel's paths, square sizes first, then the small
/// shapes of the book's networks, then a naive i-k-j loop for comparison,
/// all in one run so that the ratios are comparable. See README.md.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments {
case []:
    break
case ["training"]:
    TrainingBenchmark.run()
    exit(0)
case let chosen where chosen.first == "--chapter-networks" && chosen.count <= 2:
    // benchmarks --chapter-networks [ch12-cnn]: all three networks, or one (for `perf record`).
    ChapterNetworks.printRates(only: chosen.count == 2 ? chosen[1] : nil)
    exit(0)
case ["--probe"]:
    let rates = TrainingBenchmark.probe()
    print(String(format: "%.0f %.0f", rates.literal, rates.sameWork))
    exit(0)
case let shape where shape.count == 6 && shape[0] == "--product":
    // benchmarks --product m k n tA tB: one product shape, timed (for `perf record`).
    let sizes = shape[1...3].compactMap { Int($0) }
    guard sizes.count == 3 else { break }
    let seconds = transposedSeconds(
        m: sizes[0], k: sizes[1], n: sizes[2], transposedA: shape[4] == "t",
        transposedB: shape[5] == "t", batches: 50)
    print(String(format: "%.0f ns", seconds * 1e9))
    exit(0)
default:
    FileHandle.standardError.write(
        Data(
            "usage: benchmarks [training | --probe | --chapter-networks [ch11-mlp | ch12-cnn | ch13-rnn]]   (run with -c release)\n"
                .utf8))
    exit(2)
}

/// A rows x columns matrix of uniform entries in [-1, 1), the same on every run.
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return generator.uniformMatrix(rows: rows, columns: columns, low: -1, high: 1)
}

/// A formatted GFLOP/s figure for an m x k by k x n product taking `seconds`.
func gflops(m: Int, k: Int, n: Int, seconds: Double) -> String {
    String(format: "%7.1f", 2 * Double(m * k * n) / seconds / 1e9)
}

/// The seconds of one call of `MatrixProduct.multiply` with `strategy` on fresh m x k and k x n matrices.
func kernelSeconds(m: Int, k: Int, n: Int, _ strategy: MatrixProduct.Strategy) -> Double {
    let a = randomMatrix(m, k, seed: 1).elements
    let b = randomMatrix(k, n, seed: 2).elements
    var c = [Double](repeating: 0, count: m * n)
    return bestSeconds {
        c.withUnsafeMutableBufferPointer { cp in
            cp.update(repeating: 0)
            MatrixProduct.multiply(a, b, into: cp.baseAddress, m: m, k: k, n: n, strategy: strategy)
        }
        consume(c[0])
    }
}

/// The six products of one step of the probe: forward X W₁, H W₂; backward
/// Hᵀ G, G W₂ᵀ, Xᵀ D, D W₁ᵀ (a transposed operand read in its stored layout).
let probeProducts: [(String, Int, Int, Int, Bool, Bool)] = [
    ("X W1      (32 x 64)(64 x 100)", 32, 64, 100, false, false),
    ("H W2      (32 x 100)(100 x 10)", 32, 100, 10, false, false),
    ("H^T G     (100 x 32)(32 x 10)", 100, 32, 10, true, false),
    ("G W2^T    (32 x 10)(10 x 100)", 32, 10, 100, false, true),
    ("X^T D     (64 x 32)(32 x 100)", 64, 32, 100, true, false),
    ("D W1^T    (32 x 100)(100 x 64)", 32, 100, 64, false, true)
]

/// The seconds of one overwriting `MatrixProduct.multiply` of op(A) (m x k) and op(B) (k x n).
func transposedSeconds(m: Int, k: Int, n: Int, transposedA: Bool, transposedB: Bool, batches: Int = 7) -> Double {
    let a = randomMatrix(m, k, seed: 1).elements
    let b = randomMatrix(k, n, seed: 2).elements
    var c = [Double](repeating: 0, count: m * n)
    return bestSeconds(batches: batches) {
        c.withUnsafeMutableBufferPointer { cp in
            MatrixProduct.multiply(
                a, b, into: cp.baseAddress, m: m, k: k, n: n, transposedA: transposedA, transposedB: transposedB,
                overwriting: true)
        }
        consume(c[0])
    }
}

/// The seconds of one `Matrix *` (allocation of the result included).
func operatorSeconds(m: Int, k: Int, n: Int) -> Double {
    let a = randomMatrix(m, k, seed: 1)
    let b = randomMatrix(k, n, seed: 2)
    return bestSeconds { consume((a * b)[0, 0]) }
}

/// The seconds of the textbook i-k-j loop on `[Double]` (bounds-checked subscripts).
func naiveSeconds(n: Int) -> Double {
    let a = randomMatrix(n, n, seed: 3).elements
    let b = randomMatrix(n, n, seed: 3).elements
    var c = [Double](repeating: 0, count: n * n)
    return bestSeconds {
        for index in c.indices { c[index] = 0 }
        for i in 0..<n {
            for p in 0..<n {
                let x = a[i * n + p]
                for j in 0..<n { c[i * n + j] += x * b[p * n + j] }
            }
        }
        consume(c[0])
    }
}

print("Matrix product C = A B in Double: GFLOP/s (2 m k n / time, best of 7 batches)")
print("")
print("square n x n      Matrix *   simple loop   packed 1 thread   packed 2 threads")
for n in [64, 128, 256, 512, 1024] {
    let cells = [
        gflops(m: n, k: n, n: n, seconds: operatorSeconds(m: n, k: n, n: n)),
        gflops(m: n, k: n, n: n, seconds: kernelSeconds(m: n, k: n, n: n, .simpleLoop)),
        gflops(m: n, k: n, n: n, seconds: kernelSeconds(m: n, k: n, n: n, .packed(threads: 1))),
        gflops(m: n, k: n, n: n, seconds: kernelSeconds(m: n, k: n, n: n, .packed(threads: 2)))
    ]
    print(
        "n = \(n)".padding(toLength: 14, withPad: " ", startingAt: 0) + "   " + cells[0] + "       " + cells[1]
            + "           " + cells[2] + "            " + cells[3])
}
print("")
print("small (m x k)(k x n)   Matrix *   simple loop   packed 1 thread   ns per Matrix *")
for (m, k, n) in [(2, 2, 2), (100, 2, 2), (100, 2, 1), (16, 16, 16), (32, 64, 10), (32, 64, 64), (64, 64, 32)] {
    let seconds = operatorSeconds(m: m, k: k, n: n)
    let label = "(\(m) x \(k))(\(k) x \(n))"
    print(
        label.padding(toLength: 22, withPad: " ", startingAt: 0) + " "
            + gflops(m: m, k: k, n: n, seconds: seconds) + "       "
            + gflops(m: m, k: k, n: n, seconds: kernelSeconds(m: m, k: k, n: n, .simpleLoop)) + "           "
            + gflops(m: m, k: k, n: n, seconds: kernelSeconds(m: m, k: k, n: n, .packed(threads: 1))) + "        "
            + String(format: "%9.0f", seconds * 1e9))
}
print("")
print("the probe's products (64-100-10, batch 32)   ns per call   GFLOP/s")
for (label, m, k, n, transposedA, transposedB) in probeProducts {
    let seconds = transposedSeconds(m: m, k: k, n: n, transposedA: transposedA, transposedB: transposedB)
    print(
        label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%11.0f", seconds * 1e9) + "   "
            + gflops(m: m, k: k, n: n, seconds: seconds))
}
print("")
print("naive i-k-j loop on [Double] (bounds-checked), for comparison")
for n in [256, 512] {
    print(
        "n = \(n)".padding(toLength: 14, withPad: " ", startingAt: 0) + "   "
            + gflops(m: n, k: n, n: n, seconds: naiveSeconds(n: n)))
}
print("")
TrainingBenchmark.run()
