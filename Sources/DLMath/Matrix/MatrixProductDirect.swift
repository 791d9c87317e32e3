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
/// straight from the operands. Columns go in tiles of 32, then lanes of 8;
/// a last part narrower than a lane (n = 10: columns 8 and 9) is one lane
/// ending at column n, which overlaps the lane before it and stores only
/// its new columns, so nothing past the end of a row of B or C is touched
/// and nothing is padded. Rows past the last row of A repeat it (see
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
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int, storing: Bool
    ) {
        guard b.isTransposed else {
            directProduct(a, rowMajorB: b.pointer, ldb: b.stride, into: c, m: m, k: k, n: n, storing: storing)
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: k * n) { buffer in
            guard let rowMajor = buffer.baseAddress else { return }
            copyTransposed(b, depth: k, columns: n, into: rowMajor)
            directProduct(a, rowMajorB: rowMajor, ldb: n, into: c, m: m, k: k, n: n, storing: storing)
        }
    }

    /// op(B)[p, j] = stored[j · stride + p] written row-major into `target`
    /// (k x n): eight stored rows at a time, so that each step reads eight
    /// sequential streams and writes one contiguous lane.
    private static func copyTransposed(
        _ b: Operand, depth k: Int, columns n: Int, into target: UnsafeMutablePointer<Double>
    ) {
        let stride = b.stride
        var j = 0
        while j &+ 8 <= n {
            let s0 = b.pointer + j &* stride, s1 = s0 + stride, s2 = s1 + stride, s3 = s2 + stride
            let s4 = s3 + stride, s5 = s4 + stride, s6 = s5 + stride, s7 = s6 + stride
            var t = UnsafeMutableRawPointer(target + j)
            let rowBytes = n &* MemoryLayout<Double>.stride
            for p in 0..<k {
                t.storeBytes(of: SIMD8(s0[p], s1[p], s2[p], s3[p], s4[p], s5[p], s6[p], s7[p]), as: SIMD8<Double>.self)
                t += rowBytes
            }
            j &+= 8
        }
        while j < n {
            let column = b.pointer + j &* stride
            for p in 0..<k { target[p &* n &+ j] = column[p] }
            j &+= 1
        }
    }

    /// The loops over tiles for a row-major B with row stride `ldb`.
    private static func directProduct(
        _ a: Operand, rowMajorB b: UnsafePointer<Double>, ldb: Int,
        into c: UnsafeMutablePointer<Double>, m: Int, k: Int, n: Int, storing: Bool
    ) {
        let rowStep = a.isTransposed ? 1 : a.stride
        let depthStep = a.isTransposed ? a.stride : 1
        let lane = Lane.scalarCount
        for i0 in stride(from: 0, to: m, by: tileRows) {
            let rows = min(tileRows, m - i0)
            let tileA = TileRowsOfA(a.pointer + i0 * rowStep, rowStep: rowStep, depthStep: depthStep, rows: rows)
            let cRow = c + i0 * n
            var j = 0
            while j + tileColumns <= n {
                addTileProduct(
                    kc: k, a: tileA, b: b + j, bStep: ldb, into: cRow + j, ldc: n,
                    rows: rows, columns: tileColumns, storing: storing)
                j += tileColumns
            }
            while j + lane <= n {
                addNarrowTileProduct(
                    kc: k, a: tileA, b: b + j, bStep: ldb, into: cRow + j, ldc: n,
                    rows: rows, columns: lane, storing: storing)
                j += lane
            }
            if j < n {
                // The last lane ends at column n; its first lane − (n − j) columns were stored above.
                let start = n - lane
                addNarrowTileProduct(
                    kc: k, a: tileA, b: b + start, bStep: ldb, into: cRow + start, ldc: n,
                    rows: rows, skipped: j - start, columns: n - j, storing: storing)
            }
        }
    }
}
