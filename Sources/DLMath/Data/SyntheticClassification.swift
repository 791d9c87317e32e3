import Foundation

/// Seeded two-dimensional classification sets that a straight line cannot
/// separate: two spirals, two moons and XOR. Each has exactly the same
/// number of points in every class, class 0 first, then class 1 (shuffle or
/// `split` before taking mini-batches). Randomness comes only from the
/// Gaussian noise N(0, σ²) added to each coordinate, drawn from `generator`
/// after the clean points are laid out, row by row (`normalMatrix`); σ = 0
/// gives the clean shapes. Features are named x1, x2.
extension Dataset {
    /// Two interleaved spirals, m points each. Point i of spiral 0, with
    /// t = (i + ½)/m and θ = 2π · turns · t, is (t cos θ, t sin θ): the
    /// radius grows from near 0 to 1 while the angle makes `turns` turns;
    /// spiral 1 is spiral 0 turned by half a turn, (−t cos θ, −t sin θ).
    public static func twoSpirals(
        pointsPerClass m: Int, turns: Double = 1.5, noise sigma: Double,
        using generator: inout SeededGenerator
    ) -> Dataset {
        precondition(m > 0 && sigma >= 0, "twoSpirals: needs pointsPerClass > 0 and noise >= 0")
        let clean = Matrix(rows: 2 * m, columns: 2) { row, column in
            let t = (Double(row % m) + 0.5) / Double(m)
            let theta = 2 * Double.pi * turns * t
            let sign: Double = row < m ? 1 : -1
            return sign * t * (column == 0 ? cos(theta) : sin(theta))
        }
        return synthetic(
            "two spirals", clean, pointsPerClass: m, classNames: ["spiral 0", "spiral 1"],
            noise: sigma, using: &generator)
    }

    /// Two interlocking half circles, m points each (scikit-learn's
    /// make_moons): with θ_i = π i/(m − 1) (θ = 0 when m = 1), moon 0 is
    /// (cos θ, sin θ), the upper half of the unit circle, and moon 1 is
    /// (1 − cos θ, ½ − sin θ), a lower half circle shifted right and down.
    public static func twoMoons(
        pointsPerClass m: Int, noise sigma: Double,
        using generator: inout SeededGenerator
    ) -> Dataset {
        precondition(m > 0 && sigma >= 0, "twoMoons: needs pointsPerClass > 0 and noise >= 0")
        let clean = Matrix(rows: 2 * m, columns: 2) { row, column in
            let theta = m > 1 ? Double.pi * Double(row % m) / Double(m - 1) : 0
            if row < m { return column == 0 ? cos(theta) : sin(theta) }
            return column == 0 ? 1 - cos(theta) : 0.5 - sin(theta)
        }
        return synthetic(
            "two moons", clean, pointsPerClass: m, classNames: ["upper moon", "lower moon"],
            noise: sigma, using: &generator)
    }

    /// The XOR problem: m points around each corner (a, b) of the unit square,
    /// labelled a XOR b. Class 0 gathers the corners (0, 0) and (1, 1), class 1
    /// the corners (0, 1) and (1, 0), so each class has 2m points; rows come as
    /// (0, 0), (1, 1), (0, 1), (1, 0), m each.
    public static func xor(
        pointsPerCorner m: Int, noise sigma: Double,
        using generator: inout SeededGenerator
    ) -> Dataset {
        precondition(m > 0 && sigma >= 0, "xor: needs pointsPerCorner > 0 and noise >= 0")
        let corners: [[Double]] = [[0, 0], [1, 1], [0, 1], [1, 0]]
        let clean = Matrix(rows: 4 * m, columns: 2) { row, column in corners[row / m][column] }
        return synthetic(
            "xor", clean, pointsPerClass: 2 * m, classNames: ["0 (equal bits)", "1 (different bits)"],
            noise: sigma, using: &generator)
    }

    /// The clean points plus N(0, σ²) noise on each coordinate; the first
    /// `pointsPerClass` rows are class 0, the next class 1.
    private static func synthetic(
        _ name: String, _ clean: Matrix, pointsPerClass: Int, classNames: [String],
        noise sigma: Double, using generator: inout SeededGenerator
    ) -> Dataset {
        let noise = generator.normalMatrix(rows: clean.rows, columns: clean.columns, standardDeviation: sigma)
        let labels = (0..<clean.rows).map { $0 < pointsPerClass ? 0 : 1 }
        return Dataset(name: name, features: clean + noise, labels: labels, classNames: classNames)
    }
}
