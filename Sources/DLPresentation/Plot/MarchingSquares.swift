/// Contour lines by marching squares: for a level L, each grid cell whose
/// corners lie on both sides of L gets one segment (two at a saddle), whose
/// ends are found by linear interpolation along the cell's edges,
/// t = (L − a) / (b − a). Cells with a non-finite corner are skipped.
/// Saddles are resolved by the mean of the four corners.
enum MarchingSquares {
    /// One segment of a contour, in grid coordinates (i, j), fractional.
    struct Segment {
        var start: (Double, Double)
        var end: (Double, Double)
    }

    /// The edges of a cell: bottom (i,j)–(i+1,j), right, top (i,j+1)–(i+1,j+1), left.
    private enum Edge { case bottom, right, top, left }

    static func segments(of grid: FunctionGrid, level: Double) -> [Segment] {
        var segments: [Segment] = []
        for j in 0..<grid.rows {
            for i in 0..<grid.columns {
                let v00 = grid[i, j], v10 = grid[i + 1, j], v11 = grid[i + 1, j + 1], v01 = grid[i, j + 1]
                guard v00.isFinite, v10.isFinite, v11.isFinite, v01.isFinite else { continue }
                let index =
                    (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0) | (v01 >= level ? 8 : 0)
                func point(_ edge: Edge) -> (Double, Double) {
                    func along(_ a: Double, _ b: Double) -> Double { a == b ? 0.5 : (level - a) / (b - a) }
                    let x = Double(i), y = Double(j)
                    switch edge {
                    case .bottom: return (x + along(v00, v10), y)
                    case .right: return (x + 1, y + along(v10, v11))
                    case .top: return (x + along(v01, v11), y + 1)
                    case .left: return (x, y + along(v00, v01))
                    }
                }
                let centreAbove = (v00 + v10 + v11 + v01) / 4 >= level
                let pairs: [(Edge, Edge)]
                switch index {
                case 0, 15: pairs = []
                case 1, 14: pairs = [(.left, .bottom)]
                case 2, 13: pairs = [(.bottom, .right)]
                case 3, 12: pairs = [(.left, .right)]
                case 4, 11: pairs = [(.right, .top)]
                case 6, 9: pairs = [(.bottom, .top)]
                case 7, 8: pairs = [(.left, .top)]
                case 5: pairs = centreAbove ? [(.left, .top), (.bottom, .right)] : [(.left, .bottom), (.right, .top)]
                case 10: pairs = centreAbove ? [(.left, .bottom), (.right, .top)] : [(.left, .top), (.bottom, .right)]
                default: pairs = []
                }
                for (a, b) in pairs { segments.append(Segment(start: point(a), end: point(b))) }
            }
        }
        return segments
    }
}
