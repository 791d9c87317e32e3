/// The micro-kernel of the packed matrix product: one register tile of C.
///
/// The tile is `tileRows` = 6 rows by `tileColumns` = 4 lanes of C, held as
/// six `TileRow`s of four `Lane` vectors each: 24 vector accumulators. On
/// x86-64 a lane is 8 Doubles, so the tile is 6 x 32 in 24 of the 32 AVX-512
/// registers (the rest hold the four vectors of B and the broadcast A value);
/// on arm64 a lane is 2 Doubles, a 6 x 8 tile in 24 of the 32 NEON registers.
///
///     for p in 0 ..< kc:                      (one rank-1 update of the tile)
///         b  = packedB[p, 0 ..< tileColumns]  four vector loads
///         for r in 0 ..< 6:
///             tile[r] += packedA[p, r] · b    a broadcast, four multiply-adds
///
/// so each loaded value of B is used 6 times and each value of A
/// `tileColumns` times, from registers. That wide tile needs 32 vector
/// registers; on a CPU with 16 (AVX2 without AVX-512) the kernel runs the
/// narrow tile, 6 rows by one lane (`addNarrowTileProduct`, 12 AVX2
/// registers), for every tile instead: see `MatrixProductRegisterTile.swift`. Both operands come packed (see
/// `MatrixProductPacking.swift`): A as a sliver of 6 rows stored column by
/// column, B as a sliver of `tileColumns` columns stored row by row, so the
/// loop reads both sequentially. Fused or separate multiply-add: see
/// `MatrixProduct`.
extension MatrixProduct {
    /// Rows of the register tile (MR in the BLIS papers).
    static let tileRows = 6
    /// Columns of the register tile (NR in the BLIS papers): four lanes.
    static let tileColumns = 4 * Lane.scalarCount

    /// One SIMD register of the tile. On x86-64 eight Doubles (an AVX-512
    /// register; without AVX-512 the compiler splits it into two AVX2
    /// registers, which is why those machines run the one-lane tile), the
    /// same in debug and release so that the tests exercise the tiling of
    /// the release build. On arm64 two (a NEON register).
    #if arch(arm64)
        typealias Lane = SIMD2<Double>
    #else
        typealias Lane = SIMD8<Double>
    #endif

    /// One row of the register tile: 32 consecutive entries of a row of C.
    struct TileRow {
        var v0, v1, v2, v3: Lane

        static var laneBytes: Int { MemoryLayout<Lane>.size }

        static var zero: TileRow { TileRow(v0: .zero, v1: .zero, v2: .zero, v3: .zero) }

        /// The 32 values at `pointer` (which need not be aligned).
        @inline(__always)
        init(loading pointer: UnsafeRawPointer) {
            v0 = pointer.loadUnaligned(as: Lane.self)
            v1 = pointer.loadUnaligned(fromByteOffset: Self.laneBytes, as: Lane.self)
            v2 = pointer.loadUnaligned(fromByteOffset: 2 * Self.laneBytes, as: Lane.self)
            v3 = pointer.loadUnaligned(fromByteOffset: 3 * Self.laneBytes, as: Lane.self)
        }

        @inline(__always)
        init(v0: Lane, v1: Lane, v2: Lane, v3: Lane) {
            self.v0 = v0; self.v1 = v1; self.v2 = v2; self.v3 = v3
        }

        /// self ← self + x · b, fused where the target has FMA (see `MatrixProduct`).
        @inline(__always)
        mutating func add(_ x: Double, times b: TileRow) {
            let s = Lane(repeating: x)
            #if arch(arm64) || (os(Linux) && arch(x86_64) && !DEBUG && NativeCPU)
                v0.addProduct(s, b.v0)
                v1.addProduct(s, b.v1)
                v2.addProduct(s, b.v2)
                v3.addProduct(s, b.v3)
            #else
                v0 = v0 + s * b.v0
                v1 = v1 + s * b.v1
                v2 = v2 + s * b.v2
                v3 = v3 + s * b.v3
            #endif
        }

        /// Stores the 32 values at `pointer` (which need not be aligned).
        @inline(__always)
        func store(to pointer: UnsafeMutableRawPointer) {
            pointer.storeBytes(of: v0, as: Lane.self)
            pointer.storeBytes(of: v1, toByteOffset: Self.laneBytes, as: Lane.self)
            pointer.storeBytes(of: v2, toByteOffset: 2 * Self.laneBytes, as: Lane.self)
            pointer.storeBytes(of: v3, toByteOffset: 3 * Self.laneBytes, as: Lane.self)
        }

        /// target[0 ..< 32] += self (target need not be aligned).
        @inline(__always)
        func addTo(_ target: UnsafeMutablePointer<Double>) {
            let raw = UnsafeMutableRawPointer(target)
            let old = TileRow(loading: raw)
            TileRow(v0: old.v0 + v0, v1: old.v1 + v1, v2: old.v2 + v2, v3: old.v3 + v3).store(to: raw)
        }
    }

