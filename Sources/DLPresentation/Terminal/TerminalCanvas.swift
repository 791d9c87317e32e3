/// A grid of characters, `width` columns by `height` rows, row 0 at the
/// top, with a frame of labels around it: the drawing surface of the
/// terminal charts. Every framed line has the same number of characters.
struct TerminalCanvas {
    let width: Int
    let height: Int
    private(set) var cells: [[Character]]

    init(width: Int, height: Int, fill: Character = " ") {
        self.width = width
        self.height = height
        cells = Array(repeating: Array(repeating: fill, count: width), count: height)
    }

    /// Sets one cell; positions outside the grid are ignored.
    mutating func set(_ column: Int, _ row: Int, _ mark: Character) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        cells[row][column] = mark
    }

    /// Marks every cell on the straight line between two cells (Bresenham's algorithm).
    mutating func segment(from start: (Int, Int), to end: (Int, Int), _ mark: Character) {
        var (x, y) = start
        let dx = abs(end.0 - x), dy = -abs(end.1 - y)
        let sx = x < end.0 ? 1 : -1, sy = y < end.1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, mark)
            if x == end.0 && y == end.1 { return }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// The grid with a y axis on the left (labels at the top, middle and
    /// bottom rows), an x axis underneath and the two end labels of x below it:
    ///
    ///     2.5 ┤••
    ///         │  ••
    ///       0 ┤    •••
    ///         └───────
    ///          0     10
    func framed(top: String, middle: String?, bottom: String, xLow: String, xHigh: String) -> [String] {
        let gutter = max(top.count, bottom.count, middle?.count ?? 0)
        func pad(_ text: String) -> String { String(repeating: " ", count: gutter - text.count) + text }
        var lines: [String] = []
        for row in 0..<height {
            let label: String?
            if row == 0 {
                label = top
            } else if row == height - 1 {
                label = bottom
            } else if row == height / 2, height >= 5 {
                label = middle
            } else {
                label = nil
            }
            let axis = label == nil ? " │" : " ┤"
            lines.append(pad(label ?? "") + axis + String(cells[row]))
        }
        lines.append(String(repeating: " ", count: gutter) + " └" + String(repeating: "─", count: width))
        let room = max(0, width - xLow.count - xHigh.count)
        let xLine = xLow + String(repeating: " ", count: room) + xHigh
        let fitted = xLine.count > width ? String(xLine.prefix(width)) : xLine
        lines.append(
            String(repeating: " ", count: gutter + 2) + fitted + String(repeating: " ", count: width - fitted.count))
        return lines
    }
}
