/// The blocked (GotoBLAS / BLIS) product: loops around the micro-kernel.
///
/// C (m x n) += A (m x k) B (k x n) is cut into blocks sized for the caches:
///
///     for j0 in steps of nc over the columns of C:            (panel of B: L3)
///         for p0 in steps of kc over the inner dimension:
///             pack B[p0 ..< p0+kc, j0 ..< j0+nc]              (packedB)
///             for i0 in steps of mc over the rows of C:       (block of A: L2)
///                 pack A[i0 ..< i0+mc, p0 ..< p0+kc]          (packedA)
///                 for each 6 x 32 (or 6 x 8) tile of C[i0 ..< i0+mc, j0 ..< j0+nc]:
///                     micro-kernel over kc steps              (tile: registers)
///
/// The sizes kc = 512, mc = 48, nc = 1024 were measured on the machine in
/// `PERFORMANCE.md` (AMD Zen 4: 32 KiB L1d, 1 MiB L2), one thread, n = 256 to
/// 1024: kc from 256 to 512 with mc from 24 to 192 all gave 47 to 52 GFLOP/s,
/// kc = 128 a little less at n = 1024 (44); kc = 512 with mc = 48 was among
/// the best and matches the notes. nc from 256 to 4096 changed nothing beyond
/// noise; 1024 keeps the packed B panel (4 MiB) within the shared L3. The
/// one-lane tile (AVX2 machines, see `RegisterTile`) takes mc = 96 (below).
/// kc stays 512 for both tiles: it decides where a sum over p is cut into
/// blocks, so the same kc gives the same bits on every machine.
extension MatrixProduct {
    /// Rows of A per packed block (MC) for the four-lane tile; a multiple of `tileRows`.
    static let rowBlock = 48
    /// Rows of A per packed block for the one-lane tile: 96 x 512 Doubles, 384 KiB,
    /// within the 512 KiB L2 of the AMD Zen 3 where it was measured. There, at
    /// n = 512 and 1024 on two threads, MC = 96, 144 and 192 were all about
    /// 10-20% faster than 48 (each narrow B sliver serves twice as many row
    /// tiles before the next is read), 96 the best by a little.
    static let narrowRowBlock = 96

    /// MC for `tile`. The row blocking never changes a sum: each entry of C is
    /// one chain over p whatever block its row is in.
    @inline(__always)
    static func rowBlock(for tile: RegisterTile) -> Int { tile == .fourLanes ? rowBlock : narrowRowBlock }
    /// Inner-dimension steps per packed block (KC).
    static let depthBlock = 512
    /// Columns of B per packed panel (NC); a multiple of `tileColumns`.
    static let columnBlock = 1024

    /// C += A B on sub-matrices (A and B stored as they are or transposed, C
    /// with row stride `ldc`), through packing and the micro-kernel. Allocates
    /// its own packing buffers, so calls on disjoint parts of C may run in parallel.
    /// With `overwriting`, the first depth block stores its sums instead of
    /// adding them (C ← A B; C's prior contents are never read). With the
    /// `oneLane` tile, B is packed in narrow slivers only and every tile is narrow.
    static func packedProduct(
        _ a: Operand, _ b: Operand,
        into c: UnsafeMutablePointer<Double>, ldc: Int, m: Int, k: Int, n: Int,
        overwriting: Bool = false, tile: RegisterTile = .forThisMachine
    ) {
        let wide = tile == .fourLanes
        let rowBlock = rowBlock(for: tile)
        let panelColumns = roundedUp(min(n, columnBlock), tileColumns)
        let blockRows = roundedUp(min(m, rowBlock), tileRows)
        let depth = min(k, depthBlock)
        let packedB = UnsafeMutableRawPointer.allocate(
            byteCount: depth * panelColumns * 8, alignment: 64
        ).bindMemory(to: Double.self, capacity: depth * panelColumns)
        let packedA = UnsafeMutableRawPointer.allocate(
            byteCount: blockRows * depth * 8, alignment: 64
        ).bindMemory(to: Double.self, capacity: blockRows * depth)
        defer {
            packedB.deallocate()
            packedA.deallocate()
        }
        for j0 in stride(from: 0, to: n, by: columnBlock) {
            let nc = min(columnBlock, n - j0)
            for p0 in stride(from: 0, to: k, by: depthBlock) {
                let kc = min(depthBlock, k - p0)
                let storing = overwriting && p0 == 0
                packB(b.offset(row: p0, column: j0), depth: kc, columns: nc, wideSlivers: wide, into: packedB)
                for i0 in stride(from: 0, to: m, by: rowBlock) {
                    let mc = min(rowBlock, m - i0)
                    packA(a.offset(row: i0, column: p0), rows: mc, depth: kc, into: packedA)
                    for jr in stride(from: 0, to: nc, by: tileColumns) {
                        for ir in stride(from: 0, to: mc, by: tileRows) {
                            let rows = min(tileRows, mc - ir)
                            if wide && nc - jr >= tileColumns {
                                addTileProduct(
                                    kc: kc, a: TileRowsOfA(packed: packedA + ir * kc), b: packedB + jr * kc,
                                    bStep: tileColumns,
                                    into: c + (i0 + ir) * ldc + j0 + jr, ldc: ldc,
                                    rows: rows, columns: tileColumns, storing: storing)
                            } else {
                                // One-lane tiles, or the partial last sliver: narrow slivers of one lane.
                                for q in stride(from: 0, to: min(tileColumns, nc - jr), by: Lane.scalarCount) {
                                    addNarrowTileProduct(
                                        kc: kc, a: TileRowsOfA(packed: packedA + ir * kc),
                                        b: packedB + (jr + q) * kc, bStep: Lane.scalarCount,
                                        into: c + (i0 + ir) * ldc + j0 + jr + q, ldc: ldc,
                                        rows: rows, columns: min(Lane.scalarCount, nc - jr - q),
                                        storing: storing)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
