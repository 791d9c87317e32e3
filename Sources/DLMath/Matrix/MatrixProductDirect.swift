/// The unpacked product: the micro-kernel reading A and B where they are
/// stored, for the small and middle-sized products of training steps.
///
/// Packing (see `MatrixProductPacking.swift`) pays when each packed value is
/// used many times: at n = 512 a packed block of A serves 16 tiles of B. In
/// a training step on a batch of 32 the products are 32 x 64 x 100,
/// 100 x 32 x 10 and the like: there, packing A and B, and allocating the
/// two buffers, cost as much as the multiply-adds (a 32 x 100 x 10 product
/// took 6 µs, 5 GFLOP/s). When B fits in the L2 cache and the inner
/// dimension is one depth block, the micro-kernel can instead read
///
///     A[i, p] = a[i · rowStep + p · depthStep]   (rowStep = stride, depthStep = 1;
///                                                  transposed: 1 and stride)
///     B[p, j ..< j + 32] = b + p · ldb + j       (one row of B: contiguous loads)
///
/// straight from the operands. Columns go in tiles of 32, then in pairs of
/// lanes of 8 (`addLanePairProduct`) or one lane; a last part narrower than
/// a lane (n = 10: columns 8 and 9) is a lane ending at column n, which
/// overlaps the lane before it and stores only its new columns, so nothing
/// past the end of a row of B or C is touched and nothing is padded. Rows past the last row of A repeat it (see
/// `TileRowsOfA`) and are never stored.
///
/// A transposed B (G Wᵀ: B stored n x k) has no contiguous run of a row of
/// op(B); it is copied into row-major order once (k · n values, what packing
/// it would cost), then read the same way.
///
/// Same bits as the packed kernel: each entry of C is one chain of
/// multiply-adds over p = 0 ..< k in order, from +0, then stored or added to C,
/// exactly as in `addTileProduct` (the chain only differs from the packed
/// one when k exceeds a depth block, and this path requires k ≤ `depthBlock`).
extension MatrixProduct {
    /// The unpacked path is taken when k ≤ `depthBlock`, n ≥ one lane, the
    /// product runs on one thread, and op(B) has at most this many entries
    /// (256 KiB: B stays in L2 while every row tile of A passes over it).
    static let directLimit = 32 * 1024

    /// Whether `multiply` computes an m x k x n product on one thread unpacked.
    @inline(__always)
    static func prefersDirect(k: Int, n: Int) -> Bool {
        k <= depthBlock && n >= Lane.scalarCount && k * n <= directLimit
    }

    /// C ← op(A) op(B) (`storing`) or C += op(A) op(B), unpacked, for
    /// k ≤ `depthBlock` and n ≥ `Lane.scalarCount`; C is row-major with row stride n.
    static func directProduct(
        _ a: Operand, _ b: Operand,
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int, storing: Bool,
        tile: RegisterTile = .forThisMachine
    ) {
        guard b.isTransposed else {
            directProduct(
                a, rowMajorB: b.pointer, ldb: b.stride, into: c, m: m, k: k, n: n, storing: storing, tile: tile)
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k * n) { buffer in
            guard let rowMajor = buffer.baseAddress else { return }
            copyTransposed(b, depth: k, columns: n, into: rowMajor)
            directProduct(a, rowMajorB: rowMajor, ldb: n, into: c, m: m, k: k, n: n, storing: storing, tile: tile)
        }
    }

    /// op(B)[p, j] = stored[j · stride + p] written row-major into `target`
    /// (k x n): 8 x 8 blocks transposed in registers (`transposeBlock`), the
    /// edges one value at a time.
    private static func copyTransposed(
        _ b: Operand, depth k: Int, columns n: Int, into target: UnsafeMutablePointer<Double>
    ) {
        let stride = b.stride
        let fullColumns = n & ~7, fullDepth = k & ~7
        for j in Swift.stride(from: 0, to: fullColumns, by: 8) {
            let source = b.pointer + j &* stride
            for p in Swift.stride(from: 0, to: fullDepth, by: 8) {
                transposeBlock(source + p, stride: stride, into: target + (p &* n &+ j), stride: n)
            }
            for p in fullDepth..<k {
                for c in 0..<8 { target[p &* n &+ j &+ c] = source[c &* stride &+ p] }
            }
        }
        for j in fullColumns..<n {
            let column = b.pointer + j &* stride
            for p in 0..<k { target[p &* n &+ j] = column[p] }
        }
    }

    private typealias Block = (
        SIMD8<Double>, SIMD8<Double>, SIMD8<Double>, SIMD8<Double>,
        SIMD8<Double>, SIMD8<Double>, SIMD8<Double>, SIMD8<Double>
    )

