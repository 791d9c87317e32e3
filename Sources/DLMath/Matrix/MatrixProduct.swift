import Dispatch

/// The matrix product C = A B, (A B)[i, j] = Σₖ A[i, k] B[k, j].
///
/// Every product in the project (layers, solvers, chapters) goes through the
/// single kernel `MatrixProduct.multiply`, so making it faster makes
/// everything faster. See `../shared/PERFORMANCE.md` for the measurements
/// behind its structure.
extension Matrix {
    /// The matrix product A B of an m x k and a k x n matrix: an m x n matrix.
    /// Stops with `matmul: (m x k) * (p x n): inner dimensions k and p differ`
    /// when the inner dimensions differ.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        requireShape(a.columns == b.rows, .product(a, b))
        return Matrix(
            rows: a.rows, columns: b.columns,
            uninitialisedElementsFilledBy: { cp in
                a.elements.withUnsafeBufferPointer { ap in
                    b.elements.withUnsafeBufferPointer { bp in
                        MatrixProduct.multiply(
                            ap.baseAddress, bp.baseAddress, into: cp,
                            m: a.rows, k: a.columns, n: b.columns, overwriting: true)
                    }
                }
            })
    }

    /// The matrix-vector product A x for a vector given as an array (length = A.columns).
    public static func * (a: Matrix, x: [Double]) -> [Double] {
        (a * Matrix(column: x)).elements
    }
}

/// The kernel behind `Matrix * Matrix`: C ← A B for row-major Double matrices.
///
/// Structure (one concept per file):
/// - `MatrixProduct.swift` (this file): the entry point and the choice of path.
/// - `MatrixProductSimpleLoop.swift`: an i-k-j loop for small products.
/// - `MatrixProductBlocking.swift`: the GotoBLAS / BLIS loops over cache blocks.
/// - `MatrixProductPacking.swift`: copying blocks of A and B into kernel order.
/// - `MatrixProductMicroKernel.swift`: a 6 x 32 or 6 x 8 tile of C in SIMD registers.
/// - `MatrixProductRegisterTile.swift`: which of the two tiles this machine's registers hold.
/// - `MatrixProductDirect.swift`: the same micro-kernel reading A and B unpacked.
///
/// Paths (`multiply` picks by the number of multiplications m·k·n):
/// - below 8192: the simple loop; packing would cost more than it saves;
/// - up to 256³: on one thread, unpacked when k ≤ 512, n ≥ 8 and op(B)
///   has at most 32Ki entries (the products of a training step on a
///   batch), otherwise packed, about 50 GFLOP/s at n = 512 on the machine of
///   `PERFORMANCE.md` (peak 58, OpenBLAS 51);
/// - from 256³ on: the packed kernel on two threads (`concurrentPerform`),
///   C cut into two halves of whole tiles; one thread, as below 256³, inside
///   a call of `parallelMap`, whose calls already keep the cores busy
///   (`ParallelWork.isInsideWorker`).
///
/// Fused multiply-add. The micro-kernel uses `addProduct` (one rounding, one
/// instruction) only where the target is known to have FMA: on arm64 (every
/// arm64 CPU has it) and in Linux release builds on x86-64 with the
/// package's `NativeCPU` trait (on by default), the builds that Package.swift
/// compiles with `-target-cpu native` (the condition
/// `os(Linux) && arch(x86_64) && !DEBUG && NativeCPU` mirrors that setting;
/// keep them in sync). Everywhere else it multiplies and adds separately: on a target
/// without FMA, `addProduct` becomes a call to the C library's `fma()` per
/// lane (under 1 GFLOP/s). Measured at n = 512, one thread, release:
/// fused 50 GFLOP/s; separate multiply and add under `-target-cpu native`
/// 40 GFLOP/s (LLVM does not fuse them: Swift does not allow FP
/// contraction, the binary has no `vfmadd`); portable x86-64 build (SSE2)
/// 11 GFLOP/s. A native build on an x86-64 CPU without FMA (before 2013)
/// would be correct but slow.
public enum MatrixProduct {
    /// How `multiply` computes the product. `.automatic` picks by size; the
    /// others exist for benchmarks and tests.
    public enum Strategy: Sendable, Equatable {
        /// The simple loop for small products, the packed kernel otherwise, on
        /// two threads for large products.
        case automatic
        /// The i-k-j loop, whatever the size.
        case simpleLoop
        /// The packed, register-blocked kernel on `threads` threads (≥ 1).
        case packed(threads: Int)
        /// The register-blocked kernel reading A and B unpacked, on one thread
        /// (see `MatrixProductDirect.swift`); where its conditions (k ≤ 512,
        /// n ≥ one SIMD lane) do not hold, the packed kernel on one thread.
        case direct
    }

