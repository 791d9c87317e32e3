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
/// `tileColumns` times, from registers. Both operands come packed (see
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
    /// register; without AVX-512 the compiler splits it, which is slower but
    /// correct), the same in debug and release so that the tests exercise
    /// the tiling of the release build. On arm64 two (a NEON register).
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

    /// C[0 ..< rows, 0 ..< columns] += Σₚ packedA[p, ·] ⊗ packedB[p, ·] over p < kc.
    ///
    /// - `packedA`: kc steps of `tileRows` values (a sliver of A, column by column,
    ///   zero-padded past the last row of A).
    /// - `packedB`: kc steps of `tileColumns` values (a sliver of B, row by row,
    ///   zero-padded past the last column of B).
    /// - `c`, `ldc`: the top-left entry of the tile in C and C's row stride.
    /// - `rows` ≤ `tileRows`, `columns` ≤ `tileColumns`: the part of the tile
    ///   inside C. A full tile is added to C directly; an edge tile goes through
    ///   a scratch tile so that nothing outside C is read or written.
    /// - `storing`: C ← the sums instead of C += them (C is then never read).
    @inline(__always)
    static func addTileProduct(
        kc: Int, packedA: UnsafePointer<Double>, packedB: UnsafePointer<Double>,
        into c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, columns: Int,
        storing: Bool
    ) {
        var r0 = TileRow.zero, r1 = TileRow.zero, r2 = TileRow.zero
        var r3 = TileRow.zero, r4 = TileRow.zero, r5 = TileRow.zero
        var a = packedA
        var b = UnsafeRawPointer(packedB)
        for _ in 0..<kc {
            let row = TileRow(loading: b)
            r0.add(a[0], times: row)
            r1.add(a[1], times: row)
            r2.add(a[2], times: row)
            r3.add(a[3], times: row)
            r4.add(a[4], times: row)
            r5.add(a[5], times: row)
            a += tileRows
            b += tileColumns * MemoryLayout<Double>.stride
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
    @inline(__always)
    static func addNarrowTileProduct(
        kc: Int, packedA: UnsafePointer<Double>, packedB: UnsafePointer<Double>,
        into c: UnsafeMutablePointer<Double>, ldc: Int, rows: Int, columns: Int,
        storing: Bool
    ) {
        var r0 = Lane.zero, r1 = Lane.zero, r2 = Lane.zero, r3 = Lane.zero, r4 = Lane.zero, r5 = Lane.zero
        var a = packedA
        var b = UnsafeRawPointer(packedB)
        for _ in 0..<kc {
            let row = b.loadUnaligned(as: Lane.self)
            multiplyAdd(&r0, a[0], row)
            multiplyAdd(&r1, a[1], row)
            multiplyAdd(&r2, a[2], row)
            multiplyAdd(&r3, a[3], row)
            multiplyAdd(&r4, a[4], row)
            multiplyAdd(&r5, a[5], row)
            a += tileRows
            b += Lane.scalarCount * MemoryLayout<Double>.stride
        }
        withUnsafeBytes(of: (r0, r1, r2, r3, r4, r5)) { scratch in
            let values = scratch.assumingMemoryBound(to: Double.self)
            for r in 0..<rows {
                let target = c + r * ldc
                if storing {
                    for j in 0..<columns { target[j] = values[r * Lane.scalarCount + j] }
                } else {
                    for j in 0..<columns { target[j] += values[r * Lane.scalarCount + j] }
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
