/// Element-wise arithmetic on matrices, with scalars on either side and
/// row-vector broadcasting.
///
/// Broadcasting follows the one rule a dense layer needs: a `1 x n` row vector
/// combines with every row of an `m x n` matrix, so `x * w + b` adds the bias
/// `b` (1 x n) to each of the m examples. Any other shape mismatch stops with
/// a `ShapeError` that names the operation and both shapes.
///
/// `*` between two matrices is the matrix product (`MatrixProduct.swift`);
/// the element-wise (Hadamard) product is `.*`, and element-wise division `./`.
infix operator .* : MultiplicationPrecedence
infix operator ./ : MultiplicationPrecedence

extension Matrix {
    /// The one element-wise kernel: `f(a[i, j], b[i, j])`, with `b` (or `a`)
    /// broadcast when it is a 1 x n row vector and the other is m x n.
    /// Inlined into each caller, so that `f` is inlined into the loop (a
    /// straight loop the compiler vectorises, not a closure call per element).
    @inline(__always)
    static func elementwise(_ name: String, _ a: Matrix, _ b: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
        if a.rows == b.rows && a.columns == b.columns {
            return Matrix(
                rows: a.rows, columns: a.columns,
                uninitialisedElementsFilledBy: { z in
                    a.elements.withUnsafeBufferPointer { x in
                        b.elements.withUnsafeBufferPointer { y in
                            VectorKernels.combine(x, y, into: UnsafeMutableBufferPointer(start: z, count: x.count), f)
                        }
                    }
                })
        }
        if b.rows == 1 && b.columns == a.columns {
            return broadcastRow(a, b, f)
        }
        if a.rows == 1 && a.columns == b.columns {
            return broadcastRow(b, a) { f($1, $0) }
        }
        requireShape(false, .elementwise(name, a, b))
        return a
    }

    /// f(m[i, j], row[0, j]) for every entry of the m x n `m`: the 1 x n `row`
    /// broadcast over the rows, in straight loops (a row on the left is
    /// `broadcastRow(m, row) { f($1, $0) }`).
    @inline(__always)
    static func broadcastRow(_ m: Matrix, _ row: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
        let (rows, columns) = (m.rows, m.columns)
        return Matrix(
            rows: rows, columns: columns,
            uninitialisedElementsFilledBy: { z in
                m.elements.withUnsafeBufferPointer { x in
                    row.elements.withUnsafeBufferPointer { r in
                        guard let x = x.baseAddress, let r = r.baseAddress else { return }
                        for i in 0..<rows {
                            let (from, to) = (x + i * columns, z + i * columns)
                            for j in 0..<columns { (to + j).initialize(to: f(from[j], r[j])) }
                        }
                    }
                }
            })
    }

    /// A + B element-wise (B may be a 1 x n row broadcast over the rows of A).
    public static func + (a: Matrix, b: Matrix) -> Matrix { elementwise("add", a, b, +) }
    /// A − B element-wise (either side may be a broadcast row).
    public static func - (a: Matrix, b: Matrix) -> Matrix { elementwise("subtract", a, b, -) }
    /// The Hadamard product A ⊙ B, (A ⊙ B)[i, j] = A[i, j] B[i, j].
    public static func .* (a: Matrix, b: Matrix) -> Matrix { elementwise("multiply (elementwise)", a, b, *) }
    /// Element-wise quotient, (A ./ B)[i, j] = A[i, j] / B[i, j].
    public static func ./ (a: Matrix, b: Matrix) -> Matrix { elementwise("divide (elementwise)", a, b, /) }

    /// A + s, adding s to every element.
    public static func + (a: Matrix, s: Double) -> Matrix { a.map { $0 + s } }
    /// s + A, adding s to every element.
    public static func + (s: Double, a: Matrix) -> Matrix { a.map { s + $0 } }
    /// A − s, subtracting s from every element.
    public static func - (a: Matrix, s: Double) -> Matrix { a.map { $0 - s } }
    /// s − A, element `s − A[i, j]` (not `A − s`).
    public static func - (s: Double, a: Matrix) -> Matrix { a.map { s - $0 } }
    /// A s, every element times s.
    public static func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }
    /// s A, every element times s.
    public static func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }
    /// A / s, every element divided by s.
    public static func / (a: Matrix, s: Double) -> Matrix { a.map { $0 / s } }
    /// s / A, element `s / A[i, j]` (not `A / s`).
    public static func / (s: Double, a: Matrix) -> Matrix { a.map { s / $0 } }
    /// −A.
    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }

    /// A ← A + B element-wise (B may be a 1 x n row broadcast over the rows of A).
    public static func += (a: inout Matrix, b: Matrix) { a.updateElementwise("add", b, +) }
    /// A ← A − B element-wise (B may be a 1 x n row broadcast over the rows of A).
    public static func -= (a: inout Matrix, b: Matrix) { a.updateElementwise("subtract", b, -) }

    /// self ← f(self, B) element-wise, in place when the result has self's
    /// shape (B the same shape, or a 1 x n row broadcast over the rows): the
    /// same numbers as `self = elementwise(name, self, b, f)`, without a new matrix.
    @inline(__always)
    mutating func updateElementwise(_ name: String, _ b: Matrix, _ f: (Double, Double) -> Double) {
        let sameShape = rows == b.rows && columns == b.columns
        guard sameShape || (b.rows == 1 && b.columns == columns) else {
            self = Matrix.elementwise(name, self, b, f)
            return
        }
        let n = columns
        b.elements.withUnsafeBufferPointer { x in
            withUnsafeMutableElements { y in
                if sameShape {
                    for i in 0..<y.count { y[i] = f(y[i], x[i]) }
                } else {
                    for start in stride(from: 0, to: y.count, by: Swift.max(n, 1)) {
                        for j in 0..<n { y[start + j] = f(y[start + j], x[j]) }
                    }
                }
            }
        }
    }
    /// A ← s A, every element times s.
    public static func *= (a: inout Matrix, s: Double) { a = a * s }

    /// In place: self ← self + alpha · other (same shape). The update step of
    /// every optimiser, without allocating a new matrix.
    public mutating func addScaled(_ alpha: Double, _ other: Matrix) {
        requireShape(
            rows == other.rows && columns == other.columns,
            .elementwise("addScaled", self, other))
        let n = count
        other.elements.withUnsafeBufferPointer { x in
            withUnsafeMutableElements { y in
                guard let xp = x.baseAddress, let yp = y.baseAddress else { return }
                VectorKernels.addScaled(alpha, xp, to: yp, count: n)
            }
        }
    }
}