    /// Where the micro-kernel reads the `tileRows` rows of A for its tile:
    /// entry (r, p) is `row r[p · depthStep]`. Packed, the rows are the
    /// interleaved columns of a sliver (row r at packed + r, depth step
    /// `tileRows`); unpacked, they are A's own rows where A is stored (see
    /// `MatrixProductDirect.swift`). Rows past the edge of A repeat its last
    /// row, so nothing outside A is read; their sums are never stored.
    struct TileRowsOfA {
        let r0, r1, r2, r3, r4, r5: UnsafePointer<Double>
        let depthStep: Int

        /// A packed sliver: entry (r, p) at packed[p · tileRows + r].
        @inline(__always)
        init(packed: UnsafePointer<Double>) {
            r0 = packed; r1 = packed + 1; r2 = packed + 2; r3 = packed + 3; r4 = packed + 4; r5 = packed + 5
            depthStep = tileRows
        }

        /// A as stored: entry (r, p) at a[r · rowStep + p · depthStep] for r < rows.
        @inline(__always)
        init(_ a: UnsafePointer<Double>, rowStep: Int, depthStep: Int, rows: Int) {
            let last = rows - 1
            r0 = a
            r1 = a + min(1, last) * rowStep
            r2 = a + min(2, last) * rowStep
            r3 = a + min(3, last) * rowStep
            r4 = a + min(4, last) * rowStep
            r5 = a + min(5, last) * rowStep
            self.depthStep = depthStep
        }
    }

    /// C[0 ..< rows, 0 ..< columns] += Σₚ A[·, p] ⊗ B[p, ·] over p < kc.
    ///
    /// - `a`: the tile's rows of A (packed or as stored, see `TileRowsOfA`).
    /// - `b`, `bStep`: row p of B's `tileColumns`-column sliver at b + p · bStep
    ///   (packed: bStep = tileColumns, zero-padded past the last column of B;
    ///   unpacked: B's own row stride).
    /// - `c`, `ldc`: the top-left entry of the tile in C and C's row stride.
    /// - `rows` ≤ `tileRows`, `columns` ≤ `tileColumns`: the part of the tile
    ///   inside C. A full tile is added to C directly; an edge tile goes through
    ///   a scratch tile so that nothing outside C is read or written.
    /// - `storing`: C ← the sums instead of C += them (C is then never read).
    ///
    /// Each entry of C is one chain of multiply-adds over p in order, from +0,
    /// whichever way A and B are read: packed and unpacked give the same bits.
    @inline(__always)
    static func addTileProduct(
        kc: Int, a: TileRowsOfA, b: UnsafePointer<Double>, bStep: Int,
        into c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, columns: Int,
        storing: Bool
    ) {
        var r0 = TileRow.zero, r1 = TileRow.zero, r2 = TileRow.zero
        var r3 = TileRow.zero, r4 = TileRow.zero, r5 = TileRow.zero
        var q = 0
        var row = UnsafeRawPointer(b)
        let rowBytes = bStep * MemoryLayout<Double>.stride
        for _ in 0..<kc {
            let values = TileRow(loading: row)
            r0.add(a.r0[q], times: values)
            r1.add(a.r1[q], times: values)
            r2.add(a.r2[q], times: values)
            r3.add(a.r3[q], times: values)
            r4.add(a.r4[q], times: values)
            r5.add(a.r5[q], times: values)
            q += a.depthStep
            row += rowBytes
        }
        if rows == tileRows && columns == tileColumns && storing {
            r0.store(to: c)
            r1.store(to: c + ldc)
            r2.store(to: c + 2 * ldc)
            r3.store(to: c + 3 * ldc)
            r4.store(to: c + 4 * ldc)
            r5.store(to: c + 5 * ldc)
        } else if rows == tileRows && columns == tileColumns {
            r0.addTo(c)
            r1.addTo(c + ldc)
            r2.addTo(c + 2 * ldc)
            r3.addTo(c + 3 * ldc)
            r4.addTo(c + 4 * ldc)
            r5.addTo(c + 5 * ldc)
        } else {
            withUnsafeBytes(of: (r0, r1, r2, r3, r4, r5)) { scratch in
                let values = scratch.assumingMemoryBound(to: Double.self)
                for r in 0..<rows {
                    let target = c + r * ldc
                    if storing {
                        for j in 0..<columns { target[j] = values[r * tileColumns + j] }
                    } else {
                        for j in 0..<columns { target[j] += values[r * tileColumns + j] }
                    }
                }
            }
        }
    }

