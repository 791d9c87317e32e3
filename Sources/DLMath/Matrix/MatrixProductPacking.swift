/// Packing: copying blocks of A and B into the order the micro-kernel reads.
/// (Below, 32 = `tileColumns` on x86-64; it is 8 on arm64.)
///
/// The micro-kernel (see `MatrixProductMicroKernel.swift`) updates a tile of
/// 6 x 32 entries of C from kc steps; step p needs 6 values of A (a column
/// of a 6-row sliver) and 32 values of B (a row of a 32-column sliver).
/// Packing lays those values out one step after the other, so the kernel
/// reads two contiguous streams, and pads slivers at the matrix edge with
/// zeros, so the kernel never needs to know where A or B ends:
///
///     packed A block (mc x kc), sliver s = rows 6s ..< 6s+6:
///         packedA[s·6·kc + p·6 + r] = A[i0 + 6s + r, p0 + p]   (0 past row m)
///     packed B panel (kc x nc), sliver s = columns 32s ..< 32s+32:
///         packedB[s·32·kc + p·32 + j] = B[p0 + p, j0 + 32s + j]
///     except the last sliver when it is partial: narrow slivers of one lane
///     (8 columns), each kc x 8, one after the other (0 past column n); for
///     the one-lane tile (see `RegisterTile`) every sliver is narrow
///
/// A transposed operand (Xᵀ in Xᵀ G, Wᵀ in G Wᵀ) is read in its stored
/// layout: the packed block is the same, only the source index differs
/// (A[i, p] = stored[p · stride + i]), so no transpose is ever formed.
///
/// Packing costs one read and write per entry; the kernel then reuses each
/// packed A block across the whole B panel and each B panel across all of A.
extension MatrixProduct {
    /// Packs the block a[0 ..< rows, 0 ..< depth] (a stored as it is or
    /// transposed) into slivers of `tileRows` rows, zero-padding the last
    /// sliver. `packed` must hold `roundedUp(rows, tileRows) · depth` values.
    static func packA(_ a: Operand, rows: Int, depth: Int, into packed: UnsafeMutablePointer<Double>) {
        // Entry (r, p) of a sliver starting at row i is source[r · rowStep + p · depthStep].
        let rowStep = a.isTransposed ? 1 : a.stride
        let depthStep = a.isTransposed ? a.stride : 1
        var target = packed
        var i = 0
        while i < rows {
            let height = min(tileRows, rows - i)
            let source = a.offset(row: i, column: 0).pointer
            if height == tileRows && a.isTransposed {
                // The 6 values of a step are contiguous in the stored layout.
                for p in 0..<depth {
                    let column = source + p * depthStep
                    for r in 0..<tileRows { target[r] = column[r] }
                    target += tileRows
                }
            } else if height == tileRows {
                for p in 0..<depth {
                    for r in 0..<tileRows { target[r] = source[r * rowStep + p] }
                    target += tileRows
                }
            } else {
                for p in 0..<depth {
                    for r in 0..<height { target[r] = source[r * rowStep + p * depthStep] }
                    for r in height..<tileRows { target[r] = 0 }
                    target += tileRows
                }
            }
            i += tileRows
        }
    }

    /// Packs the panel b[0 ..< depth, 0 ..< columns] (b stored as it is or
    /// transposed) into slivers of `tileColumns` columns, zero-padding the
    /// last sliver. `packed` must hold `depth · roundedUp(columns, tileColumns)` values.
    /// Without `wideSlivers` (the `oneLane` tile) every sliver is narrow, one lane wide.
    static func packB(
        _ b: Operand, depth: Int, columns: Int, wideSlivers: Bool = true, into packed: UnsafeMutablePointer<Double>
    ) {
        var target = packed
        var j = 0
        while j < columns {
            let width = min(tileColumns, columns - j)
            let source = b.offset(row: 0, column: j).pointer
            if width < tileColumns || !wideSlivers {
                // The last, partial sliver (or every sliver, for the one-lane
                // tile): narrow slivers of one lane each (see
                // `addNarrowTileProduct`), zero-padded, so that a 10-column B
                // costs two lanes of work, not four. A whole lane of a B stored
                // as it is is one vector copy per row.
                for start in stride(from: 0, to: width, by: Lane.scalarCount) {
                    let narrow = min(Lane.scalarCount, width - start)
                    if narrow == Lane.scalarCount && !b.isTransposed {
                        for p in 0..<depth {
                            let row = UnsafeRawPointer(source + p * b.stride + start)
                            UnsafeMutableRawPointer(target).storeBytes(
                                of: row.loadUnaligned(as: Lane.self), as: Lane.self)
                            target += Lane.scalarCount
                        }
                        continue
                    }
                    for p in 0..<depth {
                        for c in 0..<narrow {
                            target[c] =
                                b.isTransposed ? source[(start + c) * b.stride + p] : source[p * b.stride + start + c]
                        }
                        for c in narrow..<Lane.scalarCount { target[c] = 0 }
                        target += Lane.scalarCount
                    }
                }
            } else if b.isTransposed {
                // Entry (p, c) is source[c · stride + p]: walk each stored row
                // (one column of the sliver) and scatter it with step tileColumns.
                for c in 0..<width {
                    let column = source + c * b.stride
                    for p in 0..<depth { target[p * tileColumns + c] = column[p] }
                }
                target += depth * tileColumns
            } else if width == tileColumns {
                for p in 0..<depth {
                    let row = UnsafeRawPointer(source + p * b.stride)
                    TileRow(loading: row).store(to: UnsafeMutableRawPointer(target))
                    target += tileColumns
                }
            }
            j += tileColumns
        }
    }

    /// n rounded up to a multiple of `step`.
    @inline(__always)
    static func roundedUp(_ n: Int, _ step: Int) -> Int { (n + step - 1) / step * step }
}