    /// C ← C + op(A) op(B) for row-major storage, where op(A) (m x k) is A, or
    /// Aᵀ when `transposedA` (A then stored k x m), and op(B) (k x n) is B, or
    /// Bᵀ when `transposedB` (B then stored n x k). C (m x n) starts at zero
    /// for the plain product, or holds what the product is added to (a bias
    /// broadcast over the rows, say).
    ///
    /// The transposes are never formed: packing reads either layout (see
    /// `MatrixProductPacking.swift`), so Xᵀ G and G Wᵀ cost what X G does.
    ///
    /// With `overwriting`, C ← op(A) op(B): what C held is never read, so C
    /// may be uninitialised memory (a new result matrix need not be zero-filled
    /// first). The numbers are those of C = 0 followed by C += op(A) op(B):
    /// the packed kernel stores each first finished sum instead of adding it
    /// to 0 (the sums start at +0, so they are never −0 and 0 + s = s exactly),
    /// the simple loop zero-fills C itself. Nothing happens when m or n is 0;
    /// when k is 0, C is left as it is, or set to 0 when `overwriting`.
    ///
    /// `tile` is the micro-kernel's register tile (see `RegisterTile`); the
    /// default is the one for this machine. Both give the same bits.
    public static func multiply(
        _ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?,
        into c: UnsafeMutablePointer<Double>?, m: Int, k: Int, n: Int,
        transposedA: Bool = false, transposedB: Bool = false,
        overwriting: Bool = false, strategy: Strategy = .automatic,
        tile: RegisterTile = .forThisMachine
    ) {
        guard let c, m > 0, n > 0 else { return }
        guard let a, let b, k > 0 else {
            if overwriting { c.update(repeating: 0, count: m * n) }
            return
        }
        let left = Operand(a, rows: m, columns: k, transposed: transposedA)
        let right = Operand(b, rows: k, columns: n, transposed: transposedB)
        let multiplications = m * k * n
        let threads: Int
        var direct = false
        switch strategy {
        case .simpleLoop: threads = 0
        case .packed(let count): threads = max(1, count)
        case .direct:
            threads = 1
            direct = k <= depthBlock && n >= Lane.scalarCount
        case .automatic:
            threads =
                multiplications < smallProduct
                ? 0 : multiplications >= twoThreadProduct && !ParallelWork.isInsideWorker ? 2 : 1
            direct = threads == 1 && prefersDirect(k: k, n: n)
        }
        if direct {
            directProduct(left, right, into: c, m: m, k: k, n: n, storing: overwriting, tile: tile)
        } else if threads == 0 {
            if overwriting { c.update(repeating: 0, count: m * n) }
            simpleLoopProduct(left, right, into: c, m: m, k: k, n: n)
        } else {
            parallelPackedProduct(
                left, right, into: c, m: m, k: k, n: n, threads: threads, overwriting: overwriting, tile: tile)
        }
    }

    /// One operand of the product as stored: entry (i, j) of the matrix the
    /// product uses is `pointer[i · stride + j]`, or `pointer[j · stride + i]`
    /// when it is stored transposed.
    struct Operand {
        let pointer: UnsafePointer<Double>
        let stride: Int
        let isTransposed: Bool

        /// A rows x columns operand, stored as such (stride = columns) or
        /// transposed (stored columns x rows, stride = rows).
        init(_ pointer: UnsafePointer<Double>, rows: Int, columns: Int, transposed: Bool) {
            self.init(pointer, stride: transposed ? rows : columns, transposed: transposed)
        }

        init(_ pointer: UnsafePointer<Double>, stride: Int, transposed: Bool) {
            self.pointer = pointer
            self.stride = stride
            self.isTransposed = transposed
        }

        /// The operand starting at entry (row, column) of this one.
        @inline(__always)
        func offset(row: Int, column: Int) -> Operand {
            let start = isTransposed ? column * stride + row : row * stride + column
            return Operand(pointer + start, stride: stride, transposed: isTransposed)
        }
    }

    /// Below this many multiplications (m·k·n) the simple loop is used: at
    /// 16 x 16 x 16 it is faster than packing, from about 24 x 24 x 24 on
    /// (and for 32 x 64 times 64 x 10) the packed kernel is.
    static let smallProduct = 8192
    /// From this many multiplications on, two threads are used: at n = 256
    /// they give about 1.6 times one thread's speed, at n = 224 and below
    /// starting the second thread eats the gain.
    static let twoThreadProduct = 256 * 256 * 256

    /// The packed product with the longer of the m and n dimensions of C cut
    /// into `threads` parts of whole tiles, each computed on its own thread
    /// with its own packing buffers (they write disjoint parts of C).
    static func parallelPackedProduct(
        _ a: Operand, _ b: Operand,
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int,
        threads: Int, overwriting: Bool, tile: RegisterTile
    ) {
        let splitRows = m >= n
        let step = splitRows ? tileRows : tileColumns
        let length = splitRows ? m : n
        let tiles = (length + step - 1) / step
        let parts = max(1, min(threads, tiles))
        guard parts > 1 else {
            packedProduct(a, b, into: c, ldc: n, m: m, k: k, n: n, overwriting: overwriting, tile: tile)
            return
        }
        let operands = Operands(a: a, b: b, c: c)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = tiles * part / parts * step
            let end = min(length, tiles * (part + 1) / parts * step)
            if splitRows {
                packedProduct(
                    operands.a.offset(row: start, column: 0), operands.b,
                    into: operands.c + start * n, ldc: n, m: end - start, k: k, n: n,
                    overwriting: overwriting, tile: tile)
            } else {
                packedProduct(
                    operands.a, operands.b.offset(row: 0, column: start),
                    into: operands.c + start, ldc: n, m: m, k: k, n: end - start,
                    overwriting: overwriting, tile: tile)
            }
        }
    }

    /// The operand pointers, handed to the worker threads. Each thread reads A
    /// and B and writes its own disjoint part of C, and `concurrentPerform`
    /// returns only after all are done, so sharing them is safe.
    private struct Operands: @unchecked Sendable {
        let a: Operand
        let b: Operand
        let c: UnsafeMutablePointer<Double>
    }
}