    /// The narrow tile: `tileRows` rows by one lane (8 columns on x86-64), for
    /// the partial last sliver of B, so that an n = 10 product computes 16
    /// columns instead of 32. The same operations per entry as the wide tile
    /// (one multiply-add per step, in order), so the same results.
    ///
    /// Lane entries `skipped ..< skipped + columns` are written to C, at
    /// c[skipped ..< skipped + columns] of each row: the unpacked product's
    /// last lane ends at B's last column and overlaps the lane before it,
    /// whose columns it computes again but does not store.
    @inline(__always)
    static func addNarrowTileProduct(
        kc: Int, a: TileRowsOfA, b: UnsafePointer<Double>, bStep: Int,
        into c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, skipped: Int = 0, columns: Int,
        storing: Bool
    ) {
        var r0 = Lane.zero, r1 = Lane.zero, r2 = Lane.zero, r3 = Lane.zero, r4 = Lane.zero, r5 = Lane.zero
        var q = 0
        var row = UnsafeRawPointer(b)
        let rowBytes = bStep * MemoryLayout<Double>.stride
        for _ in 0..<kc {
            let values = row.loadUnaligned(as: Lane.self)
            multiplyAdd(&r0, a.r0[q], values)
            multiplyAdd(&r1, a.r1[q], values)
            multiplyAdd(&r2, a.r2[q], values)
            multiplyAdd(&r3, a.r3[q], values)
            multiplyAdd(&r4, a.r4[q], values)
            multiplyAdd(&r5, a.r5[q], values)
            q += a.depthStep
            row += rowBytes
        }
        withUnsafeBytes(of: (r0, r1, r2, r3, r4, r5)) { scratch in
            let values = scratch.assumingMemoryBound(to: Double.self)
            for r in 0..<rows {
                let target = c + r * ldc
                let lane = values.baseAddress! + r * Lane.scalarCount
                if storing {
                    for j in skipped..<(skipped + columns) { target[j] = lane[j] }
                } else {
                    for j in skipped..<(skipped + columns) { target[j] += lane[j] }
                }
            }
        }
    }

    /// Two lanes of `tileRows` rows (12 accumulators, as many multiply-adds in
    /// flight as the wide tile has per lane pair): for 9 to 16 columns left at
    /// the edge of an unpacked B, where one lane at a time would wait on the
    /// multiply-add latency. Lane 0 covers columns 0 ..< 8 of `c` from `b`;
    /// lane 1 reads `b + second` and writes lane entries `skipped ..< 8` to
    /// `c + second + skipped`, as in `addNarrowTileProduct`. The same chain
    /// per entry as the other tiles, so the same results.
    @inline(__always)
    static func addLanePairProduct(
        kc: Int, a: TileRowsOfA, b: UnsafePointer<Double>, second: Int, bStep: Int,
        into c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, skipped: Int, storing: Bool
    ) {
        var p0 = Lane.zero, p1 = Lane.zero, p2 = Lane.zero, p3 = Lane.zero, p4 = Lane.zero, p5 = Lane.zero
        var q0 = Lane.zero, q1 = Lane.zero, q2 = Lane.zero, q3 = Lane.zero, q4 = Lane.zero, q5 = Lane.zero
        var q = 0
        var row = UnsafeRawPointer(b)
        let secondBytes = second * MemoryLayout<Double>.stride
        let rowBytes = bStep * MemoryLayout<Double>.stride
        for _ in 0..<kc {
            let first = row.loadUnaligned(as: Lane.self)
            let other = row.loadUnaligned(fromByteOffset: secondBytes, as: Lane.self)
            let x0 = a.r0[q], x1 = a.r1[q], x2 = a.r2[q], x3 = a.r3[q], x4 = a.r4[q], x5 = a.r5[q]
            multiplyAdd(&p0, x0, first)
            multiplyAdd(&q0, x0, other)
            multiplyAdd(&p1, x1, first)
            multiplyAdd(&q1, x1, other)
            multiplyAdd(&p2, x2, first)
            multiplyAdd(&q2, x2, other)
            multiplyAdd(&p3, x3, first)
            multiplyAdd(&q3, x3, other)
            multiplyAdd(&p4, x4, first)
            multiplyAdd(&q4, x4, other)
            multiplyAdd(&p5, x5, first)
            multiplyAdd(&q5, x5, other)
            q += a.depthStep
            row += rowBytes
        }
        withUnsafeBytes(of: (p0, p1, p2, p3, p4, p5, q0, q1, q2, q3, q4, q5)) { scratch in
            let values = scratch.baseAddress!.assumingMemoryBound(to: Double.self)
            for r in 0..<rows {
                let target = c + r * ldc
                let lane0 = values + r * Lane.scalarCount
                let lane1 = values + (tileRows + r) * Lane.scalarCount
                if storing {
                    for j in 0..<Lane.scalarCount { target[j] = lane0[j] }
                    for j in skipped..<Lane.scalarCount { target[second + j] = lane1[j] }
                } else {
                    for j in 0..<Lane.scalarCount { target[j] += lane0[j] }
                    for j in skipped..<Lane.scalarCount { target[second + j] += lane1[j] }
                }
            }
        }
    }

    /// accumulator ← accumulator + x · b, fused where the target has FMA (as `TileRow.add`).
    @inline(__always)
    static func multiplyAdd(_ accumulator: inout Lane, _ x: Double, _ b: Lane) {
        #if arch(arm64) || (os(Linux) && arch(x86_64) && !DEBUG && NativeCPU)
            accumulator.addProduct(Lane(repeating: x), b)
        #else
            accumulator = accumulator + Lane(repeating: x) * b
        #endif
    }
}