    /// target[c · targetStride + r] = source[r · sourceStride + c] for r, c < 8.
    ///
    /// The 64 values as one array with index 8r + c (six bits r₂r₁r₀c₂c₁c₀):
    /// an unzip (even entries, then odd) moves entry i to i/2 or 32 + i/2,
    /// a rotation of those bits by one; three rotations make c₂c₁c₀r₂r₁r₀,
    /// the transpose. One unzip is four pairs of rows joined and split into
    /// even and odd halves, which the compiler turns into permutes.
    @inline(__always)
    private static func transposeBlock(
        _ source: UnsafePointer<Double>, stride sourceStride: Int,
        into target: UnsafeMutablePointer<Double>, stride targetStride: Int
    ) {
        let from = UnsafeRawPointer(source), rowBytes = sourceStride &* 8
        var r: Block = (
            from.loadUnaligned(as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: rowBytes, as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: 2 &* rowBytes, as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: 3 &* rowBytes, as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: 4 &* rowBytes, as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: 5 &* rowBytes, as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: 6 &* rowBytes, as: SIMD8<Double>.self),
            from.loadUnaligned(fromByteOffset: 7 &* rowBytes, as: SIMD8<Double>.self)
        )
        for _ in 0..<3 {
            let c0 = SIMD16(lowHalf: r.0, highHalf: r.1), c1 = SIMD16(lowHalf: r.2, highHalf: r.3)
            let c2 = SIMD16(lowHalf: r.4, highHalf: r.5), c3 = SIMD16(lowHalf: r.6, highHalf: r.7)
            r = (c0.evenHalf, c1.evenHalf, c2.evenHalf, c3.evenHalf, c0.oddHalf, c1.oddHalf, c2.oddHalf, c3.oddHalf)
        }
        let to = UnsafeMutableRawPointer(target), targetBytes = targetStride &* 8
        to.storeBytes(of: r.0, as: SIMD8<Double>.self)
        to.storeBytes(of: r.1, toByteOffset: targetBytes, as: SIMD8<Double>.self)
        to.storeBytes(of: r.2, toByteOffset: 2 &* targetBytes, as: SIMD8<Double>.self)
        to.storeBytes(of: r.3, toByteOffset: 3 &* targetBytes, as: SIMD8<Double>.self)
        to.storeBytes(of: r.4, toByteOffset: 4 &* targetBytes, as: SIMD8<Double>.self)
        to.storeBytes(of: r.5, toByteOffset: 5 &* targetBytes, as: SIMD8<Double>.self)
        to.storeBytes(of: r.6, toByteOffset: 6 &* targetBytes, as: SIMD8<Double>.self)
        to.storeBytes(of: r.7, toByteOffset: 7 &* targetBytes, as: SIMD8<Double>.self)
    }

    /// The loops over tiles for a row-major B with row stride `ldb`.
    private static func directProduct(
        _ a: Operand, rowMajorB b: UnsafePointer<Double>, ldb: Int,
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int, storing: Bool, tile: RegisterTile
    ) {
        let rowStep = a.isTransposed ? 1 : a.stride
        let depthStep = a.isTransposed ? a.stride : 1
        let lane = Lane.scalarCount
        for i0 in stride(from: 0, to: m, by: tileRows) {
            let rows = min(tileRows, m - i0)
            let tileA = TileRowsOfA(a.pointer + i0 * rowStep, rowStep: rowStep, depthStep: depthStep, rows: rows)
            let cRow = c + i0 * n
            var j = 0
            // The four-lane tile: tiles of 32 columns, then pairs of lanes while more
            // than one lane is left. The one-lane tile (AVX2) skips both: a pair's 12
            // eight-lane accumulators would take 24 AVX2 registers of the 16.
            let wide = tile == .fourLanes
            while wide && j + tileColumns <= n {
                addTileProduct(
                    kc: k, a: tileA, b: b + j, bStep: ldb, into: cRow + j, ldc: n,
                    rows: rows, columns: tileColumns, storing: storing)
                j += tileColumns
            }
            if wide && n - j >= 2 * lane {
                addLanePairProduct(
                    kc: k, a: tileA, b: b + j, second: lane, bStep: ldb, into: cRow + j, ldc: n,
                    rows: rows, skipped: 0, storing: storing)
                j += 2 * lane
            }
            if wide && n - j > lane {
                // The last lane of the pair ends at column n: it overlaps the one
                // before it and stores only its new columns.
                let second = n - lane - j
                addLanePairProduct(
                    kc: k, a: tileA, b: b + j, second: second, bStep: ldb, into: cRow + j, ldc: n,
                    rows: rows, skipped: lane - second, storing: storing)
                continue
            }
            // Whole lanes one at a time, then a last lane ending at column n.
            while j + lane <= n {
                addNarrowTileProduct(
                    kc: k, a: tileA, b: b + j, bStep: ldb, into: cRow + j, ldc: n,
                    rows: rows, columns: lane, storing: storing)
                j += lane
            }
            if j < n {
                let start = n - lane
                addNarrowTileProduct(
                    kc: k, a: tileA, b: b + start, bStep: ldb, into: cRow + start, ldc: n,
                    rows: rows, skipped: j - start, columns: n - j, storing: storing)
            }
        }
    }
}
